// Order-free alignment of different articles for the compare view: a statement joins the row of the statement
// it matches best anywhere in the columns before it; unmatched statements stay in place in their own column.
import type { AlignColumn, AlignedRow, ManualAlignment } from '../align';
import { CorroborationIndex, DEFAULT_MATCH_THRESHOLD } from './matchIndex';
import { corroborationRecord } from './signature';

interface Row {
  cells: (string | null)[];
  scores: number[];
  manual: boolean;
}

const pairKey = (a: string, b: string) => (a < b ? `${a}\u0000${b}` : `${b}\u0000${a}`);

/** Where each statement of one column goes: a row it matches (best first), or nowhere. */
function placeColumn(
  column: AlignColumn,
  rows: Row[],
  rowOf: Map<string, Row>,
  index: CorroborationIndex,
  manual: Map<string, ManualAlignment['state']>,
  threshold: number,
): Map<string, { row: Row; score: number; manual: boolean }> {
  const wanted: { id: string; row: Row; score: number; manual: boolean }[] = [];
  for (const s of column.statements) {
    for (const row of rows) {
      const forced = row.cells.some((cell) => cell !== null && manual.get(pairKey(cell, s.id)) === 'aligned');
      if (forced) wanted.push({ id: s.id, row, score: Infinity, manual: true });
    }
    for (const m of index.matches(s.id, { threshold })) {
      const row = rowOf.get(m.statementId);
      if (!row) continue;
      if (row.cells.some((cell) => cell !== null && manual.get(pairKey(cell, s.id)) === 'unaligned'))
        continue;
      wanted.push({ id: s.id, row, score: m.score, manual: false });
    }
  }
  // Strongest pairs first; a row takes one statement of this column, a statement joins one row.
  wanted.sort((x, y) => y.score - x.score);
  const placed = new Map<string, { row: Row; score: number; manual: boolean }>();
  const taken = new Set<Row>();
  for (const w of wanted) {
    if (placed.has(w.id) || taken.has(w.row)) continue;
    placed.set(w.id, w);
    taken.add(w.row);
  }
  return placed;
}

/**
 * Lines up 2–4 different articles. Every statement appears in exactly one row. The first column keeps its order;
 * a later column's statement sits in the row of its best match, or, unmatched, right after the row of the
 * statement before it in its own article. A manual "aligned" pair always shares a row; a manual "unaligned" pair
 * never does; other pairs are left as the automatic matching found them.
 */
export function alignAcross(
  columns: AlignColumn[],
  opts: { manual?: ManualAlignment[]; threshold?: number } = {},
): { rows: AlignedRow[] } {
  const threshold = opts.threshold ?? DEFAULT_MATCH_THRESHOLD;
  const manual = new Map<string, ManualAlignment['state']>();
  for (const m of opts.manual ?? []) manual.set(pairKey(m.aId, m.bId), m.state);
  const index = new CorroborationIndex();
  for (const column of columns) {
    for (const s of column.statements) {
      const text = column.text.slice(s.start, s.end);
      index.add(corroborationRecord(s.id, column.articleId, text, s.entities ?? []));
    }
  }
  const width = columns.length;
  const emptyCells = () => new Array<string | null>(width).fill(null);
  let rows: Row[] = (columns[0]?.statements ?? []).map((s) => {
    const cells = emptyCells();
    cells[0] = s.id;
    return { cells, scores: [], manual: false };
  });
  const rowOf = new Map<string, Row>(rows.map((r) => [r.cells[0]!, r]));
  for (let c = 1; c < width; c++) {
    const column = columns[c]!;
    const placed = placeColumn(column, rows, rowOf, index, manual, threshold);
    const next: Row[] = [];
    const after = new Map<Row | null, Row[]>();
    let previous: Row | null = null;
    for (const s of column.statements) {
      const place = placed.get(s.id);
      if (place) {
        place.row.cells[c] = s.id;
        if (place.score !== Infinity) place.row.scores.push(place.score);
        place.row.manual ||= place.manual;
        previous = place.row;
      } else {
        const cells = emptyCells();
        cells[c] = s.id;
        const lone: Row = { cells, scores: [], manual: false };
        after.set(previous, [...(after.get(previous) ?? []), lone]);
        previous = lone;
      }
      rowOf.set(s.id, previous);
    }
    const insert = (row: Row | null) => {
      for (const lone of after.get(row) ?? []) {
        next.push(lone);
        insert(lone);
      }
    };
    insert(null);
    for (const row of rows) {
      next.push(row);
      insert(row);
    }
    rows = next;
  }
  return {
    rows: rows.map((row) => ({
      cells: row.cells,
      score: row.scores.length ? row.scores.reduce((a, b) => a + b, 0) / row.scores.length : 0,
      manual: row.manual,
    })),
  };
}
