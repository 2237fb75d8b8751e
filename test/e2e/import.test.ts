// Import end to end: a dropped folder with one file of each format, a duplicate and a broken
// file gives progress, a report with the right outcome for each, and articles with metadata.
// A hostile page's scripts never run and nothing leaves the app's origin.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import {
  dispatchDrop,
  dropFiles,
  launchApp,
  makeDataTransfer,
  repoRoot,
  type App,
  type DropFile,
} from './harness';

const corpus = join(repoRoot, '../shared/corpus');
const read = (p: string) => readFileSync(p);

const EML = [
  'From: Desk Editor <desk@example.org>',
  'To: analyst@example.org',
  'Subject: Mbaiki fighting update',
  'Date: Wed, 23 Dec 2020 09:30:00 +0000',
  'MIME-Version: 1.0',
  'Content-Type: text/plain; charset=utf-8',
  '',
  'Local officials said the fighting near Mbaiki ended on Tuesday. A UN source confirmed the rebels withdrew.',
  '',
].join('\r\n');

const MD =
  '# Notes on Bangui\n\nThe capital was calm on Wednesday, residents said.\n\n## Later\n\n- Markets reopened.\n';

/** Give synthetic drops the folder structure Chromium exposes through webkitGetAsEntry(). */
async function installFolderDrop(page: Page, folder: string): Promise<void> {
  await page.evaluate((folder) => {
    const original = Object.getOwnPropertyDescriptor(DataTransfer.prototype, 'items')!;
    (window as unknown as { __restoreDrop: () => void }).__restoreDrop = () =>
      Object.defineProperty(DataTransfer.prototype, 'items', original);
    const origFiles = original.get!;
    Object.defineProperty(DataTransfer.prototype, 'items', {
      configurable: true,
      get(this: DataTransfer) {
        const items = origFiles.call(this) as DataTransferItemList;
        const files = [...items].map((i) => i.getAsFile()!).filter(Boolean);
        const fileEntry = (f: File) => ({
          isFile: true,
          isDirectory: false,
          name: f.name,
          file: (ok: (f: File) => void) => ok(f),
        });
        const dirEntry = {
          isFile: false,
          isDirectory: true,
          name: folder,
          createReader: () => {
            let done = false;
            return {
              readEntries: (ok: (e: unknown[]) => void) => {
                const batch = done ? [] : files.map(fileEntry);
                done = true;
                setTimeout(() => ok(batch), 0);
              },
            };
          },
        };
        return [{ kind: 'file', webkitGetAsEntry: () => dirEntry, getAsFile: () => null }];
      },
    });
  }, folder);
}

describe('import by drag and drop', () => {
  let app: App;
  before(async () => {
    app = await launchApp();
    await app.page.getByTestId('article-title').waitFor();
  });
  after(async () => {
    await app?.close();
  });

  it('imports a dropped folder of every format with progress and a per-file report', async () => {
    const { page } = app;
    const files: DropFile[] = [
      {
        name: 'a-wire.txt',
        bytes: Buffer.from('Officials in Bangui said the road had reopened. Traders confirmed it.\n'),
      },
      { name: 'b-notes.md', bytes: Buffer.from(MD) },
      { name: 'c-page.html', bytes: read(join(corpus, 'html/001/source.html')) },
      { name: 'd-report.pdf', bytes: read(join(corpus, 'pdf/simple-openoffice.pdf')) },
      { name: 'e-memo.docx', bytes: read(join(corpus, 'docx/tables.docx')) },
      { name: 'f-mail.eml', bytes: Buffer.from(EML) },
      { name: 'g-seed-again.txt', bytes: read(join(repoRoot, 'test/fixtures/car-dec-2020.txt')) },
      { name: 'h-broken.pdf', bytes: Buffer.from('%PDF-1.7\n this is not really a pdf \x00\x01\x02') },
      { name: 'i-budget.xlsx', bytes: Buffer.from('PK not read at all') },
    ];
    await page.evaluate(() => {
      const w = window as unknown as { __sawProgress?: boolean };
      new MutationObserver(() => {
        if (document.querySelector('[data-testid="import-progress"]')) w.__sawProgress = true;
      }).observe(document.body, { childList: true, subtree: true });
    });
    const dt = await makeDataTransfer(page, files);
    await installFolderDrop(page, 'sources');
    await dispatchDrop(page, dt);
    await page.evaluate(() => (window as unknown as { __restoreDrop: () => void }).__restoreDrop());
    const report = page.getByTestId('import-report');
    await report.waitFor({ timeout: 60_000 });
    assert.equal(
      await page.evaluate(() => (window as unknown as { __sawProgress?: boolean }).__sawProgress),
      true,
    );
    const rows = await report
      .getByTestId('import-row')
      .evaluateAll((els) =>
        els.map((e) => ({ outcome: e.getAttribute('data-outcome'), text: (e as HTMLElement).innerText })),
      );
    const byFile = (name: string) => rows.find((r) => r.text.includes(name));
    for (const name of [
      'a-wire.txt',
      'b-notes.md',
      'c-page.html',
      'd-report.pdf',
      'e-memo.docx',
      'f-mail.eml',
    ]) {
      assert.equal(byFile(name)?.outcome, 'imported', `${name}: ${byFile(name)?.text}`);
    }
    assert.equal(byFile('g-seed-again.txt')?.outcome, 'duplicate');
    assert.match(byFile('g-seed-again.txt')!.text, /already in the workspace/);
    assert.equal(byFile('h-broken.pdf')?.outcome, 'refused');
    assert.match(byFile('h-broken.pdf')!.text, /PDF|pdf/);
    // A file of a kind the workbench does not import is listed with the reason, not skipped without a word.
    assert.equal(byFile('i-budget.xlsx')?.outcome, 'refused');
    assert.match(byFile('i-budget.xlsx')!.text, /\.xlsx files are not imported/);
    assert.ok(
      rows.every((r) => r.text.includes('sources/')),
      'paths inside the folder are shown',
    );
    await app.screenshot('import-report');
  });

  it('shows the metadata of imported articles', async () => {
    const { page } = app;
    await page.getByTestId('import-report-close').click();
    await page.getByTestId('library-item').filter({ hasText: 'Mbaiki fighting update' }).click();
    const section = page.getByTestId('article-section');
    await section.waitFor();
    assert.match(await section.innerText(), /eml/);
    assert.match(await page.getByTestId('article-header').innerText(), /Desk Editor/);
    await page.getByTestId('view-imports').click();
    // The history is a live query: wait for its rows rather than counting before they load.
    await page.getByTestId('history-row').nth(7).waitFor();
    await page.getByTestId('view-reader').click();
  });

  it('imports a hostile page without running any of its scripts', async () => {
    const { page } = app;
    await page.getByTestId('view-reader').click();
    const hostile = `<!doctype html><html><head><title>Hostile page</title>
      <script>window.__canary = 'script ran'; fetch('https://evil.example/beacon');</script>
      <meta http-equiv="refresh" content="0;url=https://evil.example/">
      <link rel="stylesheet" href="https://evil.example/style.css"></head>
      <body><article><h1>Hostile page</h1>
      <p>The spokesman said the convoy reached Bangui on Monday.</p>
      <img src="https://evil.example/pixel.png" onerror="window.__canary='onerror ran'">
      <p onclick="window.__canary='click'">Rebels denied any involvement, the agency reported.</p>
      <iframe src="https://evil.example/frame"></iframe><a href="javascript:window.__canary='link'">link</a>
      </article></body></html>`;
    await dropFiles(page, [{ name: 'hostile.html', bytes: Buffer.from(hostile), type: 'text/html' }]);
    const row = page.getByTestId('import-report').getByTestId('import-row').first();
    await row.waitFor();
    assert.equal(await row.getAttribute('data-outcome'), 'imported');
    await page.getByTestId('library-item').filter({ hasText: 'Hostile page' }).click();
    await page.getByTestId('statement').first().waitFor();
    const text = await page.getByTestId('reader').innerText();
    assert.match(text, /convoy reached Bangui/);
    assert.doesNotMatch(text, /window\.__canary/);
    assert.equal(await page.evaluate(() => (window as unknown as { __canary?: string }).__canary), undefined);
  });

  it('made no request outside its own origin and logged no console errors', () => {
    assert.deepEqual(app.foreignRequests(), []);
    assert.deepEqual(app.consoleErrors, []);
  });
});
