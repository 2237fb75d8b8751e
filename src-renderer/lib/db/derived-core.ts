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

/**
 * Derived tables whose rows a transaction may hold back and write once at its end (`holdDerivedRows`): an import
 * batch writes a new article's library row when the article is written and again when its statements are
 * counted, and a new source's row when its statements are counted and again when the source is written (plus once
 * per slice for a source quoted across the batch). Held, each row is written once per transaction.
 */
const HOLDABLE = new Set(['articleRows', 'sourceRows']);

/** The rows each holding transaction keeps back: by table, then by id. */
const held = new WeakMap<object, Map<string, Map<unknown, unknown>>>();

const heldRows = (trans: DBCoreTransaction, table: string) =>
  HOLDABLE.has(table) ? held.get(trans) : undefined;

/**
 * From now until `takeHeldRows`, the library and source rows the derived-table middleware works out in `trans` are
 * kept in memory (its reads of them see the kept ones), for the writer to write once at the end. Only for a
 * writer that writes what `takeHeldRows` gives before its transaction ends, and reads neither table meanwhile.
 */
export function holdDerivedRows(trans: DBCoreTransaction): void {
  if (!held.has(trans)) held.set(trans, new Map());
}

/**
 * The rows `trans` held back, per table, and stops holding. The caller writes them through the tables (inside
 * Dexie's zone, which the lower middlewares need).
 */
export function takeHeldRows(trans: DBCoreTransaction): [string, unknown[]][] {
  const tables = held.get(trans);
  held.delete(trans);
  return [...(tables ?? [])].map(([table, rows]) => [table, [...rows.values()]]);
}

export function put(core: Core, trans: DBCoreTransaction, table: string, values: unknown[]): Step {
  if (!values.length) return done();
  const tables = heldRows(trans, table);
  if (tables) {
    let kept = tables.get(table);
    if (!kept) tables.set(table, (kept = new Map()));
    for (const v of values) kept.set((v as { id: unknown }).id, v);
    return done();
  }
  return core.table(table).mutate({ type: 'put', trans, values });
}

export function remove(core: Core, trans: DBCoreTransaction, table: string, keys: unknown[]): Step {
  const kept = heldRows(trans, table)?.get(table);
  if (kept) for (const k of keys) kept.delete(k);
  return keys.length ? core.table(table).mutate({ type: 'delete', trans, keys }) : done();
}

/** The rows `trans` holds back in `table` (none when it holds nothing). */
export const heldValues = <R>(trans: DBCoreTransaction, table: string): R[] => [
  ...((heldRows(trans, table)?.get(table)?.values() ?? []) as Iterable<R>),
];

/** The rows of `keys` in a derived table: those held back by the transaction, the others read. */
export function getRows<R>(
  core: Core,
  trans: DBCoreTransaction,
  table: string,
  keys: unknown[],
): Promise<(R | undefined)[]> {
  const kept = heldRows(trans, table)?.get(table);
  if (!kept?.size) return core.raw.table(table).getMany({ trans, keys });
  const missing = keys.filter((k) => !kept.has(k));
  const read: Promise<(R | undefined)[]> = missing.length
    ? core.raw.table(table).getMany({ trans, keys: missing })
    : Dexie.Promise.resolve([]);
  return read.then((found) => {
    const got = new Map(missing.map((k, i) => [k, found[i]]));
    return keys.map((k) => (kept.has(k) ? (kept.get(k) as R) : got.get(k)));
  });
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
  heldRows(trans, table)?.delete(table);
  return core
    .table(table)
    .mutate({ type: 'deleteRange', trans, range: { type: RANGE_ANY } as DBCoreKeyRange });
}

/** One derived table kept by counting: the changes of each count field per key, and how its rows are made. */
export interface CountDeltas<R, F extends string> {
  table: string;
  /** Per count field of the rows: the change of each key's count (keys whose changes are all 0 are skipped). */
  deltas: Record<F, Deltas>;
  /** The table's key for a delta key (default: the same string). */
  keyOf?: (key: string) => unknown;
  /** Rows whose counts all fall to 0 are deleted (a table as small as its use); else they stay, with zeros. */
  dropEmpty: boolean;
  /** Reads the stored rows of `keys` (default: one getMany, which IndexedDB serves key by key). */
  read?: (keys: string[]) => Promise<(R | undefined)[]>;
  /** The rows to write for `keys`, from their new counts and the rows stored before (may read more first). */
  rows: (keys: string[], counts: Record<F, number>[], stored: (R | undefined)[]) => R[] | Promise<R[]>;
}

const countIn = (row: unknown, field: string): number => {
  const value = (row as Record<string, unknown> | undefined)?.[field];
  return typeof value === 'number' ? value : 0;
};

/**
 * Applies a write's count deltas to a derived table: reads the rows of the keys whose counts change, adds the
 * deltas (never below 0), writes the rows and, with `dropEmpty`, deletes the stored ones left with no count.
 */
export function applyCountDeltas<R, F extends string>(
  core: Core,
  trans: DBCoreTransaction,
  step: CountDeltas<R, F>,
): Step {
  const fields = Object.keys(step.deltas) as F[];
  const changes = fields.map((f) => step.deltas[f]);
  const keys = [...new Set(changes.flatMap((d) => [...d.keys()]))].filter((k) =>
    changes.some((d) => d.get(k)),
  );
  if (!keys.length) return done();
  const keyOf = step.keyOf ?? ((k: string) => k);
  const read = step.read ?? ((ks: string[]) => getRows<R>(core, trans, step.table, ks.map(keyOf)));
  return read(keys).then((stored: (R | undefined)[]) => {
    const kept: number[] = [];
    const gone: unknown[] = [];
    const counts = keys.map((k, i) => {
      const next = Object.fromEntries(
        fields.map((f) => [f, Math.max(0, countIn(stored[i], f) + (step.deltas[f].get(k) ?? 0))]),
      ) as Record<F, number>;
      if (!step.dropEmpty || fields.some((f) => next[f] > 0)) kept.push(i);
      else if (stored[i]) gone.push(keyOf(k));
      return next;
    });
    const write = (rows: R[]) =>
      put(core, trans, step.table, rows).then(() => remove(core, trans, step.table, gone));
    const made = step.rows(
      kept.map((i) => keys[i]!),
      kept.map((i) => counts[i]!),
      kept.map((i) => stored[i]),
    );
    return Array.isArray(made) ? write(made) : made.then(write);
  });
}

/** The sources a statement relays through, each once. */
export const relaysOf = (s: Pick<Statement, 'viaIds'>): string[] => [...new Set(s.viaIds)];
