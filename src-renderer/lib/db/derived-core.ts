// The primitives the derived-table middleware (derived.ts, source-articles-derived.ts) writes and reads with.
// Everything chains Dexie's own promises with `.then` and never uses `await`: Dexie's lower layers read the
// current transaction from its zone, which a native await would lose.
import Dexie from 'dexie';
import type { Statement } from '../../../src-main/shared/domain';
import type { DBCore, DBCoreKeyRange, DBCoreMutateRequest, DBCoreTable, DBCoreTransaction } from 'dexie';

/**
 * Writes go through the full stack (so live queries see them); reads go to the bare IndexedDB core
 * below Dexie's observability layer, which expects Dexie's zone and would fail after a native await.
 */
export interface Core {
  table(name: string): DBCoreTable;
  raw: DBCore;
  /** Whether the database has this table (a derived table added by a later version may be missing). */
  has(name: string): boolean;
}
export type Deltas = Map<string, number>;
export type Step = Promise<unknown>;

/** IndexedDB's key range "everything" (a `clear()` arrives as a range delete of it). */
export const RANGE_ANY = 3;

export const done = (): Step => Dexie.Promise.resolve();

export const add = (m: Deltas, key: string | null | undefined, n: number) => {
  if (key) m.set(key, (m.get(key) ?? 0) + n);
};

export function put(core: Core, trans: DBCoreTransaction, table: string, values: unknown[]): Step {
  return values.length ? core.table(table).mutate({ type: 'put', trans, values }) : done();
}

export function remove(core: Core, trans: DBCoreTransaction, table: string, keys: unknown[]): Step {
  return keys.length ? core.table(table).mutate({ type: 'delete', trans, keys }) : done();
}

export function valuesInRange<T>(
  table: DBCoreTable,
  trans: DBCoreTransaction,
  range: DBCoreKeyRange,
): Promise<T[]> {
  return table
    .query({ trans, values: true, query: { index: table.schema.primaryKey, range } })
    .then((res) => res.result as T[]);
}

export const isClear = (req: DBCoreMutateRequest) =>
  req.type === 'deleteRange' && req.range.type === RANGE_ANY;
export const isDelete = (req: DBCoreMutateRequest) => req.type === 'delete' || req.type === 'deleteRange';

/** Empties `table` in the write's transaction (the derived table of a cleared one). */
export function clearTable(core: Core, trans: DBCoreTransaction, table: string): Step {
  return core
    .table(table)
    .mutate({ type: 'deleteRange', trans, range: { type: RANGE_ANY } as DBCoreKeyRange });
}

/** The sources a statement relays through, each once. */
export const relaysOf = (s: Pick<Statement, 'viaIds'>): string[] => [...new Set(s.viaIds)];
