// Running importFile calls by the id the renderer chose: their latest progress, and a way to cancel each.
import type { ImportProgress } from '../../shared/extraction';
import type { RunOptions } from './worker-host';

interface Job {
  progress: ImportProgress | null;
  controller: AbortController;
}

export class ImportJobs {
  private readonly running = new Map<string, Job>();

  /** Run one import under this id (no id: run it untracked). The entry goes when the import ends. */
  async track<T>(jobId: string | undefined, run: (options: RunOptions) => Promise<T>): Promise<T> {
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

  progress(jobId: string): ImportProgress | null {
    return this.running.get(jobId)?.progress ?? null;
  }

  cancel(jobId: string): boolean {
    const job = this.running.get(jobId);
    if (!job) return false;
    job.controller.abort();
    return true;
  }
}
