// The saved search index: loaded at start only while the workspace has not changed since it was saved,
// and it answers like the index it was saved from.
import 'fake-indexeddb/auto';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type MiniSearch from 'minisearch';
import { openDatabase } from '../../../../../src-renderer/lib/db/db';
import { storeExtractedArticle } from '../../../../../src-renderer/lib/db/articles';
import { createTag } from '../../../../../src-renderer/lib/db/codebook';
import {
  allSearchDocs,
  indexGeneration,
  loadSavedIndex,
  saveIndex,
} from '../../../../../src-renderer/lib/db/search-source';
import { handleSearchMessage } from '../../../../../src-renderer/lib/search/index-core';
import type { SearchDoc } from '../../../../../src-renderer/lib/search/docs';
import { importBytes } from '../../../../../src-main/core/import/pipeline';

type Index = { current: MiniSearch<SearchDoc> | null };

function hits(index: Index, q: string): string[] {
  const reply = handleSearchMessage(index, { type: 'query', id: 1, query: q, limit: 50 });
  if (reply?.type !== 'results') throw new Error('no results reply');
  return reply.hits.map((h) => h.id);
}

function snapshot(index: Index): string {
  const reply = handleSearchMessage(index, { type: 'snapshot', id: 7 });
  if (reply?.type !== 'snapshot' || !reply.json) throw new Error('no snapshot');
  return reply.json;
}

describe('the saved search index', () => {
  it('is loaded while current, answers the same, and is refused once the workspace changed', async () => {
    const db = openDatabase('persist-' + Math.random());
    const bytes = new Uint8Array(readFileSync('test/fixtures/car-dec-2020.txt'));
    await storeExtractedArticle(db, await importBytes(bytes, 'seed.txt'));
    const built: Index = { current: null };
    handleSearchMessage(built, { type: 'reset', docs: await allSearchDocs(db) });
    const generation = await indexGeneration(db);
    expect(generation).not.toBeNull();
    expect(await saveIndex(db, snapshot(built), generation)).toBe(true);

    const json = await loadSavedIndex(db);
    expect(json).not.toBeNull();
    const loaded: Index = { current: null };
    handleSearchMessage(loaded, { type: 'load', json: json! });
    expect(hits(loaded, 'Bogdanv').length).toBeGreaterThan(0);
    expect(hits(loaded, 'Bogdanv')).toEqual(hits(built, 'Bogdanv'));

    // Any write to a table the index reads makes the saved copy stale, and an old save is not written over it.
    await createTag(db, { name: 'Casualty figures', parentId: null });
    expect(await loadSavedIndex(db)).toBeNull();
    expect(await saveIndex(db, snapshot(built), generation)).toBe(false);
  });
});
