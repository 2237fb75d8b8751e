// A backup travels to the data folder in pieces, so a workspace of thousands of articles never has to fit in
// one message (the browser shell bounds request bodies) or in memory. What lands on disk is exactly the
// pieces in order, or nothing: an abandoned, aborted or out-of-order write never becomes a backup.
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createBackupHandlers } from '../../../../../src-main/core/handlers/backups';
import type { HandlerDeps } from '../../../../../src-main/core/handlers/deps';

const dirs: string[] = [];
afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));

function handlers(kept = 10) {
  const dataDir = mkdtempSync(join(tmpdir(), 'backup-pieces-'));
  dirs.push(dataDir);
  const raw = createBackupHandlers({ dataDir, backupsKept: kept } as HandlerDeps);
  const h = {
    backupSave: (input: Parameters<typeof raw.backupSave>[0]) => raw.backupSave(input, ctx),
    backupList: (_input: object) => raw.backupList({}, ctx),
    backupLoad: (input: { name: string }) => raw.backupLoad(input, ctx),
  };
  return { h, dir: join(dataDir, 'backups') };
}
/** Handlers take a caller context; the backup handlers do not use it. */
const ctx = {} as Parameters<ReturnType<typeof createBackupHandlers>['backupList']>[1];
const id = (n: number) => `00000000-0000-4000-8000-00000000000${n}`;
const files = (dir: string) => readdirSync(dir).sort();

describe('a backup written in pieces', () => {
  it('lands as the pieces in order, owner-only, listed with its size, and loads back', async () => {
    const { h, dir } = handlers();
    expect(
      (await h.backupSave({ writeId: id(1), piece: 0, chunk: '{"a":[1,', end: 'more' })).entry,
    ).toBeNull();
    // Nothing is listed until the write is committed.
    expect(await h.backupList({})).toEqual([]);
    await h.backupSave({ writeId: id(1), piece: 1, chunk: '2,3],', end: 'more' });
    const { entry } = await h.backupSave({ writeId: id(1), piece: 2, chunk: '"é":true}', end: 'commit' });
    expect(entry).not.toBeNull();
    expect(files(dir)).toEqual([entry!.name]);
    expect(readFileSync(join(dir, entry!.name), 'utf8')).toBe('{"a":[1,2,3],"é":true}');
    expect(entry!.size).toBe(Buffer.byteLength('{"a":[1,2,3],"é":true}'));
    expect(statSync(join(dir, entry!.name)).mode & 0o077).toBe(0);
    expect(JSON.parse((await h.backupLoad({ name: entry!.name })).json)).toEqual({
      a: [1, 2, 3],
      é: true,
    });
  });

  it('leaves nothing behind when aborted, and refuses a piece out of order', async () => {
    const { h, dir } = handlers();
    await h.backupSave({ writeId: id(1), piece: 0, chunk: '{"a":', end: 'more' });
    await expect(h.backupSave({ writeId: id(1), piece: 2, chunk: '1}', end: 'commit' })).rejects.toThrow(
      /does not continue/,
    );
    await h.backupSave({ writeId: id(2), piece: 0, chunk: '{"b":', end: 'more' });
    await h.backupSave({ writeId: id(2), piece: 1, chunk: '', end: 'abort' });
    expect(files(dir)).toEqual([]);
  });

  it('abandons an unfinished write when a new one starts: its later pieces are refused', async () => {
    const { h, dir } = handlers();
    await h.backupSave({ writeId: id(1), piece: 0, chunk: '{"old":', end: 'more' });
    await h.backupSave({ writeId: id(2), piece: 0, chunk: '{"new":1}', end: 'more' });
    await expect(h.backupSave({ writeId: id(1), piece: 1, chunk: '1}', end: 'commit' })).rejects.toThrow();
    const { entry } = await h.backupSave({ writeId: id(2), piece: 1, chunk: '', end: 'commit' });
    expect(files(dir)).toEqual([entry!.name]);
    expect(readFileSync(join(dir, entry!.name), 'utf8')).toBe('{"new":1}');
  });

  it('keeps the newest N', async () => {
    const { h, dir } = handlers(2);
    for (let i = 1; i <= 3; i++) {
      await h.backupSave({ writeId: id(i), piece: 0, chunk: `{"n":${i}}`, end: 'commit' });
      await new Promise((r) => setTimeout(r, 5));
    }
    const kept = files(dir).map((n) => readFileSync(join(dir, n), 'utf8'));
    expect(kept).toEqual(['{"n":2}', '{"n":3}']);
  });
});

describe('deltas extend the newest full backup', () => {
  const full = async (h: ReturnType<typeof handlers>['h'], n: number) => {
    const { entry } = await h.backupSave({ writeId: id(n), piece: 0, chunk: `{"full":${n}}`, end: 'commit' });
    await new Promise((r) => setTimeout(r, 5)); // the next full backup's name is a later millisecond
    return entry!;
  };
  const delta = async (h: ReturnType<typeof handlers>['h'], n: number, base: string, seq: number) =>
    (
      await h.backupSave({
        writeId: id(n),
        piece: 0,
        chunk: `{"delta":${seq}}`,
        end: 'commit',
        delta: { base, seq },
      })
    ).entry!;

  it('commits each as the next of its chain, listed newest first with its full backup, and loads back', async () => {
    const { h } = handlers();
    const a = await full(h, 1);
    const d1 = await delta(h, 2, a.name, 1);
    const d2 = await delta(h, 3, a.name, 2);
    expect(d1).toMatchObject({ kind: 'delta', base: a.name, seq: 1 });
    expect(d1.name).toBe(a.name.replace(/\.json$/, '.d0001.json'));
    const listed = await h.backupList({});
    expect(listed.map((e) => [e.name, e.kind, e.seq])).toEqual([
      [d2.name, 'delta', 2],
      [d1.name, 'delta', 1],
      [a.name, 'full', undefined],
    ]);
    expect((await h.backupLoad({ name: d2.name })).json).toBe('{"delta":2}');
  });

  it('refuses a delta that skips a place, repeats one, or extends an older full backup, writing nothing', async () => {
    const { h, dir } = handlers();
    const a = await full(h, 1);
    await expect(delta(h, 2, a.name, 2)).rejects.toThrow(/does not follow/);
    await delta(h, 3, a.name, 1);
    await expect(delta(h, 4, a.name, 1)).rejects.toThrow(/does not follow/);
    const b = await full(h, 5);
    await expect(delta(h, 6, a.name, 2)).rejects.toThrow(/not the newest/);
    await expect(delta(h, 7, 'backup-2020-01-01T00-00-00-000Z.json', 1)).rejects.toThrow(/not the newest/);
    expect(files(dir)).toEqual([a.name, a.name.replace(/\.json$/, '.d0001.json'), b.name].sort());
  });

  it('keeps the newest N points and what they need; deltas whose full backup is gone are not listed', async () => {
    const { h, dir } = handlers(2);
    const a = await full(h, 1);
    const a1 = await delta(h, 2, a.name, 1);
    const a2 = await delta(h, 3, a.name, 2);
    const a3 = await delta(h, 4, a.name, 3);
    // The newest two points are deltas 3 and 2: the full backup and delta 1 stay, as their restore needs them.
    expect(files(dir)).toEqual([a.name, a1.name, a2.name, a3.name].sort());
    const b = await full(h, 5);
    expect(files(dir)).toEqual([a.name, a1.name, a2.name, a3.name, b.name].sort());
    const c = await full(h, 6);
    expect(files(dir)).toEqual([b.name, c.name].sort());
    const c1 = await delta(h, 7, c.name, 1);
    expect(files(dir)).toEqual([c.name, c1.name].sort());

    // A delta left without its full backup (deleted by hand) restores nothing: not listed, and removed.
    rmSync(join(dir, c.name));
    expect(await h.backupList({})).toEqual([]);
    const d = await full(h, 8);
    expect(files(dir)).toEqual([d.name]);
  });

  it('lists and loads backups written before deltas existed', async () => {
    const { h, dir } = handlers();
    mkdirSync(dir, { recursive: true });
    const old = 'backup-2025-06-01T10-00-00-000Z.json';
    writeFileSync(join(dir, old), '{"old":true}');
    expect((await h.backupList({})).map((e) => [e.name, e.kind])).toEqual([[old, 'full']]);
    expect((await h.backupLoad({ name: old })).json).toBe('{"old":true}');
  });
});
