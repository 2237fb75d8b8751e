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
import { dropFiles, exportAs, launchApp, repoRoot, resultsDir, type App } from './harness';
import { eventually, isSynced, records, shareDialog, statusText, tagStatement } from './team-helpers';

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
    // The app shows the reader no edit that would be refused, and says why.
    const page = ben.page;
    await page.locator('[data-testid="statement"][data-index="2"] .gutter').click();
    const inspector = page.getByTestId('inspector');
    await inspector.getByTestId('read-only').filter({ hasText: 'Read only' }).waitFor();
    await inspector.getByTestId('annotation-item').first().waitFor();
    for (const hidden of ['annotation-edit', 'annotation-delete', 'change-speaker', 'add-via', 'add-link'])
      assert.equal(await inspector.getByTestId(hidden).count(), 0, `${hidden} is offered to a reader`);
    assert.equal(await inspector.getByTestId('add-claim').count(), 0);
    assert.ok(await inspector.getByTestId('annotation-grade').first().isDisabled());
    assert.ok(await inspector.getByTestId('statement-kind').isDisabled());
    const toggles = inspector.getByTestId('tag-toggle');
    assert.ok((await toggles.count()) > 0);
    for (const toggle of await toggles.all()) assert.ok(await toggle.isDisabled(), 'a tag toggle is enabled');
    await ben.screenshot('team-reader');
    await page.emulateMedia({ colorScheme: 'dark' });
    await ben.screenshot('team-reader-dark');
    await page.emulateMedia({ colorScheme: 'light' });
    // The keys that would annotate say why instead of opening an editor.
    await page.keyboard.press('n');
    await page.getByTestId('toast').filter({ hasText: READER_REFUSAL }).first().waitFor({ timeout: 30_000 });
    assert.equal(await page.getByTestId('note-input').count(), 0);
    // The command palette offers the reader ways to look, none to change.
    await page.keyboard.press('Control+k');
    await page.getByTestId('command-palette').waitFor();
    const offered = (await page.getByTestId('palette-item').allInnerTexts()).join('\n');
    assert.match(offered, /Search the workspace/);
    for (const edit of [/Import files/, /Re-analyse all articles/, /^Undo/m, /Clear workspace/])
      assert.doesNotMatch(offered, edit, `the palette offers a reader "${edit.source}"`);
    await page.keyboard.press('Escape');
    // A source's grade is shown, not offered; the codebook offers no new tag.
    await page.getByTestId('view-sources').click();
    await page.getByTestId('source-row').first().click();
    await page.getByTestId('source-detail').getByTestId('read-only').waitFor();
    for (const grade of ['A', 'B', 'C', 'D', 'E', 'F'])
      assert.ok(await page.getByTestId(`reliability-${grade}`).isDisabled(), `grade ${grade} is offered`);
    await ben.screenshot('team-reader-source');
    await page.getByTestId('view-codebook').click();
    await page.getByTestId('codebook-view').getByTestId('read-only').waitFor();
    assert.equal(await page.getByTestId('tag-new').count(), 0);
    await page.getByTestId('view-reader').click();
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
    assert.equal(annotationsIn(after).length, before.length + 1);
  });

  it('shares a selection: the other analyst gets the chosen article and what is on it, nothing of the rest', async () => {
    // Two fresh analysts on a fresh dossier (the ones above leave).
    await Promise.all([ana.close(), ben.close()]);
    const selection = freshDossier('e2e-sel');
    for (const [name, role] of [
      ['Ana', 'owner'],
      ['Ben', 'editor'],
    ] as const)
      invitations[`${name}-sel`] = (await addMember(pool, selection, name, role)).invitation;
    [ana, ben] = await Promise.all([launchApp(), launchApp()]);
    await Promise.all([ana, ben].map((app) => app.page.getByTestId('statement').first().waitFor()));
    const { page } = ana;
    await dropFiles(page, [
      {
        name: 'car-second-outlet.txt',
        bytes: readFileSync(join(repoRoot, 'test/fixtures/car-second-outlet.txt')),
        type: 'text/plain',
      },
    ]);
    await page.getByTestId('import-report').locator('[data-outcome="imported"]').waitFor();
    await page.getByTestId('import-report-close').click();
    const items = page.getByTestId('library-item');
    await items.nth(1).waitFor();
    const seed = items.filter({ hasText: 'CAR faces alleged coup' });
    const other = items.filter({ hasNotText: 'CAR faces alleged coup' });
    // A note on each article before sharing.
    await seed.click();
    await page.getByTestId('article-title').filter({ hasText: 'CAR faces' }).waitFor();
    await tagStatement(page, 1, 'on the shared article, before sharing');
    await other.click();
    await page.getByTestId('article-title').filter({ hasNotText: 'CAR faces' }).waitFor();
    await tagStatement(page, 1, 'on the kept article, before sharing');

    await shareDialog(page, 'share', a.url, invitations['Ana-sel']!, 'Ana', async () => {
      await page.getByTestId('share-some').check();
      // The open article is ticked to start with; Ana wants the other one instead.
      await page.getByTestId('share-filter').fill('CAR faces');
      await expectOnly(page, 1);
      await page.getByTestId('share-article').check();
      await page.getByTestId('share-filter').fill('');
      await expectOnly(page, 2);
      await page.getByTestId('share-article').nth(1).waitFor();
      const kept = page.getByTestId('share-articles').locator('label', { hasNotText: 'CAR faces' });
      await kept.getByTestId('share-article').uncheck();
      assert.match(await page.getByTestId('share-dialog').innerText(), /Some articles\s*\(1 chosen\)/);
      await ana.screenshot('team-share-selection');
      await page.emulateMedia({ colorScheme: 'dark' });
      await ana.screenshot('team-share-selection-dark');
      await page.emulateMedia({ colorScheme: 'light' });
    });
    await eventually(async () => (await statusText(page)).startsWith('synced'), 'Ana synced');
    assert.match(await page.getByTestId('share-scope').innerText(), /Sharing 1 chosen article/);
    await shareDialog(ben.page, 'join', b.url, invitations['Ben-sel']!, 'Ben');
    await eventually(async () => (await statusText(ben.page)).startsWith('synced'), 'Ben synced');

    type Seen = { articles: { title: string }[]; annotations: { note: string }[] };
    const seen = async (app: App) => JSON.parse(await records(app.page)) as Seen;
    await eventually(async () => (await seen(ben)).annotations.length > 0, 'the shared note at Ben');
    // After sharing, Ana writes on the kept article first, then on the shared one.
    await tagStatement(page, 2, 'on the kept article, after sharing');
    await seed.click();
    await page.getByTestId('article-title').filter({ hasText: 'CAR faces' }).waitFor();
    await tagStatement(page, 2, 'on the shared article, after sharing');
    await eventually(
      async () =>
        (await seen(ben)).annotations.some((x) => x.note === 'on the shared article, after sharing'),
      "Ana's later note at Ben",
    );
    const atBen = await seen(ben);
    assert.deepEqual(
      atBen.articles.map((x) => x.title),
      ['Russia and Rwanda deploy forces as CAR faces alleged coup'],
    );
    assert.deepEqual(atBen.annotations.map((x) => x.note).sort(), [
      'on the shared article, after sharing',
      'on the shared article, before sharing',
    ]);
    await expectLibrary(ben.page, 1);
    assert.equal((await seen(ana)).annotations.length, 4, 'Ana keeps all her notes');
    await ben.screenshot('team-selection-joined');

    // Both grade the same source while offline: one grade wins everywhere, the other stays in its grade history.
    for (const app of [ana, ben]) await app.page.getByTestId('go-offline').click();
    await gradeSource(ana.page, 'Tass', 'B');
    await gradeSource(ben.page, 'Tass', 'E');
    for (const app of [ana, ben]) await app.page.getByTestId('go-online').click();
    const grade = async (app: App) =>
      (JSON.parse(await records(app.page)) as Dossier).sources.find((x) => x.name === 'Tass')?.reliability;
    await eventually(async () => {
      const [atAna, atBen] = [await grade(ana), await grade(ben)];
      return (await isSynced(ana.page)) && (await isSynced(ben.page)) && atAna === atBen;
    }, 'the same grade for both');
    const winner = await grade(ana);
    const loser = winner === 'B' ? 'E' : 'B';
    assert.ok(winner === 'B' || winner === 'E', `the grade is one of the two (${winner})`);
    for (const app of [ana, ben]) {
      const history = app.page.getByTestId('source-detail').getByTestId('record-history');
      await history.locator('summary').filter({ hasText: 'Grade history' }).click();
      const winnerLine = history.getByTestId('record-version').filter({ hasText: `${winner} · ` });
      const loserLine = history.getByTestId('record-version').filter({ hasText: `${loser} · ` });
      await loserLine.waitFor();
      assert.match(await loserLine.innerText(), /(Ana|Ben)[\s\S]*\(replaced\)/);
      assert.doesNotMatch(await winnerLine.innerText(), /replaced/);
      assert.match(await history.innerText(), /Ana[\s\S]*Ben|Ben[\s\S]*Ana/);
    }
    await ben.screenshot('team-grade-history');
    await ben.page.emulateMedia({ colorScheme: 'dark' });
    await ben.screenshot('team-grade-history-dark');
    await ben.page.emulateMedia({ colorScheme: 'light' });

    // Ana widens the selection: the kept article arrives with the notes written on it.
    await page.getByTestId('share-more').click();
    await expectOnly(page, 1);
    await page.getByTestId('share-article').check();
    await ana.screenshot('team-share-more');
    await page.getByTestId('share-more-submit').click();
    await page.getByTestId('share-more-dialog').waitFor({ state: 'detached' });
    assert.match(await page.getByTestId('share-scope').innerText(), /Sharing 2 chosen articles/);
    await expectLibrary(ben.page, 2);
    await eventually(async () => (await seen(ben)).annotations.length === 4, 'all four notes at Ben');
    assert.equal(await page.getByTestId('share-more').count(), 0, 'nothing left to share');
  });
});

/** Opens a source in the Sources view and sets its reliability grade. */
async function gradeSource(page: Page, name: string, grade: string): Promise<void> {
  await page.getByTestId('view-sources').click();
  await page.getByTestId('source-row').filter({ hasText: name }).first().click();
  const shown = page.getByTestId('source-detail').getByTestId('source-name');
  await eventually(async () => (await shown.inputValue()) === name, `${name} open`);
  await page.getByTestId(`reliability-${grade}`).click();
  await page.locator(`[data-testid="reliability-${grade}"][aria-checked="true"]`).waitFor();
}

/** The share dialog's article list shows exactly `n` articles. */
async function expectOnly(page: Page, n: number): Promise<void> {
  await eventually(async () => (await page.getByTestId('share-article').count()) === n, `${n} articles`);
}

/** The library lists exactly `n` articles. */
async function expectLibrary(page: Page, n: number): Promise<void> {
  await eventually(async () => (await page.getByTestId('library-item').count()) === n, `${n} in the library`);
}
