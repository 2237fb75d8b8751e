// After articles are imported: is any of them a new version of one already in the workspace? If so, offer to record it.
import type { Article } from '../../src-main/shared/domain';
import { versions } from './db';
import { versionOffer } from './state/version-offer.svelte';

/**
 * Looks for the earlier version of each article of a batch together (one set of look-ups for the batch, the
 * comparisons in short slices), then offers them in import order.
 */
export async function afterArticlesImported(articles: Article[]): Promise<void> {
  if (!articles.length) return;
  // The check must never fail an import that is already stored: at worst no offer is made.
  const candidates = await versions.findCandidates(articles).catch(() => articles.map(() => null));
  candidates.forEach((candidate, i) => {
    const article = articles[i]!;
    if (candidate) versionOffer.offer({ article: { id: article.id, title: article.title }, candidate });
  });
}
