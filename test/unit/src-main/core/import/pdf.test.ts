// PDF extraction: corpus quality, rebuilt paragraphs, running headers and page numbers, metadata, refusals.
import { describe, expect, it } from 'vitest';
import { AppError } from '../../../../../src-main/shared/errors';
import { extractDocument } from '../../../../../src-main/core/import/registry';
import { corpusBytes, corpusDir, corpusText } from './corpus';
import { makePdf, type PdfTextRun } from './make-pdf';
import { wordF1 } from './word-f1';

describe('PDF corpus (apache/pdfbox inputs)', () => {
  it('keeps the text: mean word-F1 against -sorted.txt ≥ 0.95', async () => {
    const files = corpusDir('pdf').filter((name) => name.endsWith('.pdf'));
    const scores: string[] = [];
    let sum = 0;
    for (const file of files) {
      const document = await extractDocument(corpusBytes('pdf', file), file);
      const f1 = wordF1(document.text, corpusText('pdf', `${file}-sorted.txt`));
      scores.push(`${file} ${f1.toFixed(3)}`);
      sum += f1;
    }
    console.log(`PDF mean word-F1 ${(sum / files.length).toFixed(4)}:`, scores.join(', '));
    expect(files.length).toBe(6);
    expect(sum / files.length).toBeGreaterThanOrEqual(0.95);
  });

  it('reads title, author and date from the document information', async () => {
    const document = await extractDocument(corpusBytes('pdf', 'hello3.pdf'), 'hello3.pdf');
    expect(document.format).toBe('pdf');
    expect(document.title).toBe('Hello محمد World');
    expect(document.authors).toEqual(['Brian Carrier']);
    expect(document.publishedAt).toMatch(/^2008-08-19T/);
  });
});

const days = ['Monday', 'Tuesday', 'Wednesday'];
// A report page: running header, two paragraphs (the first with a word hyphenated across lines), page number.
const reportPage = (page: number): PdfTextRun[] => [
  { x: 72, y: 750, size: 9, text: 'ACME Quarterly Report - Confidential' },
  { x: 72, y: 700, text: `The committee met on ${days[page - 1]} to review the quarterly infor-` },
  { x: 72, y: 686, text: `mation about sales in region ${page}. It was a long meeting.` },
  { x: 72, y: 650, text: `Paragraph ${page * 2} starts after a wider gap and goes` },
  { x: 72, y: 636, text: `on over the next line (${days[page - 1]}).` },
  { x: 300, y: 40, size: 9, text: String(page) },
];

describe('PDF layout', () => {
  const pdf = makePdf([reportPage(1), reportPage(2), reportPage(3)], {
    info: { Title: 'Quarterly report', Author: 'Jane Roe' },
  });

  it('rebuilds paragraphs from lines and joins words hyphenated at line ends', async () => {
    const { text } = await extractDocument(pdf, 'report.pdf');
    const paragraphs = text.split('\n\n');
    expect(paragraphs).toHaveLength(6);
    expect(paragraphs[0]).toBe(
      'The committee met on Monday to review the quarterly information about sales in region 1. It was a long meeting.',
    );
    expect(paragraphs[5]).toBe(
      'Paragraph 6 starts after a wider gap and goes on over the next line (Wednesday).',
    );
  });

  it('drops the running header and the page numbers', async () => {
    const { text } = await extractDocument(pdf, 'report.pdf');
    expect(text).not.toContain('Confidential');
    expect(text).not.toMatch(/^\d+$/m);
  });

  it('takes title and author from the metadata', async () => {
    const document = await extractDocument(pdf, 'report.pdf');
    expect(document.title).toBe('Quarterly report');
    expect(document.authors).toEqual(['Jane Roe']);
  });

  it('falls back to the first line for the title when the metadata has none', async () => {
    const document = await extractDocument(makePdf([reportPage(1).slice(1)]), 'report.pdf');
    expect(document.title).toMatch(/^The committee met on Monday/);
  });
});

describe('PDF with pages without text', () => {
  it('imports the text pages and records that the others went through OCR', async () => {
    const document = await extractDocument(makePdf([reportPage(1).slice(1, 3), [], []]), 'mixed.pdf');
    expect(document.text).toMatch(/^The committee met on Monday/);
    expect(document.ocr?.pages).toEqual([2, 3]);
    expect(document.ocr?.pageCount).toBe(3);
  });
});

describe('PDF refusals', () => {
  const refusal = async (bytes: Uint8Array, name: string): Promise<AppError> => {
    const error = await extractDocument(bytes, name).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(AppError);
    return error as AppError;
  };

  it('refuses an encrypted PDF as password-protected', async () => {
    const error = await refusal(makePdf([reportPage(1)], { encrypted: true }), 'secret.pdf');
    expect(error.code).toBe('refused');
    expect(error.message).toBe('PDF is password-protected');
  });

  it('refuses a PDF with neither a text layer nor anything OCR can read', async () => {
    const error = await refusal(makePdf([[], []]), 'scan.pdf');
    expect(error.message).toBe('PDF has no text layer and OCR found no text on its pages');
  });

  it('refuses a truncated PDF as damaged', async () => {
    const bytes = corpusBytes('pdf', 'sample_fonts_solidconvertor.pdf');
    const error = await extractDocument(bytes.subarray(0, 600), 'cut.pdf').catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe('refused');
  });

  it('refuses a PDF with more pages than the limit', async () => {
    const error = await extractDocument(makePdf([reportPage(1), reportPage(2)]), 'long.pdf', {
      ...(await import('../../../../../src-main/core/import/limits')).DEFAULT_LIMITS,
      maxPdfPages: 1,
    }).catch((caught: unknown) => caught);
    expect((error as AppError).code).toBe('too-large');
    expect((error as AppError).message).toBe('PDF has 2 pages; the limit is 1');
  });
});
