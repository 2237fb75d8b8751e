// Hostile files dropped on the real app: each refused one shows a clear reason in the import report, no
// script from any of them runs, nothing leaves the app's origin, and the page's CSP blocks inline script.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { dropFiles, launchApp, type App } from './harness';
import { hostileCases, type HostileCase } from '../unit/hostile/corpus/cases';

// Remote references point at a foreign origin, so any fetch would show in the app's request log.
const cases = hostileCases({ canaryUrl: 'https://evil.example/', maxFileBytes: 200 * 1024 * 1024 });
const SAMPLE = [
  'zero-byte.txt',
  'whitespace-only.txt',
  'random-small.pdf',
  'html-named.pdf',
  'pdf-encrypted.pdf',
  'pdf-javascript-embedded.pdf',
  'docx-zip-bomb.docx',
  'docx-billion-laughs.docx',
  'docx-external-relationships.docx',
  'html-script.html',
  'html-onerror.html',
  'html-nested-100000.html',
  'name-rlo.txt',
  'name-html.txt',
  'eml-nested-multipart.eml',
];
const sample: HostileCase[] = SAMPLE.map((id) => cases.find((c) => c.id === id)!);

describe('hostile files dropped on the app', () => {
  let app: App;
  let libraryBefore = 0;
  before(async () => {
    app = await launchApp();
    await app.page.getByTestId('article-title').waitFor();
  });
  after(async () => {
    await app?.close();
  });

  it('imports the harmless ones and refuses the others with a clear reason each', async () => {
    const { page } = app;
    libraryBefore = await page.getByTestId('library-item').count();
    // Unique names in the drop, so each report row can be found again.
    const dropped = sample.map((c, i) => ({
      c,
      name: `${String(i + 1).padStart(2, '0')}-${c.name.replace(/^.*[\\/]/, '')}`,
    }));
    await dropFiles(
      page,
      dropped.map(({ c, name }) => ({ name, bytes: c.bytes() })),
    );
    const report = page.getByTestId('import-report');
    await report.waitFor({ timeout: 90_000 });
    await page.waitForFunction(
      (n) =>
        document.querySelectorAll('[data-testid="import-report"] [data-testid="import-row"]').length >= n,
      dropped.length,
      { timeout: 90_000 },
    );
    const rows = await report
      .getByTestId('import-row')
      .evaluateAll((els) =>
        els.map((e) => ({ outcome: e.getAttribute('data-outcome'), text: (e as HTMLElement).innerText })),
      );
    for (const { c, name } of dropped) {
      const prefix = name.slice(0, 3);
      const row = rows.find((r) => r.text.includes(prefix) && r.text.includes(name.slice(3, 10)));
      assert.ok(row, `${c.id}: no report row for ${name}`);
      if (c.expect.outcome === 'refused') {
        assert.equal(row.outcome, 'refused', `${c.id}: ${row.text}`);
        assert.match(row.text, c.expect.reason, `${c.id}: the reason shown is not the expected one`);
      } else {
        assert.equal(row.outcome, 'imported', `${c.id}: ${row.text}`);
      }
    }
    await app.screenshot('hostile-report');
    // Checked before the next test reloads the page (which would reset any canary).
    assert.equal(await page.evaluate(() => (globalThis as { __canary?: unknown }).__canary), undefined);
  });

  it('adds an article for each imported file and none for a refused one, and keeps them after a reload', async () => {
    const { page } = app;
    const imported = sample.filter((c) => c.expect.outcome === 'imported').length;
    assert.equal(await page.getByTestId('library-item').count(), libraryBefore + imported);
    // The reload also shows the app asks the browser to keep its storage (navigator.storage.persist()).
    await page.addInitScript(() => {
      const storage = navigator.storage as StorageManager & { persist: () => Promise<boolean> };
      const original = storage.persist?.bind(storage);
      storage.persist = () => {
        (globalThis as { __persistAsked?: boolean }).__persistAsked = true;
        return original ? original() : Promise.resolve(false);
      };
    });
    await page.reload();
    await page.getByTestId('article-title').waitFor();
    await page.waitForFunction(
      () => (globalThis as { __persistAsked?: boolean }).__persistAsked === true,
      null,
      {
        timeout: 10_000,
      },
    );
    assert.equal(await page.getByTestId('library-item').count(), libraryBefore + imported);
  });

  it('ran no script from any file and requested nothing outside its own origin', async () => {
    const canary = await app.page.evaluate(() => (globalThis as { __canary?: unknown }).__canary);
    assert.equal(canary, undefined);
    assert.deepEqual(app.foreignRequests(), []);
    assert.deepEqual(app.consoleErrors, []);
  });

  it('blocks an inline script injected into the running page (CSP)', async () => {
    const ran = await app.page.evaluate(async () => {
      const violation = new Promise<string>((ok) =>
        document.addEventListener('securitypolicyviolation', (e) => ok(e.violatedDirective), { once: true }),
      );
      const script = document.createElement('script');
      script.textContent = 'globalThis.__inlineRan = true';
      document.body.appendChild(script);
      const directive = await violation;
      return { ran: (globalThis as { __inlineRan?: boolean }).__inlineRan ?? false, directive };
    });
    assert.equal(ran.ran, false);
    assert.match(ran.directive, /script-src/);
  });
});
