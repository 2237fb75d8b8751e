// Export worker thread: renders one dossier per message off the main thread (Electron's main process, the
// browser shell's request thread, the CLI), reporting progress; the host cancels an export by stopping it.
import { parentPort } from 'node:worker_threads';
import type { ExportProgress } from '../../shared/contract';
import { AppError } from '../../shared/errors';
import type { RenderedFormat } from '../../shared/formats';
import { renderExportBytes } from './render';

export interface ExportRequest {
  /** Validated here, off the main thread, like the rendering. */
  dossier: unknown;
  format: RenderedFormat;
  title?: string;
  author?: string;
}

parentPort?.on('message', async ({ id, request: req }: { id: number; request: ExportRequest }) => {
  try {
    const bytes = await renderExportBytes(req.dossier, req.format, {
      title: req.title,
      author: req.author,
      onProgress: (done, total) => {
        const progress: ExportProgress = { stage: 'export', done, total };
        parentPort?.postMessage({ id, progress });
      },
    });
    // Transferred, not copied: a large export crosses back for free.
    parentPort?.postMessage({ id, ok: true, value: bytes }, [bytes.buffer]);
  } catch (err) {
    const code = err instanceof AppError ? err.code : 'internal';
    const message =
      err instanceof AppError ? err.message : `the export failed (${(err as Error)?.message ?? err})`;
    parentPort?.postMessage({ id, ok: false, code, message });
  }
});
