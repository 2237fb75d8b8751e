// Typos are forgiven when the words as typed find too few hits: a misspelt name still finds its speaker, a word
// found often is not joined by its near spellings, and where there are none the hits are the typo-tolerant ones.
import { describe, expect, it } from 'vitest';
import MiniSearch from 'minisearch';
import { INDEX_OPTIONS, QUERY_OPTIONS, type SearchDoc } from '../../../../../src-renderer/lib/search/docs';
import { rankedSearch } from '../../../../../src-renderer/lib/search/ranked';
import { ShardedIndex } from '../../../../../src-renderer/lib/search/shards';

const statement = (i: number, text: string, speaker = ''): SearchDoc => ({
  id: `s:${i}`,
  kind: 'statement',
  refId: String(i),
  articleId: `a${i % 9}`,
  start: i,
  end: i + 1,
  text,
  speaker,
});

const FILLER = 'troops border minister reported crossing harbour clinics supplies'.split(' ');

/** 120 statements about a convoy, 6 asking to convey a message, 4 by Bogdanov, the rest filler. */
function corpus(): SearchDoc[] {
  const docs: SearchDoc[] = [];
  for (let i = 0; i < 120; i++)
    docs.push(statement(i, `The convoy reached the ${FILLER[i % 8]} ${FILLER[(i * 3) % 8]}`));
  for (let i = 120; i < 126; i++) docs.push(statement(i, 'They wanted to convey a message to the minister'));
  for (let i = 126; i < 130; i++) docs.push(statement(i, 'The talks will go on', 'Oleg Bogdanov'));
  for (let i = 130; i < 400; i++)
    docs.push(statement(i, `${FILLER[i % 8]} ${FILLER[(i * 5) % 8]} ${FILLER[(i * 7) % 8]}`));
  return docs;
}

function indexOf(docs: SearchDoc[]) {
  const index = new ShardedIndex();
  index.reset(docs);
  return index;
}

/**
 * The search before: typo tolerant for every query. Its documents go in as the sharded index adds them (an
 * article's together, articles in order of first appearance), so that hits of equal score come in the same order.
 */
function typoTolerant(docs: SearchDoc[], q: string, limit: number) {
  const mini = new MiniSearch<SearchDoc>(INDEX_OPTIONS);
  const articles = [...new Set(docs.map((d) => d.articleId))];
  mini.addAll(articles.flatMap((a) => docs.filter((d) => d.articleId === a)));
  return rankedSearch(mini, q, QUERY_OPTIONS, limit);
}

describe('search forgives typos when the words as typed find too few hits', () => {
  const docs = corpus();
  const index = indexOf(docs);

  it('finds the statements of Bogdanov for the misspelt "Bogdanv"', () => {
    const { hits, total } = index.search('Bogdanv', 80);
    expect(total).toBe(4);
    expect(hits.map((h) => h.stored.speaker)).toEqual(Array(4).fill('Oleg Bogdanov'));
  });

  it('does not add "convey" to the hits of "convoy" when "convoy" alone fills the page asked for', () => {
    const { hits, total } = index.search('convoy', 80);
    expect(total).toBe(120);
    expect(hits).toHaveLength(80);
    expect(hits.every((h) => h.terms.includes('convoy') && !h.terms.includes('convey'))).toBe(true);
  });

  it('adds the near spellings when the words as typed find fewer hits than asked for', () => {
    const { hits, total } = index.search('convoy', 200);
    expect(total).toBe(126);
    expect(hits.filter((h) => h.terms.includes('convey'))).toHaveLength(6);
    expect(index.search('konvoy', 80).total).toBe(120);
  });

  it('gives the typo-tolerant search’s first screenful (ids and order) for words without near spellings', () => {
    for (const q of ['minister', 'troops border', 'convoy harbour', 'cross', 'reported supplies']) {
      const mine = index.search(q, 80);
      const before = typoTolerant(docs, q, 80);
      expect(mine.total, q).toBe(before.total);
      expect(
        mine.hits.slice(0, 8).map((h) => h.id),
        q,
      ).toEqual(before.hits.slice(0, 8).map((h) => h.id));
    }
  });
});
