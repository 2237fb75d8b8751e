// Notices never cover the work: the import report and the "new version?" question sit in a dock under the
// view (not over the inspector, the view's header or toolbar), and a batch import gathers its version
// questions into its report instead of asking one by one.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Locator } from 'playwright-core';
import { dropFiles, expectCount, repoRoot, launchSeeded, type App } from './harness';

const seedText = readFileSync(join(repoRoot, 'test/fixtures/car-dec-2020.txt'), 'utf8');
const revised = (figure: string) =>
  seedText.replace('roughly 9,000 militants', `roughly ${figure} militants`);
const unrelated = [
  'Harbour cranes idle as dockworkers strike',
  '',
  'Dockworkers at the northern harbour stopped work on Tuesday, the union said.',
  'A port spokesperson told reporters that two container ships had been diverted.',
  'The transport ministry denied that fuel deliveries were at risk.',
].join('\n');

async function box(l: Locator) {
  const b = await l.boundingBox();
  assert.ok(b, 'element is visible');
  return b;
}
async function assertApart(a: Locator, b: Locator, what: string) {
  const [p, q] = [await box(a), await box(b)];
  const overlap =
    p.x < q.x + q.width - 1 &&
    q.x < p.x + p.width - 1 &&
    p.y < q.y + q.height - 1 &&
    q.y < p.y + p.height - 1;
  assert.ok(!overlap, `${what}: ${JSON.stringify(p)} overlaps ${JSON.stringify(q)}`);
}

describe('non-blocking notices', () => {
  let app: App;
  before(async () => {
    app = await launchSeeded();
  });
  after(() => app?.close());

  it('shows the import report and the version question without covering the reader or the inspector', async () => {
    const { page } = app;
    await dropFiles(page, [
      { name: 'car-revised.txt', bytes: Buffer.from(revised('8,000')), type: 'text/plain' },
    ]);
    const prompt = page.getByTestId('version-prompt');
    const report = page.getByTestId('import-report');
    await prompt.waitFor();
    await report.waitFor();
    const inspector = page.locator('aside.inspector');
    for (const notice of [prompt, report]) {
      await assertApart(notice, inspector, 'notice over the inspector');
      await assertApart(notice, page.getByTestId('article-title'), 'notice over the article title');
      await assertApart(notice, page.locator('header').first(), 'notice over the top bar');
    }
    await app.screenshot('notices-single');
    await page.getByTestId('version-dismiss').click();
    await page.getByTestId('import-report-close').click();
    await prompt.waitFor({ state: 'detached' });
  });

  it('keeps the compare toolbar clear of the version question', async () => {
    const { page } = app;
    await page.getByTestId('view-compare').click();
    await dropFiles(page, [
      { name: 'car-revised-2.txt', bytes: Buffer.from(revised('7,500')), type: 'text/plain' },
    ]);
    const prompt = page.getByTestId('version-prompt');
    await prompt.waitFor();
    await assertApart(prompt, page.getByTestId('compare-view'), 'notice over the compare view');
    await page.getByTestId('version-dismiss').click();
    await page.getByTestId('import-report-close').click();
  });

  it('gathers the version questions of a batch import into its report', async () => {
    const { page } = app;
    await page.getByTestId('view-reader').click();
    await dropFiles(page, [
      { name: 'car-revised-3.txt', bytes: Buffer.from(revised('6,000')), type: 'text/plain' },
      { name: 'harbour.txt', bytes: Buffer.from(unrelated), type: 'text/plain' },
    ]);
    const report = page.getByTestId('import-report');
    await report.waitFor();
    await expectCount(report.getByTestId('import-row'), 2);
    const offers = report.getByTestId('report-version-offer');
    await expectCount(offers, 1);
    assert.equal(
      await page.getByTestId('version-prompt').count(),
      0,
      'no separate prompt interrupts the batch',
    );
    await app.screenshot('notices-batch');
    await offers.first().getByTestId('report-version-accept').click();
    await page.getByTestId('version-outcome').waitFor();
    await expectCount(offers, 0);
  });

  it('logged no console error', () => {
    assert.deepEqual(app.consoleErrors, []);
  });
});
