// The Imports view reads the history a page at a time through the [outcome+at] index, newest first, and
// counts each outcome on that index: what it shows equals what the table holds.
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import type { ImportRecord } from '../../../../../src-main/shared/domain';
import { db } from '../../../../../src-renderer/lib/db/app-db';
import { importCounts, importHistory } from '../../../../../src-renderer/lib/db/imports';

const outcomes = ['imported', 'duplicate', 'refused'] as const;

/** 250 records, one a second, cycling through the outcomes; file n is the n-th dropped. */
const records: ImportRecord[] = Array.from({ length: 250 }, (_, i) => ({
  id: `rec-${String(i).padStart(4, '0')}`,
  batchId: `batch-${Math.floor(i / 50)}`,
  fileName: `file-${i}.txt`,
  format: 'txt',
  outcome: outcomes[i % 3]!,
  articleId: null,
  title: null,
  statementCount: 0,
  reason: i % 3 ? 'not imported' : null,
  at: new Date(Date.UTC(2026, 11, 7, 0, 0, i)).toISOString(),
}));

describe('import history', () => {
  it('reads the newest page, of all records or of one outcome, and counts each outcome', async () => {
    await db.imports.bulkAdd(records);
    const newestFirst = [...records].reverse();

    expect((await importHistory(db, 100)).map((r) => r.fileName)).toEqual(
      newestFirst.slice(0, 100).map((r) => r.fileName),
    );
    for (const outcome of outcomes) {
      const page = await importHistory(db, 30, outcome);
      expect(page.map((r) => r.fileName)).toEqual(
        newestFirst
          .filter((r) => r.outcome === outcome)
          .slice(0, 30)
          .map((r) => r.fileName),
      );
    }
    // A page larger than what there is returns all of it.
    expect(await importHistory(db, 1000, 'refused')).toHaveLength(83);

    expect(await importCounts(db)).toEqual({ all: 250, imported: 84, duplicate: 83, refused: 83 });
  });
});
