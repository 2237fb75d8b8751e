// Orphaned annotations: after a new version changes an annotated sentence (and drops another), the
// Annotations view labels them "Orphaned" in words and filters them; one is re-attached by selecting its new
// text in the reader (it is highlighted there again), the other dismissed, and undo brings it back; then it is
// re-attached by keyboard to the focused statement.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { axeFindings } from './axe';
import { dropFiles, expectCount, repoRoot, selectInStatements, launchSeeded, type App } from './harness';

const seedText = readFileSync(join(repoRoot, 'test/fixtures/car-dec-2020.txt'), 'utf8');
const gold = JSON.parse(readFileSync(join(repoRoot, 'test/fixtures/statements.gold.json'), 'utf8')) as {
  statements: { text: string }[];
};
const CHANGED = 10; // "The degree of Russian involvement remains unclear."
const DROPPED = 7; // "Bozize has denied any complicity in the coup."
const NEW_WORDING = 'Analysts could not say how far Moscow was involved.';
// The changed sentence and the words around it are rewritten (so its context cannot place it either).
const revised = seedText
  .replace(
    `${gold.statements[CHANGED]!.text} Russian Deputy Foreign Minister`,
    `${NEW_WORDING} Russia’s deputy foreign minister`,
  )
  .replace(`\u00a0${gold.statements[DROPPED]!.text}`, '');

describe('orphaned annotations', () => {
  let app: App;
  before(async () => {
    app = await launchSeeded();
  });
  after(() => app?.close());

  const orphanRows = () =>
    app.page.getByTestId('annotation-row').filter({ has: app.page.getByTestId('orphan-badge') });

  it('labels the annotations a new version could not place as "Orphaned", and filters them', async () => {
    const { page } = app;
    assert.notEqual(revised, seedText);
    // Statement 3 stays word for word in the new version; the other two become orphans.
    for (const i of [3, DROPPED, CHANGED]) {
      await page.getByTestId('statement').nth(i).click();
      await page.keyboard.press('1');
      await page.getByTestId('statement').nth(i).getByTestId('tag-chip').waitFor();
    }
    await dropFiles(page, [
      { name: 'car-dec-2020-edited.txt', bytes: Buffer.from(revised), type: 'text/plain' },
    ]);
    await page.getByTestId('version-accept').click();
    await page.getByTestId('version-outcome').waitFor();
    await page.getByTestId('version-close').click();

    await page.getByTestId('view-annotations').click();
    await expectCount(orphanRows(), 2);
    assert.equal(await orphanRows().first().getByTestId('orphan-badge').innerText(), 'Orphaned');
    const all = await page.getByTestId('annotation-row').count();
    assert.ok(all > 2, 'placed annotations are listed too');
    await page.getByTestId('filter-orphaned').check();
    await expectCount(page.getByTestId('annotation-row'), 2);
    assert.match(await page.getByTestId('annotations-count').innerText(), /^2 of /);
    for (const mode of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme: mode });
      await page.waitForFunction((m) => document.documentElement.dataset.theme === m, mode);
      await page.waitForTimeout(300);
      assert.deepEqual(await axeFindings(page), [], `no serious axe finding (${mode})`);
      await app.screenshot(`orphans-${mode}-annotations`);
    }
    await page.emulateMedia({ colorScheme: 'light' });
  });

  it('re-attaches an orphan to text selected in the current version', async () => {
    const { page } = app;
    const changed = orphanRows().filter({ hasText: gold.statements[CHANGED]!.text.slice(0, 30) });
    await changed.getByTestId('orphan-reattach').click();
    await page.getByTestId('reattach-banner').waitFor();
    const row = page.getByTestId('statement').filter({ hasText: NEW_WORDING });
    const index = Number(await row.getAttribute('data-index'));
    const text = await row.locator('[data-text-start]').innerText();
    const at = text.indexOf(NEW_WORDING);
    assert.ok(at >= 0, 'the new wording is in the reader');
    await selectInStatements(page, { index, at }, { index, at: at + NEW_WORDING.length - 1 });
    await page.getByTestId('toolbar-reattach').waitFor();
    await app.screenshot('orphans-light-reattach');
    await page.getByTestId('toolbar-reattach').click();
    await page.getByTestId('reattach-banner').waitFor({ state: 'detached' });
    await row.getByTestId('highlight').first().waitFor();
    assert.equal(
      (await row.getByTestId('highlight').allInnerTexts()).join(''),
      NEW_WORDING.slice(0, -1),
      'the annotation is anchored on the selected words',
    );

    await page.getByTestId('view-annotations').click();
    await expectCount(orphanRows(), 1);
    const moved = page.getByTestId('annotation-row').filter({ hasText: NEW_WORDING.slice(0, 30) });
    assert.equal(await moved.count(), 0, 'the filter shows orphans only');
    await page.getByTestId('filter-orphaned').uncheck();
    await moved.first().waitFor();
    assert.equal(await moved.getByTestId('orphan-badge').count(), 0);
  });

  it('dismisses an orphan, and undo brings it back', async () => {
    const { page } = app;
    await page.getByTestId('filter-orphaned').check();
    await expectCount(orphanRows(), 1);
    await orphanRows().getByTestId('orphan-dismiss').click();
    await page.getByText('No annotation matches these filters.').waitFor();
    assert.equal(await orphanRows().count(), 0);
    await page.keyboard.press('Control+z');
    await expectCount(orphanRows(), 1);
    assert.ok((await orphanRows().innerText()).includes(gold.statements[DROPPED]!.text.slice(0, 30)));
  });

  it('re-attaches by keyboard to the focused statement', async () => {
    const { page } = app;
    await orphanRows().getByTestId('orphan-reattach').focus();
    await page.keyboard.press('Enter');
    const banner = page.getByTestId('reattach-banner');
    await banner.waitFor();
    await page.getByTestId('statement').first().click();
    await page.keyboard.press('j');
    await banner.getByTestId('reattach-statement').filter({ hasText: 'statement 2' }).waitFor();
    await banner.getByTestId('reattach-statement').focus();
    await page.keyboard.press('Enter');
    await banner.waitFor({ state: 'detached' });
    await page.getByTestId('statement').nth(1).getByTestId('tag-chip').waitFor();
    await page.getByTestId('view-annotations').click();
    await page.getByText('No annotation matches these filters.').waitFor();
  });

  it('made no request outside its own origin and logged no console errors', () => {
    assert.deepEqual(app.foreignRequests(), []);
    assert.deepEqual(app.consoleErrors, []);
  });
});
