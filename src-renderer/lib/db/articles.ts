// Storing imported articles: one transaction writes the article, its statements and any new
// sources, so a failed or cancelled import leaves nothing half-written.
import type { Article } from '../../../src-main/shared/domain';
import type { ExtractedArticle } from '../../../src-main/shared/extraction';
import {
  articleFromExtracted,
  SourceResolver,
  statementsFromExtracted,
} from '../../../src-main/shared/records';
import { type CorroborateDB, newId, now } from './db';

export type StoreOutcome =
  | { outcome: 'imported'; article: Article; statementCount: number }
  | { outcome: 'duplicate'; article: Article };

export async function storeExtractedArticle(
  db: CorroborateDB,
  extracted: ExtractedArticle,
  overrides: Partial<Pick<Article, 'format' | 'fileName' | 'versionOf'>> = {},
): Promise<StoreOutcome> {
  return db.transaction('rw', [db.articles, db.statements, db.sources], async () => {
    const existing = await db.articles.where('textSha256').equals(extracted.textSha256).first();
    if (existing) return { outcome: 'duplicate', article: existing } as const;
    const at = now();
    const article: Article = { ...articleFromExtracted(extracted, newId(), at), ...overrides };
    const sources = new SourceResolver(await db.sources.toArray(), newId, at);
    const statements = statementsFromExtracted(extracted, article.id, sources, newId, at);
    await db.articles.add(article);
    await db.statements.bulkAdd(statements);
    if (sources.changed.size) await db.sources.bulkPut([...sources.changed.values()]);
    return { outcome: 'imported', article, statementCount: statements.length } as const;
  });
}
