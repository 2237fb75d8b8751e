// Workspace search on the seed article: a misspelt name finds the speaker's statements, matches are
// highlighted, hits group by article, and the index follows edits incrementally (notes, tags, deletes).
import 'fake-indexeddb/auto';
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type CorroborateDB } from '../../../../../src-renderer/lib/db/db';
import { storeExtractedArticle } from '../../../../../src-renderer/lib/db/articles';
import { starterTags } from '../../../../../src-renderer/lib/db/tags';
import { toggleSpanTag, setSpanNote } from '../../../../../src-renderer/lib/db/annotations';
import { createTag } from '../../../../../src-renderer/lib/db/codebook';
import {
  hitTexts,
  updatesFor,
  watchChanges,
  type ChangedKeys,
} from '../../../../../src-renderer/lib/db/search-source';
import { allSearchDocs } from '../../../helpers/search-index';
import { handleSearchMessage, type IndexHolder } from '../../../../../src-renderer/lib/search/index-core';
import {
  firstHits,
  groupHits,
  highlightParts,
  type SearchHit,
} from '../../../../../src-renderer/lib/search/docs';
import { importBytes } from '../../../../../src-main/core/import/pipeline';

const gold = JSON.parse(readFileSync('test/fixtures/statements.gold.json', 'utf8')) as {
  statements: { text: string; speaker: string | null }[];
};
const bogdanovTexts = gold.statements
  .filter((s) => s.speaker?.includes('Bogdanov'))
  .map((s) => s.text.trim());

let db: CorroborateDB;
let articleId: string;
const index: IndexHolder = { current: null };

function query(q: string): SearchHit[] {
  const reply = handleSearchMessage(index, { type: 'query', id: 1, query: q, limit: 500 });
  if (reply?.type !== 'results') throw new Error('no results reply');
  return reply.hits;
}

/** The hits as drawn: with the texts read from the workspace (the index stores none). */
async function shown(q: string): Promise<(SearchHit & { text: string })[]> {
  const hits = query(q);
  const texts = await hitTexts(db, hits);
  return hits.map((h) => ({ ...h, text: texts.get(h.id)! }));
}

/** Applies the index updates for everything written by `write`, as the search client does. */
async function writeAndFollow(write: () => Promise<unknown>) {
  const batches: ChangedKeys[] = [];
  const stop = watchChanges(db, (c) => batches.push(c));
  await write();
  await new Promise((r) => setTimeout(r, 80));
  stop();
  expect(batches.length).toBeGreaterThan(0);
  for (const changed of batches) {
    const u = await updatesFor(db, changed);
    expect(u.rebuild).toBe(false);
    handleSearchMessage(index, { type: 'update', upsert: u.upsert, remove: u.remove });
  }
}

beforeAll(async () => {
  db = openDatabase('search-' + Math.random());
  const stored = await storeExtractedArticle(
    db,
    await importBytes(new Uint8Array(readFileSync('test/fixtures/car-dec-2020.txt')), 'car-dec-2020.txt'),
  );
  if (stored.outcome !== 'imported') throw new Error('seed not imported');
  articleId = stored.article.id;
  await db.tags.bulkAdd(starterTags());
  handleSearchMessage(index, { type: 'reset', docs: await allSearchDocs(db) });
});

describe('workspace search', () => {
  it('finds every statement of Bogdanov for the misspelt query "Bogdanv", each hit with its text', async () => {
    expect(bogdanovTexts.length).toBeGreaterThan(3);
    const found = (await shown('Bogdanv')).filter((h) => h.kind === 'statement').map((h) => h.text.trim());
    for (const text of bogdanovTexts) expect(found).toContain(text);
  });

  it('highlights the word that matched, even though the query was misspelt', async () => {
    const hit = (await shown('Bogdanv')).find((h) => h.text.includes('Bogdanov said'))!;
    const marked = highlightParts(hit.text, hit.terms).filter((p) => p.match);
    expect(marked.map((p) => p.text)).toEqual(['Bogdanov']);
    expect(
      highlightParts(hit.text, hit.terms)
        .map((p) => p.text)
        .join(''),
    ).toBe(hit.text);
  });

  it('groups hits by article in reading order, tag names last', () => {
    const groups = groupHits(query('claim'));
    expect(groups.at(-1)!.articleId).toBeNull(); // the "Key claim" tag
    const groupsOfArticle = groupHits(query('Bogdanv'));
    expect(groupsOfArticle).toHaveLength(1);
    expect(groupsOfArticle[0]!.articleId).toBe(articleId);
    const starts = groupsOfArticle[0]!.hits.map((h) => h.start);
    expect(starts).toEqual([...starts].sort((a, b) => a - b));
  });

  it('draws the first hits of the grouped list, in display order, each group with its full count', () => {
    const groups = groupHits([...query('Bogdanv'), ...query('claim')]); // the article's hits, then the tag
    const all = groups.flatMap((g) => g.hits);
    const inArticle = groups[0]!.hits.length;
    expect(groups).toHaveLength(2);
    const first = firstHits(groups, 3);
    expect(first.flatMap((g) => g.hits)).toEqual(all.slice(0, 3));
    expect(first.map((g) => g.count)).toEqual([inArticle]);
    const past = firstHits(groups, inArticle + 1);
    expect(past.flatMap((g) => g.hits)).toEqual(all.slice(0, inArticle + 1));
    expect(past.map((g) => g.articleId)).toEqual([articleId, null]);
    expect(firstHits(groups, all.length + 5).flatMap((g) => g.hits)).toEqual(all);
  });

  it('follows notes, new tags and removals incrementally', async () => {
    const article = (await db.articles.get(articleId))!;
    const st = (await db.statements.where('articleId').equals(articleId).first())!;
    const span = { start: st.start, end: st.end, statementIds: [st.id] };
    expect(query('quokkatronic')).toHaveLength(0);
    await writeAndFollow(() =>
      setSpanNote(db, article, span, 'Possibly quokkatronic contractors', 'Analyst'),
    );
    const noteHits = query('quokatronic');
    expect(noteHits.map((h) => h.kind)).toEqual(['note']);
    expect(noteHits[0]!.start).toBe(st.start);
    expect((await shown('quokatronic')).map((h) => h.text)).toEqual(['Possibly quokkatronic contractors']);

    await writeAndFollow(() => createTag(db, { name: 'Mercenaries', parentId: null }));
    expect((await shown('mercenaris')).filter((h) => h.kind === 'tag').map((h) => h.text)).toEqual([
      'Mercenaries',
    ]);

    // Clearing the note removes it from the index (the annotation is deleted as empty).
    await writeAndFollow(() => setSpanNote(db, article, span, '', 'Analyst'));
    expect(query('quokkatronic')).toHaveLength(0);
    const tag = (await db.tags.toArray())[0]!;
    await writeAndFollow(() => toggleSpanTag(db, article, span, tag, 'Analyst'));
    expect(query('Bogdanv').length).toBeGreaterThan(0);
  });
});
