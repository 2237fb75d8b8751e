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

/** "English (eng), French (fra), chi_sim": OCR language codes as people read them; unknown codes stay as they are. */
export function ocrLanguageNames(codes: readonly string[]): string {
  const names = new Intl.DisplayNames(['en'], { type: 'language', fallback: 'none' });
  return codes
    .map((code) => {
      let name: string | undefined;
      try {
        name = names.of(code);
      } catch {
        // Not a BCP 47 code ("chi_sim"): shown as the file name says it.
      }
      return name && name.toLowerCase() !== code ? `${name} (${code})` : code;
    })
    .join(', ');
}
