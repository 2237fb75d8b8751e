// Building the search index from scratch reads the workspace a page of articles at a time; across the pages
// every statement, note and tag must come exactly once, and the progress must end at every article.
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../../../../src-renderer/lib/db/db';
import { replaceWorkspace } from '../../../../../src-renderer/lib/db/dossier';
import { docId } from '../../../../../src-renderer/lib/search/docs';
import {
  indexGeneration,
  saveIndex,
  savedShard,
  searchDocPages,
} from '../../../../../src-renderer/lib/db/search-source';
import { createTag } from '../../../../../src-renderer/lib/db/codebook';
import { generateWorkspace } from '../../../../../scripts/gen-workspace';

describe('the search documents read for a rebuild', () => {
  it('come page by page, each statement, note and tag once, with progress up to every article', async () => {
    const db = openDatabase(`search-pages-${Date.now()}`);
    await db.open();
    const ws = generateWorkspace({ articles: 450, statements: 3, annotations: 40, seed: 5 });
    ws.annotations.forEach((a, i) => (a.note = i % 2 ? `checked ${i}` : ''));
    await replaceWorkspace(db, ws);
    const ids: string[] = [];
    const progress: number[] = [];
    for await (const page of searchDocPages(db)) {
      ids.push(...page.docs.map((d) => d.id));
      progress.push(page.done / page.total);
    }
    const expected = [
      ...ws.statements.map((s) => docId('statement', s.id)),
      ...ws.annotations.filter((a) => a.note).map((a) => docId('note', a.id)),
      ...ws.tags.map((t) => docId('tag', t.id)),
    ];
    expect(ids.sort()).toEqual(expected.sort());
    expect(progress.length).toBeGreaterThan(3); // 450 articles are three pages, then notes and tags
    expect(progress.at(-1)).toBe(1);
  });
});

describe('a saved shard read at start', () => {
  it('is read a few chunks per turn, so a read someone waits for queues behind those, not the whole shard', async () => {
    const db = openDatabase(`saved-shard-${Date.now()}`);
    await db.open();
    await createTag(db, { name: 'Ports', parentId: null });
    const generation = await indexGeneration(db);
    // Some 20 MB at 10,000 articles; here long enough for several reads.
    const json = Array.from({ length: 600_000 }, (_, i) => `w${i}`).join(' ');
    const snapshot = { keys: [0], changed: [{ key: 0, version: 1, json, articles: ['a1', 'a2'] }] };
    expect(await saveIndex(db, snapshot, generation)).toBe(true);

    // Each turn is held until released: nothing more is read until then.
    let turns = 0;
    let release: () => void = () => {};
    let turned: () => void = () => {};
    const between = () => {
      turns++;
      turned();
      return new Promise<void>((r) => (release = r));
    };
    const nextTurn = () => new Promise<'turn'>((r) => (turned = () => r('turn')));
    let next = nextTurn();
    const reading = savedShard(db, 0, generation!, between);
    let result: Awaited<typeof reading> | 'turn' = await Promise.race([reading, next]);
    while (result === 'turn') {
      next = nextTurn();
      release();
      result = await Promise.race([reading, next]);
    }
    // The key list, the article list with the first chunk, then the other chunks in more than one read.
    expect(turns).toBeGreaterThan(3);
    expect(result).toEqual({ key: 0, json, articles: ['a1', 'a2'] });
  });

  it('is dropped when the index is saved again while it is read', async () => {
    const db = openDatabase(`saved-shard-stale-${Date.now()}`);
    await db.open();
    await createTag(db, { name: 'Ports', parentId: null });
    const generation = await indexGeneration(db);
    const json = 'x'.repeat(5_000_000);
    expect(
      await saveIndex(db, { keys: [0], changed: [{ key: 0, version: 1, json, articles: [] }] }, generation),
    ).toBe(true);
    let turns = 0;
    const shard = await savedShard(db, 0, generation!, async () => {
      // After the first chunk, another save (of a later generation) replaces the index.
      if (++turns === 3) {
        await createTag(db, { name: 'Roads', parentId: null });
        const later = await indexGeneration(db);
        await saveIndex(db, { keys: [0], changed: [{ key: 0, version: 2, json: 'y', articles: [] }] }, later);
      }
    });
    expect(turns).toBe(3);
    expect(shard).toBeNull();
  });
});
