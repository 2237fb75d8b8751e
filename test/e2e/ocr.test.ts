// OCR end to end in the browser shell: a scanned PDF and a PNG of a press release become articles with
// statements and speakers, with page progress in the import panel and an OCR mark on the article; a mixed PDF
// is recognised only on its image page; rotated text is read without OCR; a decompression bomb is refused.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { crc32, deflateSync } from 'node:zlib';
import { dropFiles, launchApp, repoRoot, type App } from './harness';

const fixture = (name: string) => readFileSync(join(repoRoot, 'test/fixtures/ocr', name));

/** A real PNG bomb: 50,000 × 50,000 one-bit pixels, all white, deflated to a few hundred KB. */
function pngBomb(): Buffer {
  const chunk = (type: string, data: Buffer) => {
    const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
    const out = Buffer.alloc(12 + data.length);
    out.writeUInt32BE(data.length, 0);
    body.copy(out, 4);
    out.writeUInt32BE(crc32(body), 8 + data.length);
    return out;
  };
  const size = 50_000;
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header[8] = 1; // bit depth
  header[9] = 0; // greyscale
  const row = Buffer.alloc(1 + size / 8); // filter byte + 6,250 bytes of zeros
  const rows = Buffer.concat(Array.from({ length: 2_000 }, () => row)); // 2,000 rows deflate as well as 50,000
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(rows, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

describe('OCR of scans and images', () => {
  let app: App;
  before(async () => {
    app = await launchApp();
    await app.page.getByTestId('article-title').waitFor();
  });
  after(async () => {
    await app?.close();
  });

  it('imports a scanned PDF and a PNG with OCR page progress, statements, speakers and an OCR mark', async () => {
    const { page } = app;
    await page.evaluate(() => {
      const w = window as unknown as { __ocrProgress: string[] };
      w.__ocrProgress = [];
      new MutationObserver(() => {
        const text = document.querySelector('[data-testid="import-ocr-progress"]')?.textContent?.trim();
        if (text && !w.__ocrProgress.includes(text)) w.__ocrProgress.push(text);
      }).observe(document.body, { childList: true, subtree: true, characterData: true });
    });
    await dropFiles(page, [
      { name: 'two-pages.tiff', bytes: fixture('two-pages.tiff') },
      { name: 'scanned-release.pdf', bytes: fixture('scanned-release.pdf') },
      { name: 'release-port.png', bytes: fixture('release-port.png') },
    ]);
    await page.getByTestId('import-ocr-progress').waitFor({ timeout: 120_000 });
    await app.screenshot('ocr-import-panel');
    const report = page.getByTestId('import-report');
    await report.waitFor({ timeout: 600_000 });
    const seen = await page.evaluate(() => (window as unknown as { __ocrProgress: string[] }).__ocrProgress);
    assert.ok(seen.includes('OCR page 1 of 2') && seen.includes('OCR page 2 of 2'), seen.join(' | '));
    const rows = await report.getByTestId('import-row').allInnerTexts();
    assert.equal(rows.length, 3);
    for (const row of rows) {
      assert.match(row, /imported/i, row);
      assert.match(row, /Text recognised by OCR .*mean confidence \d+%/, row);
    }
    assert.match(
      rows.find((r) => r.includes('two-pages.tiff'))!,
      /on both pages/,
    );

    await report.getByRole('button', { name: /Regional Water Authority confirms contamination/ }).click();
    await page.getByTestId('article-ocr').waitFor();
    assert.match(
      await page.getByTestId('article-ocr-note').innerText(),
      /Text recognised by OCR on the page/,
    );
    const chips = await page.getByTestId('speaker-chip').allInnerTexts();
    assert.ok(
      chips.some((c) => /Helen Okafor/.test(c)),
      chips.join(' | '),
    );
    assert.ok(
      chips.some((c) => /Samuel Brandt/.test(c)),
      chips.join(' | '),
    );
    await app.screenshot('ocr-article-header');

    await page
      .getByTestId('import-report-close')
      .click()
      .catch(() => undefined);
    await page.getByTestId('library-item').filter({ hasText: 'Harbour workers end strike' }).click();
    await page.getByTestId('article-ocr').waitFor();
    const portChips = await page.getByTestId('speaker-chip').allInnerTexts();
    assert.ok(
      portChips.some((c) => /Rachel Adeyemi|Lindqvist/.test(c)),
      portChips.join(' | '),
    );
  });

  it('recognises only the image page of a mixed PDF, reads rotated text without OCR, refuses a bomb', async () => {
    const { page } = app;
    await dropFiles(page, [
      { name: 'mixed-letter.pdf', bytes: fixture('mixed-letter.pdf') },
      { name: 'rotated-text.pdf', bytes: fixture('rotated-text.pdf') },
      { name: 'bomb.png', bytes: pngBomb() },
    ]);
    const report = page.getByTestId('import-report');
    await report.getByTestId('import-row').nth(2).waitFor({ timeout: 600_000 });
    const rows = await report.getByTestId('import-row').allInnerTexts();
    const row = (name: string) => rows.find((r) => r.includes(name)) ?? '';
    assert.match(row('mixed-letter.pdf'), /imported/i);
    assert.match(row('mixed-letter.pdf'), /Text recognised by OCR on page 2 of 2/);
    assert.match(row('rotated-text.pdf'), /imported/i);
    assert.doesNotMatch(row('rotated-text.pdf'), /OCR/);
    assert.match(row('bomb.png'), /refused/i);
    assert.match(row('bomb.png'), /50,000 × 50,000 pixels \(2,500 megapixels\); the limit is 100 megapixels/);
  });

  it('says in the Imports view which OCR languages it has and where to add more', async () => {
    const { page, dataDir } = app;
    await page.getByTestId('view-imports').click();
    const line = page.getByTestId('ocr-languages');
    assert.match(await line.innerText(), /OCR in English \(eng\)\./);
    assert.ok((await line.innerText()).includes(join(dataDir, 'ocr')), await line.innerText());
    await app.screenshot('ocr-languages-light');
    await page.emulateMedia({ colorScheme: 'dark' });
    await page.waitForFunction(() => document.documentElement.dataset.theme === 'dark');
    await app.screenshot('ocr-languages-dark');
    await page.emulateMedia({ colorScheme: 'light' });

    // A language file dropped into the folder shows up the next time the view opens (nothing else is read
    // here: this file only has to be named like one; it is taken away before anything is recognised again).
    const added = join(dataDir, 'ocr', 'fra.traineddata');
    await mkdir(join(dataDir, 'ocr'), { recursive: true });
    await writeFile(added, 'not really French');
    try {
      await page.getByTestId('view-reader').click();
      await page.getByTestId('view-imports').click();
      await page.getByTestId('ocr-languages').filter({ hasText: 'French (fra)' }).waitFor();
      assert.match(await line.innerText(), /English \(eng\), French \(fra\)\./);
    } finally {
      await rm(added);
    }
  });

  it('made no request outside its own origin', () => {
    assert.deepEqual(app.foreignRequests(), []);
  });
});
