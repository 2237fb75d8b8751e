// Runs imports in a worker thread with a per-file time limit and bounded memory; a file that
// crashes or hangs the worker is refused and the worker replaced, affecting nothing else.
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { AppError, type ErrorCode } from '../../shared/errors';
import type { ExtractedArticle, ImportProgress } from '../../shared/extraction';
import type { ImportLimits } from './registry';

type Reply =
  | { id: number; ok: true; value: ExtractedArticle }
  | { id: number; ok: false; code: ErrorCode; message: string }
  | { id: number; progress: ImportProgress };

/** Progress reports and a way to stop this one file. */
export interface RunOptions {
  onProgress?: (progress: ImportProgress) => void;
  signal?: AbortSignal;
}

/** The built worker next to the bundled main, or the source (through tsx) when run from the repo. */
function workerLocation(): { file: string; execArgv: string[] } {
  const here = dirname(fileURLToPath(import.meta.url));
  const built = join(here, 'import-worker.js');
  if (existsSync(built)) return { file: built, execArgv: [] };
  return { file: join(here, 'worker-dev.mjs'), execArgv: [] };
}

export class ImportWorkerHost {
  private worker: Worker | null = null;
  private nextId = 1;
  private queue: Promise<unknown> = Promise.resolve();

  constructor(private readonly memoryLimitMb = 4096) {}

  /** Import one file; calls are serialised so the time limit measures this file alone. */
  run(
    name: string,
    bytes: Uint8Array,
    limits: ImportLimits,
    options: RunOptions = {},
  ): Promise<ExtractedArticle> {
    const job = this.queue.then(() => this.runNow(name, bytes, limits, options));
    this.queue = job.catch(() => undefined);
    return job;
  }

  private spawn(): Worker {
    const { file, execArgv } = workerLocation();
    const worker = new Worker(file, {
      execArgv,
      resourceLimits: { maxOldGenerationSizeMb: this.memoryLimitMb },
    });
    worker.unref();
    return worker;
  }

  private runNow(
    name: string,
    bytes: Uint8Array,
    limits: ImportLimits,
    options: RunOptions,
  ): Promise<ExtractedArticle> {
    if (options.signal?.aborted) return Promise.reject(new AppError('cancelled', 'cancelled'));
    const worker = (this.worker ??= this.spawn());
    const id = this.nextId++;
    return new Promise<ExtractedArticle>((resolve, reject) => {
      const finish = (fn: () => void) => {
        clearTimeout(timer);
        options.signal?.removeEventListener('abort', onAbort);
        worker.off('message', onMessage);
        worker.off('error', onError);
        worker.off('exit', onExit);
        fn();
      };
      const discard = () => {
        if (this.worker === worker) this.worker = null;
        void worker.terminate();
      };
      const onAbort = () => {
        discard();
        finish(() => reject(new AppError('cancelled', 'cancelled while importing')));
      };
      const onMessage = (reply: Reply) => {
        if (reply.id !== id) return;
        if ('progress' in reply) {
          // Each OCR page gets the whole time limit: a long scan is slow, not stuck.
          timer.refresh();
          options.onProgress?.(reply.progress);
          return;
        }
        finish(() => (reply.ok ? resolve(reply.value) : reject(new AppError(reply.code, reply.message))));
      };
      const onError = (err: Error) => {
        discard();
        const memory = /memory/i.test(err.message);
        finish(() =>
          reject(
            new AppError(
              'refused',
              memory
                ? 'the file needs more memory than the importer may use'
                : `the importer crashed on this file (${err.message})`,
            ),
          ),
        );
      };
      const onExit = () => {
        discard();
        finish(() => reject(new AppError('refused', 'the importer stopped unexpectedly on this file')));
      };
      const timer = setTimeout(() => {
        discard();
        finish(() =>
          reject(
            new AppError(
              'timeout',
              `import took longer than ${Math.round(limits.timeoutMs / 1000)} s, the time limit per file`,
            ),
          ),
        );
      }, limits.timeoutMs);
      worker.on('message', onMessage);
      worker.on('error', onError);
      worker.on('exit', onExit);
      options.signal?.addEventListener('abort', onAbort);
      worker.postMessage({ id, name, bytes, limits });
    });
  }

  async close(): Promise<void> {
    const w = this.worker;
    this.worker = null;
    if (w) await w.terminate();
  }
}
