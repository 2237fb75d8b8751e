// Nothing lost, nothing half-written: paste, cancel, a full disk, and the back end or the window
// dying in the middle of a 100-file import leave only whole articles and an honest report.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { join } from 'node:path';
import { dropFiles, launchApp, resultsDir, type App, type DropFile, expectCount } from './harness';

/** Files with distinct texts, each a few statements long. */
function manyFiles(n: number, prefix: string): DropFile[] {
  return Array.from({ length: n }, (_, i) => ({
    name: `${prefix}-${String(i).padStart(3, '0')}.txt`,
    bytes: Buffer.from(
      `Officials in district ${prefix}-${i} said the market reopened on day ${i}. ` +
        `Traders confirmed that ${i * 7 + 3} stalls were open. A resident said prices had risen.\n`,
    ),
  }));
}

/** Every article in the database with its number of statements, read straight from IndexedDB. */
async function articleIntegrity(
  page: Page,
): Promise<{ articles: number; withoutStatements: string[]; orphanStatements: number }> {
  return page.evaluate(
    () =>
      new Promise((resolve, reject) => {
        const open = indexedDB.open('corroborate');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          const tx = db.transaction(['articles', 'statements'], 'readonly');
          const articles = tx.objectStore('articles').getAll();
          const statements = tx.objectStore('statements').getAll();
          tx.oncomplete = () => {
            const counts = new Map<string, number>();
            for (const s of statements.result as { articleId: string }[])
              counts.set(s.articleId, (counts.get(s.articleId) ?? 0) + 1);
            const ids = new Set((articles.result as { id: string }[]).map((a) => a.id));
            resolve({
              articles: ids.size,
              withoutStatements: (articles.result as { id: string; title: string }[])
                .filter((a) => !counts.get(a.id))
                .map((a) => a.title),
              orphanStatements: [...counts.keys()].filter((id) => !ids.has(id)).length,
            });
            db.close();
          };
        };
      }),
  );
}

describe('nothing lost, nothing half-written', () => {
  let app: App;
  before(async () => {
    app = await launchApp();
    await app.page.getByTestId('article-title').waitFor();
  });
  after(async () => {
    await app?.close();
  });

  it('imports pasted text as an article', async () => {
    const { page } = app;
    await page.locator('body').click({ position: { x: 5, y: 300 } });
    await page.evaluate(() => {
      const dt = new DataTransfer();
      dt.setData(
        'text/plain',
        'The minister said the border would reopen on Friday. Customs officials denied it.',
      );
      window.dispatchEvent(new ClipboardEvent('paste', { clipboardData: dt, bubbles: true }));
    });
    await page.getByTestId('import-report').locator('[data-outcome="imported"]').waitFor();
    await page.getByTestId('article-title').filter({ hasText: 'The minister said' }).waitFor();
    await expectCount(page.getByTestId('statement'), 2);
    await page.getByTestId('import-report-close').click();
  });

  it('cancels a batch after the current file and reports the rest as not imported', async () => {
    const { page } = app;
    const before = await articleIntegrity(page);
    await dropFiles(page, manyFiles(40, 'cancel'));
    await page.getByTestId('import-cancel').click();
    const report = page.getByTestId('import-report');
    await report.waitFor();
    // The report is a virtual list (only the rows in view are drawn): read its counts in words.
    const summary = await report.innerText();
    const count = (outcome: string) => Number(new RegExp(`(\\d+) ${outcome}`).exec(summary)?.[1] ?? 0);
    const imported = count('imported');
    const cancelled = count('refused');
    assert.ok(cancelled > 0, 'some files were cancelled');
    assert.equal(imported + cancelled, 40);
    for (const text of await report.locator('[data-outcome="refused"]').allInnerTexts())
      assert.match(text, /cancelled/);
    const after = await articleIntegrity(page);
    assert.equal(after.articles, before.articles + imported);
    assert.deepEqual(after.withoutStatements, []);
    await page.getByTestId('import-report-close').click();
  });

  it('tells the user when the disk is full and keeps what was stored', async () => {
    const { page } = app;
    const before = await articleIntegrity(page);
    await page.evaluate(() => {
      const proto = IDBObjectStore.prototype;
      const original = proto.add;
      (window as unknown as { __restoreAdd: () => void }).__restoreAdd = () => (proto.add = original);
      proto.add = function (this: IDBObjectStore, ...args: Parameters<IDBObjectStore['add']>) {
        if (this.name === 'statements')
          throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
        return original.apply(this, args);
      };
    });
    await dropFiles(page, manyFiles(3, 'quota'));
    const report = page.getByTestId('import-report');
    await report.waitFor();
    assert.match(await report.innerText(), /disk \(or the browser storage quota\) is full/);
    assert.match(await page.getByTestId('toast').first().innerText(), /disk is full/);
    await page.evaluate(() => (window as unknown as { __restoreAdd: () => void }).__restoreAdd());
    const after = await articleIntegrity(page);
    assert.equal(after.articles, before.articles);
    assert.deepEqual(after.withoutStatements, []);
    await page.getByTestId('import-report-close').click();
  });

  it('survives the back end being killed in the middle of a 300-file import', async () => {
    const { page } = app;
    // Main extracts up to two batches of 40 ahead of the stores: with 300 files, most are still to be extracted
    // when the back end dies (with 100, all could be in the renderer already, and nothing would fail).
    await dropFiles(page, manyFiles(300, 'kill'));
    await page.waitForFunction(
      () => /Importing (1[0-9]|[2-9][0-9]) of 300/.test(document.body.innerText),
      undefined,
      { timeout: 60_000 },
    );
    const url = await app.restartServer('SIGKILL');
    await page.getByTestId('import-report').waitFor({ timeout: 60_000 });
    const text = await page.getByTestId('import-report').innerText();
    assert.match(text, /did not answer|refused/i);
    await page.goto(url);
    await page.getByTestId('article-title').waitFor();
    const state = await articleIntegrity(page);
    assert.deepEqual(state.withoutStatements, []);
    assert.equal(state.orphanStatements, 0);
  });

  it('survives the window being closed in the middle of an import', async () => {
    const { page, context } = app;
    await dropFiles(page, manyFiles(60, 'close'));
    await page.waitForFunction(
      () => /Importing ([5-9]|[1-5][0-9]) of 60/.test(document.body.innerText),
      undefined,
      { timeout: 60_000 },
    );
    await page.close({ runBeforeUnload: false });
    const next = await context.newPage();
    await next.goto(app.url.replace(/\/\?token=.*/, '/'));
    await next.getByTestId('article-title').waitFor();
    const state = await articleIntegrity(next);
    assert.deepEqual(state.withoutStatements, []);
    assert.equal(state.orphanStatements, 0);
    app.page = next;
  });

  it('restores a damaged workspace from a rolling backup', async () => {
    const { page } = app;
    const items = page.getByTestId('backup-item');
    const before = await items.count();
    const newest = before ? await items.first().innerText() : '';
    await page.getByTestId('backup-now').click();
    // Wait for the new backup to be listed (newest first) before reading its label. Only the last 10 are
    // kept, so a full list changes its first item rather than its length.
    await page.waitForFunction(
      ([n, first]) => {
        const listed = document.querySelectorAll<HTMLElement>('[data-testid="backup-item"]');
        return listed.length > n || (listed[0] !== undefined && listed[0].innerText !== first);
      },
      [before, newest] as const,
    );
    const label = (await items.first().innerText()).split('\n')[0]!.trim();
    const good = await articleIntegrity(page);
    // Damage: the statements of every article vanish from the database behind the app's back.
    await page.evaluate(
      () =>
        new Promise<void>((resolve, reject) => {
          const open = indexedDB.open('corroborate');
          open.onsuccess = () => {
            const tx = open.result.transaction('statements', 'readwrite');
            tx.objectStore('statements').clear();
            tx.oncomplete = () => (open.result.close(), resolve());
            tx.onerror = () => reject(tx.error);
          };
        }),
    );
    await page.reload();
    await page.getByTestId('backups').waitFor();
    assert.ok((await articleIntegrity(page)).withoutStatements.length > 0, 'the workspace is damaged');
    await page.getByTestId('backup-item').filter({ hasText: label }).getByTestId('backup-restore').click();
    await page.getByTestId('confirm-ok').click();
    await page.waitForFunction(() => !document.querySelector('[data-testid="confirm-dialog"]'), undefined, {
      timeout: 30_000,
    });
    await page.getByTestId('statement').first().waitFor();
    const restored = await articleIntegrity(page);
    assert.equal(restored.articles, good.articles);
    assert.deepEqual(restored.withoutStatements, []);
  });

  it('restores the point after an edit, kept as the changes since a full backup, and the one before it', async () => {
    const { page } = app;
    const newest = () => page.getByTestId('backup-item').first().getAttribute('data-backup');
    /** Waits until the newest backup listed is another than `before`. */
    const newestOtherThan = (before: string | null, timeout = 30_000) =>
      page.waitForFunction(
        (was) => document.querySelector('[data-testid="backup-item"]')?.getAttribute('data-backup') !== was,
        before,
        { timeout },
      );
    const annotations = () =>
      page.evaluate(
        () =>
          new Promise<number>((resolve, reject) => {
            const open = indexedDB.open('corroborate');
            open.onerror = () => reject(open.error);
            open.onsuccess = () => {
              const count = open.result.transaction('annotations').objectStore('annotations').count();
              count.onsuccess = () => (open.result.close(), resolve(count.result));
            };
          }),
      );
    /** Waits until the store holds `n` annotations (a restore's dialog closes before its work starts). */
    const annotationsBecome = async (n: number) => {
      const deadline = Date.now() + 30_000;
      while ((await annotations()) !== n) {
        if (Date.now() > deadline) assert.equal(await annotations(), n);
        await page.waitForTimeout(200);
      }
    };
    const restore = async (name: string) => {
      await page.locator(`[data-backup="${name}"]`).getByTestId('backup-restore').click();
      await page.getByTestId('confirm-ok').click();
    };
    await page.getByTestId('statement').first().waitFor();
    const previous = await newest();
    await page.getByTestId('backup-now').click();
    await newestOtherThan(previous);
    const full = (await newest())!;
    assert.equal(await page.locator(`[data-backup="${full}"] [data-kind="full"]`).count(), 1);
    const before = await annotations();

    // The edit: the first statement tagged with the first tag.
    const statement = page.getByTestId('statement').first();
    const text = (await statement.innerText()).slice(0, 40);
    await statement.click();
    await page.keyboard.press('1');
    await statement.getByTestId('tag-chip').waitFor();
    assert.equal(await annotations(), before + 1);

    // Restoring the full backup first backs up the edit, as the changes since that full backup.
    await restore(full);
    await annotationsBecome(before);
    const edited = full.replace(/\.json$/, '.d0001.json');
    await page.locator(`[data-backup="${edited}"] [data-kind="delta"]`).waitFor();
    const again = page.getByTestId('statement').filter({ hasText: text }).first();
    await again.waitFor();
    assert.equal(await again.getByTestId('tag-chip').count(), 0);

    // Its point brings the edit back: the full backup with the changes applied.
    await restore(edited);
    await annotationsBecome(before + 1);
    await page.getByTestId('statement').filter({ hasText: text }).first().getByTestId('tag-chip').waitFor();
    // The panel, its full copies and changes side by side, in both themes (the toasts hidden).
    const hidden = await page.addStyleTag({ content: '[data-testid="toast"] { visibility: hidden; }' });
    for (const scheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme: scheme });
      await page.getByTestId('backups').screenshot({ path: join(resultsDir, `backups-panel-${scheme}.png`) });
    }
    await page.emulateMedia({ colorScheme: null });
    await hidden.evaluate((style) => style.parentNode?.removeChild(style));

    // A new session on the unchanged workspace goes on with the chain: its first backup after an edit is a delta
    // of that edit, not another full copy of the workspace. The reload waits until every write (the restore's
    // last ones too) is backed up: the workspace's generation is the one the last backup was written at.
    const beforeNow = await newest();
    await page.getByTestId('backup-now').click();
    await newestOtherThan(beforeNow);
    const backedUp = () =>
      page.evaluate(
        () =>
          new Promise<boolean>((resolve, reject) => {
            const open = indexedDB.open('corroborate');
            open.onerror = () => reject(open.error);
            open.onsuccess = () => {
              const q = open.result.transaction('meta').objectStore('meta').getAll();
              q.onsuccess = () => {
                open.result.close();
                const rows = new Map(q.result.map((r: { key: string; value: unknown }) => [r.key, r.value]));
                const at = rows.get('backedUp') as { signature: string } | undefined;
                resolve(!!at && at.signature === rows.get('workspaceGeneration'));
              };
            };
          }),
      );
    for (const deadline = Date.now() + 30_000; !(await backedUp()); await page.waitForTimeout(200))
      assert.ok(Date.now() < deadline, 'the workspace was not backed up within 30 s');
    const base = (await newest())!;
    assert.equal(await page.locator(`[data-backup="${base}"] [data-kind="full"]`).count(), 1);
    await page.reload();
    const untagged = page.getByTestId('statement').nth(1);
    await untagged.click();
    await page.keyboard.press('2');
    await untagged.getByTestId('tag-chip').first().waitFor();
    await newestOtherThan(base, 60_000);
    assert.equal(await newest(), base.replace(/\.json$/, '.d0001.json'));
  });

  it('made no request outside its own origin', () => {
    assert.deepEqual(app.foreignRequests(), []);
  });
});
