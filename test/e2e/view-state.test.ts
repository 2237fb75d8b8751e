// Window and view state survive a restart: the view, the open article, the column widths (moved with the
// keyboard on the splitters) and the compare selection.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { dropFiles, launchSeeded, type App } from './harness';

const REPORT = [
  'Port strike enters second week',
  '',
  'Dockworkers stayed away from the northern harbour for an eighth day, the union said on Monday.',
  'The port authority told reporters that ships were being diverted to the south.',
].join('\n');

describe('view state across restarts', () => {
  let app: App;
  before(async () => {
    app = await launchSeeded();
  });
  after(() => app?.close());

  it('reopens the last view, article, column widths and compare selection', async () => {
    const { page } = app;
    await dropFiles(page, [{ name: 'strike.txt', bytes: Buffer.from(REPORT), type: 'text/plain' }]);
    await page.getByTestId('article-title').filter({ hasText: 'Port strike' }).waitFor();
    await page.getByTestId('import-report-close').click();
    const side = page.getByRole('separator', { name: 'Library width' });
    const inspector = page.getByRole('separator', { name: 'Inspector width' });
    await side.focus();
    for (let i = 0; i < 4; i++) await page.keyboard.press('ArrowRight');
    await inspector.focus();
    for (let i = 0; i < 2; i++) await page.keyboard.press('ArrowLeft');
    const sideWidth = await side.getAttribute('aria-valuenow');
    const inspectorWidth = await inspector.getAttribute('aria-valuenow');
    assert.equal(sideWidth, '336');
    assert.equal(inspectorWidth, '352');
    await page.getByTestId('view-compare').click();
    const picks = page.getByTestId('compare-pick');
    await picks.nth(1).waitFor();
    await picks.nth(0).check();
    await picks.nth(1).check();
    await page.getByTestId('compare-open').click();
    await page.getByTestId('compare-column').nth(1).waitFor();
    await page.getByTestId('view-sources').click();

    await page.reload();
    await page.getByTestId('view-sources').and(page.locator('[aria-current="page"]')).waitFor();
    assert.equal(Math.round((await page.locator('aside.sidebar').boundingBox())!.width), Number(sideWidth));
    await page.getByTestId('view-reader').click();
    await page.getByTestId('article-title').filter({ hasText: 'Port strike' }).waitFor();
    assert.equal(
      Math.round((await page.locator('aside.inspector').boundingBox())!.width),
      Number(inspectorWidth),
    );
    await page.getByTestId('view-compare').click();
    await page.getByTestId('compare-column').nth(1).waitFor();
  });

  it('logged no console error', () => {
    assert.deepEqual(app.consoleErrors, []);
  });
});
