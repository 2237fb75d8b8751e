// Versions as one article with a history: an edited copy of the seed, recorded as its new version, leaves
// ONE library entry (the article's title, marked v2), source counts from the current version only, a version
// switcher in the article's header (v1 shows the old text) and "Show changes" opening the compare of the two.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { axeFindings } from './axe';
import { dropFiles, expectCount, repoRoot, launchSeeded, type App } from './harness';

const seedText = readFileSync(join(repoRoot, 'test/fixtures/car-dec-2020.txt'), 'utf8');
const revised = seedText.replace('roughly 9,000 militants', 'roughly 8,000 militants');
const BOGDANOV = 'Mikhail Bogdanov';

const speakerCount = (page: Page) =>
  page.getByTestId('source-item').filter({ hasText: BOGDANOV }).first().locator('.n').innerText();

describe('versions of an article', () => {
  let app: App;
  let seedTitle = '';
  let entries = 0;
  before(async () => {
    app = await launchSeeded();
  });
  after(() => app?.close());

  it('records an edited copy as v2 of the same library entry, with counts not doubled', async () => {
    const { page } = app;
    seedTitle = await page.getByTestId('article-title').innerText();
    entries = await page.getByTestId('library-item').count();
    const before = await speakerCount(page);
    assert.ok(Number(before) > 0, `${BOGDANOV} speaks in the seed`);

    await dropFiles(page, [{ name: 'car-dec-2020-v2.txt', bytes: Buffer.from(revised), type: 'text/plain' }]);
    await page.getByTestId('version-accept').click();
    await page.getByTestId('version-outcome').waitFor();
    await page.getByTestId('version-close').click();

    // One entry, the article's title (not the file's first sentence), marked v2.
    await page.getByTestId('library-version').filter({ hasText: 'v2' }).waitFor();
    await expectCount(page.getByTestId('library-item'), entries);
    const v2 = page.getByTestId('library-item').filter({ has: page.getByTestId('library-version') });
    await expectCount(v2, 1);
    assert.ok((await v2.innerText()).includes(seedTitle), 'the new version keeps the article title');
    await page.waitForFunction(
      ({ name, n }) =>
        [...document.querySelectorAll('[data-testid="source-item"]')].some(
          (el) => el.textContent?.includes(name) && el.querySelector('.n')?.textContent === n,
        ),
      { name: BOGDANOV, n: before },
    );
    assert.equal(await speakerCount(page), before, 'counted from the current version only');
    // An earlier version does not corroborate its own article.
    assert.equal(await v2.getByTestId('library-corroborated').count(), 0);
  });

  it('switches between the versions in the article header', async () => {
    const { page } = app;
    await page
      .getByTestId('library-item')
      .filter({ has: page.getByTestId('library-version') })
      .click();
    const switcher = page.getByTestId('version-switcher');
    await switcher.getByRole('toolbar', { name: 'Versions of this article' }).waitFor();
    const choices = switcher.getByTestId('version-choice');
    await expectCount(choices, 2);
    assert.match(await choices.nth(0).innerText(), /^v1\b/);
    assert.equal(await choices.nth(1).getAttribute('aria-pressed'), 'true');
    await page.getByTestId('statement').filter({ hasText: '8,000 militants' }).waitFor();
    await app.screenshot('versions-light-header');

    await choices.nth(0).click();
    await page.getByTestId('statement').filter({ hasText: '9,000 militants' }).waitFor();
    assert.equal(await page.getByTestId('statement').filter({ hasText: '8,000 militants' }).count(), 0);
    await page.getByTestId('version-old-note').waitFor();
    assert.equal(await choices.nth(0).getAttribute('aria-pressed'), 'true');
    // The old version is in the history, not a second library entry.
    await expectCount(page.getByTestId('library-item'), entries);

    for (const mode of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme: mode });
      await page.waitForFunction((m) => document.documentElement.dataset.theme === m, mode);
      assert.deepEqual(await axeFindings(page), [], `no serious axe finding (${mode})`);
      await app.screenshot(`versions-${mode}-old-version`);
    }
    await page.emulateMedia({ colorScheme: 'light' });
  });

  it('shows the changes between the two versions in the compare view', async () => {
    const { page } = app;
    await page.getByTestId('version-show-changes').click();
    await page.getByTestId('compare-column').nth(1).waitFor();
    await expectCount(page.getByTestId('compare-column'), 2);
    assert.ok((await page.getByTestId('conflict-flag').count()) >= 1, 'the edited figure is flagged');
  });

  it('made no request outside its own origin and logged no console errors', () => {
    assert.deepEqual(app.foreignRequests(), []);
    assert.deepEqual(app.consoleErrors, []);
  });
});
