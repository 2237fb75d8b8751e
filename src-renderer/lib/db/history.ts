// Undoable edits: every change to the workspace goes through applyEdit(), which writes the
// records and their previous versions in one transaction, so undo/redo survive a reload.
import type { CorroborateDB, HistoryEntry, WorkspaceTable } from './db';
import { deleteObserved, WORKSPACE_TABLES, writeObserved } from './db';

export interface EditOp {
  table: WorkspaceTable;
  id: string;
  /** The record after the edit, or null to delete it. */
  after: ({ id: string } & Record<string, unknown>) | null;
  /**
   * The stored record before the edit (null: none), when the caller read it in the same transaction; saves
   * reading it again. Left out, applyEdit reads it.
   */
  before?: ({ id: string } & Record<string, unknown>) | null;
}

const HISTORY_KEPT = 300;

/** An edit the workspace does not take (a reader's, in a shared dossier); the message says why. */
export class EditRefused extends Error {}

let refusal: string | null = null;
/** From now on, refuse every undoable edit with this reason (null: take them again). Set by lib/sync. */
export function refuseEdits(reason: string | null): void {
  refusal = reason;
}

type Row = { id: string } & Record<string, unknown>;
/** Per table and record: whether it is stored now, and what the edit leaves (null: deleted). */
type Plan = Map<WorkspaceTable, Map<string, { stored: boolean; value: Row | null }>>;

function planEntry(plan: Plan, table: WorkspaceTable, id: string, stored: boolean) {
  let byId = plan.get(table);
  if (!byId) plan.set(table, (byId = new Map()));
  let entry = byId.get(id);
  if (!entry) byId.set(id, (entry = { stored, value: null }));
  return entry;
}

/**
 * Writes each record's final state, table by table in the order the tables first appear: a few bulk requests
 * per table instead of a read and a write per record (a merged dossier is tens of thousands). New records are
 * added, which spares the derived tables a read of what they replace. Pieces stay under Dexie's observation
 * limit (see writeObserved), so live queries and the search index learn the keys written.
 */
async function writeStates(db: CorroborateDB, plan: Plan) {
  for (const [table, byId] of plan) {
    const adds: Row[] = [];
    const puts: Row[] = [];
    const deletes: string[] = [];
    for (const [id, { stored, value }] of byId) {
      if (value) (stored ? puts : adds).push(value);
      else if (stored) deletes.push(id);
    }
    await writeObserved(db.table(table), adds, 'add');
    await writeObserved(db.table(table), puts, 'put');
    await deleteObserved(db.table(table), deletes);
  }
}

/** Each touched record's version before the edit: given by the op, or read in one bulk request per table. */
async function readBefore(db: CorroborateDB, ops: EditOp[]) {
  const before = new Map<WorkspaceTable, Map<string, Row | null>>();
  const unknown = new Map<WorkspaceTable, Set<string>>();
  for (const op of ops) {
    let known = before.get(op.table);
    if (!known) before.set(op.table, (known = new Map()));
    if (known.has(op.id) || unknown.get(op.table)?.has(op.id)) continue;
    if (op.before !== undefined) known.set(op.id, op.before);
    else unknown.set(op.table, (unknown.get(op.table) ?? new Set()).add(op.id));
  }
  for (const [table, set] of unknown) {
    const ids = [...set];
    const rows: unknown[] = await db.table(table).bulkGet(ids);
    ids.forEach((id, i) => before.get(table)!.set(id, (rows[i] as Row | undefined) ?? null));
  }
  return before;
}

/** Apply ops atomically and record them for undo. `undoable: false` for bulk system writes (imports). */
export async function applyEdit(
  db: CorroborateDB,
  label: string,
  ops: EditOp[],
  options: { undoable?: boolean } = {},
): Promise<void> {
  if (ops.length === 0) return;
  const undoable = options.undoable ?? true;
  if (refusal && undoable) throw new EditRefused(refusal);
  const tables = [...new Set(ops.map((o) => o.table))].map((t) => db.table(t));
  await db.transaction('rw', [...tables, db.history], async () => {
    const current = await readBefore(db, ops);
    const plan: Plan = new Map();
    const changes: HistoryEntry['changes'] = [];
    for (const op of ops) {
      const state = current.get(op.table)!;
      const before = state.get(op.id) ?? null;
      changes.push({ table: op.table, id: op.id, before, after: op.after });
      planEntry(plan, op.table, op.id, before !== null).value = op.after;
      state.set(op.id, op.after);
    }
    // A record added then changed in one edit is still new to the store: `stored` is its state before the edit.
    await writeStates(db, plan);
    if (!undoable) return;
    await db.history.where('undone').equals(1).delete();
    await db.history.add({ at: new Date().toISOString(), label, changes, undone: 0 });
    const count = await db.history.count();
    if (count > HISTORY_KEPT) {
      const oldest = await db.history
        .orderBy('seq')
        .limit(count - HISTORY_KEPT)
        .primaryKeys();
      await db.history.bulkDelete(oldest);
    }
  });
}

async function replay(db: CorroborateDB, entry: HistoryEntry, direction: 'undo' | 'redo'): Promise<void> {
  const list = direction === 'undo' ? [...entry.changes].reverse() : entry.changes;
  const plan: Plan = new Map();
  for (const c of list) {
    // Walking in replay order, each record's first change says what is stored now, its last what remains.
    const [now, then] = direction === 'undo' ? [c.after, c.before] : [c.before, c.after];
    planEntry(plan, c.table as WorkspaceTable, c.id, now !== null).value = (then as Row | null) ?? null;
  }
  await writeStates(db, plan);
  await db.history.update(entry.seq!, { undone: direction === 'undo' ? 1 : 0 });
}

/** Undo the latest edit; returns its label, or null when there is nothing to undo. */
export async function undo(db: CorroborateDB): Promise<string | null> {
  return db.transaction('rw', [...WORKSPACE_TABLES.map((t) => db.table(t)), db.history], async () => {
    const entry = await db.history.where('[undone+seq]').between([0, -Infinity], [0, Infinity]).last();
    if (!entry) return null;
    await replay(db, entry, 'undo');
    return entry.label;
  });
}

/**
 * Undo (or redo) one given edit, wherever it stands in the history; returns its label, or null when it is gone
 * or already in that state. A shared selection undoes an analyst's edits on the articles kept on this machine
 * this way, one by one, between the steps the dossier's own undo takes back.
 */
export async function replayEdit(
  db: CorroborateDB,
  seq: number,
  direction: 'undo' | 'redo',
): Promise<string | null> {
  return db.transaction('rw', [...WORKSPACE_TABLES.map((t) => db.table(t)), db.history], async () => {
    const entry = await db.history.get(seq);
    if (!entry || entry.undone !== (direction === 'undo' ? 0 : 1)) return null;
    await replay(db, entry, direction);
    return entry.label;
  });
}

/** Redo the edit undone last; returns its label, or null. */
export async function redo(db: CorroborateDB): Promise<string | null> {
  return db.transaction('rw', [...WORKSPACE_TABLES.map((t) => db.table(t)), db.history], async () => {
    const entry = await db.history.where('[undone+seq]').between([1, -Infinity], [1, Infinity]).first();
    if (!entry) return null;
    await replay(db, entry, 'redo');
    return entry.label;
  });
}
