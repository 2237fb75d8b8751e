// Per source and article (schema version 10): how many statements the source speaks and relays there, and when
// the article was imported, kept by the derived-table middleware (derived.ts) in the writes' own transaction. A
// source's articles are then read a page at a time in import order, and counted on an index, instead of reading
// every statement the source speaks or relays (some 40,000 for the most quoted source at 10,000 articles).
import Dexie from 'dexie';
import type { DBCoreMutateRequest, DBCoreTransaction, Transaction } from 'dexie';
import type { Article, Statement } from '../../../src-main/shared/domain';
import {
  type Core,
  type Deltas,
  type Step,
  add,
  applyCountDeltas,
  clearTable,
  done,
  getRows,
  isClear,
  put,
  relaysOf,
} from './derived-core';

/** What these rows need of a library row (derived.ts's ArticleRow). */
interface Imported {
  id: string;
  importedAt: string;
}

export interface SourceArticle {
  sourceId: string;
  articleId: string;
  /** The article's import time, for the order ('' while the article itself is not written yet). */
  importedAt: string;
  spoken: number;
  relayed: number;
  /** 1 where the source speaks (spoken > 0), else 0: indexed, so the articles a source speaks in page apart. */
  speaks: 0 | 1;
}

export const SOURCE_ARTICLES = 'sourceArticles';

// Source and article ids are UUIDs: a NUL never occurs in them.
const keyOf = (sourceId: string, articleId: string) => `${sourceId}\u0000${articleId}`;
const idsOf = (key: string) => key.split('\u0000') as [string, string];

interface PairDeltas {
  spoken: Deltas;
  relayed: Deltas;
}

/** Per (source, article): the statements spoken and relayed, or their changes (`n` = -1 for removed ones). */
export function countPairs(
  statements: Iterable<Statement>,
  n = 1,
  d: PairDeltas = { spoken: new Map(), relayed: new Map() },
): PairDeltas {
  for (const s of statements) {
    if (s.speakerId) add(d.spoken, keyOf(s.speakerId, s.articleId), n);
    for (const id of relaysOf(s)) add(d.relayed, keyOf(id, s.articleId), n);
  }
  return d;
}

function rowOf(key: string, spoken: number, relayed: number, importedAt: string): SourceArticle {
  const [sourceId, articleId] = idsOf(key);
  return { sourceId, articleId, importedAt, spoken, relayed, speaks: spoken > 0 ? 1 : 0 };
}

/** After a write of statements: the rows of the pairs it changed (none left for a pair with no statement). */
export function keepSourceArticles(
  core: Core,
  req: DBCoreMutateRequest,
  before: Statement[],
  after: Statement[],
): Step {
  const { trans } = req;
  if (!core.has(SOURCE_ARTICLES)) return done();
  if (isClear(req)) return clearTable(core, trans, SOURCE_ARTICLES);
  return applyCountDeltas<SourceArticle, 'spoken' | 'relayed'>(core, trans, {
    table: SOURCE_ARTICLES,
    deltas: countPairs(after, 1, countPairs(before, -1)),
    keyOf: idsOf,
    read: (keys) => pairRows(core, trans, keys),
    dropEmpty: true,
    rows: (keys, counts, stored) => {
      const rows = (at: Map<string, string>) =>
        keys.map((k, i) => {
          const { spoken, relayed } = counts[i]!;
          return rowOf(k, spoken, relayed, stored[i]?.importedAt ?? at.get(idsOf(k)[1]) ?? '');
        });
      // A new pair takes its article's import time from the library row.
      const unknown = [...new Set(keys.filter((_, i) => !stored[i]).map((k) => idsOf(k)[1]))];
      if (!unknown.length) return rows(new Map());
      return getRows<Imported>(core, trans, 'articleRows', unknown).then((found) =>
        rows(new Map(unknown.map((id, i) => [id, found[i]?.importedAt ?? '']))),
      );
    },
  });
}

/**
 * The stored rows of the pairs `keys`, read by article (one request per article, on the articleId index) rather
 * than key by key: an import batch's statements name some eighteen pairs per article, and IndexedDB serves each
 * key of a getMany as a request of its own.
 */
function pairRows(
  core: Core,
  trans: DBCoreTransaction,
  keys: string[],
): Promise<(SourceArticle | undefined)[]> {
  const table = core.raw.table(SOURCE_ARTICLES);
  const index = table.schema.getIndexByKeyPath('articleId')!;
  const articleIds = [...new Set(keys.map((k) => idsOf(k)[1]))];
  return Dexie.Promise.all(
    articleIds.map((a) =>
      table
        .query({ trans, values: true, query: { index, range: { type: 1, lower: a, upper: a } } })
        .then((res) => res.result as SourceArticle[]),
    ),
  ).then((lists: SourceArticle[][]) => {
    const byKey = new Map(lists.flat().map((r) => [keyOf(r.sourceId, r.articleId), r]));
    return keys.map((k) => byKey.get(k));
  });
}

/**
 * After a write of articles: the import time of the rows of articles that are new or were re-imported with
 * another time (a record whose statements were written first, as a sync may do). `known`: their old library rows.
 */
export function stampSourceArticles(
  core: Core,
  trans: DBCoreTransaction,
  after: Article[],
  known: (Imported | undefined)[],
): Step {
  if (!core.has(SOURCE_ARTICLES)) return done();
  const changed = after.filter((a, i) => known[i]?.importedAt !== a.importedAt);
  if (!changed.length) return done();
  const table = core.raw.table(SOURCE_ARTICLES);
  const index = table.schema.getIndexByKeyPath('articleId')!;
  return Dexie.Promise.all(
    changed.map((a) =>
      table
        .query({ trans, values: true, query: { index, range: { type: 1, lower: a.id, upper: a.id } } })
        .then((res) =>
          (res.result as SourceArticle[])
            .filter((r) => r.importedAt !== a.importedAt)
            .map((r) => ({ ...r, importedAt: a.importedAt })),
        ),
    ),
  ).then((lists: SourceArticle[][]) => put(core, trans, SOURCE_ARTICLES, lists.flat()));
}

/** Statements read per request by the upgrade (a cursor walk costs a round trip per record: minutes at 400,000). */
const UPGRADE_PAGE = 5000;

/** The V10 upgrade: one pass over the statements, a page at a time, counts every (source, article) pair. */
export async function fillSourceArticles(tx: Transaction): Promise<void> {
  const d: PairDeltas = { spoken: new Map(), relayed: new Map() };
  const statements = tx.table<Statement, string>('statements');
  for (let last: string | null = null; ;) {
    const from = last === null ? statements.toCollection() : statements.where(':id').above(last);
    const page: Statement[] = await from.limit(UPGRADE_PAGE).toArray();
    countPairs(page, 1, d);
    if (page.length < UPGRADE_PAGE) break;
    last = page[page.length - 1]!.id;
  }
  const at = new Map(
    (await tx.table<Imported>('articleRows').toArray()).map((r) => [r.id, r.importedAt] as const),
  );
  const rows = [...new Set([...d.spoken.keys(), ...d.relayed.keys()])].map((k) =>
    rowOf(k, d.spoken.get(k) ?? 0, d.relayed.get(k) ?? 0, at.get(idsOf(k)[1]) ?? ''),
  );
  await tx.table(SOURCE_ARTICLES).bulkPut(rows);
}
