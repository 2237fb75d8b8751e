// Two analysts in two browsers, each on its own browser shell, sharing one dossier through two team-server
// processes behind Redis (real PostgreSQL and Redis). Convergence is judged on the app's own JSON export.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import pg from 'pg';
import type { Page } from 'playwright-core';
import { canonicalJson, type Dossier } from '../../src-main/shared/dossier';
import { addMember, revokeMember } from '../../src-main/server/members';
import { REFUSALS } from '../../src-main/server/auth';
import { READER_REFUSAL } from '../../src-main/shared/team';
import {
  freshDossier,
  serverProcess,
  startServices,
  type ServerProcess,
  type Services,
} from '../unit/helpers/team-services';
import { exportAs, launchApp, repoRoot, resultsDir, type App } from './harness';

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

/** The workspace's records as the page's IndexedDB holds them, sorted by id: cheap to poll while waiting to converge. */
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

const exportDir = join(resultsDir, 'team');
/** What a JSON dossier holds that two machines need not share: when and by what it was written, each machine's
 * own import log, and the merge history of dossier files imported on that machine. */
const MACHINE_LOCAL = ['exportedAt', 'exportedBy', 'imports', 'history'] as const;

/**
 * The workspace as the app exports it (export dialog, JSON dossier, whole workspace), minus MACHINE_LOCAL, as
 * canonical JSON: every record with every field (its own timestamps included, as they are shared too).
 */
async function sharedExport(app: App, who: string): Promise<string> {
  const path = await exportAs(app, 'json', `Shared dossier ${who}`, exportDir);
  await app.page.getByTestId('export-dialog').getByRole('button', { name: 'Close' }).first().click();
  await app.page.getByTestId('export-dialog').waitFor({ state: 'detached' });
  const dossier = JSON.parse(readFileSync(path, 'utf8')) as Partial<Dossier>;
  for (const field of MACHINE_LOCAL) delete dossier[field];
  return canonicalJson(dossier);
}

const annotationsIn = (exported: string) => (JSON.parse(exported) as Dossier).annotations;

/** Writes one record into the dossier as a tampered client would, from its own process (see forged-write.ts). */
async function forgeWrite(url: string, dossier: string, token: string, record: object): Promise<void> {
  const { stdout } = await promisify(execFile)(
    process.execPath,
    [
      '--experimental-websocket',
      '--import',
      'tsx',
      'test/e2e/forged-write.ts',
      url,
      dossier,
      token,
      'annotations',
      JSON.stringify(record),
    ],
    { cwd: repoRoot, timeout: 60_000 },
  );
  assert.match(stdout, /sent/);
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
const isSynced = async (page: Page) => (await statusText(page)).startsWith('synced');

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
  let a: ServerProcess;
  let b: ServerProcess;
  let ana: App;
  let ben: App;
  let dossier: string;
  const invitations: Record<string, string> = {};

  before(async () => {
    services = await startServices();
    pool = new pg.Pool({ connectionString: services.pg, max: 2 });
    // One after the other: each creates (or checks) the schema on start.
    a = await serverProcess(services.pg, { redisUrl: services.redis });
    b = await serverProcess(services.pg, { redisUrl: services.redis });
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
    await a?.kill();
    await b?.kill();
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
    const shared = await sharedExport(ana, 'Ana');
    assert.ok((JSON.parse(shared) as Dossier).statements.length > 0, 'the export holds the seed article');
    assert.equal(await sharedExport(ben, 'Ben'), shared);
    await ben.page
      .getByTestId('peer')
      .filter({ hasText: /Ana.*reading Russia and Rwanda/s })
      .waitFor({ timeout: 30_000 });
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

  it("undoes an analyst's own edit with Ctrl+Z, never the other analyst's", async () => {
    const notesAt = async (page: Page) =>
      (JSON.parse(await records(page)) as { annotations: { note: string }[] }).annotations.map((x) => x.note);
    await tagStatement(ana.page, 9, 'Ana takes this back');
    await eventually(
      async () => (await notesAt(ben.page)).includes('Ana takes this back'),
      'the note at Ben',
    );
    await ana.page.keyboard.press('Control+z');
    await ana.page
      .getByTestId('toast')
      .filter({ hasText: /^Undone: / })
      .first()
      .waitFor();
    await eventually(
      async () => !(await notesAt(ben.page)).includes('Ana takes this back'),
      'the undo at Ben',
    );
    // Ben rewrites Ana's next note: her Ctrl+Z would now take back his words, so there is nothing of hers to undo.
    await tagStatement(ana.page, 3, 'Ana on statement 3');
    await eventually(async () => (await notesAt(ben.page)).includes('Ana on statement 3'), 'the note at Ben');
    await tagStatement(ben.page, 3, 'Ben has the last word');
    await eventually(async () => (await notesAt(ana.page)).includes('Ben has the last word'), 'at Ana');
    await ana.page.keyboard.press('Control+z');
    await ana.page.getByTestId('toast').filter({ hasText: 'Nothing to undo' }).waitFor();
    await ben.page.keyboard.press('Control+z');
    await ben.page
      .getByTestId('toast')
      .filter({ hasText: /^Undone: / })
      .first()
      .waitFor();
    // Ben's undo restores Ana's words: the record is back as she left it, for both.
    await eventually(
      async () => (await notesAt(ana.page)).includes('Ana on statement 3'),
      'Ben undone at Ana',
    );
    assert.deepEqual((await notesAt(ben.page)).sort(), ['Ana on statement 3', 'note on statement 2']);
    // The record's history keeps both analysts' versions; Ben's words, no longer the note, are marked replaced.
    const history = ben.page.getByTestId('annotation-section').getByTestId('record-history');
    await history.locator('summary').click();
    await history.getByTestId('record-version').filter({ hasText: 'Ben has the last word' }).waitFor();
    assert.match(
      await history.innerText(),
      /Ben[\s\S]*Ben has the last word[\s\S]*replaced[\s\S]*Ana[\s\S]*Ana on statement 3/,
    );
    await ben.screenshot('team-history');
    await ben.page.emulateMedia({ colorScheme: 'dark' });
    await ben.screenshot('team-history-dark');
    await ben.page.emulateMedia({ colorScheme: 'light' });
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
    const exported = await sharedExport(ana, 'Ana');
    assert.equal(await sharedExport(ben, 'Ben'), exported);
    assert.deepEqual(
      annotationsIn(exported)
        .map((x) => x.note)
        .sort(),
      ['Ana on statement 3', 'note on statement 2', 'note on statement 4', 'note on statement 5'],
    );
  });

  it('loses nothing the server acknowledged when both instances are killed and restarted', async () => {
    await ben.page.getByTestId('go-offline').click();
    await tagStatement(ana.page, 6, 'acknowledged before the crash');
    await eventually(() => isSynced(ana.page), 'the server to acknowledge the note');
    // Ana stops talking to the servers, so her copy cannot bring the note back: only the servers can.
    await ana.page.getByTestId('go-offline').click();
    await Promise.all([a.kill(), b.kill()]);
    a = await serverProcess(services.pg, { port: a.port, redisUrl: services.redis });
    b = await serverProcess(services.pg, { port: b.port, redisUrl: services.redis });
    await ben.page.getByTestId('go-online').click();
    await eventually(async () => {
      const r = JSON.parse(await records(ben.page)) as { annotations: { note: string }[] };
      return r.annotations.some((x) => x.note === 'acknowledged before the crash');
    }, 'the acknowledged note at Ben, from the restarted servers');
    await ana.page.getByTestId('go-online').click();
    await eventually(() => isSynced(ana.page), 'Ana back online');
    await eventually(
      async () => (await records(ana.page)) === (await records(ben.page)),
      'identical after the restart',
    );
    assert.equal(await sharedExport(ben, 'Ben'), await sharedExport(ana, 'Ana'));
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

  it('lets a reader read but change nothing, in the app or by writing to the server directly', async () => {
    invitations.Cy = (await addMember(pool, dossier, 'Cy', 'reader')).invitation;
    await ben.page.getByTestId('stop-sharing').click();
    await shareDialog(ben.page, 'join', b.url, invitations.Cy, 'Cy');
    await eventually(async () => (await statusText(ben.page)) === 'synced (read only)', 'Cy synced');
    await eventually(
      async () => (await records(ana.page)) === (await records(ben.page)),
      'the reader has the dossier',
    );
    const before = (JSON.parse(await records(ana.page)) as Dossier).annotations;
    // The app refuses the edit and says why.
    await tagStatement(ben.page, 7, 'a reader tried this');
    await ben.page.getByTestId('toast').filter({ hasText: READER_REFUSAL }).waitFor({ timeout: 30_000 });
    await ben.screenshot('team-reader');
    // A tampered client holding the reader's invitation writes straight into the dossier: the server drops it.
    const forged = { ...before[0]!, id: 'forged-by-a-reader', note: 'forged by a reader' };
    await forgeWrite(a.url, dossier, invitations.Cy, forged);
    // Ana's next note reaching the reader shows the servers have passed on everything sent before it.
    await tagStatement(ana.page, 8, 'written after the forgery');
    await eventually(async () => {
      const r = JSON.parse(await records(ben.page)) as { annotations: { note: string }[] };
      return r.annotations.some((x) => x.note === 'written after the forgery');
    }, "Ana's later note at the reader");
    const after = await sharedExport(ana, 'Ana');
    assert.equal(await sharedExport(ben, 'Cy'), after);
    const notes = annotationsIn(after).map((x) => x.note);
    assert.ok(notes.includes('written after the forgery'));
    assert.ok(!notes.includes('forged by a reader'), 'the forged record reached the owner');
    assert.ok(!notes.includes('a reader tried this'), "the reader's edit reached the owner");
    assert.equal(annotationsIn(after).length, before.length + 1);
  });
});
