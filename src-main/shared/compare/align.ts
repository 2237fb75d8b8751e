// Aligns the statements of 2–4 articles so that statements saying the same thing share a row, keeping each
// column's order (candidates from an inverted index of rare terms, then the heaviest order-preserving match).
import {
  Vocabulary,
  mergeVectors,
  similarity,
  statementTerms,
  toVector,
  type StatementInput,
  type TermBag,
  type TermVector,
} from './features';
import { heaviestOrderedMatch, type CandidatePair } from './orderedMatch';
import { topByShared } from './topByShared';

export interface AlignColumn {
  articleId: string;
  text: string;
  statements: StatementInput[];
}

export interface ManualAlignment {
  aId: string;
  bId: string;
  state: 'aligned' | 'unaligned';
}

export interface AlignOptions {
  /** The user's choices; they override the automatic ones. */
  manual?: ManualAlignment[];
  /** Smallest similarity (0..1) for an automatic match. */
  threshold?: number;
}

export interface AlignedRow {
  /** One statement id per column, or null where that column has nothing to match. */
  cells: (string | null)[];
  /** Mean similarity of the matches that formed the row, 0 for a lone statement. */
  score: number;
  /** True when a manual "aligned" choice put statements in this row. */
  manual: boolean;
}

export const DEFAULT_ALIGN_THRESHOLD = 0.2;
// Candidate generation only follows terms rarer than this share of a column; common terms still count in scores.
const RARE_TERM_SHARE = 0.01;
const MIN_RARE_TERM_POSTINGS = 32;
const CANDIDATES_PER_ITEM = 8;
const PROBE_TERMS = 8;
const VERY_RARE_POSTINGS = 8;
// Manual matches outweigh any sum of automatic similarities (each ≤ 1).
const MANUAL_WEIGHT = 1e6;

interface WorkingRow {
  cells: (string | null)[];
  vector: TermVector;
  scores: number[];
  manual: boolean;
}

function pairKey(a: string, b: string): string {
  return a < b ? `${a}\u0000${b}` : `${b}\u0000${a}`;
}

/** Candidate (row, statement) pairs whose similarity reaches the threshold, found through shared rare terms. */
function findCandidates(
  rows: WorkingRow[],
  column: TermVector[],
  threshold: number,
  termCount: number,
): CandidatePair[] {
  // Postings in compressed form (offsets per term into one array): far less garbage than a Map of arrays.
  const offsets = new Int32Array(termCount + 1);
  for (const vector of column) for (const term of vector.terms) offsets[term + 1]!++;
  for (let t = 0; t < termCount; t++) offsets[t + 1]! += offsets[t]!;
  const postings = new Int32Array(offsets[termCount]!);
  const fill = offsets.slice(0, termCount);
  column.forEach((vector, j) => {
    for (const term of vector.terms) postings[fill[term]!++] = j;
  });
  const rareLimit = Math.max(MIN_RARE_TERM_POSTINGS, Math.ceil(column.length * RARE_TERM_SHARE));
  const shared = new Float64Array(column.length);
  const touched = new Int32Array(column.length);
  const candidates: CandidatePair[] = [];
  const probe: number[] = [];
  for (let i = 0; i < rows.length; i++) {
    const vector = rows[i]!.vector;
    // Probe only the rarest terms (a prefix filter): two statements that say the same thing share some of them.
    // Two passes by posting length instead of a sort per statement.
    probe.length = 0;
    for (let k = 0; k < vector.terms.length; k++) {
      const term = vector.terms[k]!;
      if (offsets[term + 1]! - offsets[term]! <= VERY_RARE_POSTINGS) probe.push(k);
    }
    for (let k = 0; k < vector.terms.length && probe.length < PROBE_TERMS; k++) {
      const term = vector.terms[k]!;
      const postingLength = offsets[term + 1]! - offsets[term]!;
      if (postingLength > VERY_RARE_POSTINGS && postingLength <= rareLimit) probe.push(k);
    }
    let touchedCount = 0;
    for (const k of probe) {
      const term = vector.terms[k]!;
      const weight = vector.weights[k]!;
      for (let p = offsets[term]!, to = offsets[term + 1]!; p < to; p++) {
        const j = postings[p]!;
        if (shared[j] === 0) touched[touchedCount++] = j;
        shared[j]! += weight;
      }
    }
    for (const j of topByShared(touched, touchedCount, shared, CANDIDATES_PER_ITEM)) {
      const score = similarity(vector, column[j]!);
      if (score >= threshold) candidates.push({ i, j, weight: score });
    }
    for (let t = 0; t < touchedCount; t++) shared[touched[t]!] = 0;
  }
  return candidates;
}

/** Aligns the working rows with one more column, honouring manual choices. */
function alignWithColumn(
  rows: WorkingRow[],
  columnIndex: number,
  columnIds: string[],
  columnVectors: TermVector[],
  manual: Map<string, 'aligned' | 'unaligned'>,
  threshold: number,
  columnCount: number,
  termCount: number,
): WorkingRow[] {
  const excluded = new Set<string>();
  const forced = new Map<string, CandidatePair>();
  if (manual.size > 0) {
    rows.forEach((row, i) => {
      for (const cell of row.cells) {
        if (cell === null) continue;
        columnIds.forEach((id, j) => {
          const state = manual.get(pairKey(cell, id));
          if (state === 'unaligned') excluded.add(`${i}:${j}`);
          else if (state === 'aligned') forced.set(`${i}:${j}`, { i, j, weight: MANUAL_WEIGHT });
        });
      }
    });
    // A row holding a statement the user separated from this one cannot take it, even if another cell asks to.
    for (const key of excluded) forced.delete(key);
  }
  let automatic = findCandidates(rows, columnVectors, threshold, termCount);
  if (manual.size > 0) {
    automatic = automatic.filter((c) => !excluded.has(`${c.i}:${c.j}`) && !forced.has(`${c.i}:${c.j}`));
  }
  const chosen = heaviestOrderedMatch([...automatic, ...forced.values()], columnVectors.length);

  const lone = (j: number): WorkingRow => {
    const cells: (string | null)[] = new Array<string | null>(columnCount).fill(null);
    cells[columnIndex] = columnIds[j]!;
    return { cells, vector: columnVectors[j]!, scores: [], manual: false };
  };
  const result: WorkingRow[] = [];
  let nextRow = 0;
  let nextStatement = 0;
  for (const { i, j, weight } of chosen) {
    while (nextRow < i) result.push(rows[nextRow++]!);
    while (nextStatement < j) result.push(lone(nextStatement++));
    const row = rows[i]!;
    const isManual = weight >= MANUAL_WEIGHT;
    const score = isManual ? similarity(row.vector, columnVectors[j]!) : weight;
    const cells = [...row.cells];
    cells[columnIndex] = columnIds[j]!;
    result.push({
      cells,
      // The merged vector only serves the next column's alignment.
      vector: columnIndex < columnCount - 1 ? mergeVectors([row.vector, columnVectors[j]!]) : row.vector,
      scores: [...row.scores, score],
      manual: row.manual || isManual,
    });
    nextRow = i + 1;
    nextStatement = j + 1;
  }
  while (nextRow < rows.length) result.push(rows[nextRow++]!);
  while (nextStatement < columnVectors.length) result.push(lone(nextStatement++));
  return result;
}

/**
 * Lines up 2–4 articles. Every statement appears in exactly one row, and in each column the rows keep the
 * statements' order. Columns are added one at a time: the third is aligned against the rows of the first two.
 */
export function alignArticles(columns: AlignColumn[], opts: AlignOptions = {}): { rows: AlignedRow[] } {
  const threshold = opts.threshold ?? DEFAULT_ALIGN_THRESHOLD;
  const manual = new Map<string, 'aligned' | 'unaligned'>();
  for (const choice of opts.manual ?? []) manual.set(pairKey(choice.aId, choice.bId), choice.state);

  const vocabulary = new Vocabulary();
  const bags: TermBag[][] = columns.map((column) =>
    column.statements.map((s) => statementTerms(column.text.slice(s.start, s.end), vocabulary, s.entities)),
  );
  const statementCount = bags.reduce((n, column) => n + column.length, 0);
  const idf = Float64Array.from(vocabulary.documentFrequency, (df) => Math.log(1 + statementCount / df));
  const vectors = bags.map((column) => column.map((bag) => toVector(bag, idf)));
  if (columns.length === 0) return { rows: [] };

  let rows: WorkingRow[] = columns[0]!.statements.map((s, j) => {
    const cells: (string | null)[] = new Array<string | null>(columns.length).fill(null);
    cells[0] = s.id;
    return { cells, vector: vectors[0]![j]!, scores: [], manual: false };
  });
  for (let c = 1; c < columns.length; c++) {
    const ids = columns[c]!.statements.map((s) => s.id);
    rows = alignWithColumn(
      rows,
      c,
      ids,
      vectors[c]!,
      manual,
      threshold,
      columns.length,
      vocabulary.documentFrequency.length,
    );
  }
  return {
    rows: rows.map((row) => ({
      cells: row.cells,
      score: row.scores.length ? row.scores.reduce((s, x) => s + x, 0) / row.scores.length : 0,
      manual: row.manual,
    })),
  };
}
