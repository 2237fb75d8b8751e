// The import report: storing a batch of extracted articles and the record of every file dropped.
import type { ImportRecord } from '../../../src-main/shared/domain';
import type { ExtractedArticle } from '../../../src-main/shared/extraction';
import Dexie from 'dexie';
import { db as appDb } from './app-db';
import { storeExtractedArticles } from './articles';
import { type CorroborateDB, newId, now } from './db';
import { holdIndexMirrors } from './index-mirror';

/** The report rows of one stored batch, written together. */
export async function recordImports(
  db: CorroborateDB,
  batchId: string,
  rows: Omit<ImportRecord, 'id' | 'batchId' | 'at'>[],
): Promise<void> {
  const at = now();
  await db.imports.bulkAdd(rows.map((row) => ({ id: newId(), batchId, ...row, at })));
}

/** The Imports view's filter: one outcome, or every record. */
export type ImportFilter = ImportRecord['outcome'] | 'all';

/** The range of the `[outcome+at]` index that holds one outcome's records. */
const outcomeRange = (db: CorroborateDB, outcome: ImportRecord['outcome']) =>
  db.imports.where('[outcome+at]').between([outcome, Dexie.minKey], [outcome, Dexie.maxKey]);

/** The newest `limit` import records (all, or of one outcome), read through an index: one page, never the table. */
export async function importHistory(
  db: CorroborateDB,
  limit = 200,
  filter: ImportFilter = 'all',
): Promise<ImportRecord[]> {
  const range = filter === 'all' ? db.imports.orderBy('at') : outcomeRange(db, filter);
  return range.reverse().limit(limit).toArray();
}

/** How many import records there are, in all and of each outcome: counted on the indexes. */
export async function importCounts(db: CorroborateDB): Promise<Record<ImportFilter, number>> {
  const [all, imported, duplicate, refused] = await Promise.all([
    db.imports.count(),
    outcomeRange(db, 'imported').count(),
    outcomeRange(db, 'duplicate').count(),
    outcomeRange(db, 'refused').count(),
  ]);
  return { all, imported, duplicate, refused };
}

/** The same operations on the app's workspace database, for the import queue and the Imports view. */
export const imports = {
  storeAll: (batch: ExtractedArticle[]) => storeExtractedArticles(appDb, batch),
  /** Keeps the indexes an import looks up in memory until the returned function is called (index-mirror.ts). */
  holdLookups: () => holdIndexMirrors(appDb),
  record: (batchId: string, rows: Omit<ImportRecord, 'id' | 'batchId' | 'at'>[]) =>
    recordImports(appDb, batchId, rows),
  history: (limit?: number, filter?: ImportFilter) => importHistory(appDb, limit, filter),
  counts: () => importCounts(appDb),
};
