// How the app says that an article's text came from OCR: one wording for the reader, the import report and exports.
import type { OcrInfo } from './domain';

/** "pages 2, 3 of 3" or "the whole page": which pages were recognised. */
function whichPages(ocr: OcrInfo): string {
  if (ocr.pageCount === 1) return 'the page';
  if (ocr.pages.length === ocr.pageCount)
    return ocr.pageCount === 2 ? 'both pages' : `all ${ocr.pageCount} pages`;
  return `page${ocr.pages.length === 1 ? '' : 's'} ${ocr.pages.join(', ')} of ${ocr.pageCount}`;
}

/** "Text recognised by OCR on pages 2, 3 of 3 (mean confidence 91%); check quotes against the original." */
export function ocrSummary(ocr: OcrInfo): string {
  return (
    `Text recognised by OCR on ${whichPages(ocr)} (mean confidence ${Math.round(ocr.meanConfidence)}%); ` +
    'check quotes against the original.'
  );
}
