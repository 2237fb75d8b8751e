// Storing imported articles: one transaction writes a batch of articles, their statements and any new
// sources, so a failed or cancelled import leaves nothing half-written. Speakers are matched against the
// few sources that share a match key (an index look-up), never against the whole registry.
import Dexie from 'dexie';
import type { Article, Source, Statement } from '../../../src-main/shared/domain';
import type { ExtractedArticle } from '../../../src-main/shared/extraction';
import {
  articleFromExtracted,
  SourceResolver,
  statementsFromExtracted,
} from '../../../src-main/shared/records';
import { type CorroborateDB, keysWithAny, newId, now, recordsWithAny, writeObserved } from './db';
import { holdDerivedRows, takeHeldRows } from './derived-core';
import { matchKeys } from './match-keys';
import { SLICE_MS } from './slices';

export type StoreOutcome =
  | { outcome: 'imported'; article: Article; statementCount: number }
  | { outcome: 'duplicate'; article: Article };

type Overrides = Partial<Pick<Article, 'format' | 'fileName' | 'versionOf'>>;

const hasMatchIndex = (db: CorroborateDB) => db.tables.some((t) => t.name === 'sourceRows');
const writeScope = (db: CorroborateDB) => [
  'articles',
  'statements',
  'sources',
  ...(hasMatchIndex(db) ? ['sourceRows'] : []),
];

let lastImportedMs = 0;
/** Import times strictly increase, so articles stored by one batch keep the order they were dropped in. */
function nextImportedAt(): string {
  lastImportedMs = Math.max(Date.now(), lastImportedMs + 1);
  return new Date(lastImportedMs).toISOString();
}

/** The match keys of every speaker and relay of the given articles. */
function speakerKeys(batch: ExtractedArticle[]): Set<string> {
  const keys = new Set<string>();
  for (const extracted of batch)
    for (const s of extracted.statements)
      for (const ref of [s.speaker, ...s.via]) if (ref) for (const k of matchKeys(ref)) keys.add(k);
  return keys;
}

/** The sources any speaker or relay of `batch` could match: those sharing one of its match keys. */
export async function candidateSources(db: CorroborateDB, batch: ExtractedArticle[]): Promise<Source[]> {
  const keys = speakerKeys(batch);
  if (keys.size === 0) return [];
  // A database still at an old schema version (upgrade tests) has no index: compare with every source.
  if (!hasMatchIndex(db)) return db.sources.toArray();
  const ids = await keysWithAny(db.sourceRows, 'matchKeys', [...keys]);
  const sources = await db.sources.bulkGet([...new Set(ids)]);
  return sources.filter((s): s is Source => !!s);
}

/**
 * Stores articles inside the caller's transaction with one write per table: duplicates (same text as a stored
 * article or an earlier one of the batch) are found by one index look-up, and speakers are resolved against
 * the sources sharing a match key with any of them, so a source new in the batch is shared by its later
 * articles. Lists and counts follow through the derived-table middleware.
 */
async function storeMany(
  db: CorroborateDB,
  batch: ExtractedArticle[],
  overrides: Overrides,
): Promise<StoreOutcome[]> {
  // Library and source rows are worked out with every write below but written once, at the end (derived-core.ts).
  const trans = Dexie.currentTransaction?.idbtrans;
  if (trans) holdDerivedRows(trans);
  const hashes = [...new Set(batch.map((x) => x.textSha256))];
  const known = new Map<string, Article>();
  for (const a of await recordsWithAny(db.articles, 'textSha256', hashes))
    if (!known.has(a.textSha256)) known.set(a.textSha256, a);
  const at = now();
  const sources = new SourceResolver(await candidateSources(db, batch), newId, at);
  const outcomes: StoreOutcome[] = [];
  const articles: Article[] = [];
  const statements: Statement[] = [];
  let slice = performance.now();
  for (const extracted of batch) {
    const existing = known.get(extracted.textSha256);
    if (existing) {
      outcomes.push({ outcome: 'duplicate', article: existing });
      continue;
    }
    const article: Article = {
      ...articleFromExtracted(extracted, newId(), nextImportedAt()),
      ...overrides,
    };
    known.set(article.textSha256, article);
    const own = statementsFromExtracted(extracted, article.id, sources, newId, at);
    articles.push(article);
    statements.push(...own);
    outcomes.push({ outcome: 'imported', article, statementCount: own.length });
    // The records worked out so far are handed over before the page has been busy for long (written here, not
    // in a helper: each further level of async function between two writes risks an early commit).
    // Each task stays within a slice's budget (slices.ts).
    if (performance.now() - slice > SLICE_MS) {
      await writeObserved(db.articles, articles.splice(0), 'add');
      if (statements.length) await writeObserved(db.statements, statements.splice(0), 'add');
      slice = performance.now();
    }
  }
  // In pieces that keep the written keys known to live queries and the search index (see writeObserved). Only
  // awaits with a write behind them: a bare await followed by another write lets the transaction commit early.
  if (articles.length) await writeObserved(db.articles, articles, 'add');
  if (statements.length) await writeObserved(db.statements, statements, 'add');
  if (sources.changed.size) await db.sources.bulkPut([...sources.changed.values()]);
  // Straight Dexie writes: a native promise in between would lose the transaction's zone.
  if (trans) for (const [table, rows] of takeHeldRows(trans)) await db.table(table).bulkPut(rows);
  return outcomes;
}

export async function storeExtractedArticle(
  db: CorroborateDB,
  extracted: ExtractedArticle,
  overrides: Overrides = {},
): Promise<StoreOutcome> {
  const [out] = await db.transaction('rw', writeScope(db), () => storeMany(db, [extracted], overrides));
  return out!;
}

/**
 * Stores a batch in one transaction (one commit, one write per table, for many small articles). When the
 * batch fails, each article is tried on its own, so one bad record costs only itself; the error of each
 * failure is returned.
 */
export async function storeExtractedArticles(
  db: CorroborateDB,
  batch: ExtractedArticle[],
): Promise<(StoreOutcome | Error)[]> {
  try {
    return await db.transaction('rw', writeScope(db), () => storeMany(db, batch, {}));
  } catch (err) {
    if (batch.length === 1) return [err instanceof Error ? err : new Error(String(err))];
    const out: (StoreOutcome | Error)[] = [];
    for (const x of batch)
      out.push(
        await storeExtractedArticle(db, x).catch((e: unknown) =>
          e instanceof Error ? e : new Error(String(e)),
        ),
      );
    return out;
  }
}
