// A backup travels to the data folder in pieces, so a workspace of thousands of articles never has to fit in
// one message (the browser shell bounds request bodies) or in memory. What lands on disk is exactly the
// pieces in order, or nothing: an abandoned, aborted or out-of-order write never becomes a backup.
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createBackupHandlers } from '../../../../src-main/core/handlers/backups';
import type { HandlerDeps } from '../../../../src-main/core/handlers';

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
