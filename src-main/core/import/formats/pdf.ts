// PDF importer: pdf.js text content → lines → paragraphs; title and author from the document metadata.
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type * as PdfJsModule from 'pdfjs-dist/legacy/build/pdf.mjs';
import { AppError } from '../../../shared/errors';
import type { ExtractedDocument } from '../../../shared/extraction';
import type { ImportLimits } from '../limits';
import { cleanTitle, joinBlocks, normalizeDate } from '../normalize';
import { OcrRun, type ImportHooks } from '../ocr/pages';
import { renderPageForOcr } from '../ocr/pdf-render';
import {
  itemsToLines,
  linesToParagraphs,
  removeRunningLines,
  type PdfLine,
  type PdfTextItem,
} from '../pdf-layout';

type PdfJs = typeof PdfJsModule;
let pdfjsLoading: Promise<PdfJs> | null = null;

/**
 * Load pdf.js once, in this thread (no worker: the import pipeline already runs off the main thread).
 * pdf.js 6 no longer evaluates font programs as code, so there is no isEvalSupported switch left to turn off.
 */
export function loadPdfJs(): Promise<PdfJs> {
  pdfjsLoading ??= (async () => {
    // Node 20 lacks Promise.withResolvers, which pdf.js 6 uses; Electron's Node has it.
    if (typeof (Promise as { withResolvers?: unknown }).withResolvers !== 'function') {
      Object.defineProperty(Promise, 'withResolvers', {
        configurable: true,
        writable: true,
        value: function withResolvers<T>() {
          let resolve!: (value: T | PromiseLike<T>) => void;
          let reject!: (reason?: unknown) => void;
          const promise = new Promise<T>((res, rej) => {
            resolve = res;
            reject = rej;
          });
          return { promise, resolve, reject };
        },
      });
    }
    // Node 20 also lacks ArrayBuffer.prototype.transferToFixedLength, which pdf.js 6 uses when it renders fonts
    // (drawing a page for OCR); a copy serves, as pdf.js never reads the old buffer again.
    if (
      typeof (ArrayBuffer.prototype as { transferToFixedLength?: unknown }).transferToFixedLength !==
      'function'
    ) {
      Object.defineProperty(ArrayBuffer.prototype, 'transferToFixedLength', {
        configurable: true,
        writable: true,
        value: function transferToFixedLength(this: ArrayBuffer, length = this.byteLength): ArrayBuffer {
          const copy = new ArrayBuffer(length);
          new Uint8Array(copy).set(new Uint8Array(this, 0, Math.min(length, this.byteLength)));
          return copy;
        },
      });
    }
    // pdf.js looks for this global before it tries to spawn or import a worker itself.
    const worker = await import('pdfjs-dist/legacy/build/pdf.worker.mjs');
    (globalThis as { pdfjsWorker?: unknown }).pdfjsWorker = worker;
    return import('pdfjs-dist/legacy/build/pdf.mjs');
  })();
  return pdfjsLoading;
}

// Character maps for CJK fonts that do not embed their own, read from disk (never fetched).
function localDataDirectory(name: 'cmaps'): string | undefined {
  try {
    const packageJson = createRequire(import.meta.url).resolve('pdfjs-dist/package.json');
    return join(dirname(packageJson), name) + '/';
  } catch {
    return undefined;
  }
}

export async function importPdf(
  bytes: Uint8Array,
  limits: ImportLimits,
  hooks: ImportHooks = {},
): Promise<ExtractedDocument> {
  const pdfjs = await loadPdfJs();
  const task = pdfjs.getDocument({
    data: new Uint8Array(bytes), // a plain copy: pdf.js refuses Buffers and may detach what it is given
    disableFontFace: true,
    useSystemFonts: false,
    disableAutoFetch: true,
    disableStream: true,
    disableRange: true,
    stopAtErrors: false,
    useWasm: false,
    enableXfa: false,
    verbosity: 0,
    cMapUrl: localDataDirectory('cmaps'),
    cMapPacked: true,
    // No standardFontDataUrl: glyph outlines of the 14 standard fonts are not needed for text, and
    // reading them from disk for every PDF doubled the cost of small files.
  });
  try {
    const doc = await task.promise.catch((error: unknown) => {
      throw refusalFor(error);
    });
    if (doc.numPages > limits.maxPdfPages) {
      throw new AppError('too-large', `PDF has ${doc.numPages} pages; the limit is ${limits.maxPdfPages}`);
    }
    const pages = await readPages(doc, limits, hooks);
    const text = joinBlocks(linesToParagraphs(removeRunningLines(pages.lines)));
    const { info, metadata } = await doc.getMetadata().catch(() => ({ info: {}, metadata: null }));
    const infoRecord = info as Record<string, unknown>;
    const author = stringOrNull(metadata?.get('dc:creator')) ?? stringOrNull(infoRecord.Author);
    return {
      format: 'pdf',
      title: usableTitle(stringOrNull(metadata?.get('dc:title')) ?? stringOrNull(infoRecord.Title)) ?? '',
      outlet: null,
      authors: author ? author.split(/\s*;\s*/).filter(Boolean) : [],
      publishedAt: pdfDate(pdfjs, stringOrNull(infoRecord.CreationDate)),
      url: null,
      language: cleanTitle(stringOrNull(infoRecord.Language)),
      text,
      warnings: [],
      ...(pages.ocr ? { ocr: pages.ocr.info(doc.numPages) } : {}),
    };
  } finally {
    await task.destroy();
  }
}

type PdfDocument = Awaited<ReturnType<PdfJs['getDocument']>['promise']>;

/**
 * Every page's lines. A page has a text layer when pdf.js finds any text on it, whatever its rotation or
 * the text's; only pages without one are rendered and recognised (a typed letter with scanned annexes).
 */
async function readPages(
  doc: PdfDocument,
  limits: ImportLimits,
  hooks: ImportHooks,
): Promise<{ lines: PdfLine[][]; ocr: OcrRun | null }> {
  const lines: PdfLine[][] = [];
  const withoutText: number[] = [];
  for (let number = 1; number <= doc.numPages; number++) {
    const page = await doc.getPage(number);
    const content = await page.getTextContent();
    const items = content.items.filter(
      (item): item is PdfTextItem & (typeof content.items)[number] => 'str' in item,
    );
    const pageLines = itemsToLines(items);
    if (pageLines.length === 0) withoutText.push(number);
    lines.push(pageLines);
    page.cleanup();
  }
  if (withoutText.length === 0) return { lines, ocr: null };
  const ocr = new OcrRun(withoutText.length, limits, hooks);
  for (const number of withoutText) {
    const page = await doc.getPage(number);
    lines[number - 1] = await ocr.page(number, () => renderPageForOcr(page));
    page.cleanup();
  }
  return { lines, ocr };
}

function refusalFor(error: unknown): AppError {
  const name = (error as { name?: string } | null)?.name;
  if (name === 'PasswordException') return new AppError('refused', 'PDF is password-protected');
  if (name === 'InvalidPDFException') return new AppError('refused', 'the PDF is damaged or incomplete');
  return new AppError('refused', `the PDF cannot be read (${(error as Error)?.message ?? String(error)})`);
}

function stringOrNull(value: unknown): string | null {
  if (Array.isArray(value)) return stringOrNull(value.join('; '));
  return typeof value === 'string' && value.trim() ? value.trim() : null;
}

// Producers put file names and tool stamps in the title field; those are worse than the first line.
function usableTitle(raw: string | null): string | null {
  const title = cleanTitle(raw?.replace(/^Microsoft (?:Word|PowerPoint) - /, ''));
  if (
    !title ||
    /^(?:untitled|title|document\d*)$/i.test(title) ||
    /\.(?:docx?|pdf|rtf|odt|txt|indd|qxd)$/i.test(title)
  ) {
    return null;
  }
  return title;
}

function pdfDate(pdfjs: PdfJs, raw: string | null): string | null {
  if (!raw) return null;
  return normalizeDate(pdfjs.PDFDateString.toDateObject(raw));
}
