// Pure span arithmetic for the reader: selection points → article offsets, statements covered by
// a span, annotations indexed by statement, and a statement's text cut into highlight segments.
import type { Annotation, Entity, Statement } from '../../../src-main/shared/domain';

/**
 * One end of a selection, described relative to the statement text elements: inside a rendered
 * segment (whose text starts at article offset `segmentStart`), or before/after a statement's text.
 */
export type TextPoint =
  | { kind: 'segment'; segmentStart: number; segmentLength: number; offset: number }
  | { kind: 'before'; textStart: number }
  | { kind: 'after'; textEnd: number };

export function pointOffset(p: TextPoint): number {
  if (p.kind === 'before') return p.textStart;
  if (p.kind === 'after') return p.textEnd;
  return p.segmentStart + Math.max(0, Math.min(p.offset, p.segmentLength));
}

/**
 * The article span between two selection points (in either order), with surrounding whitespace
 * trimmed; null when nothing but whitespace is selected.
 */
export function spanFromPoints(
  text: string,
  a: TextPoint,
  b: TextPoint,
): { start: number; end: number } | null {
  let start = Math.min(pointOffset(a), pointOffset(b));
  let end = Math.max(pointOffset(a), pointOffset(b));
  start = Math.max(0, start);
  end = Math.min(text.length, end);
  while (start < end && /\s/.test(text[start]!)) start++;
  while (end > start && /\s/.test(text[end - 1]!)) end--;
  return end > start ? { start, end } : null;
}

/** Index of the first statement whose end is after `offset` (statements sorted by start). */
function firstEndingAfter(statements: readonly Statement[], offset: number): number {
  let lo = 0;
  let hi = statements.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (statements[mid]!.end <= offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The statements a span overlaps, in order (binary search: O(log n + k)). */
export function statementsInSpan(statements: readonly Statement[], start: number, end: number): Statement[] {
  const out: Statement[] = [];
  for (let i = firstEndingAfter(statements, start); i < statements.length; i++) {
    const st = statements[i]!;
    if (st.start >= end) break;
    out.push(st);
  }
  return out;
}

/** The statement containing `offset`, or the next one after it; -1 past the end. */
export function statementIndexAt(statements: readonly Statement[], offset: number): number {
  const i = firstEndingAfter(statements, offset);
  return i < statements.length ? i : -1;
}

/** Annotations grouped by the statements they cover; built once per change of the list. */
export function indexByStatement(annotations: readonly Annotation[]): Map<string, Annotation[]> {
  const map = new Map<string, Annotation[]>();
  for (const a of annotations) {
    if (a.orphaned) continue;
    for (const id of a.statementIds) {
      const list = map.get(id);
      if (list) list.push(a);
      else map.set(id, [a]);
    }
  }
  return map;
}

/**
 * indexByStatement, keeping `previous`'s array for every statement whose annotations did not change
 * (a live query result is all new objects; equal arrays spare the unchanged rows a re-render).
 */
export function reindexByStatement(
  previous: ReadonlyMap<string, Annotation[]> | null,
  annotations: readonly Annotation[],
): Map<string, Annotation[]> {
  const next = indexByStatement(annotations);
  if (previous)
    for (const [id, list] of next) {
      const before = previous.get(id);
      if (before && sameAnnotations(before, list)) next.set(id, before);
    }
  return next;
}

/** The annotations with some records replaced or added (a record) or removed (null), keyed by id. */
export function withWrites(
  annotations: readonly Annotation[],
  writes: Readonly<Record<string, Annotation | null>>,
): readonly Annotation[] {
  const ids = Object.keys(writes);
  if (ids.length === 0) return annotations;
  const byId = new Map(annotations.map((a) => [a.id, a]));
  for (const id of ids) {
    const a = writes[id];
    if (a) byId.set(id, a);
    else byId.delete(id);
  }
  return [...byId.values()];
}

/** Whether two annotation records show the same (what a row draws from them, and their version). */
function sameAnnotation(x: Annotation, y: Annotation): boolean {
  return (
    x === y ||
    (x.id === y.id &&
      x.updatedAt === y.updatedAt &&
      x.position.start === y.position.start &&
      x.position.end === y.position.end &&
      x.note === y.note &&
      x.credibility === y.credibility &&
      x.orphaned === y.orphaned &&
      x.tagIds.length === y.tagIds.length &&
      x.tagIds.every((t, i) => t === y.tagIds[i]) &&
      x.statementIds.length === y.statementIds.length &&
      x.statementIds.every((t, i) => t === y.statementIds[i]))
  );
}

/** Whether two lists hold the same annotations, unchanged and in the same order. */
export function sameAnnotations(a: readonly Annotation[], b: readonly Annotation[]): boolean {
  return a.length === b.length && a.every((x, i) => sameAnnotation(x, b[i]!));
}

/** The credibility shown for a statement: from its most recently updated graded annotation. */
export function statementCredibility(annotations: readonly Annotation[] | undefined): number | null {
  let best: Annotation | null = null;
  for (const a of annotations ?? []) {
    if (a.credibility !== null && (!best || a.updatedAt > best.updatedAt)) best = a;
  }
  return best?.credibility ?? null;
}

export interface Segment {
  start: number;
  end: number;
  /** Annotations covering this piece, oldest first (their order decides the colour stack). */
  annotations: Annotation[];
  entity: Entity['type'] | null;
  /** Inside the span the toolbar acts on, or the span being revealed. */
  pending: boolean;
  flash: boolean;
}

interface Extra {
  pending?: { start: number; end: number } | null;
  flash?: { start: number; end: number } | null;
}

/**
 * Cut [start, end) at every annotation, entity and marker boundary. Work is proportional to the
 * marks on this statement only, never to the whole article.
 */
export function segmentText(
  start: number,
  end: number,
  annotations: readonly Annotation[],
  entities: readonly Entity[],
  extra: Extra = {},
): Segment[] {
  const cuts = new Set<number>([start, end]);
  const clip = (x: number) => Math.max(start, Math.min(end, x));
  const anns = [...annotations].sort((a, b) => a.createdAt.localeCompare(b.createdAt));
  for (const a of anns) cuts.add(clip(a.position.start)).add(clip(a.position.end));
  for (const e of entities) cuts.add(clip(e.start)).add(clip(e.end));
  for (const m of [extra.pending, extra.flash]) if (m) cuts.add(clip(m.start)).add(clip(m.end));
  const points = [...cuts].sort((x, y) => x - y);
  const within = (m: { start: number; end: number } | null | undefined, s: number, e: number) =>
    !!m && m.start < e && m.end > s;
  const out: Segment[] = [];
  for (let i = 0; i + 1 < points.length; i++) {
    const s = points[i]!;
    const e = points[i + 1]!;
    if (e <= s) continue;
    out.push({
      start: s,
      end: e,
      annotations: anns.filter((a) => a.position.start < e && a.position.end > s),
      entity: entities.find((en) => en.start < e && en.end > s)?.type ?? null,
      pending: within(extra.pending, s, e),
      flash: within(extra.flash, s, e),
    });
  }
  return out;
}
