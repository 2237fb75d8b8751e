// Rolling backups: a burst of edits gives one backup after a pause, never more than one per 30 s.
import 'fake-indexeddb/auto';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';

import type * as BackupModule from '../../../../../src-renderer/lib/db/backup';

let backup: typeof BackupModule;
beforeAll(async () => {
  // lib/api reads window.api when loaded; the schedule under test never calls it.
  vi.stubGlobal('window', {});
  backup = await import('../../../../../src-renderer/lib/db/backup');
});
afterEach(() => vi.useRealTimers());

describe('backup schedule', () => {
  it('saves once after a burst of edits, then waits out the 30 s interval', async () => {
    vi.useFakeTimers();
    const saves: number[] = [];
    const s = backup.backupSchedule(async () => void saves.push(Date.now()), { now: () => Date.now() });
    const t0 = Date.now();
    for (let i = 0; i < 5; i++) {
      s.changed();
      await vi.advanceTimersByTimeAsync(500); // typing
    }
    expect(saves).toHaveLength(0);
    await vi.advanceTimersByTimeAsync(backup.BACKUP_QUIET_MS);
    expect(saves).toHaveLength(1);

    s.changed(); // an edit soon after: held until 30 s after the first backup
    await vi.advanceTimersByTimeAsync(10_000);
    expect(saves).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(backup.BACKUP_INTERVAL_MS);
    expect(saves).toHaveLength(2);
    expect(saves[1]! - saves[0]!).toBeGreaterThanOrEqual(backup.BACKUP_INTERVAL_MS);
    expect(saves[0]! - t0).toBeLessThan(backup.BACKUP_INTERVAL_MS);
    s.stop();
  });

  it("tells a flush (someone waits for it) from a timed backup (which may wait for the start's loads)", async () => {
    vi.useFakeTimers();
    const forced: boolean[] = [];
    const s = backup.backupSchedule(async (f) => void forced.push(f), { now: () => Date.now() });
    s.changed();
    await vi.advanceTimersByTimeAsync(backup.BACKUP_QUIET_MS);
    await s.flush();
    expect(forced).toEqual([false, true]);
    s.stop();
  });

  it('writes no timed backup while an import runs, then one once it ends; a flush still writes at once', async () => {
    vi.useFakeTimers();
    let saves = 0;
    const s = backup.backupSchedule(async () => void saves++);
    s.pause();
    // An import storing a batch every 3 s for two minutes: each write is a change.
    for (let t = 0; t < 120_000; t += 3_000) {
      s.changed();
      await vi.advanceTimersByTimeAsync(3_000);
    }
    expect(saves).toBe(0);
    await s.flush(); // e.g. before a restore
    expect(saves).toBe(1);
    s.changed();
    s.resume();
    await vi.advanceTimersByTimeAsync(backup.BACKUP_INTERVAL_MS + backup.BACKUP_QUIET_MS);
    expect(saves).toBe(2);
    s.stop();
  });

  it('does nothing without edits, and flush saves at once', async () => {
    vi.useFakeTimers();
    let saves = 0;
    const s = backup.backupSchedule(async () => void saves++);
    await vi.advanceTimersByTimeAsync(120_000);
    expect(saves).toBe(0);
    await s.flush();
    expect(saves).toBe(1);
    s.stop();
  });

  it('retries a failed backup with backoff until it succeeds, without waiting for another edit', async () => {
    vi.useFakeTimers();
    vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    let attempts = 0;
    let saved = 0;
    // The back end is down for the first three attempts (a crash and a restart), then answers.
    const s = backup.backupSchedule(async () => {
      attempts++;
      if (attempts <= 3) throw new Error("the app's back end did not answer");
      saved++;
    });
    s.changed();
    await vi.advanceTimersByTimeAsync(backup.BACKUP_QUIET_MS);
    expect(attempts).toBe(1);
    await vi.advanceTimersByTimeAsync(1_000 + 2_000 + 4_000);
    expect(attempts).toBe(4);
    expect(saved).toBe(1);
    await vi.advanceTimersByTimeAsync(120_000);
    expect(attempts).toBe(4); // nothing left to save: no more attempts
    s.stop();
  });

  it('sees an edit in the workspace signature', async () => {
    const { openDatabase } = await import('../../../../../src-renderer/lib/db/db');
    const { applyEdit } = await import('../../../../../src-renderer/lib/db/history');
    const db = openDatabase(`sig-${Date.now()}`);
    const before = await backup.workspaceSignature(db);
    await applyEdit(db, 'Add claim', [
      { table: 'claims', id: 'c1', after: { id: 'c1', text: 'x', note: '', createdAt: 'a', updatedAt: 'a' } },
    ]);
    const added = await backup.workspaceSignature(db);
    expect(added).not.toBe(before);
    await applyEdit(db, 'Edit claim', [
      { table: 'claims', id: 'c1', after: { id: 'c1', text: 'y', note: '', createdAt: 'a', updatedAt: 'b' } },
    ]);
    const edited = await backup.workspaceSignature(db);
    expect(edited).not.toBe(added);
    // Any write to a table a dossier holds counts, not only the undoable edits; other tables do not.
    await db.links.put({
      id: 'l1',
      fromStatementId: 'a',
      toStatementId: 'b',
      type: 'corroborates',
      note: '',
      createdAt: 'a',
      updatedAt: 'a',
    });
    const linked = await backup.workspaceSignature(db);
    expect(linked).not.toBe(edited);
    await db.meta.put({ key: 'author', value: 'Ana' });
    expect(await backup.workspaceSignature(db)).toBe(linked);
    await db.links.delete('l1');
    expect(await backup.workspaceSignature(db)).not.toBe(linked);
  });
});
