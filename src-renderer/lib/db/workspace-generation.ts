// The workspace's generation: every write to a table a dossier holds puts a new one into `meta`, in the same
// transaction. Comparing it with the one a backup was written at tells whether anything changed since, with one
// read, where counting every table took seconds at 10,000 articles (400,000 statements).
import type { DBCoreTable, DBCoreTransaction } from 'dexie';
import { RECORD_TABLES } from '../../../src-main/shared/dossier';

/** Tables a dossier holds: a write to any of them changes what a backup would hold. */
export const RECORDED: ReadonlySet<string> = new Set(RECORD_TABLES);
/** The `meta` row holding the generation. */
export const WORKSPACE_GENERATION_KEY = 'workspaceGeneration';

/** Transactions that have written their new generation: one per transaction is enough (an import's writes go
 * down in many pieces of 49 records, each a write of its own). */
const renewed = new WeakSet<DBCoreTransaction>();

/** `table` (a recorded one) with a new generation written to `meta()` in each writing transaction, once. */
export function generationTable(table: DBCoreTable, meta: () => DBCoreTable): DBCoreTable {
  return {
    ...table,
    mutate: (req) =>
      table.mutate(req).then((res) => {
        if (renewed.has(req.trans)) return res;
        renewed.add(req.trans);
        return meta()
          .mutate({
            type: 'put',
            trans: req.trans,
            values: [{ key: WORKSPACE_GENERATION_KEY, value: crypto.randomUUID() }],
          })
          .then(() => res);
      }),
  };
}
