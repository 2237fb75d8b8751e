// Importer registry: picks the importer for a file by content sniffing first, extension second.
import { AppError } from '../../shared/errors';
import type { ExtractedDocument } from '../../shared/extraction';
import { importText } from './formats/text';
import { tooLargeReason } from '../../shared/sizes';
import { DEFAULT_LIMITS, type ImportLimits } from './limits';
import { fallbackTitle } from './normalize';
import type { ImportHooks } from './ocr/pages';
import { sniffFile } from './sniff';

export { DEFAULT_LIMITS, type ImportLimits } from './limits';
export type { ImportHooks } from './ocr/pages';

/** Extract one document. Throws AppError('refused' | 'too-large', reason) for a file it cannot take. */
export async function extractDocument(
  bytes: Uint8Array,
  fileName: string,
  limits: ImportLimits = DEFAULT_LIMITS,
  hooks: ImportHooks = {},
): Promise<ExtractedDocument> {
  const effective: ImportLimits = { ...DEFAULT_LIMITS, ...limits };
  if (bytes.byteLength > effective.maxFileBytes) {
    throw new AppError('too-large', tooLargeReason(bytes.byteLength, effective.maxFileBytes));
  }
  if (bytes.byteLength === 0) throw new AppError('refused', 'the file is empty');
  const document = await extractByFormat(bytes, fileName, effective, hooks).catch((error: unknown) => {
    throw asRefusal(error);
  });
  if (!document.text) throw new AppError('refused', emptyReason(document.format, document.ocr !== undefined));
  return { ...document, title: document.title || fallbackTitle(document.text, fileName) };
}

async function extractByFormat(
  bytes: Uint8Array,
  fileName: string,
  limits: ImportLimits,
  hooks: ImportHooks,
): Promise<ExtractedDocument> {
  const sniffed = sniffFile(bytes, fileName);
  switch (sniffed.format) {
    case 'pdf': {
      const { importPdf } = await import('./formats/pdf'); // pdf.js is large: load it only for PDFs
      return importPdf(bytes, limits, hooks);
    }
    case 'image': {
      const { importImage } = await import('./formats/image'); // the OCR engine loads only for images and scans
      return importImage(bytes, sniffed.kind, limits, hooks);
    }
    case 'docx': {
      const { importDocx } = await import('./formats/docx');
      return importDocx(bytes, fileName, limits);
    }
    case 'eml': {
      const { importEmail } = await import('./formats/email');
      return importEmail(bytes, limits);
    }
    // Web pages and Markdown load their parsers when first met (a DOM and a Markdown lexer: a plain-text import
    // need not compile them).
    case 'html': {
      const { importHtml } = await import('./formats/html');
      return importHtml(sniffed.decoded, bytes, limits);
    }
    case 'md': {
      const { importMarkdown } = await import('./formats/markdown');
      return importMarkdown(sniffed.decoded);
    }
    case 'txt':
      return importText(sniffed.decoded);
  }
}

// A library failing on a malformed file is a refusal of that file, never a crash of the import.
function asRefusal(error: unknown): AppError {
  if (error instanceof AppError) return error;
  if (error instanceof RangeError)
    return new AppError('refused', 'the file is too deeply nested or too large to read');
  // A library tripping over its own assumptions on a malformed file: say so, not which property was null.
  if (error instanceof TypeError) return new AppError('refused', 'the file is damaged and cannot be read');
  const detail = error instanceof Error ? error.message : String(error);
  return new AppError('refused', `the file cannot be read (${detail.slice(0, 200)})`);
}

function emptyReason(format: ExtractedDocument['format'], recognised: boolean): string {
  switch (format) {
    case 'pdf':
      return recognised
        ? 'PDF has no text layer and OCR found no text on its pages'
        : 'the PDF has no text on its pages';
    case 'image':
      return 'OCR found no text in the image';
    case 'docx':
      return 'the Word document has no text (only images, or nothing at all)';
    case 'html':
      return 'the web page has no readable text';
    case 'eml':
      return 'the e-mail has no text';
    default:
      return 'the file is empty';
  }
}
