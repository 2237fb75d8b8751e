// The database side of shared dossiers: a feed of committed local changes, and writes that come from the sync.
import Dexie, { type CreatingHookContext, type Transaction } from 'dexie';
import type { CorroborateDB, HistoryEntry, WorkspaceTable } from './db';
import { replayEdit } from './history';

/** The tables a shared dossier replicates (import history stays on each machine). */
export const SYNCED_TABLES = [
  'articles',
  'statements',
  'sources',
  'annotations',
  'tags',
  'links',
  'claims',
  'claimStatements',
  'alignments',
] as const satisfies readonly WorkspaceTable[];
export type SyncedTable = (typeof SYNCED_TABLES)[number];

/**
 * What of a workspace a shared dossier gets. `whole`: every record (and every record created later); `articles`:
 * only the chosen articles and what belongs to them (lib/sync/share-scope.ts); the rest never leaves the machine.
 */
export type ShareScope = { kind: 'whole' } | { kind: 'articles'; articleIds: string[] };

export type SyncRecord = { id: string } & Record<string, unknown>;

export interface RecordChange {
  table: SyncedTable;
  id: string;
  /** The record as committed, or null when it was deleted. */
  value: SyncRecord | null;
}

/** The undoable edit a transaction was: its label and its entry in the workspace's undo history. */
export interface LocalEdit {
  label: string;
  seq: number;
}

export interface SyncBridge {
  /**
   * Calls `listener` after each committed transaction with the records it changed (not those sync wrote), and the
   * undoable edit it was (null: not one, e.g. an import or an undo of the local history).
   */
  watch: (listener: (changes: RecordChange[], edit: LocalEdit | null) => void) => () => void;
  /**
   * Writes records that arrived from the shared dossier; they do not come back through `watch`. Given a function,
   * it is called inside the write transaction, so the values are read after every earlier local write committed.
   */
  applyRemote: (changes: RecordChange[] | (() => RecordChange[])) => Promise<void>;
  /** Every record of the synced tables (to publish a workspace when it is first shared). */
  readAll: () => Promise<RecordChange[]>;
  /** Some records of one table, as committed now (missing ones are left out). */
  read: (table: SyncedTable, ids: string[]) => Promise<RecordChange[]>;
  /**
   * One article and what hangs on it, as committed now: its statements and annotations, and the links,
   * alignments and stances touching its statements.
   */
  readArticle: (articleId: string) => Promise<RecordChange[]>;
  /** Undoes or redoes one edit of the workspace's undo history (by its `seq`); returns its label, or null. */
  replay: (seq: number, direction: 'undo' | 'redo') => Promise<string | null>;
}

type Note = (trans: Transaction, table: SyncedTable, id: unknown, value: SyncRecord | null) => void;
type Label = (trans: Transaction, edit: LocalEdit) => void;

/**
 * Hooks creating, updating and deleting on every synced table, and the undo history's new entries (which name the
 * edit); returns the function that removes the hooks.
 */
function installHooks(db: CorroborateDB, note: Note, label: Label): () => void {
  const onHistory = function (
    this: CreatingHookContext<HistoryEntry, number | undefined>,
    _key: number | undefined,
    entry: HistoryEntry,
    trans: Transaction,
  ) {
    // The entry's seq is known once it is added.
    this.onsuccess = (seq) => {
      if (seq !== undefined) label(trans, { label: entry.label, seq });
    };
  };
  db.history.hook('creating', onHistory);
  const offs: (() => void)[] = [() => db.history.hook('creating').unsubscribe(onHistory)];
  for (const table of SYNCED_TABLES) {
    const t = db.table(table);
    const creating = function (this: unknown, key: unknown, obj: SyncRecord, trans: Transaction) {
      note(trans, table, key ?? obj.id, obj);
    };
    const updating = function (
      this: unknown,
      mods: object,
      key: unknown,
      obj: SyncRecord,
      trans: Transaction,
    ) {
      const next = Dexie.deepClone(obj);
      for (const [path, v] of Object.entries(mods)) Dexie.setByKeyPath(next, path, v);
      note(trans, table, key, next);
    };
    const deleting = function (this: unknown, key: unknown, _obj: unknown, trans: Transaction) {
      note(trans, table, key, null);
    };
    t.hook('creating', creating);
    t.hook('updating', updating);
    t.hook('deleting', deleting);
    offs.push(() => {
      t.hook('creating').unsubscribe(creating);
      t.hook('updating').unsubscribe(updating);
      t.hook('deleting').unsubscribe(deleting);
    });
  }
  return () => offs.forEach((off) => off());
}

/** Writes remote changes table by table: puts, then deletes, inside the caller's transaction. */
async function writeChanges(db: CorroborateDB, changes: RecordChange[]): Promise<void> {
  for (const table of SYNCED_TABLES) {
    const mine = changes.filter((c) => c.table === table);
    if (!mine.length) continue;
    const puts = mine.flatMap((c) => (c.value ? [c.value] : []));
    const dels = mine.filter((c) => !c.value).map((c) => c.id);
    if (puts.length) await db.table(table).bulkPut(puts);
    if (dels.length) await db.table(table).bulkDelete(dels);
  }
}

/** One article and what hangs on it (see SyncBridge.readArticle). */
async function readArticleIn(db: CorroborateDB, articleId: string): Promise<RecordChange[]> {
  const [article, statements, annotations] = await Promise.all([
    db.articles.get(articleId),
    db.statements.where('articleId').equals(articleId).toArray(),
    db.annotations.where('articleId').equals(articleId).toArray(),
  ]);
  if (!article) return [];
  const ids = statements.map((s) => s.id);
  const [from, to, stances, alignedA, alignedB] = await Promise.all([
    db.links.where('fromStatementId').anyOf(ids).toArray(),
    db.links.where('toStatementId').anyOf(ids).toArray(),
    db.claimStatements.where('statementId').anyOf(ids).toArray(),
    db.alignments.where('aStatementId').anyOf(ids).toArray(),
    db.alignments.where('bStatementId').anyOf(ids).toArray(),
  ]);
  const rows = (table: SyncedTable, values: { id: string }[]): RecordChange[] =>
    [...new Map(values.map((v) => [v.id, v])).values()].map((v) => ({
      table,
      id: v.id,
      value: v as SyncRecord,
    }));
  return [
    ...rows('articles', [article]),
    ...rows('statements', statements),
    ...rows('annotations', annotations),
    ...rows('links', [...from, ...to]),
    ...rows('claimStatements', stances),
    ...rows('alignments', [...alignedA, ...alignedB]),
  ];
}

/** Hooks the synced tables of one database. Hooks are installed only while something is watching. */
export function createSyncBridge(db: CorroborateDB): SyncBridge {
  const fromSync = new WeakSet<Transaction>();
  const listeners = new Set<(changes: RecordChange[], edit: LocalEdit | null) => void>();
  const touched = new WeakMap<Transaction, Map<string, RecordChange>>();
  const labels = new WeakMap<Transaction, LocalEdit>();
  let unhook: (() => void) | null = null;

  /** Keeps the record as this transaction leaves it; the listeners get them all once it commits. */
  const note: Note = (trans, table, id, value) => {
    if (fromSync.has(trans) || typeof id !== 'string') return;
    let ids = touched.get(trans);
    if (!ids) {
      const fresh = new Map<string, RecordChange>();
      touched.set(trans, fresh);
      ids = fresh;
      trans.on('complete', () => {
        const changes = [...fresh.values()];
        const edit = labels.get(trans) ?? null;
        for (const l of listeners) l(changes, edit);
      });
    }
    ids.set(`${table}\u0000${id}`, {
      table,
      id,
      value: value ? (Dexie.deepClone(value) as SyncRecord) : null,
    });
  };

  return {
    watch(listener) {
      listeners.add(listener);
      unhook ??= installHooks(db, note, (trans, edit) => labels.set(trans, edit));
      return () => {
        listeners.delete(listener);
        if (listeners.size === 0 && unhook) {
          unhook();
          unhook = null;
        }
      };
    },
    async applyRemote(input) {
      if (Array.isArray(input) && !input.length) return;
      await db.transaction(
        'rw',
        [...SYNCED_TABLES].map((t) => db.table(t)),
        async () => {
          if (Dexie.currentTransaction) fromSync.add(Dexie.currentTransaction);
          await writeChanges(db, typeof input === 'function' ? input() : input);
        },
      );
    },
    async readAll() {
      const out: RecordChange[] = [];
      for (const table of SYNCED_TABLES) {
        const rows = (await db.table(table).toArray()) as SyncRecord[];
        for (const value of rows) out.push({ table, id: value.id, value });
      }
      return out;
    },
    replay: (seq, direction) => replayEdit(db, seq, direction),
    readArticle: (articleId) => readArticleIn(db, articleId),
    async read(table, ids) {
      const rows = (await db.table(table).bulkGet(ids)) as (SyncRecord | undefined)[];
      return rows.flatMap((value) => (value ? [{ table, id: value.id, value }] : []));
    },
  };
}
