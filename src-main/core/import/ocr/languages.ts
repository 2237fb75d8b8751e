// The OCR languages the app has: English shipped inside it, plus any .traineddata the user put in <data folder>/ocr/.
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { SHIPPED_LANGUAGES } from './assets';

export interface OcrLanguages {
  /** Codes usable for OCR, shipped first ("eng", then e.g. "fra", "deu"). */
  languages: string[];
  /** The folder where more languages can be added. */
  folder: string;
}

export function ocrLanguageFolder(dataDir: string): string {
  return join(dataDir, 'ocr');
}

/** Tesseract language codes are letters, digits and underscores ("chi_sim", "deu_latf"). */
const LANGUAGE_FILE = /^([a-z][a-z0-9_]{1,30})\.traineddata$/i;

export function listOcrLanguages(dataDir: string): OcrLanguages {
  const folder = ocrLanguageFolder(dataDir);
  const added: string[] = [];
  try {
    for (const name of readdirSync(folder)) {
      const code = LANGUAGE_FILE.exec(name)?.[1];
      if (code && !(SHIPPED_LANGUAGES as readonly string[]).includes(code)) added.push(code);
    }
  } catch {
    // No folder yet: only the shipped languages.
  }
  return { languages: [...SHIPPED_LANGUAGES, ...added.sort()], folder };
}
