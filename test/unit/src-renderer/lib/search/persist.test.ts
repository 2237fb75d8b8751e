// The saved search index: loaded at start while the workspace has not changed since it was saved, or caught up
// with the writes logged since; it answers like the index it was saved from, or like a fresh build.
import 'fake-indexeddb/auto';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../../../../src-renderer/lib/db/db';
import { storeExtractedArticle } from '../../../../../src-renderer/lib/db/articles';
import { createTag } from '../../../../../src-renderer/lib/db/codebook';
import {
  hitTexts,
  indexGeneration,
  saveIndex,
  updatesFor,
} from '../../../../../src-renderer/lib/db/search-source';
import { allSearchDocs, loadSavedIndex } from '../../../helpers/search-index';
import { handleSearchMessage, type IndexHolder } from '../../../../../src-renderer/lib/search/index-core';
import { SHARD_DOCS, ShardedIndex, type ShardSnapshot } from '../../../../../src-renderer/lib/search/shards';
import type { SearchDoc } from '../../../../../src-renderer/lib/search/docs';
import { importBytes } from '../../../../../src-main/core/import/pipeline';

type Index = IndexHolder;

function hits(index: Index, q: string): string[] {
  const reply = handleSearchMessage(index, { type: 'query', id: 1, query: q, limit: 50 });
  if (reply?.type !== 'results') throw new Error('no results reply');
  return reply.hits.map((h) => h.id);
}

function snapshot(index: Index): ShardSnapshot {
  const reply = handleSearchMessage(index, { type: 'snapshot', id: 7 });
  if (reply?.type !== 'snapshot' || !reply.snapshot) throw new Error('no snapshot');
  return reply.snapshot;
}

describe('the saved search index', () => {
  it('is loaded while current and answers the same; after writes it is caught up from the change log', async () => {
    const db = openDatabase('persist-' + Math.random());
    const bytes = new Uint8Array(readFileSync('test/fixtures/car-dec-2020.txt'));
    await storeExtractedArticle(db, await importBytes(bytes, 'seed.txt'));
    const built: Index = { current: null };
    const docs = await allSearchDocs(db);
    handleSearchMessage(built, { type: 'reset', docs });
    const generation = await indexGeneration(db);
    expect(generation).not.toBeNull();
    expect(await saveIndex(db, snapshot(built), generation)).toBe(true);

    const saved = await loadSavedIndex(db);
    expect(saved?.pending).toBeNull();
    // The saved index holds no statement's text (at 10,000 articles the texts were most of the worker's heap)...
    const json = saved!.shards.map((s) => s.json).join('');
    const statements = docs.filter((d) => d.kind === 'statement' && d.text.length > 40);
    expect(statements.length).toBeGreaterThan(10);
    for (const d of statements) expect(json).not.toContain(JSON.stringify(d.text).slice(1, -1));
    const loaded: Index = { current: null };
    handleSearchMessage(loaded, { type: 'load', shards: saved!.shards });
    expect(hits(loaded, 'Bogdanv').length).toBeGreaterThan(0);
    expect(hits(loaded, 'Bogdanv')).toEqual(hits(built, 'Bogdanv'));
    // ...and its hits get the text they were indexed with, read from the workspace.
    const reply = handleSearchMessage(loaded, { type: 'query', id: 2, query: 'Bogdanv', limit: 50 });
    if (reply?.type !== 'results') throw new Error('no results reply');
    const texts = await hitTexts(db, reply.hits);
    const indexed = new Map(docs.map((d) => [d.id, d.text]));
    for (const hit of reply.hits) expect(texts.get(hit.id)).toBe(indexed.get(hit.id));
    expect(reply.hits.some((h) => texts.get(h.id)!.includes('Bogdanov'))).toBe(true);

    // Writes after the save (as when the app is closed before the index is saved again) are in the log: the
    // saved shards plus those changes answer like an index built afresh.
    await createTag(db, { name: 'Casualty figures', parentId: null });
    await storeExtractedArticle(
      db,
      await importBytes(new Uint8Array(readFileSync('test/fixtures/car-second-outlet.txt')), 'second.txt'),
    );
    expect(await saveIndex(db, snapshot(built), generation)).toBe(false);
    const later = await loadSavedIndex(db);
    expect(later?.pending?.tags).toBeInstanceOf(Set);
    expect((later!.pending!.statements as Set<string>).size).toBeGreaterThan(5);
    const caughtUp: Index = { current: null };
    handleSearchMessage(caughtUp, { type: 'load', shards: later!.shards });
    const u = await updatesFor(db, later!.pending!);
    handleSearchMessage(caughtUp, { type: 'update', upsert: u.upsert, remove: u.remove });
    const fresh: Index = { current: null };
    handleSearchMessage(fresh, { type: 'reset', docs: await allSearchDocs(db) });
    for (const q of ['Casualty', 'Bogdanv', 'Touadéra', 'Wagner'])
      expect(hits(caughtUp, q).sort(), q).toEqual(hits(fresh, q).sort());
    expect(hits(caughtUp, 'Casualty').length).toBe(1);

    // A save clears the log; a range delete cannot be caught up with, the index is rebuilt.
    expect(await saveIndex(db, snapshot(caughtUp), await indexGeneration(db))).toBe(true);
    expect((await loadSavedIndex(db))?.pending).toBeNull();
    await db.tags.clear();
    expect(await loadSavedIndex(db)).toBeNull();
  });

  it('is rebuilt when an earlier version saved it, current or not', async () => {
    const db = openDatabase('persist-old-' + Math.random());
    await createTag(db, { name: 'Ports', parentId: null });
    const built: Index = { current: null };
    handleSearchMessage(built, { type: 'reset', docs: await allSearchDocs(db) });
    expect(await saveIndex(db, snapshot(built), await indexGeneration(db))).toBe(true);
    expect(await loadSavedIndex(db)).not.toBeNull();
    // As the first versions saved it: no mark that the log covers every write since, nor that it was complete.
    const mark = (await db.searchIndex.get('logged:2'))!;
    await db.searchIndex.delete('logged:2');
    expect(await loadSavedIndex(db)).toBeNull();
    // As the versions that stored the texts saved it: their mark under their format's name.
    await db.searchIndex.put({ key: 'logged', value: mark.value });
    expect(await loadSavedIndex(db)).toBeNull();
    await createTag(db, { name: 'Grain', parentId: null });
    expect(await loadSavedIndex(db)).toBeNull();
  });
});

/** `n` statements of article `a`, one sentence each, all containing `word`. */
const docsOf = (a: string, n: number, word: string): SearchDoc[] =>
  Array.from({ length: n }, (_, i) => ({
    id: `s:${a}-${i}`,
    kind: 'statement' as const,
    refId: `${a}-${i}`,
    articleId: a,
    start: 0,
    end: 10,
    text: `Statement ${i} of ${a} about the ${word} harbour.`,
    speaker: '',
  }));

describe('the index in shards', () => {
  it('keeps an article in one shard, opens a new shard when one is full, and answers across shards', () => {
    const index = new ShardedIndex();
    // A shard takes articles while it holds fewer than SHARD_DOCS documents: four fill the first.
    const perArticle = SHARD_DOCS / 4 + 1;
    index.reset([...'abcde'].flatMap((a) => docsOf(a, perArticle, a === 'e' ? 'granary' : 'grain')));
    const { changed, keys } = index.snapshot();
    expect(keys).toEqual([0, 1]);
    expect(changed.map((s) => s.articles.sort())).toEqual([['a', 'b', 'c', 'd'], ['e']]);
    expect(index.search('grain', 10).total).toBe(4 * perArticle);
    expect(index.search('granary', 10).hits.map((r) => r.stored.articleId)).toContain('e');
  });

  it('after a save, a change rewrites only the shard it touched, and an unsaved change is saved next time', async () => {
    const db = openDatabase('shards-' + Math.random());
    await db.open();
    await createTag(db, { name: 'Ports', parentId: null }); // a generation to save under
    const holder: Index = { current: null };
    const perArticle = SHARD_DOCS / 2 + 1;
    handleSearchMessage(holder, {
      type: 'reset',
      docs: ['a', 'b', 'c'].flatMap((a) => docsOf(a, perArticle, 'grain')),
    });
    const first = snapshot(holder);
    expect(first.changed).toHaveLength(2);
    expect(await saveIndex(db, first, await indexGeneration(db))).toBe(true);
    handleSearchMessage(holder, { type: 'saved', versions: first.changed });

    handleSearchMessage(holder, { type: 'update', upsert: docsOf('c', 1, 'barley'), remove: [] });
    const second = snapshot(holder);
    expect(second.changed.map((s) => s.key)).toEqual([1]);
    // A save that cannot be written (the workspace moved on) leaves the shard changed for the next one.
    await createTag(db, { name: 'Grain', parentId: null });
    expect(await saveIndex(db, second, 'an older generation')).toBe(false);
    expect(snapshot(holder).changed.map((s) => s.key)).toEqual([1]);
    expect(await saveIndex(db, snapshot(holder), await indexGeneration(db))).toBe(true);

    const loaded: Index = { current: null };
    handleSearchMessage(loaded, { type: 'load', shards: (await loadSavedIndex(db))!.shards });
    expect(loaded.current!.search('barley', 10).hits.map((r) => r.id)).toEqual(['s:c-0']);
    // c-0 now speaks of barley, not grain.
    expect(loaded.current!.search('grain', 10).total).toBe(3 * perArticle - 1);
    // Loaded shards are as saved: nothing to write until something changes.
    expect(snapshot(loaded).changed).toEqual([]);
  });
});
