// Import worker thread: runs the pipeline off the main thread, one file per message, so a
// crash or a hang on a hostile file costs only this worker (the host kills and replaces it).
import { parentPort } from 'node:worker_threads';
import { AppError } from '../../shared/errors';
import { importBytes } from './pipeline';
import type { ImportLimits } from './registry';

export interface ImportRequest {
  name: string;
  bytes: Uint8Array;
  limits: ImportLimits;
}

parentPort?.on('message', async ({ id, request: req }: { id: number; request: ImportRequest }) => {
  try {
    const value = await importBytes(req.bytes, req.name, req.limits, {
      onProgress: (progress) => parentPort?.postMessage({ id, progress }),
    });
    parentPort?.postMessage({ id, ok: true, value });
  } catch (err) {
    const code = err instanceof AppError ? err.code : 'refused';
    const message =
      err instanceof AppError
        ? err.message
        : `the importer failed on this file (${(err as Error)?.message ?? err})`;
    parentPort?.postMessage({ id, ok: false, code, message });
  }
});
