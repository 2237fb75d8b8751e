// The CLI reads files as the app does: size checked with stat before a byte is read, and each import run in
// the same worker, with the same per-file time limit and memory cap, as the app's.
import { readFile, stat } from 'node:fs/promises';
import { basename } from 'node:path';
import { AppError } from '../shared/errors';
import type { ExtractedArticle } from '../shared/extraction';
import { DEFAULT_LIMITS, type ImportLimits } from '../core/import/limits';
import { tooLargeReason } from '../shared/sizes';
import { ImportWorkerHost } from '../core/import/worker-host';
import { listOcrLanguages } from '../core/import/ocr/languages';
import { defaultDataDir } from '../core/paths';

/** Reads a file only if it is a file no bigger than `maxBytes` (refused from its size, before reading). */
export async function readBoundedFile(
  path: string,
  maxBytes = DEFAULT_LIMITS.maxFileBytes,
): Promise<Uint8Array> {
  let size: number;
  try {
    const s = await stat(path);
    if (!s.isFile()) throw new AppError('refused', 'not a file');
    size = s.size;
  } catch (err) {
    if (err instanceof AppError) throw err;
    throw new AppError(
      'not-found',
      (err as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (err as Error).message,
    );
  }
  if (size > maxBytes) throw new AppError('too-large', tooLargeReason(size, maxBytes));
  return new Uint8Array(await readFile(path));
}

export interface CliImporter {
  importFile(path: string): Promise<ExtractedArticle>;
  close(): Promise<void>;
}

/** The app's limits, with OCR in every language the data folder holds, as the app does. */
export function cliLimits(dataDir = defaultDataDir()): ImportLimits {
  const { languages, folder } = listOcrLanguages(dataDir);
  return { ...DEFAULT_LIMITS, ocrLanguages: languages, ocrExtraFolder: languages.length > 1 ? folder : null };
}

/** One import worker for the whole command; close it when done. */
export function cliImporter(limits: ImportLimits = cliLimits()): CliImporter {
  const worker = new ImportWorkerHost();
  return {
    async importFile(path) {
      const bytes = await readBoundedFile(path, limits.maxFileBytes);
      return worker.run(basename(path), bytes, limits);
    },
    close: () => worker.close(),
  };
}
