// What the team E2E files share: reading a page's synced records, waiting for convergence, the share dialog.
import type { Page } from 'playwright-core';
import { SYNCED_TABLES } from '../../src-renderer/lib/db/sync-bridge';

/** The workspace's records as the page's IndexedDB holds them, sorted by id: cheap to poll while waiting to converge. */
export function records(page: Page): Promise<string> {
  return page.evaluate(
    async (tables) => {
      const db = await new Promise<IDBDatabase>((ok, fail) => {
        const req = indexedDB.open('corroborate');
        req.onsuccess = () => ok(req.result);
        req.onerror = () => fail(req.error);
      });
      const out: Record<string, unknown[]> = {};
      for (const t of tables) {
        const rows = await new Promise<{ id: string }[]>((ok, fail) => {
          const req = db.transaction(t, 'readonly').objectStore(t).getAll();
          req.onsuccess = () => ok(req.result as { id: string }[]);
          req.onerror = () => fail(req.error);
        });
        out[t] = rows.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
      }
      db.close();
      return JSON.stringify(out);
    },
    [...SYNCED_TABLES],
  );
}

export async function eventually(cond: () => Promise<boolean>, what: string, ms = 60_000): Promise<void> {
  const end = Date.now() + ms;
  while (!(await cond().catch(() => false))) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

export async function shareDialog(
  page: Page,
  mode: 'share' | 'join',
  server: string,
  invitation: string,
  name: string,
  /** Before the server fields: choose what to share (the dialog is open). */
  choose?: () => Promise<void>,
) {
  await page.getByTestId(mode === 'join' ? 'join-button' : 'share-button').click();
  await choose?.();
  await page.getByTestId('share-server').fill(server);
  await page.getByTestId('share-invitation').fill(invitation);
  await page.getByTestId('share-name').fill(name);
  await page.getByTestId('share-submit').click();
}

export const statusText = (page: Page) => page.getByTestId('sync-status').innerText();
export const isSynced = async (page: Page) => (await statusText(page)).startsWith('synced');

/** Writes a note on statement `index` in the reader, as an analyst does (gutter, n, type, save). */
export async function tagStatement(page: Page, index: number, note = `note on statement ${index}`) {
  await page.locator(`[data-testid="statement"][data-index="${index}"] .gutter`).click();
  await page.keyboard.press('n');
  await page.getByTestId('note-input').fill(note);
  await page.getByTestId('note-save').click();
  await page.getByTestId('note-input').waitFor({ state: 'detached' });
}
