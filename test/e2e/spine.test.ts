// End to end through the browser shell in Chromium: first start, drag-and-drop import,
// tagging that survives a reload, no foreign requests and no console errors.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { dropFiles, launchApp, repoRoot, type App } from './harness';

const gold = JSON.parse(readFileSync(join(repoRoot, 'test/fixtures/statements.gold.json'), 'utf8')) as {
  statements: { text: string }[];
};

describe('the workbench in the browser shell', () => {
  let app: App;
  before(async () => {
    app = await launchApp();
  });
  after(async () => {
    await app?.close();
  });

  it('shows the seed article as statements on first start', async () => {
    const { page } = app;
    await page.getByTestId('article-title').waitFor();
    assert.match(await page.getByTestId('article-title').innerText(), /CAR faces alleged coup/);
    await page.getByTestId('statement').first().waitFor();
    assert.equal(await page.getByTestId('statement').count(), gold.statements.length);
    const first = await page.getByTestId('statement').first().innerText();
    assert.ok(first.includes(gold.statements[0]!.text), 'first statement text');
    assert.ok((await page.getByTestId('speaker-chip').count()) > 0);
    await app.screenshot('first-start');
  });

  it('imports a dropped .txt file and shows its statements', async () => {
    const { page } = app;
    const text =
      'Officials in Bangui said on Tuesday that the road to Mbaiki had reopened.\n\n' +
      '“Traffic is moving again,” a police spokesman told reporters. Residents were not convinced.\n';
    await dropFiles(page, [{ name: 'bangui-roads.txt', bytes: Buffer.from(text), type: 'text/plain' }]);
    const report = page.getByTestId('import-report');
    await report.waitFor();
    const rows = await report.getByTestId('import-row').allInnerTexts();
    assert.equal(await report.locator('[data-outcome="imported"]').count(), 1, rows.join('\n'));
    await page.getByTestId('library-item').nth(1).click();
    await page.getByTestId('article-title').filter({ hasText: 'Officials in Bangui' }).waitFor();
    assert.equal(await page.getByTestId('statement').count(), 3);
    await page.getByTestId('import-report-close').click();
    await page.getByTestId('library-item').first().click();
  });

  it('tags a statement with key 1 and keeps the tag over a reload', async () => {
    const { page } = app;
    await page.getByTestId('article-title').filter({ hasText: 'CAR faces' }).waitFor();
    const second = page.getByTestId('statement').nth(1);
    await second.click();
    await page.keyboard.press('1');
    await second.getByTestId('tag-chip').waitFor();
    const tagName = await second.getByTestId('tag-chip').innerText();
    await page.reload();
    await page.getByTestId('library-item').first().click();
    const again = page.getByTestId('statement').nth(1);
    await again.getByTestId('tag-chip').waitFor();
    assert.equal(await again.getByTestId('tag-chip').innerText(), tagName);
    await again.click();
    await app.screenshot('reader-tagged');
  });

  it('made no request outside its own origin and logged no console errors', () => {
    assert.deepEqual(app.foreignRequests(), []);
    assert.ok(app.requests.length > 0);
    assert.deepEqual(app.consoleErrors, []);
  });
});
