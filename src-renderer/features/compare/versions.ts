// After an article is imported: is it a new version of one already in the workspace?
// (Placeholder until the compare work lands.)
import type { Article } from '../../../src-main/shared/domain';

export async function afterArticleImported(article: Article): Promise<void> {
  void article;
}
