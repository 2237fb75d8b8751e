// Keyboard only, no mouse: import a second report (Ctrl+O), tag and annotate a statement, link it to the seed,
// compare the two articles and export the dossier, with Tab, arrows, Enter and the app's shortcuts.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { launchApp, type App } from './harness';

const SECOND = [
  'Rwandan troops reach Bangui ahead of vote',
  '',
  'Rwanda said on Tuesday that its soldiers had arrived in Bangui to protect the election.',
  'A spokesman for the Rwanda Defence Force told reporters that the troops were not part of the UN mission.',
  'Russia denied that it had sent any forces, according to the Interfax agency.',
].join('\n');

/** Press `key` until the focused element matches `selector`; every element passed on the way shows its focus. */
async function tabTo(page: Page, selector: string, max = 60, key = 'Tab') {
  for (let i = 0; i < max; i++) {
    const here = await page.evaluate((s) => {
      const el = document.activeElement as HTMLElement | null;
      if (!el || el === document.body) return { match: false, visible: true, what: 'body' };
      const css = getComputedStyle(el);
      const visible =
        (css.outlineStyle !== 'none' && parseFloat(css.outlineWidth) > 0) || css.boxShadow !== 'none';
      return { match: el.matches(s), visible, what: el.outerHTML.slice(0, 120) };
    }, selector);
    assert.ok(here.visible, `no visible focus on ${here.what}`);
    if (here.match) return;
    await page.keyboard.press(key);
  }
  throw new Error(`focus never reached ${selector}`);
}

async function runCommand(page: Page, title: string) {
  await page.keyboard.press('Control+k');
  await page.getByTestId('command-palette').waitFor();
  await page.keyboard.type(title);
  await page.keyboard.press('Enter');
}

describe('keyboard only', () => {
  let app: App;
  before(async () => {
    app = await launchApp();
    // Playwright turns on file-chooser interception without waiting for it; subscribing here, well before Ctrl+O,
    // keeps a loaded machine from racing the key press to a native dialog that the test can never fill.
    app.page.on('filechooser', () => undefined);
    await app.page.getByTestId('statement').first().waitFor();
  });
  after(async () => {
    await app?.close();
  });

  it('imports a report with Ctrl+O and opens it', async () => {
    const { page } = app;
    await page.locator('body').focus();
    const chooser = page.waitForEvent('filechooser');
    await page.keyboard.press('Control+o');
    await (
      await chooser
    ).setFiles({ name: 'bangui.txt', mimeType: 'text/plain', buffer: Buffer.from(SECOND) });
    await page.getByTestId('article-title').filter({ hasText: 'Rwandan troops reach Bangui' }).waitFor();
  });

  it('moves to a statement with j, tags it with 1 and writes a note with n', async () => {
    const { page } = app;
    await page.keyboard.press('Escape');
    await page.keyboard.press('j');
    await page.locator('[data-testid="statement"][data-index="1"][aria-selected="true"]').waitFor();
    await page.keyboard.press('1');
    await page.getByTestId('statement').nth(1).getByTestId('tag-chip').waitFor();
    await page.keyboard.press('n');
    await page.keyboard.type('Check against the RDF press release.');
    await page.keyboard.press('Control+Enter');
    await page.getByTestId('statement').nth(1).getByTestId('note-indicator').waitFor();
  });

  it('links the statement to one in the seed with L, arrows and Enter', async () => {
    const { page } = app;
    await page.keyboard.press('Escape');
    await page.keyboard.press('l');
    await page.getByTestId('link-form').waitFor();
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('2');
    await tabTo(page, '[data-testid="link-save"]');
    await page.keyboard.press('Enter');
    await page.getByTestId('statement-link').filter({ hasText: 'contradicts' }).waitFor();
  });

  it('compares the two articles from the palette and the picker', async () => {
    const { page } = app;
    await runCommand(page, 'Go to Compare');
    await page.getByTestId('compare-view').waitFor();
    if (await page.getByTestId('compare-picker').count()) {
      // Tab through the checkboxes, ticking each one until two are chosen.
      await tabTo(page, '[data-testid="compare-pick"]');
      for (let ticked = 0; ticked < 2;) {
        if (!(await page.evaluate(() => (document.activeElement as HTMLInputElement).checked)))
          await page.keyboard.press('Space');
        ticked++;
        if (ticked < 2) await page.keyboard.press('Tab');
      }
      await tabTo(page, '[data-testid="compare-open"]');
      await page.keyboard.press('Enter');
    }
    await page.getByTestId('compare-column').nth(1).waitFor();
  });

  it('exports the dossier as Markdown with Ctrl+E', async () => {
    const { page } = app;
    await page.locator('body').focus();
    await page.keyboard.press('Control+e');
    await page.getByTestId('export-dialog').waitFor();
    await tabTo(page, '[data-testid^="format-"]');
    await tabTo(page, '[data-testid="format-md"]', 12, 'ArrowDown');
    const download = page.waitForEvent('download');
    await tabTo(page, '[data-testid="export-start"]');
    await page.keyboard.press('Enter');
    const file = await download;
    assert.match(file.suggestedFilename(), /\.md$/);
  });

  it('logged no console error', () => {
    assert.deepEqual(app.consoleErrors, []);
  });
});
