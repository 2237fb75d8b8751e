// One worker thread running jobs one at a time, with progress, cancel and an optional time limit: a job that
// crashes, hangs or is cancelled costs only this worker, which is stopped and replaced for the next job.
// The import worker (per-file time limit) and the export worker (no limit, cancel) both run on it.
import { Worker } from 'node:worker_threads';
import { AppError, type ErrorCode } from '../shared/errors';
import { workerEntry, type WorkerName } from './worker-file';

/** What a worker thread posts back for the job `id`: progress (any number of times), then a value or an error. */
export type WorkerReply<T, P> =
  | { id: number; ok: true; value: T }
  | { id: number; ok: false; code: ErrorCode; message: string }
  | { id: number; progress: P };

/** Progress reports and a way to stop this one job. */
export interface RunOptions<P> {
  onProgress?: (progress: P) => void;
  signal?: AbortSignal;
}

/** The words a person reads when the worker fails a job (each job kind says it its own way). */
export interface WorkerFailures {
  cancelled: string;
  outOfMemory: string;
  crashed: (message: string) => string;
  exited: string;
  timedOut: (ms: number) => string;
}

export class WorkerThread<Request, Value, Progress> {
  private worker: Worker | null = null;
  private nextId = 1;
  private queue: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly name: WorkerName,
    /** The worker's TypeScript source (absolute path), used when running from the repository. */
    private readonly source: string,
    private readonly failures: WorkerFailures,
    private readonly memoryLimitMb = 4096,
  ) {}

  /**
   * Run one job; calls are serialised so a time limit measures this job alone. With `timeoutMs`, the limit is
   * restarted by each progress report (a long job that reports is slow, not stuck).
   */
  run(request: Request, options: RunOptions<Progress> & { timeoutMs?: number } = {}): Promise<Value> {
    const job = this.queue.then(() => this.runNow(request, options));
    this.queue = job.catch(() => undefined);
    return job;
  }

  /** Starts the worker now (it loads its code while the caller prepares the first job); else the first job does. */
  start(): void {
    this.worker ??= this.spawn();
  }

  private spawn(): Worker {
    const { file, workerData } = workerEntry(this.name, this.source);
    const worker = new Worker(file, {
      workerData,
      resourceLimits: { maxOldGenerationSizeMb: this.memoryLimitMb },
    });
    worker.unref();
    return worker;
  }

  private runNow(request: Request, options: RunOptions<Progress> & { timeoutMs?: number }): Promise<Value> {
    const { failures } = this;
    if (options.signal?.aborted) return Promise.reject(new AppError('cancelled', failures.cancelled));
    const worker = (this.worker ??= this.spawn());
    const id = this.nextId++;
    return new Promise<Value>((resolve, reject) => {
      let timer: NodeJS.Timeout | undefined;
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
      const fail = (code: ErrorCode, message: string) => {
        discard();
        finish(() => reject(new AppError(code, message)));
      };
      const onAbort = () => fail('cancelled', failures.cancelled);
      const onMessage = (reply: WorkerReply<Value, Progress>) => {
        if (reply.id !== id) return;
        if ('progress' in reply) {
          timer?.refresh();
          options.onProgress?.(reply.progress);
          return;
        }
        finish(() => (reply.ok ? resolve(reply.value) : reject(new AppError(reply.code, reply.message))));
      };
      const onError = (err: Error) =>
        fail('refused', /memory/i.test(err.message) ? failures.outOfMemory : failures.crashed(err.message));
      const onExit = () => fail('refused', failures.exited);
      const { timeoutMs } = options;
      if (timeoutMs !== undefined)
        timer = setTimeout(() => fail('timeout', failures.timedOut(timeoutMs)), timeoutMs);
      worker.on('message', onMessage);
      worker.on('error', onError);
      worker.on('exit', onExit);
      options.signal?.addEventListener('abort', onAbort);
      worker.postMessage({ id, request });
    });
  }

  async close(): Promise<void> {
    const w = this.worker;
    this.worker = null;
    if (w) await w.terminate();
  }
}
