// End to end in Chromium: annotate the seed, export HTML, PDF and JSON, clear the workspace and drop the
// JSON dossier back — everything returns. Screenshots: export-html.png, export-pdf-page1.png.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, readdirSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Download } from 'playwright-core';
import { validateDossier } from '../../src-main/shared/dossier';
import { generateWorkspace } from '../unit/src-main/core/export/generate';
import { dropFiles, exportAs, launchApp, repoRoot, resultsDir, type App, expectCount } from './harness';

const gold = JSON.parse(readFileSync(join(repoRoot, 'test/fixtures/statements.gold.json'), 'utf8')) as {
  statements: { text: string }[];
};
const outDir = join(resultsDir, 'dossier');
/** Articles in the generated dossier of the large export (plus the seed). */
const BIG = 600;

/** Finished files of one extension in a data folder's exports/ (none yet: empty). */
function exportedFiles(dataDir: string, extension: string): string[] {
  const dir = join(dataDir, 'exports');
  return existsSync(dir) ? readdirSync(dir).filter((n) => n.endsWith(extension)) : [];
}

/** Runs in the page: appInfo through the browser shell's bridge, as the app calls it ("CRB1", head length, JSON). */
/** A cheap call to main, with what the export dialog said the moment its answer arrived. */
async function callAppInfo(): Promise<{ ok: boolean; statusAtAnswer: string | null }> {
  const head = new TextEncoder().encode('{}');
  const body = new Uint8Array(8 + head.byteLength);
  body.set([0x43, 0x52, 0x42, 0x31], 0);
  new DataView(body.buffer).setUint32(4, head.byteLength, true);
  body.set(head, 8);
  const res = await fetch('/api/appInfo', {
    method: 'POST',
    credentials: 'omit',
    headers: {
      'Content-Type': 'application/octet-stream',
      'X-Corroborate-Token': sessionStorage.getItem('corroborate-token') ?? '',
    },
    body,
  });
  const answer = (await res.json()) as { ok: boolean };
  return {
    ...answer,
    statusAtAnswer: document.querySelector('[data-testid="export-status"]')?.textContent ?? null,
  };
}

describe('the annotated dossier: export and import back', () => {
  let app: App;
  let tagName = '';
  let tagged = '';
  before(async () => {
    mkdirSync(outDir, { recursive: true });
    // Each progress step of an export lasts at least 300 ms (longer than the dialog's 250 ms poll), so the large
    // export below is still running while the test reads its percentage and calls the app, on any machine.
    app = await launchApp({ serverEnv: { CORROBORATE_EXPORT_STEP_MS: '300' } });
  });
  after(async () => {
    await app?.close();
  });

  it('annotates the seed: tag statement 2 with key 1', async () => {
    const { page } = app;
    await page.getByTestId('article-title').waitFor();
    const second = page.getByTestId('statement').nth(1);
    await second.click();
    await page.keyboard.press('1');
    await second.getByTestId('tag-chip').waitFor();
    tagName = await second.getByTestId('tag-chip').innerText();
    tagged = gold.statements[1]!.text;
    // The edit triggers a rolling backup after a short pause, listed in the Backups panel.
    await page.getByTestId('backup-item').first().waitFor({ timeout: 15_000 });
  });

  it('exports HTML that opens in Chromium as a document with the tagged statement highlighted', async () => {
    const { context } = app;
    const path = await exportAs(app, 'html', 'CAR dossier', outDir, 'export-dialog');
    assert.match(path, /\.html$/);
    const html = readFileSync(path, 'utf8');
    assert.doesNotMatch(html, /<script/i, 'no script in the export');
    assert.doesNotMatch(html, /(src|href)="https?:/i, 'no remote resource in the export');
    const doc = await context.newPage();
    const docRequests: string[] = [];
    doc.on('request', (r) => docRequests.push(r.url()));
    await doc.goto(pathToFileURL(path).href);
    assert.equal(await doc.locator('h1').first().innerText(), 'CAR dossier');
    const marked = await doc.locator('mark').allInnerTexts();
    assert.ok(
      marked.some((m) => m.includes(tagged.slice(0, 40))),
      `highlighted: ${marked.join(' | ')}`,
    );
    assert.ok((await doc.locator('body').innerText()).includes(tagName));
    await doc.setViewportSize({ width: 1100, height: 1400 });
    // The first source with its statements, the tagged one highlighted, a little margin above its title.
    await doc.locator('#article-1').scrollIntoViewIfNeeded();
    await doc.mouse.wheel(0, -40);
    await doc.waitForTimeout(100);
    await doc.screenshot({ path: join(resultsDir, 'export-html.png') });
    assert.deepEqual(docRequests, [pathToFileURL(path).href], 'the export loads nothing but itself');
    await doc.close();
  });

  it('shows progress while exporting, and a cancelled export downloads nothing', async () => {
    const { page } = app;
    const downloads: string[] = [];
    const onDownload = (d: Download) => downloads.push(d.suggestedFilename());
    page.on('download', onDownload);
    if (!(await page.getByTestId('export-dialog').isVisible()))
      await page.getByTestId('export-button').click();
    const dialog = page.getByTestId('export-dialog');
    await dialog.getByTestId('format-pdf').check();
    await dialog.getByTestId('export-start').click();
    await dialog.getByTestId('export-progress').waitFor();
    await dialog.getByTestId('export-cancel').click();
    await dialog.locator('[data-testid="export-result"][data-kind="cancelled"]').waitFor({ timeout: 60_000 });
    page.off('download', onDownload);
    assert.deepEqual(downloads, []);
    // Nothing half-written either: the data folder keeps no copy of a cancelled export.
    assert.deepEqual(exportedFiles(app.dataDir, '.pdf'), []);
  });

  it('exports a paginated PDF whose first page renders', async () => {
    const path = await exportAs(app, 'pdf', 'CAR dossier', outDir);
    assert.equal(readFileSync(path).subarray(0, 5).toString(), '%PDF-');
    const prefix = join(resultsDir, 'export-pdf-page1');
    execFileSync('pdftoppm', ['-png', '-r', '60', '-f', '1', '-l', '1', '-singlefile', path, prefix]);
    assert.ok(existsSync(`${prefix}.png`));
    const text = execFileSync('pdftotext', ['-layout', path, '-']).toString();
    assert.match(text, /CAR dossier/);
    assert.match(text, /2 \/ \d+/, 'page numbers in the footer');
  });

  it('exports JSON, clears the workspace, and a dropped dossier brings everything back', async () => {
    const { page } = app;
    const path = await exportAs(app, 'json', 'CAR dossier', outDir);
    const bytes = readFileSync(path);
    const checked = validateDossier(JSON.parse(bytes.toString('utf8')));
    assert.ok(checked.ok, 'the exported JSON is a valid dossier');
    assert.equal(checked.dossier.annotations.length, 1);
    await page.keyboard.press('Escape');
    await page.getByTestId('export-dialog').waitFor({ state: 'detached' });

    await page.getByTestId('clear-workspace').click();
    await page.getByTestId('confirm-ok').click();
    await page.getByTestId('library-item').first().waitFor({ state: 'detached' });
    assert.equal(await page.getByTestId('statement').count(), 0);
    // Clearing saved the annotated workspace as a backup first.
    await page.getByTestId('backup-item').nth(1).waitFor();

    await dropFiles(page, [{ name: 'car-dossier.json', bytes, type: 'application/json' }]);
    const report = page.getByTestId('import-report');
    await report.waitFor();
    assert.equal(await report.locator('[data-outcome="imported"]').count(), 1, await report.innerText());
    assert.match(await report.innerText(), /restored/);
    await page.getByTestId('import-report-close').click();
    assert.equal(await page.getByTestId('library-item').count(), 1);
    await page.getByTestId('library-item').first().click();
    await page.getByTestId('article-title').filter({ hasText: 'CAR faces' }).waitFor();
    await expectCount(page.getByTestId('statement'), gold.statements.length);
    const second = page.getByTestId('statement').nth(1);
    await second.getByTestId('tag-chip').waitFor();
    assert.equal(await second.getByTestId('tag-chip').innerText(), tagName);
    await app.screenshot('dossier-restored');
  });

  it('a large export shows its percentage per article while other calls are answered', async () => {
    const { page } = app;
    const big = generateWorkspace(BIG, BIG * 4);
    await dropFiles(page, [{ name: 'big-dossier.json', bytes: Buffer.from(JSON.stringify(big)) }]);
    const report = page.getByTestId('import-report');
    await report.locator('[data-outcome="imported"]').waitFor({ timeout: 120_000 });
    await page.getByTestId('import-report-close').click();

    await page.getByTestId('export-button').click();
    const dialog = page.getByTestId('export-dialog');
    await dialog.getByText(`(${BIG + 1} articles)`).waitFor();
    await dialog.getByTestId('format-html').check();
    await dialog.getByTestId('export-title').fill('Big dossier');
    const download = page.waitForEvent('download', { timeout: 180_000 });
    await dialog.getByTestId('export-start').click();
    // The worker's progress, article by article, reaches the dialog: a percentage on its way to 100, seen in the
    // first half, so at least a dozen steps (several seconds) of the export are still to come.
    const midway = await page.waitForFunction(
      () => {
        const text = document.querySelector('[data-testid="export-status"]')?.textContent ?? '';
        const m = /^Writing HTML… (\d+) %$/.exec(text);
        return m && Number(m[1]) > 0 && Number(m[1]) < 50 ? text : null;
      },
      null,
      { timeout: 120_000, polling: 50 },
    );
    // A cheap call made now is answered while the export is still being written (read in the page the moment the
    // answer arrives: the export may end right after).
    const info = await page.evaluate(callAppInfo);
    assert.equal(info.ok, true, JSON.stringify(info));
    assert.match(
      info.statusAtAnswer ?? '',
      /^Writing HTML… \d+ %$/,
      `was ${String(await midway.jsonValue())}`,
    );
    await app.screenshot('export-progress');
    await dialog.locator('[data-testid="export-result"][data-kind="saved"]').waitFor({ timeout: 180_000 });
    const done = await download;
    const path = join(outDir, done.suggestedFilename());
    await done.saveAs(path);
    const html = readFileSync(path, 'utf8');
    assert.equal(html.match(/<article\b/g)?.length, BIG + 1);
    assert.deepEqual(exportedFiles(app.dataDir, '.html').sort(), ['big-dossier.html', 'car-dossier.html']);
  });

  it('made no request outside its own origin and logged no console errors', () => {
    assert.deepEqual(app.foreignRequests(), []);
    assert.deepEqual(app.consoleErrors, []);
  });
});
