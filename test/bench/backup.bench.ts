// Benchmark: the rolling backup after one edit at 1,000 articles, side by side: a full backup (what every edit
// cost before incremental backups: the whole workspace read page by page, stringified and sent in pieces) and
// a delta (only the records the edit wrote, read by key). The renderer's code runs on fake-indexeddb in Node and
// sends its pieces to main's backup handlers writing to a temporary folder; times are the calling thread's
// wall time from the save's start to the backup on disk.
// Run: npx tsx test/bench/backup.bench.ts [runs]
import 'fake-indexeddb/auto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { createBackupHandlers } from '../../src-main/core/handlers/backups';
import type { HandlerDeps } from '../../src-main/core/handlers/deps';
import { contract, type Api } from '../../src-main/shared/contract';
import { AppError } from '../../src-main/shared/errors';
import { generateWorkspace } from '../../scripts/gen-workspace';

const RUNS = Number(process.argv[2] ?? 5);
const dataDir = mkdtempSync(join(tmpdir(), 'backup-bench-'));
const handlers = createBackupHandlers({ dataDir, backupsKept: 4 } as HandlerDeps);

// The renderer reaches main through `window.api`; here it calls the handlers directly, inputs checked as the
// contract checks them.
type BackupChannel = 'backupSave' | 'backupList' | 'backupLoad';
const call = async (channel: BackupChannel, input: unknown) => {
  try {
    const parsed = contract[channel].input.parse(input) as never;
    const handler = handlers[channel] as (i: never, ctx: never) => Promise<unknown>;
    return { ok: true, value: await handler(parsed, {} as never) };
  } catch (err) {
    return { ok: false, code: err instanceof AppError ? err.code : 'internal', message: String(err) };
  }
};
(globalThis as { window?: unknown }).window = {
  api: {
    backupSave: (i: unknown) => call('backupSave', i),
    backupList: (i: unknown) => call('backupList', i),
    backupLoad: (i: unknown) => call('backupLoad', i),
  } as unknown as Api,
};
const { openDatabase } = await import('../../src-renderer/lib/db/db');
const { replaceWorkspace } = await import('../../src-renderer/lib/db/dossier');
const { applyEdit } = await import('../../src-renderer/lib/db/history');
const { backupWriter } = await import('../../src-renderer/lib/db/backup');

const dossier = generateWorkspace({ articles: 1000, statements: 40, annotations: 10_000, seed: 1 });
const db = openDatabase('backup-bench');
await db.open();
await replaceWorkspace(db, dossier);
const writer = backupWriter(db, { chainMax: Infinity, shareMax: Infinity, fullEveryMs: Infinity });
await writer.save('Bench'); // the chain's full backup, and a warm-up

let edits = 0;
/** One user edit: a note typed on an annotation. */
async function edit(): Promise<void> {
  const annotation = (await db.annotations
    .toCollection()
    .offset(edits % 1000)
    .first())!;
  await applyEdit(db, 'note', [
    { table: 'annotations', id: annotation.id, after: { ...annotation, note: `note ${edits++}` } },
  ]);
}

const cases = [
  { name: 'full backup after one edit (before: every backup)', full: true },
  { name: 'delta backup after one edit', full: false },
];
const times = new Map<string, number[]>(cases.map((c) => [c.name, []]));
const bytes = new Map<string, number>();
// Cases are interleaved run by run so that machine noise hits both alike.
for (let i = 0; i < RUNS; i++) {
  for (const c of cases) {
    await edit();
    if (c.full) writer.wantFull();
    const start = performance.now();
    const entry = await writer.save('Bench');
    times.get(c.name)!.push(performance.now() - start);
    if (entry?.kind !== (c.full ? 'full' : 'delta')) throw new Error(`${c.name}: wrote ${entry?.kind}`);
    bytes.set(c.name, entry.size);
  }
}
writer.stop();
rmSync(dataDir, { recursive: true, force: true });

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
};
const size = (n: number) => (n >= 1e6 ? `${(n / 1e6).toFixed(1)} MB` : `${(n / 1e3).toFixed(1)} kB`);
console.log(
  `\nWorkspace: ${dossier.articles.length} articles, ${dossier.statements.length} statements, ${dossier.annotations.length} annotations; fake-indexeddb; ${RUNS} runs, Node ${process.version}\n`,
);
console.log('| case | median ms | min ms | max ms | written |');
console.log('|---|---:|---:|---:|---:|');
for (const c of cases) {
  const t = times.get(c.name)!;
  console.log(
    `| ${c.name} | ${median(t).toFixed(0)} | ${Math.min(...t).toFixed(0)} | ${Math.max(...t).toFixed(0)} | ${size(bytes.get(c.name)!)} |`,
  );
}
