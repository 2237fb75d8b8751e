// Two analysts' workspaces (fake-indexeddb) kept in sync through two real team-server instances behind Redis.
import 'fake-indexeddb/auto';
import { readFileSync } from 'node:fs';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importBytes } from '../../../../../src-main/core/import/pipeline';
import { startTeamServer, type TeamServer } from '../../../../../src-main/server/server';
import { addMember } from '../../../../../src-main/server/members';
import { silentLogger } from '../../../../../src-main/server/log';
import { openDatabase, type CorroborateDB } from '../../../../../src-renderer/lib/db/db';
import { storeExtractedArticle } from '../../../../../src-renderer/lib/db/articles';
import { editSpan, updateAnnotation } from '../../../../../src-renderer/lib/db/annotations';
import { acceptVersionIn } from '../../../../../src-renderer/lib/db/versions';
import { addLinkIn } from '../../../../../src-renderer/lib/db/links';
import { createTag, deleteTag } from '../../../../../src-renderer/lib/db/codebook';
import { attachStatementIn, createClaimIn } from '../../../../../src-renderer/lib/db/claims';
import { editAttribution } from '../../../../../src-renderer/lib/db/sources';
import type { ShareScope } from '../../../../../src-renderer/lib/db/sync-bridge';
import { createSyncBridge, SYNCED_TABLES } from '../../../../../src-renderer/lib/db/sync-bridge';
import { createSharedStore, openSharedStore } from '../../../../../src-renderer/lib/db/shared-docs';
import { SyncSession } from '../../../../../src-renderer/lib/sync/session';
import { recordHistory } from '../../../../../src-renderer/lib/sync/doc-model';
import { freshDossier, startServices, type Services } from '../../../helpers/team-services';

let services: Services;
let pool: pg.Pool;
let a: TeamServer;
let b: TeamServer;
const sessions: SyncSession[] = [];
let n = 0;

interface Analyst {
  db: CorroborateDB;
  session: SyncSession;
}

async function analyst(
  server: TeamServer,
  dossier: string,
  name: string,
  invitation: string,
  seed: boolean | string[] = false,
  scope?: (db: CorroborateDB) => Promise<ShareScope>,
) {
  const db = openDatabase(`sync-${Date.now()}-${n++}`);
  const files = seed === true ? ['car-dec-2020.txt'] : seed || [];
  for (const file of files)
    await storeExtractedArticle(db, await importBytes(readFileSync(`test/fixtures/${file}`), file));
  const store = createSharedStore(openSharedStore(`shared-${Date.now()}-${n++}`));
  const link = {
    id: dossier,
    serverUrl: server.url,
    invitation,
    memberName: name,
    ...(scope ? { scope: await scope(db) } : {}),
  };
  await store.save({ ...link, role: null, joinedAt: new Date().toISOString() });
  const { doc } = await store.loadDoc(dossier);
  const session = new SyncSession({ bridge: createSyncBridge(db), doc, link });
  sessions.push(session);
  await session.start();
  return { db, session } satisfies Analyst;
}

/** The records of the synced tables, sorted: what a canonical export compares (no export timestamps). */
async function records(db: CorroborateDB): Promise<string> {
  const out: Record<string, unknown[]> = {};
  for (const t of SYNCED_TABLES) {
    const rows = (await db.table(t).toArray()) as { id: string }[];
    out[t] = rows.sort((x, y) => x.id.localeCompare(y.id));
  }
  return JSON.stringify(out);
}

async function eventually(cond: () => Promise<boolean> | boolean, what: string, ms = 30_000): Promise<void> {
  const end = Date.now() + ms;
  while (!(await cond())) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

const converged = async (x: Analyst, y: Analyst) => {
  await eventually(
    () => x.session.getStatus().state === 'synced' && y.session.getStatus().state === 'synced',
    'both synced',
  );
  await eventually(async () => {
    await Promise.all([x.session.settled(), y.session.settled()]);
    return (await records(x.db)) === (await records(y.db));
  }, 'identical workspaces');
};

async function firstSpan(db: CorroborateDB, index = 0) {
  const article = (await db.articles.toArray())[0]!;
  const st = (await db.statements.where('articleId').equals(article.id).sortBy('index'))[index]!;
  return { article, span: { start: st.start, end: st.end, statementIds: [st.id] } };
}

beforeAll(async () => {
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
}, 180_000);

afterAll(async () => {
  for (const s of sessions) await s.stop();
  await a?.stop();
  await b?.stop();
  await pool?.end();
  await services?.stop();
}, 120_000);

let currentDossier = '';

async function pair(prefix: string): Promise<[Analyst, Analyst]> {
  const dossier = freshDossier(prefix);
  currentDossier = dossier;
  const owner = await addMember(pool, dossier, 'Ana', 'owner');
  const editor = await addMember(pool, dossier, 'Ben', 'editor');
  const ana = await analyst(a, dossier, 'Ana', owner.invitation, true);
  await eventually(() => ana.session.getStatus().state === 'synced', 'the share to be published');
  const ben = await analyst(b, dossier, 'Ben', editor.invitation);
  await converged(ana, ben);
  return [ana, ben];
}

describe('a shared dossier between two analysts on two server instances', () => {
  it('gives the joining analyst the whole dossier, article text included', async () => {
    const [ana, ben] = await pair('join');
    const article = (await ben.db.articles.toArray())[0]!;
    expect(article.text).toContain('Central African Republic');
    expect(await ben.db.statements.count()).toBe(await ana.db.statements.count());
    expect(await ben.db.statements.count()).toBeGreaterThan(20);
  });

  it("shows one analyst's annotation to the other, with its author", async () => {
    const [ana, ben] = await pair('annotate');
    const { article, span } = await firstSpan(ben.db);
    await editSpan(ben.db, article, span, 'Ben', 'Note', () => ({ note: 'Relayed by Tass only' }));
    await eventually(async () => (await ana.db.annotations.count()) === 1, 'the note at Ana');
    const note = (await ana.db.annotations.toArray())[0]!;
    expect(note.note).toBe('Relayed by Tass only');
    expect(note.author).toBe('Ben');
  });

  it('keeps offline edits, counts them as waiting, and converges on reconnect', async () => {
    const [ana, ben] = await pair('offline');
    await ana.session.disconnect();
    const one = await firstSpan(ana.db, 1);
    const two = await firstSpan(ben.db, 2);
    await editSpan(ana.db, one.article, one.span, 'Ana', 'Note', () => ({ note: 'written offline' }));
    await editSpan(ben.db, two.article, two.span, 'Ben', 'Grade', () => ({ credibility: 2 }));
    await eventually(() => ana.session.getStatus().waiting > 0, 'a waiting change');
    expect(ana.session.getStatus().state).toBe('offline');
    await ana.session.reconnect();
    await converged(ana, ben);
    expect(await ben.db.annotations.count()).toBe(2);
    expect(ana.session.getStatus().waiting).toBe(0);
  });

  it('resolves a note edited on both sides the same way everywhere and keeps the losing text in its history', async () => {
    const [ana, ben] = await pair('conflict');
    const { article, span } = await firstSpan(ana.db);
    const created = await editSpan(ana.db, article, span, 'Ana', 'Note', () => ({ note: 'first' }));
    await converged(ana, ben);
    await ana.session.disconnect();
    await ben.session.disconnect();
    await updateAnnotation(ana.db, created!.id, { note: 'Ana says: deployed in December' });
    await updateAnnotation(ben.db, created!.id, { note: 'Ben says: deployed in November' });
    await ana.session.reconnect();
    await ben.session.reconnect();
    await converged(ana, ben);
    const winner = (await ana.db.annotations.get(created!.id))!.note;
    expect(['Ana says: deployed in December', 'Ben says: deployed in November']).toContain(winner);
    const notes = recordHistory(ana.session.doc, 'annotations', created!.id).map((v) => v.fields?.note);
    expect(notes).toEqual(
      expect.arrayContaining(['Ana says: deployed in December', 'Ben says: deployed in November']),
    );
  });

  it('leaves no annotation pointing at a tag deleted while the other analyst used it offline', async () => {
    const [ana, ben] = await pair('tagdel');
    const tag = await createTag(ana.db, { name: 'Disputed', parentId: null });
    await converged(ana, ben);
    await ben.session.disconnect();
    const { article, span } = await firstSpan(ben.db, 3);
    await editSpan(ben.db, article, span, 'Ben', 'Tag', (x) => ({
      tagIds: [...x.tagIds, tag.id],
      note: 'keep me',
    }));
    const bare = await firstSpan(ben.db, 4);
    await editSpan(ben.db, bare.article, bare.span, 'Ben', 'Tag', (x) => ({ tagIds: [...x.tagIds, tag.id] }));
    await deleteTag(ana.db, tag.id, 'remove');
    await ben.session.reconnect();
    await converged(ana, ben);
    for (const db of [ana.db, ben.db]) {
      const anns = await db.annotations.toArray();
      expect(anns.flatMap((x) => x.tagIds)).not.toContain(tag.id);
      expect(anns.map((x) => x.note)).toContain('keep me');
      expect(anns).toHaveLength(1);
      expect(await db.tags.get(tag.id)).toBeUndefined();
    }
  });

  it("undoes and redoes only this analyst's own edits, never the other's", async () => {
    const [ana, ben] = await pair('undo');
    const one = await firstSpan(ana.db, 1);
    const created = await editSpan(ana.db, one.article, one.span, 'Ana', 'Note', () => ({
      note: 'Ana: first',
    }));
    await converged(ana, ben);
    await updateAnnotation(ana.db, created!.id, { note: 'Ana: second' }, 'Edit note');
    await converged(ana, ben);
    // After Ana's edit, Ben grades her annotation and writes one of his own: his are the latest edits.
    await updateAnnotation(ben.db, created!.id, { credibility: 4 }, 'Grade');
    const two = await firstSpan(ben.db, 2);
    await editSpan(ben.db, two.article, two.span, 'Ben', 'Note', () => ({ note: 'Ben: his own' }));
    await converged(ana, ben);
    expect(ben.session.undo()).toBe('Note');

    // Ana's Ctrl+Z takes back her own latest edit only.
    expect(ana.session.undo()).toBe('Edit note');
    await converged(ana, ben);
    for (const db of [ana.db, ben.db]) {
      const hers = (await db.annotations.get(created!.id))!;
      expect(hers.note).toBe('Ana: first');
      expect(hers.credibility).toBe(4);
    }
    // Ben's own undo took back his note, and only it.
    expect((await ana.db.annotations.toArray()).map((x) => x.note)).toEqual(['Ana: first']);

    expect(ana.session.redo()).toBe('Edit note');
    await converged(ana, ben);
    const redone = (await ben.db.annotations.get(created!.id))!;
    expect([redone.note, redone.credibility]).toEqual(['Ana: second', 4]);
    // Ben graded the annotation Ana created: taking back its creation would delete his grade, so it is not hers
    // to undo any more; her own later edit still is.
    expect(ana.session.undo()).toBe('Edit note');
    expect(ana.session.undo()).toBeNull();
    await converged(ana, ben);
    expect((await ben.db.annotations.get(created!.id))!.credibility).toBe(4);
  });

  it("puts back a reader's edit and never shows it to anyone else", async () => {
    const [ana] = await pair('reader');
    const reader = await addMember(pool, currentDossier, 'Rita', 'reader');
    const rita = await analyst(b, currentDossier, 'Rita', reader.invitation);
    await eventually(
      () => rita.session.getStatus().readOnly && rita.session.getStatus().state === 'synced',
      'Rita read-only',
    );
    await converged(ana, rita);
    const { article, span } = await firstSpan(rita.db, 6);
    await editSpan(rita.db, article, span, 'Rita', 'Note', () => ({ note: 'a reader tried this' }));
    await eventually(async () => {
      await rita.session.settled();
      return (await rita.db.annotations.count()) === 0;
    }, "the reader's edit to be put back");
    await new Promise((r) => setTimeout(r, 1000));
    expect(await ana.db.annotations.count()).toBe(0);
  });

  it('shares a selection: the chosen article and what hangs on it, never what is written on the other', async () => {
    const dossier = freshDossier('selection');
    const owner = await addMember(pool, dossier, 'Ana', 'owner');
    const editor = await addMember(pool, dossier, 'Ben', 'editor');
    const files = ['car-dec-2020.txt', 'car-second-outlet.txt'];
    const byFile = async (db: CorroborateDB, file: string) =>
      (await db.articles.filter((x) => x.fileName === file).first())!;
    const ana = await analyst(a, dossier, 'Ana', owner.invitation, files, async (db) => ({
      kind: 'articles',
      articleIds: [(await byFile(db, files[0]!)).id],
    }));
    await eventually(() => ana.session.getStatus().state === 'synced', 'the selection to be published');
    const ben = await analyst(b, dossier, 'Ben', editor.invitation);
    const shared = await byFile(ana.db, files[0]!);
    const other = await byFile(ana.db, files[1]!);
    const sharedStatements = await ana.db.statements.where('articleId').equals(shared.id).sortBy('index');
    await eventually(
      async () => (await ben.db.statements.count()) === sharedStatements.length,
      "the shared article's statements at Ben",
    );
    expect((await ben.db.articles.toArray()).map((x) => x.id)).toEqual([shared.id]);
    // The sources Ben gets are those the shared article's statements name, no more.
    const cited = new Set(sharedStatements.flatMap((s) => [s.speakerId, ...s.viaIds].filter(Boolean)));
    expect(new Set((await ben.db.sources.toArray()).map((s) => s.id))).toEqual(cited);
    expect(await ana.db.sources.count()).toBeGreaterThan(cited.size);

    // A note on the unshared article stays with Ana; the note she writes after it, on the shared one, arrives.
    const onOther = (await ana.db.statements.where('articleId').equals(other.id).sortBy('index'))[0]!;
    await editSpan(
      ana.db,
      other,
      { start: onOther.start, end: onOther.end, statementIds: [onOther.id] },
      'Ana',
      'Note',
      () => ({ note: 'about the unshared article' }),
    );
    // A claim quoting both articles: shared with its stance on the shared article only.
    const claim = await createClaimIn(ana.db, 'Wagner arrived in December');
    await attachStatementIn(ana.db, claim.id, onOther.id, 'asserts');
    await attachStatementIn(ana.db, claim.id, sharedStatements[0]!.id, 'asserts');
    // Correcting a shared statement to name a source only the other article cites brings that source along.
    const onlyOther = (await ana.db.sources.toArray()).find((s) => !cited.has(s.id))!;
    await editAttribution(ana.db, sharedStatements[1]!.id, { speaker: { id: onlyOther.id } });
    const first = sharedStatements[0]!;
    await editSpan(
      ana.db,
      shared,
      { start: first.start, end: first.end, statementIds: [first.id] },
      'Ana',
      'Note',
      () => ({ note: 'about the shared article' }),
    );
    await eventually(async () => (await ben.db.annotations.count()) > 0, "Ana's note at Ben");
    await eventually(async () => (await ben.db.sources.get(onlyOther.id)) !== undefined, 'the source');
    await eventually(async () => (await ben.db.claims.count()) > 0, 'the claim at Ben');
    expect((await ben.db.annotations.toArray()).map((x) => x.note)).toEqual(['about the shared article']);
    expect((await ben.db.claims.toArray()).map((c) => c.text)).toEqual(['Wagner arrived in December']);
    expect((await ben.db.claimStatements.toArray()).map((c) => c.statementId)).toEqual([
      sharedStatements[0]!.id,
    ]);
    expect(await ben.db.articles.count()).toBe(1);

    // Ctrl+Z takes back Ana's edits newest first, those that went to the dossier and those that stayed here.
    const labels: (string | null)[] = [];
    for (let i = 0; i < 7; i++) labels.push(await ana.session.undoStep());
    expect(labels).toEqual([
      'Note',
      'Correct the attribution of statement 2',
      'Statement asserts claim',
      'Statement asserts claim',
      'Create claim “Wagner arrived in December”',
      'Note',
      null,
    ]);
    await ana.session.settled();
    expect(await ana.db.annotations.count()).toBe(0);
    expect(await ana.db.claims.count()).toBe(0);
    expect((await ana.db.statements.get(sharedStatements[1]!.id))!.speakerId).toBe(
      sharedStatements[1]!.speakerId,
    );
    await eventually(async () => (await ben.db.annotations.count()) === 0, 'the undone note gone at Ben');
    await eventually(async () => (await ben.db.claims.count()) === 0, 'the undone claim gone at Ben');
    // Redo brings back the oldest undone first: the note on the kept article, which stays with Ana.
    expect(await ana.session.redoStep()).toBe('Note');
    expect((await ana.db.annotations.toArray()).map((x) => x.note)).toEqual(['about the unshared article']);
    expect(await ana.session.redoStep()).toBe('Create claim “Wagner arrived in December”');
  });

  it('shares a new version of a shared article with its statements, its notes and the sources it cites', async () => {
    const dossier = freshDossier('version');
    const owner = await addMember(pool, dossier, 'Ana', 'owner');
    const editor = await addMember(pool, dossier, 'Ben', 'editor');
    const files = ['car-dec-2020.txt', 'car-second-outlet.txt'];
    const byFile = async (db: CorroborateDB, file: string) =>
      (await db.articles.filter((x) => x.fileName === file).first())!;
    const ana = await analyst(a, dossier, 'Ana', owner.invitation, files, async (db) => ({
      kind: 'articles',
      articleIds: [(await byFile(db, files[0]!)).id],
    }));
    await eventually(() => ana.session.getStatus().state === 'synced', 'the selection to be published');
    const ben = await analyst(b, dossier, 'Ben', editor.invitation);
    const [shared, later] = [await byFile(ana.db, files[0]!), await byFile(ana.db, files[1]!)];
    const onLater = (await ana.db.statements.where('articleId').equals(later.id).sortBy('index'))[0]!;
    await editSpan(
      ana.db,
      later,
      { start: onLater.start, end: onLater.end, statementIds: [onLater.id] },
      'Ana',
      'Note',
      () => ({ note: 'written before it became a version' }),
    );
    await eventually(async () => (await ben.db.articles.count()) === 1, 'the shared article at Ben');
    expect(await ben.db.annotations.count()).toBe(0);

    await acceptVersionIn(ana.db, later.id, shared.id);
    const idsOf = async (db: CorroborateDB, table: string) =>
      ((await db.table(table).toCollection().primaryKeys()) as string[]).sort().join();
    // Everything of Ana's is now in the dossier: the version, its statements, its note, the sources it cites.
    await eventually(async () => {
      for (const t of ['articles', 'statements', 'annotations', 'sources'])
        if ((await idsOf(ana.db, t)) !== (await idsOf(ben.db, t))) return false;
      return true;
    }, 'the version and what hangs on it at Ben');
    expect(await ben.db.articles.count()).toBe(2);
    expect((await ben.db.articles.get(later.id))!.versionOf).toBe(shared.id);
    expect((await ben.db.annotations.toArray()).map((x) => x.note)).toEqual([
      'written before it became a version',
    ]);
  });

  it('widens a shared selection: the added article, its notes, and the link to the shared one that was kept', async () => {
    const dossier = freshDossier('widen');
    const owner = await addMember(pool, dossier, 'Ana', 'owner');
    const editor = await addMember(pool, dossier, 'Ben', 'editor');
    const files = ['car-dec-2020.txt', 'car-second-outlet.txt'];
    const byFile = async (db: CorroborateDB, file: string) =>
      (await db.articles.filter((x) => x.fileName === file).first())!;
    const ana = await analyst(a, dossier, 'Ana', owner.invitation, files, async (db) => ({
      kind: 'articles',
      articleIds: [(await byFile(db, files[0]!)).id],
    }));
    await eventually(() => ana.session.getStatus().state === 'synced', 'the selection to be published');
    const ben = await analyst(b, dossier, 'Ben', editor.invitation);
    const [shared, kept] = [await byFile(ana.db, files[0]!), await byFile(ana.db, files[1]!)];
    const first = async (articleId: string) =>
      (await ana.db.statements.where('articleId').equals(articleId).sortBy('index'))[0]!;
    const [s1, k1] = [await first(shared.id), await first(kept.id)];
    const link = await addLinkIn(ana.db, s1.id, k1.id, 'corroborates');
    await editSpan(
      ana.db,
      kept,
      { start: k1.start, end: k1.end, statementIds: [k1.id] },
      'Ana',
      'Note',
      () => ({ note: 'on the article shared later' }),
    );
    await eventually(async () => (await ben.db.articles.count()) === 1, 'the first article at Ben');
    await ana.session.settled();
    expect(await ben.db.links.count()).toBe(0);

    const scope = await ana.session.addArticles([kept.id]);
    expect(scope).toEqual({ kind: 'articles', articleIds: [shared.id, kept.id] });
    await eventually(async () => (await ben.db.links.get(link.id)) !== undefined, 'the link at Ben');
    await eventually(async () => (await ben.db.annotations.count()) === 1, 'the note at Ben');
    expect(await ben.db.articles.count()).toBe(2);
    expect(await ben.db.statements.count()).toBe(await ana.db.statements.count());
    expect((await ben.db.annotations.toArray())[0]!.note).toBe('on the article shared later');
  });
});

describe('presence', () => {
  const seen = (who: Analyst, name: string) => who.session.getStatus().peers.find((p) => p.name === name);
  const noteCount = (x: Analyst) => x.db.annotations.count();

  it('shows an analyst leaving when they work offline, and back with the article they have open', async () => {
    const [ana, ben] = await pair('presence');
    const cyInvitation = (await addMember(pool, currentDossier, 'Cy', 'editor')).invitation;
    // Cy is on Ana's server instance: what Cy writes after Ana left reaches Ben after Ana's goodbye.
    const cy = await analyst(a, currentDossier, 'Cy', cyInvitation);
    await converged(ana, cy);
    const [first, second] = [await firstSpan(ana.db, 0), await firstSpan(ana.db, 1)];
    ana.session.setOpenArticle(first.article.id);
    ben.session.setOpenArticle(first.article.id);
    await eventually(() => seen(ben, 'Ana')?.articleId === first.article.id, 'Ana at Ben');
    await eventually(() => seen(ana, 'Ben')?.articleId === first.article.id, 'Ben at Ana');

    await ana.session.disconnect();
    expect(ana.session.getStatus().peers).toEqual([]);
    await editSpan(cy.db, first.article, first.span, 'Cy', 'Note', () => ({ note: 'after Ana left' }));
    await eventually(async () => (await noteCount(ben)) === 1, "Cy's note at Ben");
    expect(seen(ben, 'Ana')).toBeUndefined();
    expect(seen(ben, 'Cy')).toBeDefined();

    // Away, Ana opens another article (here: the same article id stands for "what she has open now").
    const other = 'another-article';
    ana.session.setOpenArticle(other);
    expect(seen(ben, 'Ana')).toBeUndefined();
    await ana.session.reconnect();
    await eventually(() => ana.session.getStatus().state === 'synced', 'Ana back');
    // Each one's note reaching the other comes after their presence: no wait for a periodic renewal.
    await editSpan(ben.db, second.article, second.span, 'Ben', 'Note', () => ({ note: 'Ben after' }));
    await eventually(async () => (await noteCount(ana)) === 2, "Ben's note at Ana");
    expect(seen(ana, 'Ben')?.articleId).toBe(first.article.id);
    const third = await firstSpan(ana.db, 2);
    await editSpan(ana.db, third.article, third.span, 'Ana', 'Note', () => ({ note: 'Ana is back' }));
    await eventually(async () => (await noteCount(ben)) === 3, "Ana's note at Ben");
    expect(seen(ben, 'Ana')?.articleId).toBe(other);
  }, 90_000);
});
