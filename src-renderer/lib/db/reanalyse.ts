// Re-analyse every article of the workspace with today's analysis, a batch at a time: a few articles' texts
// are read, analysed by main, and their statements updated in one undoable edit, so the workspace is never
// all in memory. Corrections (userEdited statements), annotations, links and claims are kept.
import type { AnalyzedStatement } from '../../../src-main/shared/extraction';
import type { CorroborateDB } from './db';
import { db } from './app-db';
import { addOutcome, emptyOutcome, reanalyseArticles, type ReanalysisOutcome } from './sources';

export type AnalyseTexts = (texts: string[]) => Promise<AnalyzedStatement[][]>;

export interface ReanalyseProgress {
  done: number;
  total: number;
  outcome: ReanalysisOutcome;
}

export interface ReanalyseOptions {
  onProgress?: (progress: ReanalyseProgress) => void;
  /** Asked before each batch: true stops the run (batches already written stay written). */
  shouldStop?: () => boolean;
  /** A batch holds at most this many articles… */
  batchArticles?: number;
  /** …and at most this many characters of text (one longer article goes alone). */
  batchChars?: number;
}

export interface ReanalyseResult extends ReanalyseProgress {
  cancelled: boolean;
}

export async function reanalyseWorkspace(
  db: CorroborateDB,
  analyse: AnalyseTexts,
  options: ReanalyseOptions = {},
): Promise<ReanalyseResult> {
  const batchArticles = options.batchArticles ?? 20;
  const batchChars = options.batchChars ?? 400_000;
  const total = await db.articles.count();
  let outcome = emptyOutcome();
  let done = 0;
  let lastId = '';
  options.onProgress?.({ done, total, outcome });
  for (;;) {
    if (options.shouldStop?.()) return { done, total, outcome, cancelled: true };
    // Article ids in key order: each batch starts after the last id of the one before.
    const page = await db.articles.where('id').above(lastId).limit(batchArticles).toArray();
    if (page.length === 0) break;
    const batch = [];
    let chars = 0;
    for (const article of page) {
      if (batch.length > 0 && chars + article.text.length > batchChars) break;
      batch.push(article);
      chars += article.text.length;
    }
    lastId = batch[batch.length - 1]!.id;
    const analysed = await analyse(batch.map((a) => a.text));
    const result = await reanalyseArticles(
      db,
      batch.map((a, i) => ({ articleId: a.id, analysed: analysed[i] ?? [] })),
      batch.length === 1 ? `Re-analyse “${batch[0]!.title}”` : `Re-analyse ${batch.length} articles`,
    );
    outcome = addOutcome(outcome, result);
    done += batch.length;
    options.onProgress?.({ done, total: Math.max(total, done), outcome });
  }
  return { done, total: Math.max(total, done), outcome, cancelled: false };
}

/** The same on the app's workspace database, for the screens. */
export const reanalysis = {
  all: (analyse: AnalyseTexts, options: ReanalyseOptions = {}): Promise<ReanalyseResult> =>
    reanalyseWorkspace(db, analyse, options),
};
