// The OCR engine: one tesseract.js worker per import worker, loaded from the app's own files and kept between pages.
import { createWorker, OEM, type Worker as TesseractWorker } from 'tesseract.js';
import { ocrAssets } from './assets';

/** One recognised line, in image pixels (y grows downwards). */
export interface OcrLine {
  text: string;
  x0: number;
  x1: number;
  /** The baseline's height in the image. */
  baseline: number;
  /** Tesseract's row height (ascender to descender), the same for every line of one type size. */
  rowHeight: number;
}

export interface OcrPage {
  lines: OcrLine[];
  /** Tesseract's mean word confidence for the page, 0–100. */
  confidence: number;
}

export interface OcrLanguageChoice {
  /** Codes to recognise together, "eng" first. */
  languages: string[];
  /** Folder holding languages the user added (plain .traineddata), or null. */
  extraFolder: string | null;
}

let current: { key: string; worker: Promise<TesseractWorker> } | null = null;

function startWorker(choice: OcrLanguageChoice): Promise<TesseractWorker> {
  const assets = ocrAssets();
  return createWorker(choice.languages, OEM.LSTM_ONLY, {
    ...(assets.workerPath ? { workerPath: assets.workerPath } : {}),
    ...(assets.corePath ? { corePath: assets.corePath } : {}),
    // A local folder, never a URL: tesseract.js reads it with fs. Added languages are found first in
    // cachePath (read only, nothing is ever written there), English falls back to the shipped folder.
    langPath: assets.langPath,
    cachePath: choice.extraFolder ?? assets.langPath,
    cacheMethod: choice.extraFolder ? 'readOnly' : 'none',
    gzip: true,
  });
}

function engineFor(choice: OcrLanguageChoice): Promise<TesseractWorker> {
  const key = `${choice.languages.join('+')}|${choice.extraFolder ?? ''}`;
  if (current?.key !== key) {
    const previous = current;
    current = { key, worker: startWorker(choice) };
    if (previous) void previous.worker.then((w) => w.terminate()).catch(() => undefined);
    // A failed start must not stick: the next file tries again.
    const mine = current;
    mine.worker.catch(() => {
      if (current === mine) current = null;
    });
  }
  return current.worker;
}

/** Recognise one page image (PNG, JPEG, PGM or BMP bytes). */
export async function recognizePage(image: Uint8Array, choice: OcrLanguageChoice): Promise<OcrPage> {
  const worker = await engineFor(choice);
  const { data } = await worker.recognize(Buffer.from(image), {}, { text: false, blocks: true });
  const lines: OcrLine[] = [];
  for (const block of data.blocks ?? []) {
    for (const paragraph of block.paragraphs) {
      for (const line of paragraph.lines) {
        const text = line.text.replace(/\s+/g, ' ').trim();
        if (!text) continue;
        const { x0, x1, y1 } = line.bbox;
        lines.push({
          text,
          x0,
          x1,
          baseline: Math.max(line.baseline.y0, line.baseline.y1) || y1,
          rowHeight: line.rowAttributes.rowHeight || y1 - line.bbox.y0,
        });
      }
    }
  }
  return { lines, confidence: lines.length ? data.confidence : 0 };
}

/** Stop the engine (tests, and the CLI before it exits). */
export async function closeOcr(): Promise<void> {
  const engine = current;
  current = null;
  if (engine) await (await engine.worker.catch(() => null))?.terminate();
}
