// The workspace's writes are not copied to other windows: the app has one, and Dexie's copy of every commit's
// keys to a BroadcastChannel cost an import seconds of the page's main thread. This page's own listeners still hear.
import 'fake-indexeddb/auto';
import Dexie, { type ObservabilitySet } from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../../../../../src-renderer/lib/db/db';
import { storeExtractedArticles } from '../../../../../src-renderer/lib/db/articles';
import { extractedArticle } from './extracted-article';

const cleanups: (() => void)[] = [];
afterEach(() => cleanups.splice(0).forEach((f) => f()));

/** Messages on Dexie's channel (the name Dexie 4 posts every commit's changed keys under) while `act` runs. */
async function messagesDuring(act: () => Promise<void>): Promise<unknown[]> {
  const seen: unknown[] = [];
  const channel = new BroadcastChannel('x-storagemutated-1');
  channel.onmessage = (e: MessageEvent) => seen.push(e.data);
  cleanups.push(() => channel.close());
  await act();
  // Messages arrive in later tasks.
  await new Promise((r) => setTimeout(r, 50));
  return seen;
}

describe('writes to the workspace', () => {
  it('are heard by this page and not posted to other windows', async () => {
    const db = openDatabase(`cross-window-${Date.now()}`);
    await db.open();
    const tables = new Set<string>();
    const listener = (parts: ObservabilitySet) =>
      Object.keys(parts).forEach((p) => tables.add(p.split('/')[3] ?? ''));
    Dexie.on('storagemutated', listener);
    cleanups.push(() => Dexie.on.storagemutated.unsubscribe(listener));

    const posted = await messagesDuring(async () => {
      await storeExtractedArticles(db, [
        extractedArticle('Maria Lopez said the harbour would open.', [], { sha: 'a' }),
      ]);
      await db.tags.add({
        id: 't',
        name: 'Harbour',
        description: '',
        colour: '#336699',
        parentId: null,
        shortcut: null,
        createdAt: '2026-01-01T00:00:00.000Z',
        updatedAt: '2026-01-01T00:00:00.000Z',
      });
    });

    expect(posted).toEqual([]);
    expect(tables.has('articles')).toBe(true);
    expect(tables.has('tags')).toBe(true);
  });
});
