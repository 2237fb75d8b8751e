// Dossier worker thread: renders one export per message off the main thread (Electron's main process, the
// browser shell's request thread, the CLI), reporting progress, and reads dossier files (.qdpx unpacked here);
// the host cancels an export, or ends a read past its time limit, by stopping the worker.
import { parentPort } from 'node:worker_threads';
import type { ExportProgress } from '../../shared/contract';
import { AppError } from '../../shared/errors';
import type { RenderedFormat } from '../../shared/formats';
import { readDossierBytes } from './read-dossier';
import { renderExportBytes } from './render';

export interface ExportRequest {
  kind: 'export';
  /** Validated here, off the main thread, like the rendering. */
  dossier: unknown;
  format: RenderedFormat;
  title?: string;
  author?: string;
}

/** A dossier file to read (.json, .qdpx, .qdc): unpacked, parsed and validated here. */
export interface ReadDossierRequest {
  kind: 'read';
  name: string;
  bytes: Uint8Array;
}

/**
 * For tests only: each progress step of an export lasts at least this many milliseconds, so a test can watch the
 * percentage and call the app meanwhile however fast the machine is. Unset (the app): no pause.
 */
const STEP_PAUSE_MS = Number(process.env.CORROBORATE_EXPORT_STEP_MS ?? 0) || 0;
const stepPause = (): Promise<void> | undefined =>
  STEP_PAUSE_MS > 0 ? new Promise((resolve) => setTimeout(resolve, STEP_PAUSE_MS)) : undefined;

parentPort?.on(
  'message',
  async ({ id, request: req }: { id: number; request: ExportRequest | ReadDossierRequest }) => {
    try {
      if (req.kind === 'read') {
        parentPort?.postMessage({ id, ok: true, value: readDossierBytes(req.name, req.bytes) });
        return;
      }
      const bytes = await renderExportBytes(req.dossier, req.format, {
        title: req.title,
        author: req.author,
        onProgress: (done, total) => {
          const progress: ExportProgress = { stage: 'export', done, total };
          parentPort?.postMessage({ id, progress });
          return stepPause();
        },
      });
      // Transferred, not copied: a large export crosses back for free.
      parentPort?.postMessage({ id, ok: true, value: bytes }, [bytes.buffer]);
    } catch (err) {
      const code = err instanceof AppError ? err.code : 'internal';
      const message =
        err instanceof AppError
          ? err.message
          : `the ${req.kind === 'read' ? 'dossier could not be read' : 'export failed'} (${(err as Error)?.message ?? err})`;
      parentPort?.postMessage({ id, ok: false, code, message });
    }
  },
);
