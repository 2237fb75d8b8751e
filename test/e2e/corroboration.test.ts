// End to end in Chromium: a second report of the seed's events told in another order. Compare pairs the reordered
// figure statements and flags the figures; a manual align keeps the other pairs; the inspector lists the other
// report as "differs: 2,000 vs 9,000"; a candidate claim gathers both and accepting it fills the claim matrix.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { dropFiles, launchApp, repoRoot, type App } from './harness';

const ownReport = readFileSync(join(repoRoot, 'test/fixtures/corroboration/car-own-report.txt'), 'utf8');
const seedFigure = 'roughly 9,000 militants';
const otherFigure = 'about 2,000 fighters';

describe('corroboration across two reports of the same events', () => {
  let app: App;
  before(async () => {
    app = await launchApp();
  });
  after(async () => {
    assert.deepEqual(app?.consoleErrors ?? [], []);
    await app?.close();
  });

  const rowWith = (left: string, right: string) =>
    app.page
      .getByTestId('compare-row')
      .filter({ has: app.page.locator('[data-column="0"]', { hasText: left }) })
      .filter({ has: app.page.locator('[data-column="1"]', { hasText: right }) });
  const cell = (column: number, text: string) =>
    app.page.locator(`[data-testid="compare-cell"][data-column="${column}"]`, { hasText: text });

  it('pairs the reordered figure statements in Compare and flags 9,000 vs 2,000', async () => {
    const { page } = app;
    await page.getByTestId('article-title').filter({ hasText: 'CAR faces' }).waitFor();
    await dropFiles(page, [
      { name: 'car-own-report.txt', bytes: Buffer.from(ownReport), type: 'text/plain' },
    ]);
    await page.getByTestId('import-report').locator('[data-outcome="imported"]').waitFor();
    await page.getByTestId('import-report-close').click();

    await page.getByTestId('view-compare').click();
    const picks = page.getByTestId('compare-pick');
    await picks.nth(0).check();
    await picks.nth(1).check();
    await page.getByTestId('compare-open').click();
    await page.getByTestId('compare-row').first().waitFor();

    // The seed gives the figure in its 5th statement, the other report in its last one.
    const figureRow = rowWith(seedFigure, otherFigure);
    assert.equal(await figureRow.count(), 1, 'the two figure statements share a row');
    const flag = figureRow
      .getByTestId('conflict-flag')
      .filter({ hasText: '9,000' })
      .filter({ hasText: '2,000' });
    assert.equal(await flag.count(), 1, 'the differing figures are flagged');
    assert.equal(await flag.getAttribute('data-kind'), 'figure');
    assert.equal(await rowWith('previously sent military advisers', "Russia's military advisers").count(), 1);
    await app.screenshot('corroboration-compare');
  });

  it('keeps the other pairs when two statements are aligned by hand, and realigns automatically', async () => {
    const { page } = app;
    await cell(0, 'Russia denied it sent any forces').click();
    await page.keyboard.press('a');
    await cell(1, 'Cattle herders').click();
    await page.keyboard.press('a');
    await rowWith('Russia denied it sent any forces', 'Cattle herders').waitFor();
    assert.equal(await rowWith(seedFigure, otherFigure).count(), 1, 'the figure pair stays');
    assert.equal(await rowWith('previously sent military advisers', "Russia's military advisers").count(), 1);
    assert.equal(await rowWith('were defeated at', 'suffered a defeat near Mbaiki').count(), 1);

    await cell(0, 'Russia denied it sent any forces').click();
    await page.keyboard.press('r');
    await page.waitForFunction(
      () =>
        ![...document.querySelectorAll('[data-testid="compare-row"]')].some(
          (row) =>
            row.querySelector('[data-column="0"]')?.textContent?.includes('Russia denied it sent') &&
            row.querySelector('[data-column="1"]')?.textContent?.includes('Cattle herders'),
        ),
    );
    assert.equal(await rowWith(seedFigure, otherFigure).count(), 1);
  });

  it('lists the other report in the inspector of the seed figure statement as "differs: 2,000 vs 9,000"', async () => {
    const { page } = app;
    await page.getByTestId('view-reader').click();
    await page.getByTestId('library-item').filter({ hasText: 'CAR faces' }).click();
    await page.getByTestId('statement').filter({ hasText: seedFigure }).click();
    const section = page.getByTestId('corroboration-section');
    const match = section.getByTestId('corroboration-match').filter({ hasText: otherFigure });
    await match.waitFor();
    assert.equal(await match.getByTestId('corroboration-relation').innerText(), 'differs: 2,000 vs 9,000');
    await section.scrollIntoViewIfNeeded();
    await app.screenshot('corroboration-inspector');
    // The library counts the seed's statements that the other report also carries.
    const counted = page
      .getByTestId('library-item')
      .filter({ hasText: 'CAR faces' })
      .getByTestId('library-corroborated');
    await counted.waitFor();
    assert.match(await counted.innerText(), /^\d+ corroborated$/);
  });

  it('gathers both in a candidate claim; accepting it builds a claim whose matrix shows both sources', async () => {
    const { page } = app;
    await page.getByTestId('view-candidates').click();
    const candidate = page
      .getByTestId('candidate-claim')
      .filter({ hasText: seedFigure })
      .filter({ hasText: otherFigure });
    await candidate.waitFor();
    // Either statement may propose the claim; the other differs from it by the figure.
    assert.match(
      await candidate.getByTestId('candidate-relation').filter({ hasText: 'differs' }).innerText(),
      /^differs: (2,000 vs 9,000|9,000 vs 2,000)$/,
    );
    const claimText = await candidate.getByTestId('candidate-text').inputValue();
    assert.deepEqual(
      await candidate
        .getByTestId('candidate-stance')
        .evaluateAll((els) => els.map((e) => (e as HTMLSelectElement).value)),
      ['asserts', 'denies'],
    );
    await app.screenshot('corroboration-candidates');
    await candidate.getByTestId('candidate-accept').click();
    await candidate.waitFor({ state: 'detached' });

    await page.getByTestId('view-claims').click();
    await page.getByTestId('claims-matrix-tab').click();
    const matrix = page.getByTestId('claim-matrix');
    const row = matrix.getByTestId('matrix-row').filter({ hasText: claimText.slice(0, 40) });
    await row.waitFor();
    assert.equal(await matrix.getByTestId('matrix-source').count(), 2, 'one column per source');
    assert.equal(await row.getByTestId('matrix-cell').filter({ hasText: 'asserts' }).count(), 1);
    assert.equal(await row.getByTestId('matrix-cell').filter({ hasText: 'denies' }).count(), 1);
    await app.screenshot('corroboration-matrix');
  });
});
