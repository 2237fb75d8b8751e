// The workspace database (Dexie on IndexedDB). Only modules under lib/db touch its tables.
import Dexie, { type EntityTable, type IndexableType, type Table } from 'dexie';
import type {
  Annotation,
  Article,
  Claim,
  ClaimStatement,
  ImportRecord,
  Link,
  Source,
  Statement,
  Tag,
} from '../../../src-main/shared/domain';
import { DossierTableName } from '../../../src-main/shared/dossier/schema';
import { DB_NAME, declareVersions } from './schema';
import {
  useDerivedTables,
  type AnnotationCount,
  type ArticleRow,
  type ArticleSketch,
  type SourceRow,
} from './derived';
import type { SourceArticle } from './source-articles-derived';
import { noteLibraryWrites } from './library-reader';
import { mirroredKeys, useIndexMirrors } from './index-mirror';
import type { CorroborationRecord } from '../../../src-main/shared/compare/corroboration/signature';

export interface Alignment {
  id: string;
  aStatementId: string;
  bStatementId: string;
  state: 'aligned' | 'unaligned';
  updatedAt: string;
}

/** One undoable edit: the records of each table before and after it. */
export interface HistoryEntry {
  seq?: number;
  at: string;
  label: string;
  changes: { table: string; id: string; before: unknown; after: unknown }[];
  undone: 0 | 1;
}

export interface MetaRow {
  key: string;
  value: unknown;
}

/** A candidate claim the analyst dismissed, by its cluster key. */
export interface CandidateDismissal {
  key: string;
  at: string;
}

export type CorroborateDB = Dexie & {
  articles: EntityTable<Article, 'id'>;
  statements: EntityTable<Statement, 'id'>;
  sources: EntityTable<Source, 'id'>;
  annotations: EntityTable<Annotation, 'id'>;
  tags: EntityTable<Tag, 'id'>;
  links: EntityTable<Link, 'id'>;
  claims: EntityTable<Claim, 'id'>;
  claimStatements: EntityTable<ClaimStatement, 'id'>;
  imports: EntityTable<ImportRecord, 'id'>;
  alignments: EntityTable<Alignment, 'id'>;
  history: EntityTable<HistoryEntry, 'seq'>;
  meta: EntityTable<MetaRow, 'key'>;
  articleRows: EntityTable<ArticleRow, 'id'>;
  sourceRows: EntityTable<SourceRow, 'id'>;
  articleSketches: EntityTable<ArticleSketch, 'id'>;
  annotationCounts: EntityTable<AnnotationCount, 'id'>;
  sourceArticles: Table<SourceArticle, [string, string]>;
  searchIndex: EntityTable<SearchIndexChunk, 'key'>;
  corroborationKeys: EntityTable<CorroborationRecord, 'statementId'>;
  candidateDismissals: EntityTable<CandidateDismissal, 'key'>;
};

/** One chunk of the persisted search index (MiniSearch's JSON, split so no single write is huge). */
export interface SearchIndexChunk {
  key: string;
  value: string;
}

/**
 * Dexie copies the keys of every committed write to a BroadcastChannel, for other windows and tabs of the same
 * origin to wake their live queries: a structured clone of each commit's key ranges, 1.5 s of a profiled
 * 1,000-file drop's main thread, most of it inside tasks over 100 ms. Nothing here listens: the app has one window
 * (Electron's single-instance lock), its workers open no Dexie, and a second tab of the browser shell (a
 * development shell) re-reads on its own next query. This page's own listeners (`storagemutated`, live queries)
 * are told as before: only the channel's subscriber, the one that posts, is taken off.
 */
let propagationStopped = false;
export function stopCrossWindowPropagation(): void {
  // Once, before any listener of the app's own subscribes: only Dexie's subscribers are there to look at.
  if (propagationStopped) return;
  propagationStopped = true;
  const event = Dexie.on.storagemutated as unknown as { subscribers?: ((parts: unknown) => void)[] };
  for (const fn of event.subscribers ?? [])
    if (String(fn).includes('.postMessage(')) Dexie.on.storagemutated.unsubscribe(fn);
}

export function openDatabase(name = DB_NAME, upToVersion?: number): CorroborateDB {
  stopCrossWindowPropagation();
  const db = new Dexie(name) as CorroborateDB;
  declareVersions(db, upToVersion);
  useDerivedTables(db);
  useIndexMirrors(db);
  noteLibraryWrites(db);
  return db;
}

/** The dossier's record tables (one list, so the two cannot drift apart) plus manual alignments. */
export const WORKSPACE_TABLES = [...DossierTableName.options, 'alignments'] as const;
export type WorkspaceTable = (typeof WORKSPACE_TABLES)[number];

export function newId(): string {
  return crypto.randomUUID();
}

export function now(): string {
  return new Date().toISOString();
}

/**
 * A bulk add (or put) whose keys live queries and the search index learn: the derived-table middleware hands
 * any write of many records down in pieces small enough for Dexie to report their keys (see OBSERVED in
 * derived.ts), not as a change of the whole table. One call, so the middleware's bookkeeping runs once.
 */
export async function writeObserved<T>(table: Table<T>, values: T[], how: 'add' | 'put'): Promise<void> {
  if (values.length) await (how === 'add' ? table.bulkAdd(values) : table.bulkPut(values));
}

/** Whether `table` holds any record: one key read, where `count()` walks the whole table (seconds at 400,000). */
export async function hasRecords<T, K>(table: Table<T, K>): Promise<boolean> {
  return (await table.limit(1).primaryKeys()).length > 0;
}

/** `bulkDelete`, reported key by key in the same way. */
export async function deleteObserved<K>(table: Table<unknown, K>, keys: K[]): Promise<void> {
  if (keys.length) await table.bulkDelete(keys);
}

/**
 * The records whose `index` holds any of `values`: one index look-up per value, all sent at once, which
 * IndexedDB serves together; Dexie's `anyOf` walks a cursor instead, one round trip per key and per record
 * (hundreds in a row for an import batch). A record matching several values comes back once per value.
 */
export function recordsWithAny<T, K, I>(
  table: Table<T, K, I>,
  index: string,
  values: readonly IndexableType[],
): Promise<T[]> {
  // One transaction for all the look-ups (the caller's, when called inside one), not one each.
  return table.db
    .transaction('r', table, () =>
      Dexie.Promise.all(values.map((v) => table.where(index).equals(v).toArray())),
    )
    .then((lists) => lists.flat());
}

/**
 * Look-ups sent at once, at most: each costs a little main-thread time to send (a profiled 300-file drop spent
 * more time in sending look-ups than in anything else inside its tasks over 100 ms at 250), so they go in turns.
 */
const LOOK_UPS_AT_ONCE = 64;

/** The primary keys of `recordsWithAny` (nothing else read). */
export function keysWithAny<T, K, I>(
  table: Table<T, K, I>,
  index: string,
  values: readonly IndexableType[],
): Promise<K[]> {
  return keysForEach(table, index, values).then((lists) => lists.flat());
}

/**
 * For each of `values`, the primary keys of the records whose `index` holds it (lists in the order of `values`):
 * the look-ups of `keysWithAny`, kept apart, for callers that ask for many items' values at once. Answered from
 * memory for an index an import holds (`holdIndexMirrors`), otherwise by IndexedDB, one request per value.
 */
export function keysForEach<T, K, I>(
  table: Table<T, K, I>,
  index: string,
  values: readonly IndexableType[],
): Promise<K[][]> {
  // An import holds in-memory copies of the indexes it looks up most (index-mirror.ts): no request at all.
  const held = mirroredKeys(table.db, table.name, index, values);
  if (held) return Dexie.Promise.resolve(held as K[][]);
  const lists: K[][] = [];
  const turn = (from: number): Promise<K[][]> =>
    from >= values.length
      ? Dexie.Promise.resolve(lists)
      : Dexie.Promise.all(
          values.slice(from, from + LOOK_UPS_AT_ONCE).map((v) => table.where(index).equals(v).primaryKeys()),
        ).then((answers) => {
          lists.push(...answers);
          return turn(from + LOOK_UPS_AT_ONCE);
        });
  return table.db.transaction('r', table, () => turn(0));
}
