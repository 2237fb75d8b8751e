// The shared dossier's Y.Doc: one map per table of records (each a map of fields), article texts by hash, history.
import * as Y from 'yjs';
import { SYNCED_TABLES, type RecordChange, type SyncedTable, type SyncRecord } from '../db/sync-bridge';

/** Edits this analyst made and may undo; remote and stored updates carry other origins. */
export const LOCAL_ORIGIN = Symbol('corroborate-local');
/** Writes this machine made that are not the analyst's undoable edits (publishing the workspace, imports). */
export const LOCAL_SYSTEM_ORIGIN = Symbol('corroborate-local-system');

/** Whether a transaction came from this machine's workspace (it is already there: nothing to mirror back). */
export const isLocalOrigin = (origin: unknown) => origin === LOCAL_ORIGIN || origin === LOCAL_SYSTEM_ORIGIN;

/** Tables whose edits are kept per author, so the loser of a concurrent edit stays visible. */
const TRACKED = new Set<SyncedTable>([
  'annotations',
  'sources',
  'tags',
  'links',
  'claims',
  'claimStatements',
]);

export interface HistoryVersion {
  by: string;
  at: string;
  /** The fields this edit set (null: the record was deleted). */
  fields: Record<string, unknown> | null;
}

type RecordMap = Y.Map<unknown>;

export function tableMap(doc: Y.Doc, table: SyncedTable): Y.Map<RecordMap> {
  return doc.getMap<RecordMap>(`t:${table}`);
}
const texts = (doc: Y.Doc) => doc.getMap<string>('texts');
const history = (doc: Y.Doc) => doc.getMap<Y.Array<HistoryVersion>>('history');

const same = (a: unknown, b: unknown) => a === b || JSON.stringify(a) === JSON.stringify(b);

/**
 * Writes committed local records into the doc in one transaction; `undoable` edits carry LOCAL_ORIGIN, the one
 * origin the analyst's undo tracks. Returns how many records changed.
 */
export function writeLocal(
  doc: Y.Doc,
  changes: RecordChange[],
  author: string,
  at: string,
  undoable = false,
): number {
  let changed = 0;
  doc.transact(
    () => {
      for (const c of changes) if (writeOne(doc, c, author, at)) changed++;
    },
    undoable ? LOCAL_ORIGIN : LOCAL_SYSTEM_ORIGIN,
  );
  return changed;
}

export interface LocalUndo {
  /** Names the step being written (the label of the edit). */
  label: (text: string) => void;
  /** Undoes this analyst's latest step; returns its label, or null when there is none. */
  undo: () => string | null;
  redo: () => string | null;
  destroy: () => void;
}

/**
 * This analyst's undo in a shared dossier: only their own edits (LOCAL_ORIGIN), one step per edit, on the record
 * tables (the history of versions stays). A field another analyst changed since keeps their value, their edits
 * are never steps of this undo, and a record they have edited is no longer this analyst's to take back: the step
 * that created it is dropped (undoing it would delete their edit with the record).
 */
export function localUndo(doc: Y.Doc): LocalUndo {
  const manager = new Y.UndoManager(
    SYNCED_TABLES.map((t) => tableMap(doc, t)),
    { trackedOrigins: new Set([LOCAL_ORIGIN]), captureTimeout: 0 },
  );
  let next = '';
  manager.on('stack-item-added', ({ stackItem }) => {
    if (!manager.undoing && !manager.redoing) stackItem.meta.set('label', next);
  });
  const othersEdits = (events: Y.YEvent<Y.AbstractType<unknown>>[], tr: Y.Transaction) => {
    if (isLocalOrigin(tr.origin) || tr.origin === manager) return;
    for (const ev of events) {
      if (ev.path.length === 0) continue;
      const created = (ev.currentTarget as Y.Map<RecordMap>).get(String(ev.path[0]))?._item?.id;
      if (!created) continue;
      const stack = manager.undoStack;
      for (let i = stack.length - 1; i >= 0; i--)
        if (Y.isDeleted(stack[i]!.insertions, created)) stack.splice(i, 1);
    }
  };
  const tables = SYNCED_TABLES.map((t) => tableMap(doc, t));
  for (const t of tables) t.observeDeep(othersEdits);
  /** Runs one undo or redo; the step it adds to the other stack keeps the label of the step it came from. */
  const step = (
    run: () => { meta: Map<unknown, unknown> } | null,
    other: () => { meta: Map<unknown, unknown> }[],
  ) => {
    const done = run();
    if (!done) return null;
    const label = String(done.meta.get('label') ?? '');
    other().at(-1)?.meta.set('label', label);
    return label || 'your last edit';
  };
  return {
    label: (text) => (next = text),
    undo: () =>
      step(
        () => manager.undo(),
        () => manager.redoStack,
      ),
    redo: () =>
      step(
        () => manager.redo(),
        () => manager.undoStack,
      ),
    destroy: () => {
      for (const t of tables) t.unobserveDeep(othersEdits);
      manager.destroy();
    },
  };
}

function writeOne(doc: Y.Doc, { table, id, value }: RecordChange, author: string, at: string): boolean {
  const map = tableMap(doc, table);
  const current = map.get(id);
  if (!value) {
    if (!current) return false;
    map.delete(id);
    if (TRACKED.has(table)) appendHistory(doc, table, id, { by: author, at, fields: null });
    return true;
  }
  const fields: Record<string, unknown> = { ...value };
  if (table === 'articles' && typeof fields.text === 'string' && typeof fields.textSha256 === 'string') {
    // The text is immutable: sent once per hash, whatever happens to the article record.
    if (!texts(doc).has(fields.textSha256)) texts(doc).set(fields.textSha256, fields.text);
    delete fields.text;
  }
  const record = current ?? new Y.Map<unknown>();
  const set: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(fields)) {
    if (v === undefined || (current && same(record.get(k), v))) continue;
    set[k] = v;
  }
  const removed = current ? [...record.keys()].filter((k) => !(k in fields) || fields[k] === undefined) : [];
  if (current && Object.keys(set).length === 0 && removed.length === 0) return false;
  for (const [k, v] of Object.entries(set)) record.set(k, v);
  for (const k of removed) record.delete(k);
  if (!current) map.set(id, record);
  if (TRACKED.has(table)) appendHistory(doc, table, id, { by: author, at, fields: set });
  return true;
}

function appendHistory(doc: Y.Doc, table: SyncedTable, id: string, version: HistoryVersion): void {
  const key = `${table}:${id}`;
  let list = history(doc).get(key);
  if (!list) {
    list = new Y.Array<HistoryVersion>();
    history(doc).set(key, list);
  }
  list.push([version]);
}

/** Every version of a record, by every analyst, in the order the doc holds them (the losers of conflicts too). */
export function recordHistory(doc: Y.Doc, table: SyncedTable, id: string): HistoryVersion[] {
  return history(doc).get(`${table}:${id}`)?.toArray() ?? [];
}

/** The record as the workspace stores it, with references to deleted tags dropped. */
export function materialize(doc: Y.Doc, table: SyncedTable, id: string): SyncRecord | null {
  const record = tableMap(doc, table).get(id);
  if (!record) return null;
  const value = record.toJSON() as SyncRecord;
  if (table === 'articles' && typeof value.textSha256 === 'string')
    value.text = texts(doc).get(value.textSha256) ?? '';
  if (table === 'annotations' && Array.isArray(value.tagIds)) {
    const tags = tableMap(doc, 'tags');
    const kept = (value.tagIds as string[]).filter((t) => tags.has(t));
    // Tagged only with tags deleted elsewhere and nothing else on it: the app would have deleted it too.
    const note = typeof value.note === 'string' ? value.note.trim() : '';
    if (kept.length === 0 && value.tagIds.length > 0 && note === '' && value.credibility == null) return null;
    value.tagIds = kept;
  }
  if (table === 'tags' && typeof value.parentId === 'string' && !tableMap(doc, 'tags').has(value.parentId))
    value.parentId = null;
  return value;
}

/** Ids of records touched by a set of Y events, by table (a deleted tag also touches annotations that used it). */
export function touchedRecords(
  doc: Y.Doc,
  events: Y.YEvent<Y.AbstractType<unknown>>[],
): { table: SyncedTable; id: string }[] {
  const keys = new Map<string, { table: SyncedTable; id: string }>();
  const add = (table: SyncedTable, id: string) => keys.set(`${table}\u0000${id}`, { table, id });
  let tagsDeleted = false;
  for (const ev of events) {
    const root = ev.transaction.doc === doc ? findTable(doc, ev) : null;
    if (!root) continue;
    if (ev.path.length === 0) {
      for (const [id, change] of ev.changes.keys) {
        add(root, id);
        if (root === 'tags' && change.action === 'delete') tagsDeleted = true;
      }
    } else add(root, String(ev.path[0]));
  }
  if (tagsDeleted) for (const [id] of tableMap(doc, 'annotations')) add('annotations', id);
  return [...keys.values()];
}

function findTable(doc: Y.Doc, ev: Y.YEvent<Y.AbstractType<unknown>>): SyncedTable | null {
  let type: Y.AbstractType<unknown> = ev.target;
  while (type.parent instanceof Y.AbstractType) type = type.parent as Y.AbstractType<unknown>;
  return SYNCED_TABLES.find((t) => tableMap(doc, t) === type) ?? null;
}

/** All records the doc holds (for a workspace joining a dossier). */
export function allRecords(doc: Y.Doc): RecordChange[] {
  return SYNCED_TABLES.flatMap((table) =>
    [...tableMap(doc, table).keys()].map((id) => ({ table, id, value: materialize(doc, table, id) })),
  );
}
