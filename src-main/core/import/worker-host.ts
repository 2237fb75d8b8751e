// Runs imports in a worker thread with a per-file time limit and bounded memory; a file that
// crashes or hangs the worker is refused and the worker replaced, affecting nothing else.
import type { ExtractedArticle, ImportProgress } from '../../shared/extraction';
import { besideModule } from '../worker-file';
import { WorkerThread, type RunOptions as ThreadRunOptions } from '../worker-thread';
import type { ImportLimits } from './registry';
import type { ImportRequest } from './worker';

/** Progress reports and a way to stop this one file. */
export type RunOptions = ThreadRunOptions<ImportProgress>;

export class ImportWorkerHost {
  private readonly thread: WorkerThread<ImportRequest, ExtractedArticle, ImportProgress>;

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
  run(
    name: string,
    bytes: Uint8Array,
    limits: ImportLimits,
    options: RunOptions = {},
  ): Promise<ExtractedArticle> {
    return this.thread.run({ name, bytes, limits }, { ...options, timeoutMs: limits.timeoutMs });
  }

  close(): Promise<void> {
    return this.thread.close();
  }
}
