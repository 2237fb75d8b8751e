// Storing imported articles: one transaction writes a batch of articles, their statements and any new
// sources, so a failed or cancelled import leaves nothing half-written. Speakers are matched against the
// few sources that share a match key (an index look-up), never against the whole registry.
import type { Article, Source } from '../../../src-main/shared/domain';
import type { ExtractedArticle } from '../../../src-main/shared/extraction';
import {
  articleFromExtracted,
  SourceResolver,
  statementsFromExtracted,
} from '../../../src-main/shared/records';
import { type CorroborateDB, newId, now } from './db';
import { matchKeys } from './match-keys';

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

/** The sources any speaker or relay of `extracted` could match: those sharing one of its match keys. */
export async function candidateSources(db: CorroborateDB, extracted: ExtractedArticle): Promise<Source[]> {
  const keys = new Set<string>();
  for (const s of extracted.statements)
    for (const ref of [s.speaker, ...s.via]) if (ref) for (const k of matchKeys(ref)) keys.add(k);
  if (keys.size === 0) return [];
  // A database still at an old schema version (upgrade tests) has no index: compare with every source.
  if (!hasMatchIndex(db)) return db.sources.toArray();
  const ids = await db.sourceRows
    .where('matchKeys')
    .anyOf([...keys])
    .primaryKeys();
  const sources = await db.sources.bulkGet([...new Set(ids)]);
  return sources.filter((s): s is Source => !!s);
}

/** Stores one article inside the caller's transaction. */
async function storeOne(
  db: CorroborateDB,
  extracted: ExtractedArticle,
  overrides: Overrides,
): Promise<StoreOutcome> {
  const existing = await db.articles.where('textSha256').equals(extracted.textSha256).first();
  if (existing) return { outcome: 'duplicate', article: existing };
  const at = now();
  const article: Article = { ...articleFromExtracted(extracted, newId(), at), ...overrides };
  const sources = new SourceResolver(await candidateSources(db, extracted), newId, at);
  const statements = statementsFromExtracted(extracted, article.id, sources, newId, at);
  await db.articles.add(article);
  await db.statements.bulkAdd(statements);
  if (sources.changed.size) await db.sources.bulkPut([...sources.changed.values()]);
  return { outcome: 'imported', article, statementCount: statements.length };
}

export async function storeExtractedArticle(
  db: CorroborateDB,
  extracted: ExtractedArticle,
  overrides: Overrides = {},
): Promise<StoreOutcome> {
  return db.transaction('rw', writeScope(db), () => storeOne(db, extracted, overrides));
}

/**
 * Stores a batch in one transaction (one commit for many small articles). When the batch fails, each
 * article is tried on its own, so one bad record costs only itself; the error of each failure is returned.
 */
export async function storeExtractedArticles(
  db: CorroborateDB,
  batch: ExtractedArticle[],
): Promise<(StoreOutcome | Error)[]> {
  try {
    return await db.transaction('rw', writeScope(db), async () => {
      const out: StoreOutcome[] = [];
      for (const x of batch) out.push(await storeOne(db, x, {}));
      return out;
    });
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
