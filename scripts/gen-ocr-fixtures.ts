// Builds the OCR test fixtures from the press-release texts in test/fixtures/ocr: typed PDFs rendered by
// pdftoppm (poppler-utils), degraded by ImageMagick, and wrapped as scanned PDFs, PNG and TIFF.
// Needs pdftoppm and convert on the PATH; `npm test` only reads the committed results.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { mixedPdf, readPbm } from '../test/unit/src-main/core/import/ocr/scan-pdf';
import { makeRotatedTextPdf } from '../test/unit/src-main/core/import/ocr/rotated-pdf';
import { textPages, textPdf } from '../test/unit/src-main/core/import/ocr/text-pages';

const fixtures = join(import.meta.dirname, '..', 'test', 'fixtures', 'ocr');
const work = mkdtempSync(join(tmpdir(), 'ocr-fixtures-'));
const text = (name: string) => readFileSync(join(fixtures, `${name}.txt`), 'utf8');

/** Page 1 of a text as a grey PNG at this resolution (pdftoppm, antialiased as a scanner's output is). */
function rendered(name: string, dpi: number): string {
  const pdf = join(work, `${name}.pdf`);
  writeFileSync(pdf, textPdf(text(name)));
  const stem = join(work, `${name}-${dpi}`);
  execFileSync('pdftoppm', ['-r', String(dpi), '-gray', '-png', '-singlefile', pdf, stem]);
  return `${stem}.png`;
}

/** A scanner's look: turned slightly, a little noise, then black and white. */
function scanned(png: string, rotate: number, out: string): void {
  execFileSync('convert', [
    png,
    '-background',
    'white',
    '-rotate',
    String(rotate),
    '+repage',
    '-attenuate',
    '0.4',
    '+noise',
    'Gaussian',
    '-threshold',
    '55%',
    out,
  ]);
}

try {
  // A scanned press release: image-only PDF, 300 dpi, turned 0.8°, noisy, 1-bit.
  scanned(rendered('release-water', 300), 0.8, join(work, 'water.pbm'));
  const water = readPbm(readFileSync(join(work, 'water.pbm')), 300);
  writeFileSync(join(fixtures, 'scanned-release.pdf'), mixedPdf([{ image: water }]));

  // A photographed/scanned press release as PNG: 200 dpi grey, 4 levels (small enough to commit).
  execFileSync('convert', [
    rendered('release-port', 200),
    '-background',
    'white',
    '-rotate',
    '-0.5',
    '+repage',
    '-attenuate',
    '0.3',
    '+noise',
    'Gaussian',
    '-colors',
    '4',
    join(fixtures, 'release-port.png'),
  ]);

  // A typed cover letter with a scanned annex: page 1 has a text layer, page 2 is an image.
  scanned(rendered('annex-cranes', 300), -0.4, join(work, 'annex.pbm'));
  const annex = readPbm(readFileSync(join(work, 'annex.pbm')), 300);
  writeFileSync(
    join(fixtures, 'mixed-letter.pdf'),
    mixedPdf([{ text: textPages(text('release-council'))[0]! }, { image: annex }]),
  );

  // Two pages as one Group 4 TIFF (how fax and archive scans come).
  scanned(rendered('release-council', 300), 0.3, join(work, 'council.png'));
  scanned(rendered('annex-cranes', 300), 0, join(work, 'annex.png'));
  execFileSync('convert', [
    join(work, 'council.png'),
    join(work, 'annex.png'),
    '-compress',
    'Group4',
    join(fixtures, 'two-pages.tiff'),
  ]);

  writeFileSync(join(fixtures, 'rotated-text.pdf'), makeRotatedTextPdf());
} finally {
  rmSync(work, { recursive: true, force: true });
}
