// Builds a dossier from extracted source files without the GUI: the same records the app stores on import.
import { randomUUID } from 'node:crypto';
import type { Article, ImportRecord } from '../shared/domain';
import { emptyDossier, type Dossier } from '../shared/dossier';
import type { ExtractedArticle } from '../shared/extraction';
import { articleFromExtracted, SourceResolver, statementsFromExtracted } from '../shared/records';

export interface RefusedFile {
  fileName: string;
  reason: string;
}

/**
 * One dossier holding every extracted article (a text seen twice is kept once and listed as a duplicate),
 * with an import record per file, refused ones included, so the provenance travels with the dossier.
 */
export function dossierFromExtracted(
  extracted: ExtractedArticle[],
  refused: RefusedFile[] = [],
  at = new Date().toISOString(),
  exportedBy = 'Corroborate CLI',
): Dossier {
  const d = emptyDossier(at, exportedBy);
  const batchId = randomUUID();
  const record = (row: Omit<ImportRecord, 'id' | 'batchId' | 'at'>) =>
    d.imports.push({ id: randomUUID(), batchId, at, ...row });
  const byText = new Map<string, Article>();
  const sources = new SourceResolver(d.sources, randomUUID, at);
  for (const x of extracted) {
    const seen = byText.get(x.textSha256);
    if (seen) {
      record({
        fileName: x.fileName,
        format: x.format,
        outcome: 'duplicate',
        articleId: seen.id,
        title: seen.title,
        statementCount: 0,
        reason: `same text as “${seen.title}”`,
      });
      continue;
    }
    const article = articleFromExtracted(x, randomUUID(), at);
    byText.set(x.textSha256, article);
    d.articles.push(article);
    const statements = statementsFromExtracted(x, article.id, sources, randomUUID, at);
    d.statements.push(...statements);
    record({
      fileName: x.fileName,
      format: x.format,
      outcome: 'imported',
      articleId: article.id,
      title: article.title,
      statementCount: statements.length,
      reason: null,
    });
  }
  for (const r of refused)
    record({
      fileName: r.fileName,
      format: null,
      outcome: 'refused',
      articleId: null,
      title: null,
      statementCount: 0,
      reason: r.reason,
    });
  d.scope = { whole: true, articleIds: [], tagIds: [], claimIds: [] };
  return d;
}
