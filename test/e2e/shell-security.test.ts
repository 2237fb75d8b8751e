// The browser shell against another local user and against lost work: no other local origin receives
// anything that opens the API; the workspace follows the data folder across ports and browser profiles; the
// backup covers every article imported before the back end was killed.
import { after, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createServer, request, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtemp, readdir, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { dropFiles, launchApp, type App, type DropFile } from './harness';

function files(n: number, prefix: string): DropFile[] {
  return Array.from({ length: n }, (_, i) => ({
    name: `${prefix}-${String(i).padStart(3, '0')}.txt`,
    bytes: Buffer.from(
      `The council of ${prefix} town ${i} said the bridge would close on day ${i}. ` +
        `Engineers confirmed that ${i * 3 + 2} cracks were found. A driver said the detour was long.\n`,
    ),
  }));
}

/** Article ids straight from IndexedDB. */
function articleIds(page: Page): Promise<string[]> {
  return page.evaluate(
    () =>
      new Promise<string[]>((resolve, reject) => {
        const open = indexedDB.open('corroborate');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const req = open.result.transaction('articles').objectStore('articles').getAllKeys();
          req.onsuccess = () => {
            open.result.close();
            resolve((req.result as string[]).sort());
          };
        };
      }),
  );
}

/** Article ids in the newest backup of a data folder (none yet: empty). */
async function latestBackupIds(dataDir: string): Promise<string[]> {
  const names = (await readdir(join(dataDir, 'backups')).catch(() => [] as string[])).filter((n) =>
    n.endsWith('.json'),
  );
  const newest = names.sort().at(-1);
  if (!newest) return [];
  const dossier = JSON.parse(await readFile(join(dataDir, 'backups', newest), 'utf8')) as {
    articles: { id: string }[];
  };
  return dossier.articles.map((a) => a.id).sort();
}

async function waitFor(what: string, check: () => Promise<boolean>, timeoutMs = 90_000): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((ok) => setTimeout(ok, 500));
  }
}

const tokenOf = (app: App) => /token=([0-9a-f]+)/.exec(app.url)![1]!;

describe('browser shell: other local origins', () => {
  let app: App | undefined;
  after(async () => app?.close());

  it('gives a page served on another local port nothing that opens the API', async () => {
    app = await launchApp();
    await app.page.getByTestId('article-title').waitFor();
    const token = tokenOf(app);
    const seen: IncomingHttpHeaders[] = [];
    const other = createServer((req, res) => {
      seen.push(req.headers);
      res.writeHead(200, { 'Content-Type': 'text/html' });
      res.end('<!doctype html><title>another local server</title>');
    });
    await new Promise<void>((ok) => other.listen(0, '127.0.0.1', ok));
    const otherPort = (other.address() as AddressInfo).port;
    try {
      // The same browser profile, after the app's page has loaded and called its API.
      const page = await app.context.newPage();
      await page.goto(`http://127.0.0.1:${otherPort}/`);
      const visible = await page.evaluate(() => ({
        cookie: document.cookie,
        local: JSON.stringify({ ...localStorage }),
        session: JSON.stringify({ ...sessionStorage }),
      }));
      await page.close();
      assert.ok(seen.length > 0, 'the other server was asked for its page');
      for (const headers of seen) {
        assert.equal(headers.cookie, undefined, `a cookie reached another port: ${headers.cookie}`);
        assert.ok(!JSON.stringify(headers).includes(token), 'the token reached another port');
      }
      assert.ok(!JSON.stringify(visible).includes(token), 'the token is readable from another port');
      // Whatever that server received, replayed against the API, opens nothing.
      const status = await new Promise<number>((ok, fail) =>
        request(
          {
            host: '127.0.0.1',
            port: Number(new URL(app!.origin).port),
            path: '/api/backupList',
            method: 'POST',
            headers: { ...(seen[0]!.cookie ? { Cookie: seen[0]!.cookie } : {}) },
          },
          (res) => ok(res.statusCode ?? 0),
        )
          .on('error', fail)
          .end(),
      );
      assert.equal(status, 401);
    } finally {
      other.close();
    }
  });
});

describe('browser shell: the workspace follows the data folder', () => {
  const opened: App[] = [];
  let dataDir = '';
  after(async () => {
    for (const a of opened) await a.close().catch(() => undefined);
    if (dataDir) await rm(dataDir, { recursive: true, force: true });
  });

  it('shows the same articles after a restart on another port with a fresh browser profile', async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'corroborate-e2e-folder-'));
    const first = await launchApp({ dataDir });
    opened.push(first);
    await first.page.getByTestId('article-title').waitFor();
    await dropFiles(first.page, files(3, 'port'));
    await first.page.getByTestId('import-report').waitFor();
    const before = await articleIds(first.page);
    assert.equal(before.length, 4, 'the sample and three imported articles');
    await waitFor('the backup of the import', async () => {
      const backedUp = await latestBackupIds(dataDir);
      return before.every((id) => backedUp.includes(id));
    });
    await first.close();
    opened.pop();

    const second = await launchApp({ dataDir });
    opened.push(second);
    assert.notEqual(second.origin, first.origin, 'another port, another browser origin');
    await second.page
      .getByTestId('toast')
      .filter({ hasText: /restored from the data folder/i })
      .waitFor({ timeout: 30_000 });
    await waitFor('the restored articles', async () => (await articleIds(second.page)).length >= 4, 30_000);
    assert.deepEqual(await articleIds(second.page), before);
    await second.screenshot('data-folder-restored');
  });

  it('keeps the data folder and its files readable by their owner only', async () => {
    assert.equal((await stat(dataDir)).mode & 0o777, 0o700);
    for (const sub of ['backups', 'originals']) {
      assert.equal((await stat(join(dataDir, sub))).mode & 0o777, 0o700, sub);
      for (const name of await readdir(join(dataDir, sub)))
        assert.equal((await stat(join(dataDir, sub, name))).mode & 0o777, 0o600, `${sub}/${name}`);
    }
  });
});

describe('browser shell: backups survive the back end being killed', () => {
  let app: App | undefined;
  after(async () => app?.close());

  it('writes a backup covering every article imported before the kill, once the back end is back', async () => {
    app = await launchApp();
    const { page } = app;
    await page.getByTestId('article-title').waitFor();
    const seeded = (await articleIds(page)).length;
    // Enough files that the kill lands mid-import: progress moves per stored batch, so wait for the
    // store itself to hold some of them rather than for a progress figure.
    await dropFiles(page, files(300, 'kill'));
    await waitFor('some articles stored', async () => (await articleIds(page)).length >= seeded + 10);
    const url = await app.restartServer('SIGKILL');
    await page.getByTestId('import-report').waitFor({ timeout: 60_000 });
    // The person opens the address the restarted shell printed.
    await page.goto(url);
    await page.getByTestId('article-title').waitFor();
    const stored = await articleIds(page);
    assert.ok(stored.length >= seeded + 10, `articles imported before the kill: ${stored.length}`);
    await waitFor('a backup covering every stored article', async () => {
      const backedUp = new Set(await latestBackupIds(app!.dataDir));
      return stored.every((id) => backedUp.has(id));
    });
  });
});
