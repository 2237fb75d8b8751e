// Builds the rows of the compare view: aligned statements, their word-level differences and conflicts.
import type { Statement } from '../../../src-main/shared/domain';
import { alignArticles, type ManualAlignment } from '../../../src-main/shared/compare/align';
import { alignAcross } from '../../../src-main/shared/compare/corroboration/crossAlign';
import { wordDiff, type DiffOp, type DiffSegment } from '../../../src-main/shared/compare/wordDiff';
import { findConflicts, type Conflict } from '../../../src-main/shared/compare/conflicts';
import type { Alignment, CompareColumn } from '../../lib/db';

/** A run of a statement's text: same/added/removed against its row's first statement, and whether it clashes. */
export interface MarkedSegment {
  text: string;
  op: DiffOp;
  conflict: boolean;
}

export interface CompareCell {
  statement: Statement;
  text: string;
}

export interface RowConflict {
  kind: Conflict['kind'];
  severity: Conflict['severity'];
  summary: string;
  /** Column indexes of the two statements that clash. */
  columns: [number, number];
}

export interface CompareRow {
  /** Stable key for rendering: the ids of its statements. */
  key: string;
  cells: (CompareCell | null)[];
  score: number;
  manual: boolean;
}

/** What a row shows besides its statements: each cell's marked text, and the clashes between them. */
export interface RowDetails {
  segments: (MarkedSegment[] | null)[];
  conflicts: RowConflict[];
}

/** Splits diff segments further where a conflicting span starts or ends, so both can be marked at once. */
export function markSegments(
  segments: DiffSegment[],
  spans: { start: number; end: number }[],
): MarkedSegment[] {
  const out: MarkedSegment[] = [];
  let offset = 0;
  for (const seg of segments) {
    const cuts = new Set<number>([0, seg.text.length]);
    for (const s of spans) {
      for (const p of [s.start - offset, s.end - offset]) if (p > 0 && p < seg.text.length) cuts.add(p);
    }
    const points = [...cuts].sort((a, b) => a - b);
    for (let i = 0; i + 1 < points.length; i++) {
      const from = offset + points[i]!;
      const to = offset + points[i + 1]!;
      const conflict = spans.some((s) => s.start < to && s.end > from);
      const text = seg.text.slice(points[i]!, points[i + 1]!);
      const last = out.at(-1);
      if (last && last.op === seg.op && last.conflict === conflict) last.text += text;
      else out.push({ text, op: seg.op, conflict });
    }
    offset += seg.text.length;
  }
  return out;
}

const plain = (text: string): MarkedSegment[] => [{ text, op: 'same', conflict: false }];

const details = new WeakMap<CompareRow, RowDetails>();

/**
 * Diff and conflicts of one row, computed when the row is first shown (a long article has thousands of rows) and
 * remembered. Every statement is compared with the row's first one (the pivot).
 */
export function describeRow(row: CompareRow): RowDetails {
  let found = details.get(row);
  if (!found) {
    found = compareTexts(row.cells.map((c) => c?.text ?? null));
    details.set(row, found);
  }
  return found;
}

function compareTexts(texts: (string | null)[]): RowDetails {
  const pivot = texts.findIndex((t) => t !== null);
  const segments: (MarkedSegment[] | null)[] = texts.map((t) => (t === null ? null : plain(t)));
  const conflicts: RowConflict[] = [];
  const others = texts.map((t, i) => (t !== null && i !== pivot ? i : -1)).filter((i) => i >= 0);
  if (pivot < 0 || others.length === 0) return { segments, conflicts };
  const pivotText = texts[pivot]!;
  const pivotSpans: { start: number; end: number }[] = [];
  let pivotDiff: DiffSegment[] | null = null;
  for (const i of others) {
    const text = texts[i]!;
    const diff = wordDiff(pivotText, text);
    pivotDiff ??= diff.a;
    const found = findConflicts(pivotText, text);
    pivotSpans.push(...found.map((c) => c.a));
    segments[i] = markSegments(
      diff.b,
      found.map((c) => c.b),
    );
    for (const c of found)
      conflicts.push({ kind: c.kind, severity: c.severity, summary: c.summary, columns: [pivot, i] });
  }
  segments[pivot] = markSegments(pivotDiff ?? [{ text: pivotText, op: 'same' }], pivotSpans);
  return { segments, conflicts };
}

export function toManual(alignments: Alignment[]): ManualAlignment[] {
  return alignments.map((a) => ({ aId: a.aStatementId, bId: a.bStatementId, state: a.state }));
}

/** True when the articles form one family of versions (each linked to another by `versionOf`). */
export function areVersions(articles: Pick<CompareColumn['article'], 'id' | 'versionOf'>[]): boolean {
  if (articles.length < 2) return false;
  const linked = (a: (typeof articles)[number], b: (typeof articles)[number]) =>
    a.versionOf === b.id || b.versionOf === a.id || (a.versionOf !== null && a.versionOf === b.versionOf);
  const reached = new Set([articles[0]!.id]);
  for (let grew = true; grew;) {
    grew = false;
    for (const a of articles) {
      if (reached.has(a.id)) continue;
      if (articles.some((b) => reached.has(b.id) && linked(a, b))) {
        reached.add(a.id);
        grew = true;
      }
    }
  }
  return reached.size === articles.length;
}

/** The rows of the compare view for these columns, honouring the user's manual choices. */
export function buildCompareRows(columns: CompareColumn[], manual: Alignment[]): CompareRow[] {
  const byId = new Map<string, { statement: Statement; text: string }>();
  for (const c of columns) {
    for (const s of c.statements)
      byId.set(s.id, { statement: s, text: c.article.text.slice(s.start, s.end) });
  }
  const input = columns.map((c) => ({
    articleId: c.article.id,
    text: c.article.text,
    statements: c.statements,
  }));
  // Versions of one article keep their order; different articles tell the same events in any order.
  const align = areVersions(columns.map((c) => c.article)) ? alignArticles : alignAcross;
  const { rows } = align(input, { manual: toManual(manual) });
  return rows.map((row) => ({
    key: row.cells.map((id) => id ?? '-').join('|'),
    cells: row.cells.map((id) => (id ? (byId.get(id) ?? null) : null)),
    score: row.score,
    manual: row.manual,
  }));
}

/** Pairs of statements in a row, for aligning or unaligning the whole row by hand. */
export function rowPairs(row: CompareRow): [string, string][] {
  const ids = row.cells.filter((c): c is CompareCell => !!c).map((c) => c.statement.id);
  const pairs: [string, string][] = [];
  for (let i = 0; i < ids.length; i++)
    for (let j = i + 1; j < ids.length; j++) pairs.push([ids[i]!, ids[j]!]);
  return pairs;
}

/**
 * Keyboard movement in the grid: up/down to the next statement of the same column, left/right to the other
 * column's statement in the same row, or the nearest one below (then above) when that row has none there.
 */
export function stepFrom(
  rows: CompareRow[],
  at: { r: number; c: number },
  dr: number,
  dc: number,
): CompareCell | null {
  const columnCount = rows[0]?.cells.length ?? 0;
  const c = Math.max(0, Math.min(columnCount - 1, at.c + dc));
  if (dr !== 0) {
    for (let r = at.r + dr; r >= 0 && r < rows.length; r += dr) {
      const cell = rows[r]!.cells[c];
      if (cell) return cell;
    }
    return null;
  }
  for (let d = 0; d < rows.length; d++) {
    for (const r of [at.r + d, at.r - d]) {
      const cell = rows[r]?.cells[c];
      if (cell) return cell;
    }
  }
  return null;
}
