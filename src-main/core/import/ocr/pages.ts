// OCR of page images into the PDF layout's lines, so recognised pages rebuild paragraphs like text pages do.
import type { ImportProgress } from '../../../shared/extraction';
import type { OcrInfo } from '../../../shared/domain';
import type { ImportLimits } from '../limits';
import type { PdfLine } from '../pdf-layout';
import { recognizePage, type OcrPage } from './engine';

/** What an importer may be told while it works. */
export interface ImportHooks {
  onProgress?: (progress: ImportProgress) => void;
}

/**
 * Recognised lines as PDF-layout lines: y grows upwards as in PDF space, and every line near the page's
 * usual row height gets exactly that height, so "a font change ends a paragraph" sees only real changes.
 */
export function ocrLinesToPdfLines(page: OcrPage): PdfLine[] {
  const heights = page.lines.map((line) => line.rowHeight).sort((p, q) => p - q);
  const usual = heights[Math.floor(heights.length / 2)] ?? 1;
  return page.lines.map((line) => ({
    text: line.text,
    x: line.x0,
    y: -line.baseline,
    right: line.x1,
    fontSize: Math.abs(line.rowHeight - usual) <= usual * 0.25 ? usual : line.rowHeight,
  }));
}

/** Runs OCR over a file's page images in order, reporting each page, and sums up what was recognised. */
export class OcrRun {
  private readonly confidences: number[] = [];
  private readonly done: number[] = [];

  constructor(
    private readonly total: number,
    private readonly limits: ImportLimits,
    private readonly hooks: ImportHooks,
  ) {}

  /** Recognise one page (1-based number in the file); `render` makes its image only when its turn comes. */
  async page(pageNumber: number, render: () => Promise<Uint8Array>): Promise<PdfLine[]> {
    this.hooks.onProgress?.({ stage: 'ocr', page: this.done.length + 1, pages: this.total });
    const image = await render();
    const result = await recognizePage(image, {
      languages: this.limits.ocrLanguages,
      extraFolder: this.limits.ocrExtraFolder,
    });
    this.done.push(pageNumber);
    if (result.lines.length) this.confidences.push(result.confidence);
    return ocrLinesToPdfLines(result);
  }

  info(pageCount: number): OcrInfo {
    const sum = this.confidences.reduce((total, value) => total + value, 0);
    return {
      pages: [...this.done],
      pageCount,
      meanConfidence: this.confidences.length ? Math.round((sum / this.confidences.length) * 10) / 10 : 0,
      languages: [...this.limits.ocrLanguages],
    };
  }
}
