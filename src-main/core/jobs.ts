// Running importFile and exportDossier calls by the id the renderer chose: their latest progress, and a way
// to cancel each.
import type { JobProgress } from '../shared/contract';

interface Job {
  progress: JobProgress | null;
  controller: AbortController;
}

/** What a tracked job is given: where to report progress, and the signal that cancels it. */
export interface JobOptions {
  onProgress: (progress: JobProgress) => void;
  signal: AbortSignal;
}

export class Jobs {
  private readonly running = new Map<string, Job>();

  /** Run one job under this id (no id: run it untracked). The entry goes when the job ends. */
  async track<T>(jobId: string | undefined, run: (options: Partial<JobOptions>) => Promise<T>): Promise<T> {
    if (!jobId) return run({});
    const job: Job = { progress: null, controller: new AbortController() };
    this.running.set(jobId, job);
    try {
      return await run({
        signal: job.controller.signal,
        onProgress: (progress) => {
          job.progress = progress;
        },
      });
    } finally {
      if (this.running.get(jobId) === job) this.running.delete(jobId);
    }
  }

  progress(jobId: string): JobProgress | null {
    return this.running.get(jobId)?.progress ?? null;
  }

  cancel(jobId: string): boolean {
    const job = this.running.get(jobId);
    if (!job) return false;
    job.controller.abort();
    return true;
  }
}
