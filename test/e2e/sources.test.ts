// End to end through the browser shell: the sources list filters the reader by speaker; merging and
// renaming sources survive a reload; undo reverts a rename; no foreign requests, no console errors.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { launchApp, repoRoot, type App, expectCount } from './harness';

const gold = JSON.parse(readFileSync(join(repoRoot, 'test/fixtures/statements.gold.json'), 'utf8')) as {
  statements: { speaker: string | null }[];
};
const spokenBy = (name: string) => gold.statements.filter((s) => s.speaker === name).length;
const exact = (name: string) => new RegExp(`^${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`);

/** A row of the sources view whose name is exactly `name`. */
const row = (page: Page, name: string): Locator =>
  page
    .getByTestId('sources-view-list')
    .getByRole('listitem')
    .filter({ has: page.getByTestId('source-row').locator('.name', { hasText: exact(name) }) });

describe('the sources registry in the browser shell', () => {
  let app: App;
  before(async () => {
    app = await launchApp();
  });
  after(async () => {
    await app?.close();
  });

  it('shows the seed and filters the reader to one speaker from the sources list', async () => {
    const { page } = app;
    await page.getByTestId('article-title').waitFor();
    await page.getByTestId('statement').first().waitFor();
    assert.equal(await page.getByTestId('statement').count(), gold.statements.length);

    const bogdanov = page
      .getByTestId('source-item')
      .filter({ has: page.locator('.name', { hasText: exact('Mikhail Bogdanov') }) });
    await bogdanov.click();
    await page.getByTestId('filter-title').filter({ hasText: 'Mikhail Bogdanov' }).waitFor();
    await expectCount(page.getByTestId('statement'), spokenBy('Mikhail Bogdanov'));
    await bogdanov.click();
    await page.getByTestId('article-title').waitFor();
    // The speaker list is long enough for a filter box; it matches aliases too ("The Times" is how the
    // seed names The Moscow Times after its first mention; titles such as "deputy foreign minister" are
    // not aliases since aliases are names).
    await page.getByTestId('sources-panel-filter').fill('the times');
    await expectCount(page.getByTestId('source-item'), 1);
    assert.deepEqual(await page.getByTestId('source-item').locator('.name').allInnerTexts(), [
      'The Moscow Times',
    ]);
    await page.getByTestId('sources-panel-filter').fill('');
    await expectCount(page.getByTestId('statement'), gold.statements.length);
  });

  it('merges two sources and renames one', async () => {
    const { page } = app;
    await page.getByTestId('view-sources').click();
    await page.getByTestId('sources-view').waitFor();
    await row(page, 'Rwanda').getByTestId('source-check').check();
    await row(page, 'Rwandan military').getByTestId('source-check').check();
    const keep = page.getByTestId('merge-keep');
    await keep.selectOption({ label: 'Rwanda' });
    await page.getByTestId('merge-button').click();
    await row(page, 'Rwandan military').waitFor({ state: 'detached' });
    await page
      .getByTestId('source-detail')
      .getByTestId('alias-chip')
      .filter({ hasText: 'Rwandan military' })
      .waitFor();
    assert.equal(await page.getByTestId('source-name').inputValue(), 'Rwanda');

    await row(page, 'Tass').getByTestId('source-row').click();
    await page.getByTestId('source-name').fill('TASS');
    await page.getByTestId('source-name').press('Enter');
    await row(page, 'TASS').waitFor();
    assert.equal(await row(page, 'Tass').count(), 0);
  });

  it('keeps both edits over a reload, and undo reverts the rename', async () => {
    const { page } = app;
    await page.reload();
    await page.getByTestId('view-sources').click();
    await row(page, 'TASS').waitFor();
    assert.equal(await row(page, 'Rwandan military').count(), 0);
    await row(page, 'Rwanda').getByTestId('source-row').click();
    await page.getByTestId('source-detail').filter({ hasText: 'Rwandan military' }).waitFor();
    const merged = spokenBy('Rwanda') + spokenBy('Rwandan military');
    await expectCount(page.getByTestId('source-statement'), merged);

    await page.locator('body').press('Control+z');
    await row(page, 'Tass').waitFor();
    assert.equal(await row(page, 'TASS').count(), 0);
    await page.locator('body').press('Control+Shift+z');
    await row(page, 'TASS').waitFor();
  });

  it("corrects a statement's speaker and kind in the inspector", async () => {
    const { page } = app;
    await page.getByTestId('view-reader').click();
    const third = page.getByTestId('statement').nth(2);
    await third.click();
    const section = page.getByTestId('statement-section');
    await section.getByTestId('change-speaker').click();
    await section.getByTestId('source-picker-input').fill('Touadera campaign');
    await section.getByTestId('source-picker-create').click();
    await third.getByTestId('speaker-chip').filter({ hasText: 'Touadera campaign' }).waitFor();
    await section.getByTestId('statement-kind').selectOption('hedged');
    await third.locator('.kind-hedged').waitFor();
    await section.getByTestId('user-edited').waitFor();
    await section.getByTestId('add-via').click();
    await section.getByTestId('source-picker-input').fill('rferl');
    await section.getByTestId('source-picker-input').press('Enter');
    await third
      .getByTestId('speaker-chip')
      .filter({ hasText: 'via Radio Free Europe/Radio Liberty' })
      .waitFor();
    await page.getByTestId('toast').first().waitFor({ state: 'detached', timeout: 10_000 });
    await app.screenshot('statement-correction');
  });

  it('grades a source and shows the registry', async () => {
    const { page } = app;
    await page.getByTestId('view-sources').click();
    await row(page, 'Mikhail Bogdanov').getByTestId('source-row').click();
    await page.getByTestId('reliability-B').click();
    await row(page, 'Mikhail Bogdanov').locator('.grade', { hasText: 'B' }).waitFor();
    await page
      .getByTestId('source-item')
      .filter({ hasText: 'Mikhail Bogdanov' })
      .getByTestId('source-grade')
      .filter({ hasText: 'B' })
      .waitFor();
    await page.getByTestId('source-note').fill('Russian deputy foreign minister; speaks for the ministry.');
    await page.getByTestId('sources-search').click();
    await page.getByTestId('sources-search').blur();
    await page.getByTestId('toast').first().waitFor({ state: 'detached', timeout: 10_000 });
    await app.screenshot('sources-view');
  });

  it('made no request outside its own origin and logged no console errors', () => {
    assert.deepEqual(app.foreignRequests(), []);
    assert.ok(app.requests.length > 0);
    assert.deepEqual(app.consoleErrors, []);
  });
});
