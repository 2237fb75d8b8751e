// Benchmark: shared dossiers against real PostgreSQL and Redis. Edit-to-appear latency (p50/p95) between two
// analysts' workspaces on one server instance and on two instances through Redis, beside the same edit applied
// locally without sync; initial join of 1,000 articles and 10,000 annotations (seconds, bytes) beside applying
// the same bytes locally; server RSS per open dossier. Run: npx tsx test/bench/team.bench.ts (BENCH_RUNS=n).
import 'fake-indexeddb/auto';
import { spawn, spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import pg from 'pg';
import * as Y from 'yjs';
import { importBytes } from '../../src-main/core/import/pipeline';
import { addMember } from '../../src-main/server/members';
import { silentLogger } from '../../src-main/server/log';
import { startTeamServer, type TeamServer } from '../../src-main/server/server';
import { storeExtractedArticle } from '../../src-renderer/lib/db/articles';
import { editSpan, updateAnnotation } from '../../src-renderer/lib/db/annotations';
import { openDatabase, type CorroborateDB } from '../../src-renderer/lib/db/db';
import { createSharedStore, openSharedStore } from '../../src-renderer/lib/db/shared-docs';
import { createSyncBridge } from '../../src-renderer/lib/db/sync-bridge';
import { writeLocal } from '../../src-renderer/lib/sync/doc-model';
import { SyncSession } from '../../src-renderer/lib/sync/session';
import { connect } from '../unit/src-main/server/client';
import { freshDossier, startServices, type Services } from '../unit/helpers/team-services';

// Node 20 has WebSocket only behind a flag: run again with it.
if (typeof WebSocket === 'undefined') {
  const r = spawnSync(
    process.execPath,
    ['--experimental-websocket', '--import', 'tsx', ...process.argv.slice(1)],
    {
      stdio: 'inherit',
    },
  );
  process.exit(r.status ?? 1);
}

const RUNS = Number(process.env.BENCH_RUNS ?? 40);
let n = 0;
const pct = (xs: number[], p: number) =>
  [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(p * xs.length))]!;
const ms = (x: number) => x.toFixed(1);

async function eventually(cond: () => Promise<boolean> | boolean): Promise<void> {
  const end = Date.now() + 60_000;
  while (!(await cond())) {
    if (Date.now() > end) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 1));
  }
}

async function analyst(url: string, dossier: string, invitation: string, name: string, seed: boolean) {
  const db = openDatabase(`bench-${n++}`);
  if (seed)
    await storeExtractedArticle(
      db,
      await importBytes(readFileSync('test/fixtures/car-dec-2020.txt'), 'car.txt'),
    );
  const store = createSharedStore(openSharedStore(`bench-shared-${n++}`));
  const link = { id: dossier, serverUrl: url, invitation, memberName: name };
  await store.save({ ...link, role: null, joinedAt: new Date().toISOString() });
  const session = new SyncSession({
    bridge: createSyncBridge(db),
    doc: (await store.loadDoc(dossier)).doc,
    link,
  });
  await session.start();
  await session.firstOutcome();
  return { db, session };
}

/** Edit-to-appear: a note changed in A's workspace until B's workspace holds it; reference: the local edit alone. */
async function latency(
  pool: pg.Pool,
  x: TeamServer,
  y: TeamServer,
): Promise<{ sync: number[]; local: number[] }> {
  const dossier = freshDossier('bench');
  const inv = [await addMember(pool, dossier, 'A', 'editor'), await addMember(pool, dossier, 'B', 'editor')];
  const a = await analyst(x.url, dossier, inv[0]!.invitation, 'A', true);
  const b = await analyst(y.url, dossier, inv[1]!.invitation, 'B', false);
  const db: CorroborateDB = a.db;
  const article = (await db.articles.toArray())[0]!;
  const st = (await db.statements.where('articleId').equals(article.id).sortBy('index'))[0]!;
  const ann = await editSpan(
    db,
    article,
    { start: st.start, end: st.end, statementIds: [st.id] },
    'A',
    'n',
    () => ({
      note: 'start',
    }),
  );
  await eventually(async () => (await b.db.annotations.get(ann!.id)) !== undefined);
  const sync: number[] = [];
  const local: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const note = `edit ${i}`;
    const t0 = performance.now();
    await updateAnnotation(db, ann!.id, { note });
    local.push(performance.now() - t0);
    await eventually(async () => (await b.db.annotations.get(ann!.id))?.note === note);
    sync.push(performance.now() - t0);
  }
  await a.session.stop();
  await b.session.stop();
  return { sync, local };
}

/** A dossier of 1,000 articles (3 kB of text, 10 statements each) and 10,000 annotations, as a Y.Doc. */
function bigDoc(): Y.Doc {
  const doc = new Y.Doc();
  const at = '2026-12-03T00:00:00.000Z';
  const changes = [];
  for (let i = 0; i < 1000; i++) {
    const text = `Article ${i}. `.padEnd(
      3000,
      'The deputy foreign minister said the convoy reached Bangui. ',
    );
    changes.push({
      table: 'articles' as const,
      id: `a${i}`,
      value: { id: `a${i}`, title: `Article ${i}`, text, textSha256: `sha${i}`, importedAt: at },
    });
    for (let s = 0; s < 10; s++)
      changes.push({
        table: 'statements' as const,
        id: `s${i}-${s}`,
        value: {
          id: `s${i}-${s}`,
          articleId: `a${i}`,
          index: s,
          start: s * 300,
          end: s * 300 + 290,
          kind: 'reported',
          speakerId: null,
          viaIds: [],
        },
      });
    for (let k = 0; k < 10; k++)
      changes.push({
        table: 'annotations' as const,
        id: `n${i}-${k}`,
        value: {
          id: `n${i}-${k}`,
          articleId: `a${i}`,
          statementIds: [`s${i}-${k}`],
          note: `Note ${k} on article ${i}`,
          tagIds: [],
          credibility: 3,
          author: 'A',
          orphaned: false,
          createdAt: at,
          updatedAt: at,
        },
      });
  }
  writeLocal(doc, changes, 'A', at);
  return doc;
}

async function initialJoin(pool: pg.Pool, server: TeamServer) {
  const dossier = freshDossier('join');
  const inv = await addMember(pool, dossier, 'A', 'owner');
  const source = bigDoc();
  const bytes = Y.encodeStateAsUpdate(source).byteLength;
  const owner = connect(server.url, dossier, inv.invitation);
  Y.applyUpdate(owner.doc, Y.encodeStateAsUpdate(source));
  await owner.ready;
  await owner.acknowledged();
  const t0 = performance.now();
  const joiner = connect(server.url, dossier, inv.invitation);
  await joiner.ready;
  const join = (performance.now() - t0) / 1000;
  const t1 = performance.now();
  Y.applyUpdate(new Y.Doc(), Y.encodeStateAsUpdate(source));
  const local = (performance.now() - t1) / 1000;
  owner.close();
  joiner.close();
  return { bytes, join, local, annotations: joiner.doc.getMap('t:annotations').size };
}

function rssOf(pid: number): number {
  const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return m ? Number(m[1]) / 1024 : NaN;
}

/** A server process alone; RSS before and after 20 small dossiers are open (each with one connected analyst). */
async function rssPerDossier(services: Services, pool: pg.Pool) {
  const port = 20000 + Math.floor(Math.random() * 20000);
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', 'src-main/server/main.ts', '--port', String(port), '--database', services.pg],
    { stdio: 'ignore' },
  );
  await eventually(() =>
    fetch(`http://127.0.0.1:${port}/health`).then(
      (r) => r.ok,
      () => false,
    ),
  );
  await new Promise((r) => setTimeout(r, 1000));
  const before = rssOf(child.pid!);
  const clients = [];
  for (let i = 0; i < 20; i++) {
    const dossier = freshDossier('rss');
    const c = connect(
      `ws://127.0.0.1:${port}`,
      dossier,
      (await addMember(pool, dossier, 'A', 'editor')).invitation,
    );
    await c.ready;
    for (let k = 0; k < 50; k++) c.doc.getMap('t:annotations').set(`n${k}`, `note ${k}`);
    await c.acknowledged();
    clients.push(c);
  }
  await new Promise((r) => setTimeout(r, 1000));
  const after = rssOf(child.pid!);
  clients.forEach((c) => c.close());
  child.kill('SIGTERM');
  return { before, after, perDossier: (after - before) / 20 };
}

async function main() {
  const services = await startServices();
  const pool = new pg.Pool({ connectionString: services.pg, max: 2 });
  const a = await startTeamServer({
    port: 0,
    databaseUrl: services.pg,
    redisUrl: services.redis,
    log: silentLogger,
  });
  const b = await startTeamServer({
    port: 0,
    databaseUrl: services.pg,
    redisUrl: services.redis,
    log: silentLogger,
  });
  try {
    const one = await latency(pool, a, a);
    const two = await latency(pool, a, b);
    console.log(
      `Edit-to-appear, ${RUNS} edits of one note (workspace A → server → workspace B, fake-indexeddb):\n`,
    );
    console.log('| path | p50 ms | p95 ms | local edit alone p50 ms | ratio p50 |');
    console.log('|---|---|---|---|---|');
    for (const [name, r] of [
      ['one instance', one],
      ['two instances via Redis', two],
    ] as const)
      console.log(
        `| ${name} | ${ms(pct(r.sync, 0.5))} | ${ms(pct(r.sync, 0.95))} | ${ms(pct(r.local, 0.5))} | ${(pct(r.sync, 0.5) / pct(r.local, 0.5)).toFixed(1)}× |`,
      );
    const j = await initialJoin(pool, a);
    console.log(`\nInitial join of 1,000 articles / 10,000 annotations (${j.annotations} received):\n`);
    console.log('| measure | value |\n|---|---|');
    console.log(`| dossier state | ${(j.bytes / 1e6).toFixed(2)} MB |`);
    console.log(`| join through the server | ${j.join.toFixed(2)} s |`);
    console.log(
      `| same bytes applied locally | ${j.local.toFixed(2)} s (${(j.join / j.local).toFixed(1)}×) |`,
    );
    const r = await rssPerDossier(services, pool);
    console.log(
      `\nServer RSS: ${r.before.toFixed(0)} MB idle, ${r.after.toFixed(0)} MB with 20 open dossiers → ${r.perDossier.toFixed(2)} MB per dossier.`,
    );
  } finally {
    await a.stop();
    await b.stop();
    await pool.end();
    await services.stop();
  }
}

await main();
