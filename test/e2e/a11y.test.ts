// Accessibility: axe-core (injected into the page) finds no serious or critical violation on any view, dialog
// or popup, in light and in dark mode, and the search results list has an accessible name.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { generateWorkspace } from '../../scripts/gen-workspace';
import { axeFindings, type Finding } from './axe';
import { dropFiles, launchApp, launchSeeded, type App } from './harness';

const VIEWS = [
  'reader',
  'compare',
  'claims',
  'candidates',
  'annotations',
  'sources',
  'codebook',
  'imports',
] as const;

async function settle(page: Page) {
  await page.waitForTimeout(400);
}

/** Every view, the export dialog, the palette and the search popup, with the findings of each. */
async function auditAll(app: App, mode: string): Promise<Record<string, Finding[]>> {
  const { page } = app;
  const out: Record<string, Finding[]> = {};
  for (const v of VIEWS) {
    await page.getByTestId(`view-${v}`).click();
    await settle(page);
    out[v] = await axeFindings(page);
    await app.screenshot(`a11y-${mode}-${v}`);
  }
  await page.getByTestId('view-reader').click();
  await page.getByTestId('statement').first().waitFor();
  await page.getByTestId('export-button').click();
  await page.getByTestId('export-dialog').waitFor();
  out['export dialog'] = await axeFindings(page);
  await app.screenshot(`a11y-${mode}-export`);
  await page.keyboard.press('Escape');
  await page.keyboard.press('Control+k');
  await page.getByTestId('command-palette').waitFor();
  out.palette = await axeFindings(page);
  await app.screenshot(`a11y-${mode}-palette`);
  await page.keyboard.press('Escape');
  await page.getByTestId('search-input').fill('Bogdanov');
  await page.getByTestId('search-hit').first().waitFor();
  out.search = await axeFindings(page);
  await app.screenshot(`a11y-${mode}-search`);
  await page.keyboard.press('Escape');
  return out;
}

function assertClean(findings: Record<string, Finding[]>) {
  const bad = Object.entries(findings).filter(([, f]) => f.length);
  assert.deepEqual(bad, [], JSON.stringify(bad, null, 1));
}

describe('accessibility on the seed workspace', () => {
  let app: App;
  before(async () => {
    app = await launchSeeded();
  });
  after(() => app?.close());

  it('names the search results list', async () => {
    const { page } = app;
    await page.getByTestId('search-input').fill('Bogdanov');
    await page.getByRole('listbox', { name: 'Search results' }).waitFor();
    await page.keyboard.press('Escape');
  });

  it('names each row of actions as a toolbar whose controls Tab still reaches one by one', async () => {
    const { page } = app;
    const toolbar = (name: string) => page.getByRole('toolbar', { name, exact: true });
    await page.getByTestId('view-annotations').click();
    await toolbar('Filters').waitFor();
    await page.getByTestId('filter-tag').focus();
    await page.keyboard.press('Tab');
    assert.equal(
      await page.evaluate(() => document.activeElement?.getAttribute('data-testid')),
      'filter-speaker',
    );
    await page.getByTestId('view-sources').click();
    await page.getByTestId('source-check').nth(0).check();
    await page.getByTestId('source-check').nth(1).check();
    await toolbar('Merge the ticked sources').getByRole('button', { name: 'Cancel' }).click();
    await page.getByTestId('merge-bar').waitFor({ state: 'detached' });
    await page.getByTestId('view-imports').click();
    await toolbar('Filter by outcome').waitFor();
    await page.getByTestId('view-codebook').click();
    await toolbar('Codebook actions').waitFor();
    await page.getByTestId('view-reader').click();
  });

  it('keeps every top-bar button inside a narrow window (the search box shrinks, the view tabs scroll)', async () => {
    const { page } = app;
    const before = page.viewportSize();
    try {
      for (const width of [1360, 1100]) {
        await page.setViewportSize({ width, height: 800 });
        for (const id of ['import-button', 'export-button', 'theme-toggle']) {
          const box = await page.getByTestId(id).boundingBox();
          assert.ok(
            box && box.x >= 0 && box.x + box.width <= width,
            `${id} at ${width} px: ${JSON.stringify(box)}`,
          );
        }
        // A tab scrolled out of sight is still reached by keyboard: focusing it brings it into view.
        await page.getByTestId('view-imports').focus();
        const tab = await page.getByTestId('view-imports').boundingBox();
        assert.ok(tab && tab.x + tab.width <= width, `Imports tab at ${width} px: ${JSON.stringify(tab)}`);
      }
    } finally {
      if (before) await page.setViewportSize(before);
    }
  });

  it('has no serious or critical violation on any view in light mode', async () => {
    await app.page.emulateMedia({ colorScheme: 'light' });
    assertClean(await auditAll(app, 'light'));
  });

  it('has no serious or critical violation on any view in dark mode (following the system)', async () => {
    await app.page.emulateMedia({ colorScheme: 'dark' });
    await app.page.waitForFunction(() => document.documentElement.dataset.theme === 'dark');
    assertClean(await auditAll(app, 'dark'));
  });
});

describe('accessibility on a 400-article workspace', () => {
  let app: App;
  before(async () => {
    app = await launchApp();
    const { page } = app;
    await page.getByTestId('statement').first().waitFor();
    const dossier = generateWorkspace({ articles: 400, annotations: 800, statements: 12, seed: 15 });
    await dropFiles(page, [
      { name: 'workspace-400.json', bytes: Buffer.from(JSON.stringify(dossier)), type: 'application/json' },
    ]);
    const last = dossier.articles[dossier.articles.length - 1]!.title;
    await page.getByTestId('import-report').waitFor({ timeout: 300_000 });
    await page.getByTestId('import-report-close').click();
    await page.getByTestId('library-item').first().waitFor();
    assert.ok(last);
  });
  after(async () => {
    await app?.close();
  });

  it('has no serious or critical violation on any view in light mode', async () => {
    await app.page.emulateMedia({ colorScheme: 'light' });
    await app.page.waitForFunction(() => document.documentElement.dataset.theme === 'light');
    assertClean(await auditAll(app, 'big-light'));
  });

  it('has no serious or critical violation on any view in dark mode', async () => {
    await app.page.emulateMedia({ colorScheme: 'dark' });
    await app.page.waitForFunction(() => document.documentElement.dataset.theme === 'dark');
    assertClean(await auditAll(app, 'big-dark'));
  });
});
