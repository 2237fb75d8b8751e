// What the workspace search indexes (statements, annotation notes, tag names) and how: the
// MiniSearch options shared by the worker and the tests, highlighting and grouping of hits.
import type { Options, SearchOptions } from 'minisearch';

export type SearchKind = 'statement' | 'note' | 'tag';

/** One searchable document; `id` is prefixed by kind so the three tables never collide. */
export interface SearchDoc {
  id: string;
  kind: SearchKind;
  /** The record's own id (statement, annotation or tag). */
  refId: string;
  articleId: string | null;
  start: number;
  end: number;
  text: string;
  /** The statement's speaker, so "Bogdanov" finds "he added" too. */
  speaker: string;
}

/**
 * A document found by a query. The index stores no texts (at 10,000 articles they held some 70 MB of the search
 * worker's heap): the client reads the texts of the hits it draws (`searchSource.texts`).
 */
export interface SearchHit extends Omit<SearchDoc, 'text'> {
  score: number;
  /** Index terms that matched (lower case), for highlighting. */
  terms: string[];
}

export const docId = (kind: SearchKind, refId: string) => `${kind[0]}:${refId}`;

export const INDEX_OPTIONS: Options<SearchDoc> = {
  idField: 'id',
  fields: ['text', 'speaker'],
  // Not the text (indexed, not stored): it is read from the workspace for the hits drawn.
  storeFields: ['kind', 'refId', 'articleId', 'start', 'end', 'speaker'],
};

/** Typo tolerant (one edit in five letters) and prefix matching, so "Bogdanv" and "Bogd" find Bogdanov. */
export const QUERY_OPTIONS: SearchOptions = {
  fuzzy: 0.2,
  prefix: true,
  combineWith: 'AND',
  boost: { text: 2 },
};

/**
 * The query's own words and the words they begin, without typos: asked first, and when they find as many hits as
 * asked for, those are the answer (the walk of every shard's term tree for near spellings is left out).
 */
export const EXACT_OPTIONS: SearchOptions = { ...QUERY_OPTIONS, fuzzy: false };

export interface HighlightPart {
  text: string;
  match: boolean;
}

// The same word boundaries as MiniSearch's default tokenizer (spaces and punctuation).
const WORD = /[^\n\r\p{Z}\p{P}]+/gu;

/** Splits `text` into runs, marking the words whose lower-case form is one of the matched terms. */
export function highlightParts(text: string, terms: string[]): HighlightPart[] {
  const wanted = new Set(terms.map((t) => t.toLowerCase()));
  const parts: HighlightPart[] = [];
  let last = 0;
  for (const m of text.matchAll(WORD)) {
    if (!wanted.has(m[0].toLowerCase())) continue;
    const at = m.index;
    if (at > last) parts.push({ text: text.slice(last, at), match: false });
    parts.push({ text: m[0], match: true });
    last = at + m[0].length;
  }
  if (last < text.length) parts.push({ text: text.slice(last), match: false });
  return parts;
}

/** A window of `text` around its first matched term, so long statements show the match. */
export function excerpt(text: string, terms: string[], width = 220): string {
  if (text.length <= width) return text;
  const wanted = new Set(terms.map((t) => t.toLowerCase()));
  let at = 0;
  for (const m of text.matchAll(WORD)) {
    if (wanted.has(m[0].toLowerCase())) {
      at = m.index;
      break;
    }
  }
  const from = Math.max(0, Math.min(at - 60, text.length - width));
  const cut = text.slice(from, from + width);
  return `${from > 0 ? '…' : ''}${cut}${from + width < text.length ? '…' : ''}`;
}

export interface HitGroup {
  /** The article's id, or null for tag names. */
  articleId: string | null;
  hits: SearchHit[];
}

/** Hits grouped by article (best group first), in reading order inside a group; tags last. */
export function groupHits(hits: SearchHit[]): HitGroup[] {
  const groups = new Map<string | null, { best: number; hits: SearchHit[] }>();
  for (const hit of hits) {
    const key = hit.kind === 'tag' ? null : hit.articleId;
    const g = groups.get(key);
    if (g) {
      g.hits.push(hit);
      g.best = Math.max(g.best, hit.score);
    } else groups.set(key, { best: hit.score, hits: [hit] });
  }
  return [...groups.entries()]
    .sort(([ka, a], [kb, b]) => Number(ka === null) - Number(kb === null) || b.best - a.best)
    .map(([articleId, g]) => ({
      articleId,
      hits: g.hits.sort((a, b) => a.start - b.start || (a.kind === 'statement' ? -1 : 1)),
    }));
}

/** A group as drawn: its first hits (the rest come as the list is scrolled) and how many it holds in all. */
export interface ShownGroup {
  articleId: string | null;
  hits: SearchHit[];
  count: number;
}

/** The first `n` hits of the grouped list, in display order, with each group's full count. */
export function firstHits(groups: HitGroup[], n: number): ShownGroup[] {
  const shown: ShownGroup[] = [];
  let left = n;
  for (const g of groups) {
    if (left <= 0) break;
    shown.push({ articleId: g.articleId, hits: g.hits.slice(0, left), count: g.hits.length });
    left -= g.hits.length;
  }
  return shown;
}
