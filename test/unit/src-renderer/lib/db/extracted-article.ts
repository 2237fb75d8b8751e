// One home for the ExtractedArticle the database tests store: a plain-text article with the given text and
// statements; anything else (title, file name, hashes) can be overridden.
import type { AnalyzedStatement, ExtractedArticle } from '../../../../../src-main/shared/extraction';

export function extractedArticle(
  text: string,
  statements: AnalyzedStatement[],
  fields: Partial<ExtractedArticle> & { sha: string },
): ExtractedArticle {
  const { sha, ...rest } = fields;
  return {
    format: 'txt',
    title: 'Untitled',
    outlet: null,
    authors: [],
    publishedAt: null,
    url: null,
    language: 'en',
    text,
    warnings: [],
    fileName: `${sha}.txt`,
    fileSize: text.length,
    fileSha256: sha,
    textSha256: sha,
    statements,
    ...rest,
  };
}

/** A sentence at `at` reported with "said" by the person `who`, as the analysis gives it. */
export function saidBy(who: string, sentence: string, at: number): AnalyzedStatement {
  return {
    start: at,
    end: at + sentence.length,
    kind: 'reported',
    speaker: { name: who, kind: 'person', aliases: [] },
    cue: 'said',
    via: [],
    entities: [],
  };
}
