// OCR quality, measured: word F1 of recognised text against the typed text it was rendered from, for clean
// 300 dpi pages, 150 dpi pages, turned and noisy pages, and the committed scans (pdftoppm + ImageMagick).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { closeOcr, recognizePage } from '../../../../../../src-main/core/import/ocr/engine';
import { ocrLinesToPdfLines } from '../../../../../../src-main/core/import/ocr/pages';
import { joinBlocks } from '../../../../../../src-main/core/import/normalize';
import { linesToParagraphs } from '../../../../../../src-main/core/import/pdf-layout';
import { extractDocument } from '../../../../../../src-main/core/import/registry';
import { wordF1 } from '../word-f1';
import { pageImage, type Degradation } from './render';
import { textPdf } from './text-pages';

export const OCR_FIXTURES = join(import.meta.dirname, '../../../../../fixtures/ocr');
const text = (name: string) => readFileSync(join(OCR_FIXTURES, `${name}.txt`), 'utf8');
const TEXTS = ['release-water', 'release-port', 'release-council', 'annex-cranes'];
const SLOW = 900_000;

async function meanF1(names: string[], how: Degradation): Promise<number> {
  const scores: string[] = [];
  let sum = 0;
  for (const name of names) {
    const page = await recognizePage(await pageImage(textPdf(text(name)), how), {
      languages: ['eng'],
      extraFolder: null,
    });
    const f1 = wordF1(joinBlocks(linesToParagraphs([ocrLinesToPdfLines(page)])), text(name));
    scores.push(`${name} ${f1.toFixed(3)}`);
    sum += f1;
  }
  const mean = sum / names.length;
  console.log(`OCR word F1 ${JSON.stringify(how)}: mean ${mean.toFixed(4)} (${scores.join(', ')})`);
  return mean;
}

afterAll(closeOcr);

describe('OCR word F1 (typed press releases rendered to page images)', () => {
  it('300 dpi, clean: ≥ 0.97', { timeout: SLOW }, async () => {
    expect(await meanF1(TEXTS, { dpi: 300 })).toBeGreaterThanOrEqual(0.97);
  });

  it('150 dpi, clean: ≥ 0.93', { timeout: SLOW }, async () => {
    expect(await meanF1(TEXTS.slice(0, 2), { dpi: 150 })).toBeGreaterThanOrEqual(0.93);
  });

  it('300 dpi turned 1.2° with 0.5 % noise: ≥ 0.93', { timeout: SLOW }, async () => {
    expect(await meanF1(TEXTS.slice(2), { dpi: 300, rotate: 1.2, noise: 0.005 })).toBeGreaterThanOrEqual(
      0.93,
    );
  });
});

describe('OCR of the committed scans, through the import pipeline', () => {
  const cases = [
    { file: 'scanned-release.pdf', reference: text('release-water') },
    { file: 'release-port.png', reference: text('release-port') },
    { file: 'two-pages.tiff', reference: `${text('release-council')}\n${text('annex-cranes')}` },
    { file: 'mixed-letter.pdf', reference: `${text('release-council')}\n${text('annex-cranes')}` },
  ];
  for (const { file, reference } of cases) {
    it(`${file}: word F1 ≥ 0.93, pages and confidence recorded`, { timeout: SLOW }, async () => {
      const document = await extractDocument(new Uint8Array(readFileSync(join(OCR_FIXTURES, file))), file);
      const f1 = wordF1(document.text, reference);
      console.log(`OCR ${file}: word F1 ${f1.toFixed(4)}, confidence ${document.ocr?.meanConfidence}`);
      expect(f1).toBeGreaterThanOrEqual(0.93);
      expect(document.ocr?.meanConfidence).toBeGreaterThan(50);
    });
  }
});
