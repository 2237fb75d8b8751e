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
 * with an import record per file, refused ones included (listed after the others), so the provenance travels
 * with the dossier. Articles are added one at a time as they are extracted; `dossier` grows as they come.
 */
export class DossierBuilder {
  readonly dossier: Dossier;
  /** Files added (imported or duplicate). */
  added = 0;
  private readonly batchId: string;
  /** Each article's id and title by the hash of its text (the article itself may be written and let go). */
  private readonly byText = new Map<string, Pick<Article, 'id' | 'title'>>();
  private readonly sources: SourceResolver;
  private readonly refused: RefusedFile[] = [];

  constructor(
    private readonly at = new Date().toISOString(),
    exportedBy = 'Corroborate CLI',
  ) {
    this.dossier = emptyDossier(at, exportedBy);
    this.batchId = randomUUID();
    this.sources = new SourceResolver(this.dossier.sources, randomUUID, at);
  }

  private record(row: Omit<ImportRecord, 'id' | 'batchId' | 'at'>): void {
    this.dossier.imports.push({ id: randomUUID(), batchId: this.batchId, at: this.at, ...row });
  }

  add(x: ExtractedArticle): void {
    this.added++;
    const seen = this.byText.get(x.textSha256);
    if (seen) {
      this.record({
        fileName: x.fileName,
        format: x.format,
        outcome: 'duplicate',
        articleId: seen.id,
        title: seen.title,
        statementCount: 0,
        reason: `same text as “${seen.title}”`,
      });
      return;
    }
    const d = this.dossier;
    const article = articleFromExtracted(x, randomUUID(), this.at);
    this.byText.set(x.textSha256, { id: article.id, title: article.title });
    d.articles.push(article);
    const statements = statementsFromExtracted(x, article.id, this.sources, randomUUID, this.at);
    for (const statement of statements) d.statements.push(statement);
    this.record({
      fileName: x.fileName,
      format: x.format,
      outcome: 'imported',
      articleId: article.id,
      title: article.title,
      statementCount: statements.length,
      reason: null,
    });
  }

  /** A file that could not be imported; its record comes after every added file's. */
  refuse(file: RefusedFile): void {
    this.refused.push(file);
  }

  /** The dossier with the refused files' records; add nothing afterwards. */
  finish(): Dossier {
    for (const r of this.refused.splice(0))
      this.record({
        fileName: r.fileName,
        format: null,
        outcome: 'refused',
        articleId: null,
        title: null,
        statementCount: 0,
        reason: r.reason,
      });
    this.dossier.scope = { whole: true, articleIds: [], tagIds: [], claimIds: [] };
    return this.dossier;
  }
}

/** The dossier of `extracted` files (in this order) and `refused` ones, built at once. */
export function dossierFromExtracted(
  extracted: ExtractedArticle[],
  refused: RefusedFile[] = [],
  at = new Date().toISOString(),
  exportedBy = 'Corroborate CLI',
): Dossier {
  const builder = new DossierBuilder(at, exportedBy);
  for (const x of extracted) builder.add(x);
  for (const r of refused) builder.refuse(r);
  return builder.finish();
}
