// Undoable edits: every change to the workspace goes through applyEdit(), which writes the
// records and their previous versions in one transaction, so undo/redo survive a reload.
import type { CorroborateDB, HistoryEntry, WorkspaceTable } from './db';
import { WORKSPACE_TABLES } from './db';

export interface EditOp {
  table: WorkspaceTable;
  id: string;
  /** The record after the edit, or null to delete it. */
  after: ({ id: string } & Record<string, unknown>) | null;
}

const HISTORY_KEPT = 300;

/** An edit the workspace does not take (a reader's, in a shared dossier); the message says why. */
export class EditRefused extends Error {}

let refusal: string | null = null;
/** From now on, refuse every undoable edit with this reason (null: take them again). Set by lib/sync. */
export function refuseEdits(reason: string | null): void {
  refusal = reason;
}

type AnyTable = {
  get(id: string): Promise<unknown>;
  put(r: unknown): Promise<unknown>;
  delete(id: string): Promise<void>;
};
const tableOf = (db: CorroborateDB, name: WorkspaceTable) => db.table(name) as unknown as AnyTable;

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
    const changes: HistoryEntry['changes'] = [];
    for (const op of ops) {
      const t = tableOf(db, op.table);
      const before = (await t.get(op.id)) ?? null;
      if (op.after) await t.put(op.after);
      else await t.delete(op.id);
      changes.push({ table: op.table, id: op.id, before, after: op.after });
    }
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
  for (const c of list) {
    const t = tableOf(db, c.table as WorkspaceTable);
    const value = direction === 'undo' ? c.before : c.after;
    if (value) await t.put(value);
    else await t.delete(c.id);
  }
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
