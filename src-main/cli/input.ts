// The CLI reads files as the app does: size checked with stat before a byte is read, and each import run in
// the same worker, with the same per-file time limit and memory cap, as the app's (see poolSize for how many).
import { readFileSync, statSync } from 'node:fs';
import { basename } from 'node:path';
import { AppError } from '../shared/errors';
import type { ExtractedArticle } from '../shared/extraction';
import { DEFAULT_LIMITS, type ImportLimits } from '../core/import/limits';
import { tooLargeReason } from '../shared/sizes';
import { ImportWorkerPool, poolSize } from '../core/import/worker-pool';
import { listOcrLanguages } from '../core/import/ocr/languages';
import { defaultDataDir } from '../core/paths';

/**
 * Reads a file only if it is a file no bigger than `maxBytes` (refused from its size, before reading). Read at
 * once: for the many small files of an import, the file system's promises cost the main thread far more than the
 * reads themselves.
 */
export async function readBoundedFile(
  path: string,
  maxBytes = DEFAULT_LIMITS.maxFileBytes,
): Promise<Uint8Array> {
  let size: number;
  try {
    const s = statSync(path);
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
  return new Uint8Array(readFileSync(path));
}

export interface CliImporter {
  /** Imports the files, several at once; the outcomes come in the order of `paths`. */
  importAll(
    paths: readonly string[],
  ): AsyncGenerator<PromiseSettledResult<ExtractedArticle>, void, undefined>;
  close(): Promise<void>;
}

/** The app's limits, with OCR in every language the data folder holds, as the app does. */
export function cliLimits(dataDir = defaultDataDir()): ImportLimits {
  const { languages, folder } = listOcrLanguages(dataDir);
  return { ...DEFAULT_LIMITS, ocrLanguages: languages, ocrExtraFolder: languages.length > 1 ? folder : null };
}

/** Import workers for `fileCount` files (`workers` of them, else see poolSize); close them when done. */
export function cliImporter(
  fileCount: number,
  limits: ImportLimits = cliLimits(),
  workers = poolSize(fileCount),
): CliImporter {
  const pool = new ImportWorkerPool(Math.min(workers, fileCount));
  return {
    async *importAll(paths) {
      // Sizes only group small files into batches; each file is checked again when it is read.
      const sizes = paths.map((path) => {
        try {
          return statSync(path).size;
        } catch {
          return 0;
        }
      });
      yield* pool.importAll(
        paths.map((path, i) => ({
          name: basename(path),
          size: sizes[i]!,
          read: () => readBoundedFile(path, limits.maxFileBytes),
        })),
        limits,
      );
    },
    close: () => pool.close(),
  };
}
