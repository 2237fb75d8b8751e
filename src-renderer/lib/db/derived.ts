// Derived tables kept in step with articles, statements, sources and annotations by a Dexie middleware: library
// rows with statement counts, per-source counts and match keys, text sketches, per-article annotation counts and
// per-(source, article) counts (source-articles-derived.ts). Every write path (import, dossier, undo, backups) goes
// through it, inside the same transaction, so lists never read whole tables.
import Dexie from 'dexie';
import type {
  DBCore,
  DBCoreKeyRange,
  DBCoreMutateRequest,
  DBCoreMutateResponse,
  DBCoreTable,
  DBCoreTransaction,
  Middleware,
} from 'dexie';
import type { Annotation, Article, Source, Statement } from '../../../src-main/shared/domain';
import { matchKeys, sketchBands } from './match-keys';
import { loggingTable, SEARCHED } from './search-log';
import { generationTable, RECORDED } from './workspace-generation';
import { observedTable } from './observed-table';
import { SLICE_MS } from './slices';
import {
  type Core,
  type Deltas,
  type Step,
  add,
  applyCountDeltas,
  clearTable,
  getRows,
  heldValues,
  done,
  isClear,
  isDelete,
  put,
  RANGE_ANY,
  relaysOf,
  remove,
  valuesInRange,
} from './derived-core';
import { keepSourceArticles, SOURCE_ARTICLES, stampSourceArticles } from './source-articles-derived';

export { relaysOf };

/** One library row: what the article lists show, without the text. */
export interface ArticleRow {
  id: string;
  title: string;
  outlet: string | null;
  publishedAt: string | null;
  format: Article['format'];
  importedAt: string;
  versionOf: string | null;
  statementCount: number;
  /** The newer version that replaces this one (null for the current version): old versions leave the lists. */
  supersededBy?: string | null;
}

/** Per source: how many statements it speaks and relays, and the keys a speaker name is looked up by. */
export interface SourceRow {
  id: string;
  statements: number;
  /** Statements whose relay chain names this source (once per statement); absent before schema version 7. */
  relaying?: number;
  matchKeys: string[];
}

export interface ArticleSketch {
  id: string;
  bands: string[];
}

/** Per article with annotations (schema version 9): how many it has, and how many of them are orphaned. */
export interface AnnotationCount {
  id: string;
  annotations: number;
  orphans: number;
}

export const DERIVED_TABLES = ['articleRows', 'sourceRows', 'articleSketches', 'searchIndex'] as const;
/** Derived from version 9 on; kept only when the database has it. */
const ANNOTATION_COUNTS = 'annotationCounts';
const WATCHED = new Set(['articles', 'statements', 'sources', 'annotations']);
/**
 * Tables whose bulk writes are not split into pieces Dexie reports key by key (observed-table.ts): no live query
 * or listener needs the keys of the corroboration index's records (the worker keeps its own copy). Reported key
 * by key, the catch-up after a 1,000-file import had every live query merge 40,000 keys into its set of changes,
 * tasks of up to 720 ms; reported as a change of the table, each write costs them one range.
 */
const UNSPLIT = new Set(['corroborationKeys']);

export function articleRowOf(
  a: Article,
  statementCount: number,
  supersededBy: string | null = null,
): ArticleRow {
  const { id, title, outlet, publishedAt, format, importedAt, versionOf } = a;
  return { id, title, outlet, publishedAt, format, importedAt, versionOf, statementCount, supersededBy };
}

export const sourceRowOf = (s: Source, statements: number, relaying = 0): SourceRow => ({
  id: s.id,
  statements,
  relaying,
  matchKeys: matchKeys(s),
});

type Row = Record<string, unknown>;

/** Adds each field's `deltas` to the count fields of the rows of `table`, creating placeholder rows when missing. */
function applyCounts(
  core: Core,
  trans: DBCoreTransaction,
  table: 'articleRows' | 'sourceRows',
  deltas: Record<string, Deltas>,
): Step {
  return applyCountDeltas<Row, string>(core, trans, {
    table,
    deltas,
    dropEmpty: false,
    rows: (ids, counts, stored) =>
      ids.map((id, i) => ({
        ...(stored[i] ?? (table === 'sourceRows' ? { id, matchKeys: [] } : { id })),
        ...counts[i],
      })),
  });
}

function zeroCounts(core: Core, trans: DBCoreTransaction): Step {
  const all = { type: RANGE_ANY } as DBCoreKeyRange;
  const zero = (table: string, fields: string[]) =>
    valuesInRange<Row>(core.raw.table(table), trans, all).then((stored) => {
      // Rows the transaction holds back are newer than the stored ones.
      const rows = new Map(stored.map((r) => [r.id, r]));
      for (const r of heldValues<Row>(trans, table)) rows.set(r.id, r);
      return put(
        core,
        trans,
        table,
        [...rows.values()].map((r) => ({ ...r, ...Object.fromEntries(fields.map((f) => [f, 0])) })),
      );
    });
  return zero('articleRows', ['statementCount']).then(() => zero('sourceRows', ['statements', 'relaying']));
}

/** Each article's annotation and orphan counts, or their changes (`n` = -1 for removed annotations). */
export function countAnnotations(
  annotations: Iterable<Pick<Annotation, 'articleId' | 'orphaned'>>,
  n = 1,
  counts: { all: Deltas; orphans: Deltas } = { all: new Map(), orphans: new Map() },
) {
  for (const a of annotations) {
    add(counts.all, a.articleId, n);
    if (a.orphaned) add(counts.orphans, a.articleId, n);
  }
  return counts;
}

/** Rows of the articles left with annotations, none for the others: the table stays as small as its use. */
export const annotationCountRows = (
  ids: Iterable<string>,
  counts: { all: Deltas; orphans: Deltas },
): AnnotationCount[] =>
  [...ids]
    .map((id) => ({ id, annotations: counts.all.get(id) ?? 0, orphans: counts.orphans.get(id) ?? 0 }))
    .filter((r) => r.annotations > 0);

function afterAnnotations(
  core: Core,
  req: DBCoreMutateRequest,
  before: Annotation[],
  after: Annotation[],
): Step {
  const { trans } = req;
  if (!core.has(ANNOTATION_COUNTS)) return done();
  if (isClear(req)) return clearTable(core, trans, ANNOTATION_COUNTS);
  const delta = countAnnotations(after, 1, countAnnotations(before, -1));
  return applyCountDeltas<AnnotationCount, 'annotations' | 'orphans'>(core, trans, {
    table: ANNOTATION_COUNTS,
    deltas: { annotations: delta.all, orphans: delta.orphans },
    dropEmpty: true,
    rows: (ids, counts) => ids.map((id, i) => ({ id, ...counts[i]! })),
  });
}

/** The records a put, delete or range delete will replace or remove, read before the write. */
function previous<T>(table: DBCoreTable, req: DBCoreMutateRequest): Promise<T[]> {
  if (req.type === 'add') return Dexie.Promise.resolve([]);
  if (req.type === 'deleteRange') {
    if (req.range.type === RANGE_ANY) return Dexie.Promise.resolve([]);
    return valuesInRange<T>(table, req.trans, req.range);
  }
  const keys = req.type === 'put' ? (req.keys ?? req.values.map((v: { id: string }) => v.id)) : req.keys;
  return table
    .getMany({ trans: req.trans, keys })
    .then((rows: (T | undefined)[]) => rows.filter((r): r is T => !!r));
}

function written<T>(req: DBCoreMutateRequest, res: DBCoreMutateResponse): T[] {
  if (req.type !== 'add' && req.type !== 'put') return [];
  return (req.values as T[]).filter((_, i) => !res.failures[i]);
}

function afterStatements(
  core: Core,
  req: DBCoreMutateRequest,
  before: Statement[],
  after: Statement[],
): Step {
  if (isClear(req))
    return zeroCounts(core, req.trans).then(() => keepSourceArticles(core, req, before, after));
  const byArticle: Deltas = new Map();
  const bySpeaker: Deltas = new Map();
  const byRelay: Deltas = new Map();
  const count = (statements: Statement[], n: number) => {
    for (const s of statements) {
      add(byArticle, s.articleId, n);
      add(bySpeaker, s.speakerId, n);
      for (const id of relaysOf(s)) add(byRelay, id, n);
    }
  };
  count(before, -1);
  count(after, 1);
  return applyCounts(core, req.trans, 'articleRows', { statementCount: byArticle })
    .then(() => applyCounts(core, req.trans, 'sourceRows', { statements: bySpeaker, relaying: byRelay }))
    .then(() => keepSourceArticles(core, req, before, after));
}

function afterArticles(core: Core, req: DBCoreMutateRequest, before: Article[], after: Article[]): Step {
  const { trans } = req;
  if (isClear(req)) {
    return clearTable(core, trans, 'articleRows').then(() => clearTable(core, trans, 'articleSketches'));
  }
  if (isDelete(req)) {
    const ids = before.map((a) => a.id);
    return remove(core, trans, 'articleRows', ids)
      .then(() => remove(core, trans, 'articleSketches', ids))
      .then(() => relinkVersions(core, trans, before, []));
  }
  const ids = after.map((a) => a.id);
  let known: (ArticleRow | undefined)[] = [];
  return getRows<ArticleRow>(core, trans, 'articleRows', ids)
    .then((rows: (ArticleRow | undefined)[]) => {
      known = rows;
      // A record written with a known id (sync) may arrive after its newer version: ask the versionOf index.
      return Dexie.Promise.all(
        after.map((a, i) =>
          rows[i] || req.type !== 'put' ? (rows[i]?.supersededBy ?? null) : newerVersionOf(core, trans, a.id),
        ),
      ).then((by: (string | null)[]) =>
        put(
          core,
          trans,
          'articleRows',
          after.map((a, i) => articleRowOf(a, rows[i]?.statementCount ?? 0, by[i] ?? null)),
        ),
      );
    })
    .then(() => relinkVersions(core, trans, before, after))
    .then(() => stampSourceArticles(core, trans, after, known))
    .then(() => core.raw.table('articleSketches').getMany({ trans, keys: ids }))
    .then((sketches: (ArticleSketch | undefined)[]) => {
      // The text never changes after import: a sketch, once written, stays right.
      return putSketches(
        core,
        trans,
        after.filter((_, i) => !sketches[i]),
      );
    });
}

/**
 * Writes the text sketches of `articles` a slice of main-thread time at a time (each slice written before the next
 * is worked out, in the task its write's answer comes back in): an import batch's forty sketches worked out at once
 * held the page for over 100 ms on a loaded machine.
 */
function putSketches(core: Core, trans: DBCoreTransaction, articles: Article[], from = 0): Step {
  if (from >= articles.length) return done();
  const started = performance.now();
  const rows: ArticleSketch[] = [];
  let i = from;
  while (i < articles.length && (rows.length === 0 || performance.now() - started < SLICE_MS)) {
    const a = articles[i++]!;
    rows.push({ id: a.id, bands: sketchBands(a.text) });
  }
  return put(core, trans, 'articleSketches', rows).then(() => putSketches(core, trans, articles, i));
}

/** The article recorded as a newer version of `id`, if one is stored (one look-up in the versionOf index). */
function newerVersionOf(core: Core, trans: DBCoreTransaction, id: string): Promise<string | null> {
  const table = core.raw.table('articles');
  const index = table.schema.getIndexByKeyPath('versionOf');
  if (!index) return Dexie.Promise.resolve(null);
  return table
    .query({ trans, values: false, limit: 1, query: { index, range: { type: 1, lower: id, upper: id } } })
    .then((res) => (res.result[0] as string | undefined) ?? null);
}

/**
 * Keeps `supersededBy` on the library rows: an article written with `versionOf: X` marks X's row as replaced
 * by it; one whose link goes away (undo, deletion) frees X's row again.
 */
function relinkVersions(core: Core, trans: DBCoreTransaction, before: Article[], after: Article[]): Step {
  const set = new Map<string, string | null>();
  const kept = new Map(after.map((a) => [a.id, a.versionOf]));
  for (const b of before)
    if (b.versionOf && kept.get(b.id) !== b.versionOf && !set.has(b.versionOf)) set.set(b.versionOf, null);
  for (const a of after) if (a.versionOf) set.set(a.versionOf, a.id);
  const ids = [...set.keys()];
  if (!ids.length) return done();
  return getRows<ArticleRow>(core, trans, 'articleRows', ids).then((rows: (ArticleRow | undefined)[]) => {
    const next: ArticleRow[] = [];
    ids.forEach((id, i) => {
      const row = rows[i];
      const by = set.get(id) ?? null;
      // Freeing a row only undoes this article's own mark (a later version may have re-marked it).
      if (!row || (by === null && !before.some((b) => b.id === row.supersededBy))) return;
      next.push({ ...row, supersededBy: by });
    });
    return put(core, trans, 'articleRows', next);
  });
}

function afterSources(core: Core, req: DBCoreMutateRequest, before: Source[], after: Source[]): Step {
  const { trans } = req;
  if (isClear(req)) return clearTable(core, trans, 'sourceRows');
  if (isDelete(req))
    return remove(
      core,
      trans,
      'sourceRows',
      before.map((s) => s.id),
    );
  return getRows<SourceRow>(
    core,
    trans,
    'sourceRows',
    after.map((s) => s.id),
  ).then((rows) =>
    put(
      core,
      trans,
      'sourceRows',
      after.map((s, i) => sourceRowOf(s, rows[i]?.statements ?? 0, rows[i]?.relaying ?? 0)),
    ),
  );
}

const AFTER = {
  articles: afterArticles,
  statements: afterStatements,
  sources: afterSources,
  annotations: afterAnnotations,
} as const;

function derivedTable(core: Core, table: DBCoreTable): DBCoreTable {
  const after = AFTER[table.name as keyof typeof AFTER] as (
    core: Core,
    req: DBCoreMutateRequest,
    before: unknown[],
    after: unknown[],
  ) => Step;
  const rawTable = core.raw.table(table.name);
  return {
    ...table,
    mutate: (req) => {
      // Statements, sources and annotations need what a write replaces; articles too, for the version links
      // they drop.
      const before = previous<unknown>(rawTable, req);
      return before.then((old) =>
        table.mutate(req).then((res) => after(core, req, old, written<unknown>(req, res)).then(() => res)),
      );
    },
  };
}

/**
 * Registers the middleware on `db`; it does nothing on a database opened at a version without the
 * derived tables. A second, innermost middleware only hands over the bare core for reads.
 */
export function useDerivedTables(db: Dexie): void {
  let raw: DBCore | null = null;
  const reader: Middleware<DBCore> = {
    stack: 'dbcore',
    name: 'corroborate-derived-reader',
    level: -100,
    create(down) {
      raw = down;
      return {};
    },
  };
  const writer: Middleware<DBCore> = {
    stack: 'dbcore',
    name: 'corroborate-derived',
    create(down) {
      const names = new Set(down.schema.tables.map((t) => t.name));
      if (!raw || !DERIVED_TABLES.every((t) => names.has(t))) return {};
      // The derived tables' own writes go down in observed pieces too.
      const core: Core = {
        table: (name) => observedTable(down.table(name)),
        raw,
        has: (name) => names.has(name),
      };
      const derived = [
        ...DERIVED_TABLES,
        ...[ANNOTATION_COUNTS, SOURCE_ARTICLES].filter((t) => names.has(t)),
      ];
      return {
        transaction(stores, mode, options) {
          const writes = mode === 'readwrite';
          const widen = writes && stores.some((s) => SEARCHED.has(s)) ? derived : [];
          const meta = writes && stores.some((s) => RECORDED.has(s)) ? ['meta'] : [];
          return down.transaction([...new Set([...stores, ...widen, ...meta])], mode, options);
        },
        table(name) {
          const observed = UNSPLIT.has(name) ? down.table(name) : observedTable(down.table(name));
          const table = RECORDED.has(name) ? generationTable(observed, () => down.table('meta')) : observed;
          if (!SEARCHED.has(name)) return table;
          const bumping = loggingTable(table, () => core.table('searchIndex'));
          return WATCHED.has(name) ? derivedTable(core, bumping) : bumping;
        },
      };
    },
  };
  db.use(reader);
  db.use(writer);
}
