// Where the OCR engine's files are: next to the bundled main in the built app, in node_modules from source.
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { builtWorkerFile } from '../../worker-file';

/** The English data shipped with the app: LSTM-only "best_int" (see README: measured against "4.0.0"). */
export const SHIPPED_DATA_VARIANT = '4.0.0_best_int';
export const SHIPPED_LANGUAGES = ['eng'] as const;

export interface OcrAssets {
  /** tesseract.js's worker script; undefined = its default inside node_modules. */
  workerPath: string | undefined;
  /** Folder holding tesseract-core*.js and .wasm; undefined = resolved by tesseract.js from node_modules. */
  corePath: string | undefined;
  /** Folder holding eng.traineddata.gz. */
  langPath: string;
}

/** The folder electron.config.ts copies the OCR files into, next to the bundled import worker. */
export const BUILT_OCR_FOLDER = 'tesseract';

let cached: OcrAssets | null = null;

export function ocrAssets(): OcrAssets {
  if (cached) return cached;
  const workerPath = builtWorkerFile('ocr-worker');
  const main = workerPath ? dirname(workerPath) : null;
  if (workerPath && main && existsSync(join(main, BUILT_OCR_FOLDER, 'eng.traineddata.gz'))) {
    const built = join(main, BUILT_OCR_FOLDER);
    cached = { workerPath, corePath: built, langPath: built };
  } else {
    const require = createRequire(import.meta.url);
    const data = dirname(require.resolve('@tesseract.js-data/eng/package.json'));
    cached = { workerPath: undefined, corePath: undefined, langPath: join(data, SHIPPED_DATA_VARIANT) };
  }
  return cached;
}
