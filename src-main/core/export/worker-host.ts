// Runs exports in a worker thread: the thread that serves other calls stays free, progress is reported per
// item, and a cancel stops the worker at once (nothing is written; the caller writes only finished bytes).
// Dossier files are read in a thread of the same worker, under the per-file time limit.
import type { ExportProgress } from '../../shared/contract';
import type { RenderedFormat } from '../../shared/formats';
import { besideModule } from '../worker-file';
import { WorkerThread, type RunOptions } from '../worker-thread';
import type { Dossier } from '../../shared/dossier';
import type { ExportRequest, ReadDossierRequest } from './worker';

export interface ExportRunOptions extends RunOptions<ExportProgress> {
  title?: string;
  author?: string;
}

const source = besideModule(import.meta.url, 'worker.ts');

export class ExportWorkerHost {
  private readonly thread = new WorkerThread<ExportRequest, Uint8Array<ArrayBuffer>, ExportProgress>(
    'export-worker',
    source,
    {
      cancelled: 'export cancelled',
      outOfMemory: 'the export needs more memory than the exporter may use',
      crashed: (message) => `the exporter crashed (${message})`,
      exited: 'the exporter stopped unexpectedly',
      timedOut: (ms) => `export took longer than ${Math.round(ms / 1000)} s`,
    },
  );
  // A second thread of the same worker: reading a dossier file never waits behind a long export.
  private readonly reader = new WorkerThread<ReadDossierRequest, Dossier, never>('export-worker', source, {
    cancelled: 'cancelled while reading the dossier',
    outOfMemory: 'the dossier file needs more memory than the reader may use',
    crashed: (message) => `the dossier reader crashed on this file (${message})`,
    exited: 'the dossier reader stopped unexpectedly on this file',
    timedOut: (ms) =>
      `reading the dossier took longer than ${Math.round(ms / 1000)} s, the time limit per file`,
  });

  /** Validate and render one dossier (sent as the renderer sent it) in the worker; exports run one at a time. */
  render(
    dossier: unknown,
    format: RenderedFormat,
    { title, author, ...options }: ExportRunOptions = {},
  ): Promise<Uint8Array<ArrayBuffer>> {
    return this.thread.run({ kind: 'export', dossier, format, title, author }, options);
  }

  /** Read a dossier file (.json, .qdpx unpacked through the zip guard, .qdc) in the worker, within `timeoutMs`. */
  readDossier(name: string, bytes: Uint8Array, timeoutMs: number): Promise<Dossier> {
    return this.reader.run({ kind: 'read', name, bytes }, { timeoutMs });
  }

  async close(): Promise<void> {
    await Promise.all([this.thread.close(), this.reader.close()]);
  }
}
