// The search index's side of every write: a write to a table the index is built from gets, in its own transaction,
// a new generation (a search index saved under an older one is stale) and a row of the change log saying what it
// changed, so a start can catch a saved index up instead of rebuilding it (see search-source.ts).
import type { DBCoreMutateRequest, DBCoreTable, DBCoreTransaction } from 'dexie';

/** Tables the search index is built from: a write to any of them makes a saved index stale. */
export const SEARCHED = new Set(['articles', 'statements', 'sources', 'annotations', 'tags']);
/** The row of `searchIndex` that changes with every write to a searched table. */
export const GENERATION_KEY = 'generation';
/**
 * Rows of `searchIndex` keyed by this prefix log what each write to a searched table changed (its table and keys,
 * or 'all' for a range delete), in the same transaction; a successful save of the index clears them. A start after
 * writes the index was not saved for loads the saved index and applies the log, instead of rebuilding it.
 */
export const CHANGE_LOG_PREFIX = 'changed:';

/** The keys a write touched, or 'all' for a range delete. */
function changedKeys(req: DBCoreMutateRequest): string[] | 'all' {
  if (req.type === 'deleteRange') return 'all';
  if (req.type === 'delete') return req.keys as string[];
  return (req.keys ?? req.values.map((v: { id: string }) => v.id)) as string[];
}

/** Per writing transaction: its generation and how many change-log rows it has written (an import's writes go
 * down in many pieces of 49 records, each a write of its own; the generation is renewed once per transaction). */
const logged = new WeakMap<DBCoreTransaction, { generation: string; rows: number }>();

/**
 * `table` (a searched one) with, after each write, a row of the change log written to `searchIndex()` in the same
 * transaction, and a new generation with the transaction's first write.
 */
export function loggingTable(table: DBCoreTable, searchIndex: () => DBCoreTable): DBCoreTable {
  return {
    ...table,
    mutate: (req) =>
      table.mutate(req).then((res) => {
        const first = !logged.has(req.trans);
        const log = logged.get(req.trans) ?? { generation: crypto.randomUUID(), rows: 0 };
        logged.set(req.trans, log);
        const change = { table: table.name, keys: changedKeys(req) };
        const row = {
          key: `${CHANGE_LOG_PREFIX}${log.generation}:${log.rows++}`,
          value: JSON.stringify(change),
        };
        return searchIndex()
          .mutate({
            type: 'put',
            trans: req.trans,
            values: first ? [{ key: GENERATION_KEY, value: log.generation }, row] : [row],
          })
          .then(() => res);
      }),
  };
}
