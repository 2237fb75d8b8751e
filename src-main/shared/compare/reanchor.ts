// Re-anchors W3C-style annotations (quote + prefix/suffix + position) onto a revised text: exact quote, then
// quote context near the old position, then a fuzzy search in a window; what cannot be placed is orphaned.
import search from 'approx-string-match';
import { buildPositionMap } from './positionMap';

export interface AnchoredAnnotation {
  id: string;
  quote: { exact: string; prefix: string; suffix: string };
  position: { start: number; end: number };
}

export type AnchorStatus = 'exact' | 'context' | 'fuzzy' | 'orphaned';

export interface ReanchorResult {
  id: string;
  status: AnchorStatus;
  /** Offsets in the new text. For an orphan: where the old position maps to, for the user to look near. */
  start: number;
  end: number;
  /**
   * 0..1: 1 for the exact quote where the diff puts it (0.95 found elsewhere, unique); 0.9 / 0.8 for an exact
   * quote among repeats chosen by its context near / far; 0.85 for an edited quote between intact context;
   * 1 − errors/length for a fuzzy match; 0 for an orphan.
   */
  confidence: number;
}

export interface ReanchorOptions {
  /** Characters searched on each side of the expected position. */
  window?: number;
  /** Lowest confidence a fuzzy match needs to be placed. */
  minFuzzyConfidence?: number;
}

const DEFAULT_WINDOW = 512;
const DEFAULT_MIN_FUZZY_CONFIDENCE = 0.7;
// A quote found this close to where the diff says it moved to is the same occurrence.
const POSITION_TOLERANCE = 64;
// Context checks use the part of prefix/suffix nearest the quote: it is the part most likely still intact.
const CONTEXT_PROBE = 16;

function commonSuffixLength(a: string, b: string): number {
  let n = 0;
  while (n < a.length && n < b.length && a.charCodeAt(a.length - 1 - n) === b.charCodeAt(b.length - 1 - n))
    n++;
  return n;
}

function commonPrefixLength(a: string, b: string): number {
  let n = 0;
  while (n < a.length && n < b.length && a.charCodeAt(n) === b.charCodeAt(n)) n++;
  return n;
}

/** 0..1: how much of the old prefix and suffix surround [start, end) in the new text. */
function contextScore(text: string, start: number, end: number, prefix: string, suffix: string): number {
  const total = prefix.length + suffix.length;
  if (total === 0) return 1;
  const before = commonSuffixLength(prefix, text.slice(Math.max(0, start - prefix.length), start));
  const after = commonPrefixLength(suffix, text.slice(end, end + suffix.length));
  return (before + after) / total;
}

/** Starts of quote between from and to (at most `limit`). */
function occurrences(text: string, quote: string, from: number, to: number, limit = 64): number[] {
  // Search a slice: indexOf on the whole text would scan to its end after the last occurrence in range.
  const start = Math.max(0, from);
  const region =
    start === 0 && to >= text.length ? text : text.slice(start, Math.max(start, to) + quote.length);
  const found: number[] = [];
  for (let at = region.indexOf(quote); at >= 0; at = region.indexOf(quote, at + 1)) {
    found.push(start + at);
    if (found.length >= limit) break;
  }
  return found;
}

interface Placement {
  status: AnchorStatus;
  start: number;
  end: number;
  confidence: number;
}

/** Chooses among exact occurrences: context first, then nearness to the expected position. */
function bestByContext(text: string, starts: number[], a: AnchoredAnnotation, expected: number): number {
  const length = a.quote.exact.length;
  let best = starts[0]!;
  let bestScore = -Infinity;
  for (const start of starts) {
    const score =
      contextScore(text, start, start + length, a.quote.prefix, a.quote.suffix) -
      Math.abs(start - expected) / (text.length + 1);
    if (score > bestScore) {
      bestScore = score;
      best = start;
    }
  }
  return best;
}

function placeExactly(
  text: string,
  a: AnchoredAnnotation,
  expected: number,
  window: number,
): Placement | null {
  const { exact } = a.quote;
  if (exact.length === 0) return null;
  const near = occurrences(text, exact, expected - window, expected + window);
  if (near.length > 0) {
    const nearest = near.reduce((x, y) => (Math.abs(y - expected) < Math.abs(x - expected) ? y : x));
    if (near.length === 1 || Math.abs(nearest - expected) <= POSITION_TOLERANCE) {
      return { status: 'exact', start: nearest, end: nearest + exact.length, confidence: 1 };
    }
    const chosen = bestByContext(text, near, a, expected);
    return { status: 'context', start: chosen, end: chosen + exact.length, confidence: 0.9 };
  }
  return null;
}

/** Last resort before orphaning: the quote moved far (a paragraph moved) but is still there word for word. */
function placeAnywhere(text: string, a: AnchoredAnnotation, expected: number): Placement | null {
  const { exact } = a.quote;
  if (exact.length === 0) return null;
  const anywhere = occurrences(text, exact, 0, text.length);
  if (anywhere.length === 1) {
    return { status: 'exact', start: anywhere[0]!, end: anywhere[0]! + exact.length, confidence: 0.95 };
  }
  if (anywhere.length > 1) {
    const chosen = bestByContext(text, anywhere, a, expected);
    const score = contextScore(text, chosen, chosen + exact.length, a.quote.prefix, a.quote.suffix);
    if (score >= 0.5)
      return { status: 'context', start: chosen, end: chosen + exact.length, confidence: 0.8 };
  }
  return null;
}

/** The quote itself was edited but the words around it survive: take what lies between them. */
function placeBetweenContext(
  text: string,
  a: AnchoredAnnotation,
  expected: number,
  window: number,
): Placement | null {
  const { exact, prefix, suffix } = a.quote;
  const prefixProbe = prefix.slice(-CONTEXT_PROBE);
  const suffixProbe = suffix.slice(0, CONTEXT_PROBE);
  if (!prefixProbe && !suffixProbe) return null;
  let start = 0;
  if (prefixProbe) {
    const starts = occurrences(text, prefixProbe, expected - window - prefixProbe.length, expected + window);
    if (starts.length === 0) return null;
    const nearest = starts.reduce((x, y) =>
      Math.abs(y + prefixProbe.length - expected) < Math.abs(x + prefixProbe.length - expected) ? y : x,
    );
    start = nearest + prefixProbe.length;
  }
  let end = text.length;
  if (suffixProbe) {
    const found = occurrences(text, suffixProbe, start, start + exact.length * 2 + 10, 1);
    if (found.length === 0) return null;
    end = found[0]!;
  }
  const length = end - start;
  if (length < exact.length * 0.5 || length > exact.length * 1.5 + 10) return null;
  return { status: 'context', start, end, confidence: 0.85 };
}

function placeFuzzily(
  text: string,
  a: AnchoredAnnotation,
  expected: number,
  window: number,
  minConfidence: number,
): Placement | null {
  const { exact } = a.quote;
  if (exact.length === 0) return null;
  const from = Math.max(0, expected - window);
  const to = Math.min(text.length, expected + exact.length + window);
  const maxErrors = Math.floor(exact.length * (1 - minConfidence));
  const matches = search(text.slice(from, to), exact, maxErrors);
  let best: Placement | null = null;
  let bestScore = -Infinity;
  for (const m of matches) {
    const start = from + m.start;
    const end = from + m.end;
    const confidence = 1 - m.errors / exact.length;
    const score =
      confidence +
      0.2 * contextScore(text, start, end, a.quote.prefix, a.quote.suffix) -
      (0.1 * Math.abs(start - expected)) / (window + 1);
    if (score > bestScore) {
      bestScore = score;
      best = { status: 'fuzzy', start, end, confidence };
    }
  }
  if (!best || best.confidence < minConfidence) return null;
  return { ...best, ...snapToContext(text, best.start, best.end, a.quote.prefix, a.quote.suffix) };
}

// How far a fuzzy match's ends may move to meet the surviving context.
const SNAP_DISTANCE = 12;
const SNAP_PROBE = 8;

/**
 * A fuzzy match can stop short of an edited last word ("... marufe" for "... marufe rijifeho mahoda"). Where the
 * old suffix (or prefix) still stands just beside the match, the quote must end (or start) right there.
 */
function snapToContext(text: string, start: number, end: number, prefix: string, suffix: string) {
  let snappedStart = start;
  let snappedEnd = end;
  const suffixProbe = suffix.slice(0, SNAP_PROBE);
  if (suffixProbe.length === SNAP_PROBE) {
    const near = occurrences(text, suffixProbe, end - SNAP_DISTANCE, end + SNAP_DISTANCE);
    const at = near.sort((x, y) => Math.abs(x - end) - Math.abs(y - end))[0];
    if (at !== undefined && at > start) snappedEnd = at;
  }
  const prefixProbe = prefix.slice(-SNAP_PROBE);
  if (prefixProbe.length === SNAP_PROBE) {
    const near = occurrences(text, prefixProbe, start - SNAP_PROBE - SNAP_DISTANCE, start + SNAP_DISTANCE);
    const at = near.map((x) => x + SNAP_PROBE).sort((x, y) => Math.abs(x - start) - Math.abs(y - start))[0];
    if (at !== undefined && at < snappedEnd) snappedStart = at;
  }
  return { start: snappedStart, end: snappedEnd };
}

/**
 * Places each annotation on the new text. Every input annotation gets exactly one result, in input order:
 * annotations are never dropped, those that cannot be placed confidently come back as 'orphaned'.
 */
export function reanchorAnnotations(
  annotations: AnchoredAnnotation[],
  oldText: string,
  newText: string,
  opts: ReanchorOptions = {},
): ReanchorResult[] {
  const window = opts.window ?? DEFAULT_WINDOW;
  const minFuzzyConfidence = opts.minFuzzyConfidence ?? DEFAULT_MIN_FUZZY_CONFIDENCE;
  const positions = buildPositionMap(oldText, newText);
  return annotations.map((a) => {
    const expected = positions.toNew(a.position.start);
    const placed =
      placeExactly(newText, a, expected, window) ??
      placeBetweenContext(newText, a, expected, window) ??
      placeFuzzily(newText, a, expected, window, minFuzzyConfidence) ??
      placeAnywhere(newText, a, expected);
    if (placed) return { id: a.id, ...placed };
    const end = Math.min(newText.length, expected + (a.position.end - a.position.start));
    return { id: a.id, status: 'orphaned', start: expected, end, confidence: 0 };
  });
}
