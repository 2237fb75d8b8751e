// The rolling backup reads the workspace a page at a time and sends it in pieces; joined, the pieces must be
// the whole workspace as a valid dossier, every record of every table, across page boundaries. After edits only
// a delta is written (the records written or deleted since the previous point); a point restores as its full
// backup plus the deltas up to it. The back end here is main's own backup handlers over a temporary folder.
import 'fake-indexeddb/auto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { normaliseDossier, validateDossier, type Dossier } from '../../../../../src-main/shared/dossier';
import { openDatabase, type CorroborateDB } from '../../../../../src-renderer/lib/db/db';
import {
  clearWorkspace,
  readWorkspaceDossier,
  replaceWorkspace,
} from '../../../../../src-renderer/lib/db/dossier';
import { applyEdit } from '../../../../../src-renderer/lib/db/history';
import { generateWorkspace } from '../../../../../scripts/gen-workspace';

/** The api the renderer calls, answered by main's backup handlers (inputs checked against the contract). */
const backEnd = vi.hoisted(() => ({
  dataDir: '',
  /** backupSave calls to fail, as if the back end were down. */
  failSaves: 0,
}));
vi.mock('../../../../../src-renderer/lib/api', async () => {
  const { contract } = await import('../../../../../src-main/shared/contract');
  const { createBackupHandlers } = await import('../../../../../src-main/core/handlers/backups');
  const { AppError } = await import('../../../../../src-main/shared/errors');
  let handlers: ReturnType<typeof createBackupHandlers> | null = null;
  const call = async (channel: 'backupSave' | 'backupList' | 'backupLoad', input: unknown) => {
    handlers ??= createBackupHandlers({ dataDir: backEnd.dataDir } as never);
    try {
      if (channel === 'backupSave' && backEnd.failSaves > 0) {
        backEnd.failSaves--;
        throw new Error('the back end is down');
      }
      const parsed = contract[channel].input.parse(input) as never;
      return {
        ok: true,
        value: await (handlers[channel] as (i: never, c: never) => unknown)(parsed, {} as never),
      };
    } catch (err) {
      return {
        ok: false,
        code: err instanceof AppError ? err.code : 'internal',
        message: (err as Error).message,
      };
    }
  };
  return {
    api: {
      backupSave: (input: unknown) => call('backupSave', input),
      backupList: (input: unknown) => call('backupList', input),
      backupLoad: (input: unknown) => call('backupLoad', input),
    },
  };
});
const { backupWriter, dossierJson } = await import('../../../../../src-renderer/lib/db/backup');
const { readBackupPoint } = await import('../../../../../src-renderer/lib/db/backup-delta');

backEnd.dataDir = mkdtempSync(join(tmpdir(), 'backup-chain-'));
afterAll(() => rmSync(backEnd.dataDir, { recursive: true, force: true }));

const records = (d: Dossier) => {
  const { exportedAt: _at, exportedBy: _by, ...rest } = normaliseDossier(d);
  return rest;
};
const backupFile = (name: string) =>
  JSON.parse(readFileSync(join(backEnd.dataDir, 'backups', name), 'utf8')) as Record<string, unknown>;

let dbs = 0;
async function workspace(articles = 12): Promise<CorroborateDB> {
  const db = openDatabase(`backup-${Date.now()}-${dbs++}`);
  await db.open();
  await replaceWorkspace(
    db,
    generateWorkspace({ articles, statements: 6, annotations: articles * 2, seed: 5 }),
  );
  return db;
}

/** A user's edits: a statement's cue corrected, a note typed, a tag added, an annotation removed. */
async function edit(db: CorroborateDB, n: number) {
  const statement = (await db.statements.toCollection().offset(n).first())!;
  const [removed, noted] = await db.annotations.limit(2).toArray();
  const tag = { ...(await db.tags.toCollection().first())!, id: `tag-added-${n}`, name: `Added ${n}` };
  await applyEdit(db, 'edit', [
    { table: 'statements', id: statement.id, after: { ...statement, cue: `said ${n}`, userEdited: true } },
    { table: 'annotations', id: noted!.id, after: { ...noted!, note: `note ${n}` } },
    { table: 'tags', id: tag.id, after: tag },
    { table: 'annotations', id: removed!.id, after: null },
  ]);
  return { statement: statement.id, noted: noted!.id, tag: tag.id, annotation: removed!.id };
}

/** The workspace `point` restores, written into a fresh store and read back as any workspace is. */
async function restoredAt(point: string): Promise<Dossier> {
  const fresh = openDatabase(`backup-restored-${Date.now()}-${dbs++}`);
  await fresh.open();
  await replaceWorkspace(fresh, await readBackupPoint(point));
  return readWorkspaceDossier(fresh, 'Backup test');
}

describe('a backup read in pages', () => {
  it('joins into the whole workspace as a valid dossier, 1,200 statements being several pages', async () => {
    const db = openDatabase(`backup-pieces-${Date.now()}`);
    await db.open();
    await replaceWorkspace(
      db,
      generateWorkspace({ articles: 30, statements: 40, annotations: 600, seed: 3 }),
    );
    let json = '';
    // Each page waits its turn (a read someone waits for goes first): a turn before every page read.
    let turns = 0;
    const statementsAt: number[] = [];
    const between = () => {
      turns++;
      if (json.includes('"statements":[') && !json.includes('"annotations":['))
        statementsAt.push(json.length);
      return Promise.resolve();
    };
    for await (const piece of dossierJson(db, 'Backup test', between)) {
      json += piece;
    }
    expect(turns).toBeGreaterThan(7);
    // The 1,200 statements come in more than two pages, each after its turn.
    expect(statementsAt.length).toBeGreaterThan(2);
    const checked = validateDossier(JSON.parse(json));
    expect(checked.ok).toBe(true);
    if (!checked.ok) return;
    expect(checked.dossier.statements).toHaveLength(1200);
    expect(records(checked.dossier)).toEqual(records(await readWorkspaceDossier(db, 'Backup test')));
  });
});

describe('incremental backups', () => {
  it('after an edit writes only the records it changed and the ids it deleted, and each point restores as it was', async () => {
    const db = await workspace();
    const writer = backupWriter(db);
    const full = (await writer.save('Backup test'))!;
    expect(full.kind).toBe('full');
    // Nothing changed: no new point, unless one is asked for (before a restore or a clear), which holds nothing.
    expect(await writer.save('Backup test')).toBeNull();
    writer.wantPoint();
    const still = (await writer.save('Backup test'))!;
    expect(still).toMatchObject({ kind: 'delta', seq: 1 });
    expect(backupFile(still.name)).toMatchObject({ upserts: {}, deletes: {} });
    expect(await writer.save('Backup test')).toBeNull();

    const first = await edit(db, 1);
    const afterFirst = records(await readWorkspaceDossier(db, 'Backup test'));
    const delta = (await writer.save('Backup test'))!;
    expect(delta).toMatchObject({ kind: 'delta', base: full.name, seq: 2 });
    expect(delta.size).toBeLessThan(full.size / 10);
    const file = backupFile(delta.name);
    const upserts = file.upserts as Record<string, { id: string; cue?: string; note?: string }[]>;
    expect(Object.keys(upserts).sort()).toEqual(['annotations', 'statements', 'tags']);
    expect(upserts.statements!.map((s) => [s.id, s.cue])).toEqual([[first.statement, 'said 1']]);
    expect(upserts.annotations!.map((a) => [a.id, a.note])).toEqual([[first.noted, 'note 1']]);
    expect(upserts.tags!.map((t) => t.id)).toEqual([first.tag]);
    expect(file.deletes).toEqual({ annotations: [first.annotation] });

    await edit(db, 2);
    const second = (await writer.save('Backup test'))!;
    expect(second).toMatchObject({ kind: 'delta', base: full.name, seq: 3 });
    const now = records(await readWorkspaceDossier(db, 'Backup test'));
    expect(records(await restoredAt(second.name))).toEqual(now);
    expect(records(await restoredAt(delta.name))).toEqual(afterFirst);
    expect(records(await restoredAt(full.name))).not.toEqual(afterFirst);
    writer.stop();
  });

  it("goes on with an earlier session's chain: the next session's first backup is a delta, not a full copy", async () => {
    const db = await workspace();
    const earlier = backupWriter(db);
    const full = (await earlier.save('Backup test'))!;
    await edit(db, 1);
    expect((await earlier.save('Backup test'))!).toMatchObject({ kind: 'delta', seq: 1 });
    const kept = earlier.chain!;
    earlier.stop();

    // A new session (the page reloaded) on the unchanged workspace, told where the chain stood.
    const next = backupWriter(db);
    next.resume(kept);
    await edit(db, 2);
    const delta = (await next.save('Backup test'))!;
    expect(delta).toMatchObject({ kind: 'delta', base: full.name, seq: 2 });
    expect(records(await restoredAt(delta.name))).toEqual(
      records(await readWorkspaceDossier(db, 'Backup test')),
    );
    next.stop();
    // Without it, a session's first backup is a full one.
    const fresh = backupWriter(db);
    await edit(db, 3);
    expect((await fresh.save('Backup test'))!.kind).toBe('full');
    fresh.stop();
  });

  it('writes a full backup after a clear or a long chain; a big bulk write is still a delta', async () => {
    const db = await workspace();
    const writer = backupWriter(db, { chainMax: 2 });
    await writer.save('Backup test');
    await edit(db, 1);
    expect((await writer.save('Backup test'))!.kind).toBe('delta');

    // 60 records in one bulk write go down in pieces Dexie reports by key: the delta holds exactly them.
    const statements = await db.statements.limit(60).toArray();
    await db.statements.bulkPut(statements.map((s) => ({ ...s, note: 'bulk' })));
    const bulk = (await writer.save('Backup test'))!;
    expect(bulk.kind).toBe('delta');
    const upserts = backupFile(bulk.name).upserts as Record<string, { id: string }[]>;
    expect(upserts.statements!.map((s) => s.id).sort()).toEqual(statements.map((s) => s.id).sort());
    // Two deltas since the full backup: the chain is as long as it may be.
    await edit(db, 4);
    expect((await writer.save('Backup test'))!.kind).toBe('full');

    await edit(db, 5);
    await writer.save('Backup test');
    await clearWorkspace(db);
    const cleared = (await writer.save('Backup test'))!;
    expect(cleared.kind).toBe('full');
    expect(records(await restoredAt(cleared.name))).toEqual(
      records(await readWorkspaceDossier(db, 'Backup test')),
    );
    writer.stop();
  });

  it('retries a delta that failed with the same place in the chain, so no delta is skipped', async () => {
    const db = await workspace();
    const writer = backupWriter(db);
    const full = (await writer.save('Backup test'))!;
    const first = await edit(db, 1);
    backEnd.failSaves = 1;
    await expect(writer.save('Backup test')).rejects.toThrow(/down/);
    expect(writer.pending).toBe(true);
    const second = await edit(db, 2);
    const delta = (await writer.save('Backup test'))!;
    expect(delta).toMatchObject({ kind: 'delta', base: full.name, seq: 1 });
    // The failed delta's changes travel with the next one.
    const upserts = backupFile(delta.name).upserts as Record<string, { id: string }[]>;
    expect(upserts.tags!.map((t) => t.id).sort()).toEqual([first.tag, second.tag].sort());
    expect(records(await restoredAt(delta.name))).toEqual(
      records(await readWorkspaceDossier(db, 'Backup test')),
    );
    writer.stop();
  });

  it('starts a new full backup when its chain was continued elsewhere (another window)', async () => {
    const db = await workspace();
    const mine = backupWriter(db);
    const other = backupWriter(db);
    await mine.save('Backup test');
    await other.save('Backup test');
    await edit(db, 1);
    await other.save('Backup test');
    // Mine extends a full backup that is no longer the newest: refused, and its changes are kept.
    await expect(mine.save('Backup test')).rejects.toThrow(/newest full backup/);
    const next = (await mine.save('Backup test'))!;
    expect(next.kind).toBe('full');
    expect(records(await restoredAt(next.name))).toEqual(
      records(await readWorkspaceDossier(db, 'Backup test')),
    );
    mine.stop();
    other.stop();
  });

  it('refuses a point whose delta is damaged, before anything is replaced', async () => {
    const db = await workspace();
    const writer = backupWriter(db);
    await writer.save('Backup test');
    await edit(db, 1);
    const first = (await writer.save('Backup test'))!;
    await edit(db, 2);
    const second = (await writer.save('Backup test'))!;
    const path = join(backEnd.dataDir, 'backups', first.name);
    const file = backupFile(first.name);
    writeFileSync(path, JSON.stringify({ ...file, upserts: { tags: [{ name: 'no id' }] } }));
    await expect(readBackupPoint(second.name)).rejects.toThrow(/is damaged/);
    // A delta copied into another place of the chain is not taken for it either.
    writeFileSync(path, JSON.stringify({ ...file, seq: 2 }));
    await expect(readBackupPoint(second.name)).rejects.toThrow(/delta 2 of/);
    writer.stop();
  });
});
