// The top hits of a query are MiniSearch's own: same documents, same scores, same matched terms, and the same
// count, for typos, prefixes, several words and documents discarded but not vacuumed.
import { describe, expect, it } from 'vitest';
import MiniSearch from 'minisearch';
import {
  EXACT_OPTIONS,
  INDEX_OPTIONS,
  QUERY_OPTIONS,
  type SearchDoc,
} from '../../../../../src-renderer/lib/search/docs';
import { rankedSearch } from '../../../../../src-renderer/lib/search/ranked';

const WORDS = (
  'port workers strike ceasefire troops withdrew border minister said denied vaccine rollout clinics ' +
  'supplies harbour convoy rebels peacekeepers election commission reported crossing'
).split(' ');
const NAMES = ['Amara Okafor', 'Kenji Takahashi', 'Lena Kessara', ''];

function rng(seed: number) {
  let s = seed;
  return () => {
    s = (s * 1103515245 + 12345) % 2147483648;
    return s / 2147483648;
  };
}

function corpus(n: number, seed: number): SearchDoc[] {
  const r = rng(seed);
  const pick = <T>(xs: T[]) => xs[Math.floor(r() * xs.length)]!;
  return Array.from({ length: n }, (_, i) => ({
    id: `s:${i}`,
    kind: 'statement' as const,
    refId: String(i),
    articleId: `a${i % 37}`,
    start: 0,
    end: 1,
    text: Array.from({ length: 3 + Math.floor(r() * 12) }, () => pick(WORDS)).join(' '),
    speaker: pick(NAMES),
  }));
}

/** Query words as an analyst types them: whole, cut short, or with one letter dropped or changed. */
function queries(count: number, seed: number): string[] {
  const r = rng(seed);
  const pick = <T>(xs: T[]) => xs[Math.floor(r() * xs.length)]!;
  const typed = () => {
    const w = pick([...WORDS, 'okafor', 'takahashi', 'kessara']);
    const at = Math.floor(r() * w.length);
    const how = r();
    if (how < 0.3) return w.slice(0, Math.max(2, at));
    if (how < 0.5) return w.slice(0, at) + w.slice(at + 1);
    if (how < 0.6) return w.slice(0, at) + 'x' + w.slice(at + 1);
    return w;
  };
  return Array.from({ length: count }, () =>
    Array.from({ length: 1 + Math.floor(r() * 3) }, typed).join(' '),
  );
}

function expectSame(mini: MiniSearch<SearchDoc>, q: string, limit: number, options = QUERY_OPTIONS) {
  const all = mini.search(q, options);
  const mine = rankedSearch(mini, q, options, limit);
  expect(mine.total, q).toBe(all.length);
  expect(mine.hits.length, q).toBe(Math.min(limit, all.length));
  const scoreOf = new Map(all.map((h) => [String(h.id), h]));
  mine.hits.forEach((hit, i) => {
    const theirs = scoreOf.get(hit.id);
    expect(theirs, `${q}: ${hit.id}`).toBeDefined();
    expect(hit.score).toBeCloseTo(theirs!.score, 9);
    // Ties may come in another order; the score at each rank must be the same.
    expect(hit.score).toBeCloseTo(all[i]!.score, 9);
    expect([...hit.terms].sort()).toEqual([...theirs!.terms].sort());
    expect(hit.stored.text).toBe(theirs!.text);
  });
}

describe('rankedSearch', () => {
  it('gives the best hits and the count of MiniSearch’s search, typos and prefixes included', () => {
    const mini = new MiniSearch<SearchDoc>(INDEX_OPTIONS);
    mini.addAll(corpus(3000, 7));
    for (const q of queries(120, 11)) expectSame(mini, q, 25);
    expectSame(mini, 'said said', 10);
    expectSame(mini, 'zzzz', 10);
    // Without typos, as asked first (the words as typed and the words they begin).
    for (const q of queries(60, 29)) expectSame(mini, q, 25, EXACT_OPTIONS);
  });

  it('leaves out documents discarded but not yet vacuumed, and counts them out of the term statistics', () => {
    const mini = new MiniSearch<SearchDoc>({ ...INDEX_OPTIONS, autoVacuum: false });
    const docs = corpus(2000, 3);
    mini.addAll(docs);
    for (const d of docs.slice(0, 600)) mini.discard(d.id);
    const gone = new Set(docs.slice(0, 600).map((d) => d.id));
    for (const q of ['port', 'ceasefre troops', 'Okafor said', 'vacc']) {
      const mine = rankedSearch(mini, q, QUERY_OPTIONS, 50);
      expect(
        mine.hits.some((h) => gone.has(h.id)),
        q,
      ).toBe(false);
      expect(mine.total).toBe(mini.search(q, QUERY_OPTIONS).length);
    }
    // Once vacuumed, the statistics are MiniSearch's exactly.
    return mini.vacuum().then(() => {
      for (const q of queries(30, 5)) expectSame(mini, q, 20);
    });
  });

  it('stays MiniSearch’s after the index changes between queries, and across indexes queried in turn', () => {
    // Each index's live counts and length norms are kept between queries, and the score arrays are shared.
    const big = new MiniSearch<SearchDoc>({ ...INDEX_OPTIONS, autoVacuum: false });
    const small = new MiniSearch<SearchDoc>(INDEX_OPTIONS);
    const docs = corpus(2500, 13);
    big.addAll(docs);
    small.addAll(corpus(300, 17));
    const asked = queries(40, 19);
    for (const q of asked) {
      expectSame(big, q, 15);
      expectSame(small, q, 15);
    }
    for (const d of docs.slice(0, 900)) big.discard(d.id);
    big.addAll(corpus(400, 23).map((d) => ({ ...d, id: `new:${d.id}`, speaker: 'Amara Okafor' })));
    for (const q of [...asked, 'okafor', 'okafr said']) {
      expectSame(big, q, 15);
      expectSame(small, q, 15);
    }
  });
});
