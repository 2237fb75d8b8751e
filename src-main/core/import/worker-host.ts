// Runs imports in a worker thread with a per-file time limit and bounded memory; a file that
// crashes or hangs the worker is refused and the worker replaced, affecting nothing else.
import { AppError, type Result } from '../../shared/errors';
import type { ExtractedArticle, ImportProgress } from '../../shared/extraction';
import { besideModule } from '../worker-file';
import { WorkerThread, type RunOptions as ThreadRunOptions } from '../worker-thread';
import type { ImportLimits } from './registry';
import type { ImportFile, ImportRequest, ImportWorkerProgress } from './worker';

/** Progress reports and a way to stop this one file. */
export type RunOptions = ThreadRunOptions<ImportProgress>;

export class ImportWorkerHost {
  private readonly thread: WorkerThread<ImportRequest, Result<ExtractedArticle>[], ImportWorkerProgress>;

  constructor(memoryLimitMb = 4096) {
    this.thread = new WorkerThread(
      'import-worker',
      besideModule(import.meta.url, 'worker.ts'),
      {
        cancelled: 'cancelled while importing',
        outOfMemory: 'the file needs more memory than the importer may use',
        crashed: (message) => `the importer crashed on this file (${message})`,
        exited: 'the importer stopped unexpectedly on this file',
        timedOut: (ms) => `import took longer than ${Math.round(ms / 1000)} s, the time limit per file`,
      },
      memoryLimitMb,
    );
  }

  /** Import one file; calls are serialised so the time limit measures this file alone (each OCR page gets it whole). */
  async run(
    name: string,
    bytes: Uint8Array,
    limits: ImportLimits,
    options: RunOptions = {},
  ): Promise<ExtractedArticle> {
    const { onProgress, signal } = options;
    const [outcome] = await this.thread.run(
      { files: [{ name, bytes }], limits },
      {
        signal,
        timeoutMs: limits.timeoutMs,
        onProgress: (progress) => {
          if (progress.stage === 'ocr') onProgress?.(progress);
        },
      },
    );
    if (!outcome) throw new AppError('internal', 'the importer gave no answer for this file');
    if (!outcome.ok) throw new AppError(outcome.code, outcome.message);
    return outcome.value;
  }

  /**
   * Import several files in one round trip to the worker, each with the whole time limit; the outcomes are those
   * of `run` for each file alone. Should the batch cost the worker (a crash, a hang, too much memory), its files
   * are imported again one by one, so only the culprit is refused and with its own reason.
   */
  async runBatch(
    files: ImportFile[],
    limits: ImportLimits,
  ): Promise<PromiseSettledResult<ExtractedArticle>[]> {
    const settle = (outcome: Result<ExtractedArticle>): PromiseSettledResult<ExtractedArticle> =>
      outcome.ok
        ? { status: 'fulfilled', value: outcome.value }
        : { status: 'rejected', reason: new AppError(outcome.code, outcome.message) };
    if (files.length > 1) {
      const outcomes = await this.thread
        .run({ files, limits }, { timeoutMs: limits.timeoutMs })
        .catch(() => null);
      if (outcomes?.length === files.length) return outcomes.map(settle);
    }
    const one: PromiseSettledResult<ExtractedArticle>[] = [];
    for (const file of files)
      one.push(
        await this.run(file.name, file.bytes, limits).then(
          (value) => ({ status: 'fulfilled', value }) as const,
          (reason: unknown) => ({ status: 'rejected', reason }) as const,
        ),
      );
    return one;
  }

  /** Starts the worker thread before the first file comes (it takes a moment to load the importers). */
  start(): void {
    this.thread.start();
  }

  close(): Promise<void> {
    return this.thread.close();
  }
}
