// Two analysts in two browsers, each on its own browser shell, sharing one dossier through two team-server
// instances behind Redis (real PostgreSQL and Redis).
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import pg from 'pg';
import type { Page } from 'playwright-core';
import { addMember, revokeMember } from '../../src-main/server/members';
import { silentLogger } from '../../src-main/server/log';
import { startTeamServer, type TeamServer } from '../../src-main/server/server';
import { REFUSALS } from '../../src-main/server/auth';
import { freshDossier, startServices, type Services } from '../unit/server/services';
import { launchApp, type App } from './harness';

const SYNCED = [
  'articles',
  'statements',
  'sources',
  'annotations',
  'tags',
  'links',
  'claims',
  'claimStatements',
];

/** The workspace's records as the page's IndexedDB holds them, sorted by id: a canonical export without timestamps of export. */
function records(page: Page): Promise<string> {
  return page.evaluate(async (tables) => {
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
  }, SYNCED);
}

async function eventually(cond: () => Promise<boolean>, what: string, ms = 60_000): Promise<void> {
  const end = Date.now() + ms;
  while (!(await cond().catch(() => false))) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

async function shareDialog(
  page: Page,
  mode: 'share' | 'join',
  server: string,
  invitation: string,
  name: string,
) {
  await page.getByTestId(mode === 'join' ? 'join-button' : 'share-button').click();
  await page.getByTestId('share-server').fill(server);
  await page.getByTestId('share-invitation').fill(invitation);
  await page.getByTestId('share-name').fill(name);
  await page.getByTestId('share-submit').click();
}

const statusText = (page: Page) => page.getByTestId('sync-status').innerText();

/** Writes a note on statement `index` in the reader, as an analyst does (gutter, n, type, save). */
async function tagStatement(page: Page, index: number, note = `note on statement ${index}`) {
  await page.locator(`[data-testid="statement"][data-index="${index}"] .gutter`).click();
  await page.keyboard.press('n');
  await page.getByTestId('note-input').fill(note);
  await page.getByTestId('note-save').click();
  await page.getByTestId('note-input').waitFor({ state: 'detached' });
}

describe('shared dossier between two analysts', { timeout: 600_000 }, () => {
  let services: Services;
  let pool: pg.Pool;
  let a: TeamServer;
  let b: TeamServer;
  let ana: App;
  let ben: App;
  let dossier: string;
  const invitations: Record<string, string> = {};

  before(async () => {
    services = await startServices();
    pool = new pg.Pool({ connectionString: services.pg, max: 2 });
    a = await startTeamServer({
      port: 0,
      databaseUrl: services.pg,
      redisUrl: services.redis,
      log: silentLogger,
    });
    b = await startTeamServer({
      port: 0,
      databaseUrl: services.pg,
      redisUrl: services.redis,
      log: silentLogger,
    });
    dossier = freshDossier('e2e');
    for (const [name, role] of [
      ['Ana', 'owner'],
      ['Ben', 'editor'],
    ] as const)
      invitations[name] = (await addMember(pool, dossier, name, role)).invitation;
    [ana, ben] = await Promise.all([launchApp(), launchApp()]);
    await Promise.all([ana, ben].map((app) => app.page.getByTestId('statement').first().waitFor()));
  });

  after(async () => {
    await ana?.close();
    await ben?.close();
    await a?.stop();
    await b?.stop();
    await pool?.end();
    await services?.stop();
  });

  it('refuses a wrong invitation with a clear message', async () => {
    const forged = invitations.Ana!.slice(0, -6) + 'AAAAAA';
    await shareDialog(ana.page, 'share', a.url, forged, 'Ana');
    await ana.page
      .getByTestId('share-error')
      .filter({ hasText: REFUSALS.unknown })
      .waitFor({ timeout: 30_000 });
    await ana.page.keyboard.press('Escape');
    await ana.page.getByRole('button', { name: 'Cancel' }).click();
  });

  it("shares one analyst's workspace and shows it to the other, identical", async () => {
    await shareDialog(ana.page, 'share', a.url, invitations.Ana!, 'Ana');
    await eventually(async () => (await statusText(ana.page)).includes('synced'), 'Ana synced');
    await shareDialog(ben.page, 'join', b.url, invitations.Ben!, 'Ben');
    await eventually(async () => (await statusText(ben.page)).includes('synced'), 'Ben synced');
    await eventually(
      async () => (await records(ana.page)) === (await records(ben.page)),
      'identical workspaces',
    );
    await ben.page.getByTestId('peer').filter({ hasText: 'Ana' }).waitFor({ timeout: 30_000 });
    await ana.page
      .getByTestId('peer')
      .filter({ hasText: /Ben.*reading Russia and Rwanda/s })
      .waitFor();
    await ben.screenshot('team-joined');
  });

  it("shows Ben's annotation to Ana with Ben's name on it", async () => {
    await tagStatement(ben.page, 2);
    await eventually(async () => {
      const r = JSON.parse(await records(ana.page)) as { annotations: { author: string }[] };
      return r.annotations.some((x) => x.author === 'Ben');
    }, 'the annotation at Ana');
  });

  it('keeps edits made offline and converges after reconnecting', async () => {
    await ben.context.setOffline(true);
    await ben.page.getByTestId('go-offline').click();
    await tagStatement(ben.page, 4);
    await tagStatement(ana.page, 5);
    await eventually(
      async () => /offline — \d+ changes? waiting/.test(await statusText(ben.page)),
      'waiting count',
    );
    await ben.screenshot('team-offline');
    await ben.context.setOffline(false);
    await ben.page.getByTestId('go-online').click();
    await eventually(async () => (await statusText(ben.page)).startsWith('synced'), 'Ben synced again');
    await eventually(
      async () => (await records(ana.page)) === (await records(ben.page)),
      'identical after reconnect',
    );
    const r = JSON.parse(await records(ana.page)) as { annotations: unknown[] };
    assert.equal(r.annotations.length, 3);
  });

  it("closes a revoked member's session and tells them why", async () => {
    await revokeMember(pool, dossier, 'Ben');
    await ben.page
      .getByTestId('sync-refusal')
      .filter({ hasText: REFUSALS.revoked })
      .waitFor({ timeout: 60_000 });
    assert.match(await statusText(ben.page), /refused/);
    await ben.screenshot('team-revoked');
  });
});
