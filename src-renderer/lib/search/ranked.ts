// The best `limit` hits of a query, scored exactly as MiniSearch's `search` scores them (BM25+, prefix and
// fuzzy term weights, field boosts, AND), without building a result object for every matching document.
// MiniSearch's `search` materialises and sorts every match (with its stored fields): at 10,000 articles a query
// for common words matches tens of thousands of statements and took 0.1–2.9 s; here the scores go into typed
// arrays indexed by MiniSearch's short ids and only the best hits become objects. MiniSearch still tokenises,
// indexes, expands prefixes and typos (its radix tree) and stores the fields; this reads its index, never writes it.
// `ranked.test.ts` checks the hits and scores against `search` on the same index.
import type MiniSearch from 'minisearch';
import type { SearchOptions } from 'minisearch';

type FieldTermData = Map<number, Map<number, number>>;

/** The parts of a MiniSearch index a query reads (protected members of the pinned version, read only). */
interface IndexInternals {
  _options: {
    tokenize: (text: string, field?: string) => string[];
    processTerm: (term: string, field?: string) => string | string[] | null | undefined | false;
    fields: string[];
  };
  _index: {
    get(term: string): FieldTermData | undefined;
    atPrefix(prefix: string): Iterable<[string, FieldTermData]>;
    fuzzyGet(term: string, maxDistance: number): Map<string, [FieldTermData, number]>;
  };
  _documentCount: number;
  _documentIds: Map<number, unknown>;
  _fieldIds: Record<string, number>;
  _fieldLength: Map<number, number[]>;
  _avgFieldLength: number[];
  _nextId: number;
  /** Documents discarded since the last vacuum (their postings are still there). */
  _dirtCount: number;
  _storedFields: Map<number, Record<string, unknown>>;
}

export interface RankedHit {
  id: string;
  score: number;
  /** The document's terms that matched (after prefix and typo expansion), for highlighting. */
  terms: string[];
  stored: Record<string, unknown>;
}

export interface RankedAnswer {
  hits: RankedHit[];
  /** Every document that matched. */
  total: number;
}

// MiniSearch's defaults (7.x), used where the options leave them out.
const BM25 = { k: 1.2, b: 0.7, d: 0.5 };
const WEIGHTS = { fuzzy: 0.45, prefix: 0.375 };
const MAX_FUZZY = 6;

/** Per index: which short ids are live and each field's length per short id, as arrays (no map look-ups). */
interface Columns {
  nextId: number;
  documentCount: number;
  alive: Uint8Array;
  lengths: Float64Array[];
  /** Each field's BM25 length norm per short id, by the `k` and `b` it was computed for. */
  norms: Map<string, Float64Array[]>;
  /** Live documents per posting list (discarded ones not yet vacuumed stay in the lists until a vacuum). */
  live: WeakMap<Map<number, number>, number>;
}
const columnCache = new WeakMap<IndexInternals, Columns>();

/**
 * The columns of the index as it is now. Short ids are never reused, an addition raises `_nextId` and a discard
 * lowers the document count, so the two together tell whether the index changed since the columns were read (a
 * vacuum drops only discarded documents' postings: the live counts stay).
 */
function columnsOf(ix: IndexInternals): Columns {
  const cached = columnCache.get(ix);
  if (cached && cached.nextId === ix._nextId && cached.documentCount === ix._documentCount) return cached;
  const alive = new Uint8Array(ix._nextId);
  for (const docId of ix._documentIds.keys()) alive[docId] = 1;
  const lengths = Object.values(ix._fieldIds).map(() => new Float64Array(ix._nextId));
  for (const [docId, perField] of ix._fieldLength)
    perField.forEach((length, fieldId) => {
      const column = lengths[fieldId];
      if (column) column[docId] = length;
    });
  const columns: Columns = {
    nextId: ix._nextId,
    documentCount: ix._documentCount,
    alive,
    lengths,
    norms: new Map(),
    live: new WeakMap(),
  };
  columnCache.set(ix, columns);
  return columns;
}

/** BM25's length norm of each field per short id: `k · (1 − b + b · length / average length)`, as MiniSearch. */
function normsOf(ix: IndexInternals, columns: Columns, k: number, b: number): Float64Array[] {
  const key = `${k} ${b}`;
  const known = columns.norms.get(key);
  if (known) return known;
  const norms = columns.lengths.map((lengths, fieldId) => {
    const avgLength = ix._avgFieldLength[fieldId]!;
    return lengths.map((length) => k * (1 - b + (b * length) / avgLength));
  });
  columns.norms.set(key, norms);
  return norms;
}

/** How many live documents a posting list holds (read once per index state). */
function liveCount(ix: IndexInternals, columns: Columns, freqs: Map<number, number>): number {
  if (ix._dirtCount === 0) return freqs.size;
  let n = columns.live.get(freqs);
  if (n === undefined) {
    n = 0;
    const { alive } = columns;
    freqs.forEach((_, docId) => {
      n! += alive[docId]!;
    });
    columns.live.set(freqs, n);
  }
  return n;
}

/**
 * Scores and match marks by short id, kept between queries (a pair of arrays per shard per query was some 10 MB
 * a query at 10,000 articles, each to be collected): all zero between queries.
 */
let scratch = { score: new Float64Array(0), seen: new Uint32Array(0) };
function scratchFor(size: number) {
  if (scratch.score.length < size) scratch = { score: new Float64Array(size), seen: new Uint32Array(size) };
  return scratch;
}

/** Reads the columns of a loaded or rebuilt index now, so that the first query does not wait for them. */
export function prepareRanking(mini: MiniSearch): void {
  const ix = mini as unknown as IndexInternals;
  normsOf(ix, columnsOf(ix), BM25.k, BM25.b);
}

/** Each query term with the index terms it stands for and their weights (exact 1, prefix and typo less). */
function expand(ix: IndexInternals, term: string, options: SearchOptions) {
  const derived: { term: string; weight: number; data: FieldTermData }[] = [];
  const exact = ix._index.get(term);
  if (exact) derived.push({ term, weight: 1, data: exact });
  const prefixWeight = options.weights?.prefix ?? WEIGHTS.prefix;
  const fuzzyWeight = options.weights?.fuzzy ?? WEIGHTS.fuzzy;
  const prefixed = new Set<string>();
  if (options.prefix === true)
    for (const [t, data] of ix._index.atPrefix(term)) {
      const distance = t.length - term.length;
      if (!distance) continue;
      prefixed.add(t);
      derived.push({ term: t, weight: (prefixWeight * t.length) / (t.length + 0.3 * distance), data });
    }
  const fuzzy = typeof options.fuzzy === 'number' ? options.fuzzy : options.fuzzy === true ? 0.2 : 0;
  const maxDistance =
    fuzzy < 1 ? Math.min(options.maxFuzzy ?? MAX_FUZZY, Math.round(term.length * fuzzy)) : fuzzy;
  if (maxDistance)
    for (const [t, [data, distance]] of ix._index.fuzzyGet(term, maxDistance)) {
      if (!distance || prefixed.has(t)) continue;
      derived.push({ term: t, weight: (fuzzyWeight * t.length) / (t.length + distance), data });
    }
  return derived;
}

/** The query's terms as MiniSearch's `search` reads them (its tokenizer and term processing). */
function queryTerms(ix: IndexInternals, query: string): string[] {
  const { tokenize, processTerm } = ix._options;
  return tokenize(query)
    .flatMap((t) => processTerm(t) || [])
    .filter((t): t is string => !!t);
}

/** Whether `rankedSearch` handles these options (the app's); anything else goes to MiniSearch's own search. */
function supported(options: SearchOptions): boolean {
  return (
    typeof options.fuzzy !== 'function' &&
    typeof options.prefix !== 'function' &&
    !options.boostDocument &&
    !options.boostTerm &&
    !options.filter &&
    !options.fields &&
    (options.combineWith ?? 'OR').toUpperCase() === 'AND'
  );
}

/** A hit chosen by score, made into a `RankedHit` only if it is kept (a sharded index keeps `limit` of all shards'). */
export interface RankedCandidate {
  score: number;
  hit: () => RankedHit;
}

/** The best `limit` documents for `query` (AND of its terms), best first, and how many matched in all. */
export function rankedSearch(
  mini: MiniSearch,
  query: string,
  options: SearchOptions,
  limit: number,
): RankedAnswer {
  const { candidates, total } = rankedCandidates(mini, query, options, limit);
  return { hits: candidates.map((c) => c.hit()), total };
}

/** As `rankedSearch`, the hits not yet built: their matched terms and stored fields are read only for those kept. */
export function rankedCandidates(
  mini: MiniSearch,
  query: string,
  options: SearchOptions,
  limit: number,
): { candidates: RankedCandidate[]; total: number } {
  const ix = mini as unknown as IndexInternals;
  const terms = queryTerms(ix, query);
  if (!supported(options) || terms.length > 30) {
    const all = mini.search(query, options);
    return {
      total: all.length,
      candidates: all.slice(0, limit).map(({ id, score, terms: matched, ...stored }) => {
        const rest: Record<string, unknown> = { ...stored };
        delete rest.queryTerms;
        delete rest.match;
        const hit = { id: String(id), score, terms: matched, stored: rest };
        return { score, hit: () => hit };
      }),
    };
  }
  if (terms.length === 0 || limit <= 0) return { candidates: [], total: 0 };
  const { score, seen } = scratchFor(ix._nextId);
  const expanded = terms.map((t) => expand(ix, t, options));
  const touched: number[] = [];
  let matches: number[];
  let best: number[];
  let scores: number[];
  try {
    matches = scoreAll(ix, expanded, options, score, seen, touched);
    best = topOf(matches, score, limit);
    scores = best.map((docId) => score[docId]!);
  } finally {
    // Back to zero for the next query.
    for (const docId of touched) {
      score[docId] = 0;
      seen[docId] = 0;
    }
  }
  // MiniSearch multiplies by the number of distinct query terms a document matched: under AND, all of them.
  const quality = new Set(terms).size;
  const candidates = best.map((docId, i): RankedCandidate => {
    const total = scores[i]! * quality;
    return {
      score: total,
      hit: () => {
        const matched = new Set<string>();
        for (const derived of expanded)
          for (const d of derived)
            for (const freqs of d.data.values())
              if (freqs.has(docId)) {
                matched.add(d.term);
                break;
              }
        return {
          id: String(ix._documentIds.get(docId)),
          score: total,
          terms: [...matched],
          stored: ix._storedFields.get(docId) ?? {},
        };
      },
    };
  });
  return { candidates, total: matches.length };
}

type Expanded = ReturnType<typeof expand>;

/**
 * Adds each document's score into `score` (by short id) and returns the documents that match every term; each
 * document scored or marked in `seen` is listed once in `touched` (to be set back to zero).
 * Under AND the rarest term goes first, and each later term scores only the documents that matched all the terms
 * before it: through its postings, or, when those are much longer than the candidates, by looking each one up.
 */
function scoreAll(
  ix: IndexInternals,
  expanded: Expanded[],
  options: SearchOptions,
  score: Float64Array,
  seen: Uint32Array,
  touched: number[],
) {
  const bm25 = { ...BM25, ...options.bm25 };
  const columns = columnsOf(ix);
  const { alive } = columns;
  const norms = normsOf(ix, columns, bm25.k, bm25.b);
  const postings = (q: number) => {
    let n = 0;
    for (const d of expanded[q]!) for (const freqs of d.data.values()) n += freqs.size;
    return n;
  };
  const order = expanded.map((_, q) => q).sort((a, b) => postings(a) - postings(b));
  const k1 = bm25.k + 1;
  let candidates: number[] | null = null;
  let before = 0;
  for (const q of order) {
    const bit = 2 ** q;
    const next: number[] = [];
    for (const { weight, data } of expanded[q]!)
      for (const field of ix._options.fields) {
        const fieldId = ix._fieldIds[field]!;
        const freqs = data.get(fieldId);
        if (!freqs) continue;
        const boost = options.boost?.[field] ?? 1;
        const fieldNorms = norms[fieldId]!;
        // Documents discarded but not yet vacuumed still sit in the postings: they neither count nor score.
        const matching = liveCount(ix, columns, freqs);
        const idf = Math.log(1 + (ix._documentCount - matching + 0.5) / (matching + 0.5));
        const factor = weight * boost * idf;
        const add = (docId: number, tf: number) => {
          score[docId] = score[docId]! + factor * (bm25.d + (tf * k1) / (tf + fieldNorms[docId]!));
          if (seen[docId]! & bit) return;
          seen[docId] = seen[docId]! | bit;
          next.push(docId);
          if (before === 0) touched.push(docId);
        };
        if (candidates && candidates.length * 4 < freqs.size)
          for (const docId of candidates) {
            const tf = freqs.get(docId);
            if (tf !== undefined) add(docId, tf);
          }
        // forEach: about a fifth quicker than for…of over a Map's entries in V8.
        else
          freqs.forEach((tf, docId) => {
            if (alive[docId] && (seen[docId]! & before) === before) add(docId, tf);
          });
      }
    candidates = next;
    before |= bit;
  }
  return candidates ?? [];
}

/** The `limit` best of `docs` by score, best first. */
function topOf(docs: number[], score: Float64Array, limit: number): number[] {
  const best: number[] = [];
  for (const docId of docs) {
    if (best.length < limit) {
      best.push(docId);
      if (best.length === limit) best.sort((a, b) => score[b]! - score[a]!);
    } else if (score[docId]! > score[best[limit - 1]!]!) {
      let at = limit - 1;
      while (at > 0 && score[best[at - 1]!]! < score[docId]!) {
        best[at] = best[at - 1]!;
        at--;
      }
      best[at] = docId;
    }
  }
  if (best.length < limit) best.sort((a, b) => score[b]! - score[a]!);
  return best;
}
