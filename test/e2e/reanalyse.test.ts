// End to end through the browser shell: "Re-analyse all articles" from the command palette runs over the
// whole workspace with progress, and keeps the analyst's speaker correction and tag (also after a reload).
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { dropFiles, repoRoot, launchSeeded, type App } from './harness';

describe('re-analyse all articles', () => {
  let app: App;
  before(async () => {
    app = await launchSeeded();
  });
  after(() => app?.close());

  it('reruns the analysis over every article and keeps a correction and a tag', async () => {
    const { page } = app;
    // A second article, so the run covers more than the one open.
    const second = readFileSync(join(repoRoot, 'test/fixtures/car-second-outlet.txt'));
    await dropFiles(page, [{ name: 'car-second-outlet.txt', bytes: second, type: 'text/plain' }]);
    await page.getByTestId('import-report').waitFor();
    await page.getByTestId('import-progress').waitFor({ state: 'detached' });

    await page.getByTestId('library-item').first().click();
    const corrected = page.locator('[data-testid="statement"][data-index="2"]');
    await corrected.click();
    const section = page.getByTestId('statement-section');
    await section.getByTestId('change-speaker').click();
    await section.getByTestId('source-picker-input').fill('Desk correction');
    await section.getByTestId('source-picker-create').click();
    await corrected.getByTestId('speaker-chip').filter({ hasText: 'Desk correction' }).waitFor();

    const tagged = page.locator('[data-testid="statement"][data-index="4"]');
    await tagged.click();
    const toggle = page.getByTestId('tag-toggle').first();
    const tagName = (await toggle.locator('.tname').innerText()).trim();
    await toggle.click();
    await tagged.getByTestId('tag-chip').filter({ hasText: tagName }).waitFor();

    // Slow main's answer a little so the progress panel can be seen (and photographed) while it runs.
    await page.route('**/api/analyseTexts', async (route) => {
      await new Promise((r) => setTimeout(r, 1500));
      await route.continue();
    });
    await page.keyboard.press('Escape');
    await page.keyboard.press('Control+k');
    await page.getByTestId('command-palette').waitFor();
    await page.getByTestId('palette-input').fill('re-analyse');
    assert.match(await page.getByTestId('palette-item').first().innerText(), /Re-analyse all articles/);
    await page.keyboard.press('Enter');
    const progress = page.getByTestId('reanalyse-progress');
    await progress.waitFor();
    // The panel opens while the articles are still being counted; it then says how many of the two are done.
    await progress.filter({ hasText: /Re-analysing articles: \d of 2 done/ }).waitFor();
    await app.screenshot('reanalyse-progress-light');
    await page.emulateMedia({ colorScheme: 'dark' });
    await app.screenshot('reanalyse-progress-dark');
    await page.emulateMedia({ colorScheme: 'light' });
    await progress.waitFor({ state: 'detached', timeout: 30_000 });
    const toast = page.getByTestId('toast').filter({ hasText: 'Re-analysed 2 articles' });
    await toast.waitFor();
    assert.match(await toast.innerText(), /1 correction kept/);

    for (const reload of [false, true]) {
      if (reload) {
        await page.reload();
        await page.getByTestId('statement').first().waitFor();
        await page.getByTestId('library-item').first().click();
      }
      await corrected.getByTestId('speaker-chip').filter({ hasText: 'Desk correction' }).waitFor();
      await tagged.getByTestId('tag-chip').filter({ hasText: tagName }).waitFor();
    }
  });

  it('made no request outside its own origin and logged no console errors', () => {
    assert.deepEqual(app.foreignRequests(), []);
    assert.deepEqual(app.consoleErrors, []);
  });
});
