// After an article is imported: is it a new version of one already in the workspace? If so, offer to record it.
import type { Article } from '../../src-main/shared/domain';
import { versions } from './db';
import { versionOffer } from './state/version-offer.svelte';

export async function afterArticleImported(article: Article): Promise<void> {
  // The check must never fail an import that is already stored: at worst no offer is made.
  try {
    const candidate = await versions.findCandidate(article);
    if (candidate) versionOffer.offer({ article: { id: article.id, title: article.title }, candidate });
  } catch {
    // A failed resemblance check only means no offer; the import itself succeeded.
  }
}
