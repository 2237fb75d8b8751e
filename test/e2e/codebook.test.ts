// End to end in Chromium on the seed article: build the codebook (child tag, shortcut, drag to
// re-parent, merge, .qdc export and import back), list a statement tagged in the reader in the
// annotations view, and find Bogdanov's statements by a misspelt search; no foreign requests, no errors.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { STARTER_CODEBOOK } from '../../src-renderer/lib/db/tags';
import { repoRoot, launchSeeded, type App } from './harness';

const gold = JSON.parse(readFileSync(join(repoRoot, 'test/fixtures/statements.gold.json'), 'utf8')) as {
  statements: { text: string; speaker: string | null }[];
};
const bogdanov = gold.statements.filter((s) => s.speaker?.includes('Bogdanov'));
const named = bogdanov.filter((s) => s.text.includes('Bogdanov'));
const TAGGED = named.find((s) => s.text.startsWith('Bogdanov did note'))!.text;
const [KEY_CLAIM, DENIAL, FIGURE, VERIFY] = STARTER_CODEBOOK.map((t) => t.name) as [
  string,
  string,
  string,
  string,
];
const CHILD = 'Troop numbers';

const row = (page: Page, name: string) => page.locator(`[data-testid="tag-row"][data-name="${name}"]`);
const toast = (page: Page, text: RegExp) =>
  page.getByTestId('toast').filter({ hasText: text }).first().waitFor();

/** Screenshots without the stack of confirmation toasts over the content. */
async function screenshotClean(app: App, name: string) {
  await app.page.waitForFunction(() => !document.querySelector('[data-testid="toast"]'), null, {
    timeout: 15_000,
  });
  await app.screenshot(name);
}

async function drag(page: Page, from: string, to: string | null) {
  const target = to ? row(page, to) : page.getByTestId('tag-root-drop');
  await row(page, from).dragTo(target, { force: to === null });
}

describe('codebook, annotations view and search', () => {
  let app: App;
  before(async () => {
    app = await launchSeeded();
  });
  after(() => app?.close());

  it('creates a child tag under Key claim and gives it shortcut 5', async () => {
    const { page } = app;
    await page.getByTestId('view-codebook').click();
    await row(page, KEY_CLAIM).click();
    await page.getByTestId('tag-add-child').click();
    const name = page.getByTestId('tag-name-input');
    await page.waitForFunction(
      () => (document.activeElement as HTMLInputElement | null)?.value === 'New tag',
    );
    await name.fill(CHILD);
    await name.press('Enter');
    await row(page, CHILD).waitFor();
    assert.equal(await row(page, CHILD).getAttribute('data-depth'), '1');
    await page.getByTestId('tag-shortcut').selectOption('5');
    await row(page, CHILD).locator('kbd', { hasText: '5' }).waitFor();
  });

  it('re-parents the tag by dragging it onto another tag and to the top level', async () => {
    const { page } = app;
    await drag(page, CHILD, FIGURE);
    await page.getByTestId('tag-detail').getByText(`Under “${FIGURE}”`).waitFor();
    await drag(page, CHILD, null);
    await page.getByTestId('tag-detail').getByText('At the top level').waitFor();
    assert.equal(await row(page, CHILD).getAttribute('data-depth'), '0');
    await drag(page, CHILD, KEY_CLAIM);
    await page.getByTestId('tag-detail').getByText(`Under “${KEY_CLAIM}”`).waitFor();
  });

  it('merges two tags into one', async () => {
    const { page } = app;
    await page.getByTestId('tag-new').click();
    const name = page.getByTestId('tag-name-input');
    await page.waitForFunction(
      () => (document.activeElement as HTMLInputElement | null)?.value === 'New tag',
    );
    await name.fill('Disputed');
    await name.press('Enter');
    await row(page, 'Disputed').waitFor();
    const denialId = await row(page, DENIAL).getAttribute('data-id');
    await page.getByTestId('tag-merge-target').selectOption(denialId!);
    await page.getByTestId('tag-merge').click();
    await row(page, 'Disputed').waitFor({ state: 'detached' });
    await toast(page, /Merged “Disputed” into “Denial”/);
    assert.equal(await page.getByTestId('tag-name-input').inputValue(), DENIAL);
  });

  it('exports the codebook as .qdc and imports it back', async () => {
    const { page } = app;
    const download = page.waitForEvent('download');
    await page.getByTestId('codebook-export').click();
    const file = await (await download).path();
    const xml = readFileSync(file, 'utf8');
    assert.match(xml, /<CodeBook/);
    assert.match(xml, new RegExp(`name="${CHILD}"`));

    // Delete a tag, then bring it back from the file under its old id.
    const verifyId = await row(page, VERIFY).getAttribute('data-id');
    await row(page, VERIFY).click();
    await page.getByTestId('tag-delete').click();
    await row(page, VERIFY).waitFor({ state: 'detached' });
    await page.getByTestId('codebook-import-input').setInputFiles({
      name: 'codebook.qdc',
      mimeType: 'application/xml',
      buffer: readFileSync(file),
    });
    await toast(page, /1 tag added/);
    assert.equal(await row(page, VERIFY).getAttribute('data-id'), verifyId);
    assert.equal(await row(page, CHILD).count(), 1, 'no duplicate of the tags already there');
  });

  it('lists a statement tagged in the reader under Key claim (including the child tag)', async () => {
    const { page } = app;
    await page.getByTestId('view-reader').click();
    // Three statements tagged by key: the child tag (5), Key claim itself (1) and Denial (2).
    const tagged: [string, string, string][] = [
      [TAGGED, '5', CHILD],
      [gold.statements[0]!.text, '1', KEY_CLAIM],
      [named[0]!.text, '2', DENIAL],
    ];
    for (const [text, key, tag] of tagged) {
      const statement = page.getByTestId('statement').filter({ hasText: text.slice(0, 40) });
      await statement.click();
      await page.keyboard.press(key);
      await statement.getByTestId('tag-chip').filter({ hasText: tag }).waitFor();
    }

    await page.getByTestId('view-annotations').click();
    const keyClaimId = await page
      .getByTestId('filter-tag')
      .locator('option', { hasText: KEY_CLAIM })
      .getAttribute('value');
    await page.getByTestId('filter-tag').selectOption(keyClaimId!);
    const rows = page.getByTestId('annotation-row');
    await page.getByTestId('annotations-count').filter({ hasText: '2 of 3' }).waitFor();
    const texts = await rows.allInnerTexts();
    assert.equal(texts.length, 2);
    assert.ok(texts.some((t) => t.includes(TAGGED.slice(0, 40))));
    assert.ok(texts.some((t) => t.includes(gold.statements[0]!.text.slice(0, 40))));
    await rows
      .filter({ hasText: TAGGED.slice(0, 40) })
      .getByTestId('annotation-tag')
      .filter({ hasText: CHILD })
      .waitFor();
    await screenshotClean(app, 'annotations-view');

    // A click opens the span in the reader.
    await rows.filter({ hasText: TAGGED.slice(0, 40) }).click();
    await page
      .locator('[data-testid="statement"][aria-selected="true"]')
      .filter({ hasText: TAGGED.slice(0, 40) })
      .waitFor();
  });

  it('finds Bogdanov’s statements for "Bogdanv", grouped under the seed article, and jumps to one', async () => {
    const { page } = app;
    await page.getByTestId('view-reader').click();
    const title = await page.getByTestId('article-title').innerText();
    await page.locator('body').click({ position: { x: 5, y: 300 } });
    await page.keyboard.press('/');
    await page.keyboard.type('Bogdanv');
    const results = page.getByTestId('search-results');
    await results.getByTestId('search-hit').first().waitFor();
    // The first screenful is drawn at once, the rest of the page once that is painted: wait for it.
    await page.waitForFunction(
      (n) =>
        document.querySelectorAll(
          '[data-testid="search-results"] [data-testid="search-hit"][data-kind="statement"]',
        ).length >= n,
      bogdanov.length,
    );
    const groups = results.getByTestId('search-group');
    assert.equal(await groups.count(), 1);
    assert.ok((await groups.first().innerText()).includes(title));
    const hits = await results.locator('[data-testid="search-hit"][data-kind="statement"]').allInnerTexts();
    for (const s of bogdanov) {
      const start = s.text.trim().slice(0, 30);
      assert.ok(
        hits.some((h) => h.includes(start)),
        `a hit for “${start}”`,
      );
    }
    const marks = await results.getByTestId('search-mark').allInnerTexts();
    assert.ok(marks.length >= named.length);
    assert.ok(marks.every((m) => m === 'Bogdanov'));
    await screenshotClean(app, 'search');

    await results
      .getByTestId('search-hit')
      .filter({ hasText: TAGGED.slice(0, 40) })
      .click();
    const focused = page.locator('[data-testid="statement"][aria-selected="true"]');
    await focused.filter({ hasText: TAGGED.slice(0, 40) }).waitFor();
    assert.equal(await page.getByTestId('reader').isVisible(), true);

    // Escape clears the box.
    await page.keyboard.press('/');
    await page.keyboard.press('Escape');
    assert.equal(await page.getByTestId('search-input').inputValue(), '');
  });

  it('shows usage counts in the codebook, the child counted in its parent', async () => {
    const { page } = app;
    await page.getByTestId('view-codebook').click();
    await row(page, CHILD).click();
    assert.equal(await row(page, KEY_CLAIM).getByTestId('tag-count').innerText(), '2');
    assert.equal(await row(page, CHILD).getByTestId('tag-count').innerText(), '1');
    await screenshotClean(app, 'codebook');
  });

  it('made no foreign request and logged no console error', () => {
    assert.deepEqual(app.foreignRequests(), []);
    assert.deepEqual(app.consoleErrors, []);
  });
});
