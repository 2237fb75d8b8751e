// Runs exports in a worker thread: the thread that serves other calls stays free, progress is reported per
// item, and a cancel stops the worker at once (nothing is written; the caller writes only finished bytes).
import type { ExportProgress } from '../../shared/contract';
import type { RenderedFormat } from '../../shared/formats';
import { besideModule } from '../worker-file';
import { WorkerThread, type RunOptions } from '../worker-thread';
import type { ExportRequest } from './worker';

export interface ExportRunOptions extends RunOptions<ExportProgress> {
  title?: string;
  author?: string;
}

export class ExportWorkerHost {
  private readonly thread = new WorkerThread<ExportRequest, Uint8Array<ArrayBuffer>, ExportProgress>(
    'export-worker',
    besideModule(import.meta.url, 'worker.ts'),
    {
      cancelled: 'export cancelled',
      outOfMemory: 'the export needs more memory than the exporter may use',
      crashed: (message) => `the exporter crashed (${message})`,
      exited: 'the exporter stopped unexpectedly',
      timedOut: (ms) => `export took longer than ${Math.round(ms / 1000)} s`,
    },
  );

  /** Validate and render one dossier (sent as the renderer sent it) in the worker; exports run one at a time. */
  render(
    dossier: unknown,
    format: RenderedFormat,
    { title, author, ...options }: ExportRunOptions = {},
  ): Promise<Uint8Array<ArrayBuffer>> {
    return this.thread.run({ dossier, format, title, author }, options);
  }

  close(): Promise<void> {
    return this.thread.close();
  }
}
