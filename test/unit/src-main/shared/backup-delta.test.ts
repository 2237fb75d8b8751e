// A point in a backup chain is its full backup with the deltas up to it applied in order; a delta file that is
// not the delta expected at that place (another chain's, renamed, damaged) is refused rather than applied.
import { describe, expect, it } from 'vitest';
import {
  applyBackupDeltas,
  BACKUP_DELTA_FORMAT,
  BACKUP_DELTA_FORMAT_VERSION,
  readBackupDelta,
  type BackupDelta,
} from '../../../../src-main/shared/backup-delta';

const BASE = 'backup-2026-12-07T10-00-00-000Z.json';
const delta = (seq: number, parts: Partial<BackupDelta>): BackupDelta => ({
  format: BACKUP_DELTA_FORMAT,
  formatVersion: BACKUP_DELTA_FORMAT_VERSION,
  base: BASE,
  seq,
  exportedAt: `2026-12-07T10:0${seq}:00.000Z`,
  exportedBy: 'test',
  upserts: {},
  deletes: {},
  history: [],
  ...parts,
});

describe('backup deltas', () => {
  it('apply in order: a record deleted by one and written again by a later one is there, as last written', () => {
    const full = {
      tags: [
        { id: 'a', name: 'A' },
        { id: 'b', name: 'B' },
      ],
      claims: [{ id: 'c', text: 'C' }],
    };
    const out = applyBackupDeltas(full, [
      delta(1, { deletes: { tags: ['a'] }, upserts: { tags: [{ id: 'n', name: 'New' }] } }),
      delta(2, {
        upserts: {
          tags: [
            { id: 'a', name: 'A again' },
            { id: 'b', name: 'B2' },
          ],
        },
      }),
    ]) as Record<string, { id: string; name?: string }[]>;
    expect(out.tags!.map((t) => [t.id, t.name]).sort()).toEqual([
      ['a', 'A again'],
      ['b', 'B2'],
      ['n', 'New'],
    ]);
    expect(out.claims).toEqual(full.claims);
    // The full backup itself is left as it was.
    expect(full.tags.map((t) => t.name)).toEqual(['A', 'B']);
  });

  it('refuses a delta of another place or chain, or one whose records have no id', () => {
    const good = JSON.parse(JSON.stringify(delta(2, { upserts: { tags: [{ id: 'a' }] } }))) as unknown;
    expect(readBackupDelta(good, BASE, 2).ok).toBe(true);
    expect(readBackupDelta(good, BASE, 3)).toMatchObject({ ok: false, message: /delta 2 of/ });
    expect(readBackupDelta(good, 'backup-2026-12-07T11-00-00-000Z.json', 2).ok).toBe(false);
    const damaged = delta(2, { upserts: { tags: [{ name: 'no id' } as never] } });
    expect(readBackupDelta(damaged, BASE, 2).ok).toBe(false);
    expect(readBackupDelta({ format: 'corroborate-dossier' }, BASE, 2).ok).toBe(false);
  });
});
