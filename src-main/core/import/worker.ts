// Import worker thread: runs the pipeline off the main thread, so a crash or a hang on a hostile file costs only
// this worker (the host kills and replaces it). A message carries one file, or a batch of files imported one
// after another (fewer round trips for many small files); each file keeps the whole time limit, as a report
// after each file restarts it.
import { parentPort } from 'node:worker_threads';
import type { Result } from '../../shared/errors';
import type { ExtractedArticle, ImportProgress } from '../../shared/extraction';
import { importOutcome } from './pipeline';
import type { ImportLimits } from './registry';

export interface ImportFile {
  name: string;
  bytes: Uint8Array;
}

export interface ImportRequest {
  files: ImportFile[];
  limits: ImportLimits;
}

/** What the worker reports while a request runs: OCR pages of a file, or files of a batch done so far. */
export type ImportWorkerProgress = ImportProgress | { stage: 'files'; done: number };

function importOne(id: number, file: ImportFile, limits: ImportLimits): Promise<Result<ExtractedArticle>> {
  return importOutcome(file.bytes, file.name, limits, {
    onProgress: (progress) => parentPort?.postMessage({ id, progress }),
  });
}

parentPort?.on('message', async ({ id, request: req }: { id: number; request: ImportRequest }) => {
  const outcomes: Result<ExtractedArticle>[] = [];
  for (const file of req.files) {
    if (outcomes.length > 0) {
      const progress: ImportWorkerProgress = { stage: 'files', done: outcomes.length };
      parentPort?.postMessage({ id, progress });
    }
    outcomes.push(await importOne(id, file, req.limits));
  }
  parentPort?.postMessage({ id, ok: true, value: outcomes });
});
