// Live reads while an import holds them: the screens still see the workspace grow (read again after writes),
// and take up live listening again when the import ends.
import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { openDatabase } from '../../../../../src-renderer/lib/db/db';
import { storeExtractedArticles } from '../../../../../src-renderer/lib/db/articles';
import { holdLiveQueries, REREAD_MS, watch } from '../../../../../src-renderer/lib/db/watch';
import { extractedArticle } from './extracted-article';

const article = (tag: string) =>
  extractedArticle(`The ${tag} harbour reopened on Monday, officials said.`, [], { sha: `sha-${tag}` });

const stops: (() => void)[] = [];
afterEach(() => stops.splice(0).forEach((stop) => stop()));

describe('live reads held during an import', () => {
  it('still show each stored batch, then follow writes live once released', async () => {
    const db = openDatabase(`watch-${Date.now()}`);
    await db.open();
    const seen: number[] = [];
    stops.push(watch(() => db.articleRows.count(), { next: (n) => seen.push(n), error: (e) => fail(e) }));
    await vi.waitFor(() => expect(seen.at(-1)).toBe(0));

    const release = holdLiveQueries();
    stops.push(release);
    await storeExtractedArticles(db, [article('a'), article('b')]);
    await vi.waitFor(() => expect(seen.at(-1)).toBe(2), { timeout: 5 * REREAD_MS });
    await storeExtractedArticles(db, [article('c')]);
    await vi.waitFor(() => expect(seen.at(-1)).toBe(3), { timeout: 5 * REREAD_MS });

    release();
    await storeExtractedArticles(db, [article('d')]);
    await vi.waitFor(() => expect(seen.at(-1)).toBe(4));
    // Counts only ever grew: no stale re-read arrived after a newer one.
    expect(seen).toEqual([...seen].sort((x, y) => x - y));
  });

  it('read a query started during the hold at once', async () => {
    const db = openDatabase(`watch-late-${Date.now()}`);
    await db.open();
    await storeExtractedArticles(db, [article('e')]);
    const release = holdLiveQueries();
    stops.push(release);
    const seen: number[] = [];
    stops.push(watch(() => db.articleRows.count(), { next: (n) => seen.push(n), error: (e) => fail(e) }));
    await vi.waitFor(() => expect(seen).toEqual([1]));
  });
});

function fail(err: unknown): never {
  throw err instanceof Error ? err : new Error(String(err));
}
