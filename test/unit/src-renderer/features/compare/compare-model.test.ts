// The compare view's rows: every statement once and in order, manual choices obeyed, differences and clashes marked.
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import {
  buildCompareRows,
  describeRow,
  markSegments,
  rowPairs,
  stepFrom,
  type CompareRow,
} from '../../../../../src-renderer/features/compare/compare-model';
import {
  compareColumnsIn,
  setAlignmentsIn,
  manualAlignmentsIn,
  clearAlignmentsIn,
} from '../../../../../src-renderer/lib/db/compare';
import { freshDb, secondText, seedText, store, statementStarting } from '../../../helpers/compare-workspace';

async function twoArticles() {
  const db = freshDb();
  const seed = await store(db, seedText, 'seed.txt');
  const second = await store(db, secondText, 'second.txt');
  const columns = await compareColumnsIn(db, [seed.article.id, second.article.id]);
  return { db, seed, second, columns };
}

const rowOf = (rows: CompareRow[], id: string) =>
  rows.find((r) => r.cells.some((c) => c?.statement.id === id));

describe('compare rows', () => {
  it('places every statement once, in its column’s order, and pairs the two reports of Bogdanov’s denial', async () => {
    const { seed, second, columns } = await twoArticles();
    const rows = buildCompareRows(columns, []);
    for (const [c, s] of [seed, second].entries()) {
      const ids = rows.flatMap((r) => (r.cells[c] ? [r.cells[c]!.statement.id] : []));
      expect(ids).toEqual(s.statements.map((st) => st.id));
    }
    const denial = statementStarting(seed, 'Russian Deputy Foreign Minister Mikhail Bogdanov');
    const other = statementStarting(second, 'Deputy Foreign Minister Mikhail Bogdanov denied');
    expect(rowOf(rows, denial.id)?.cells[1]?.statement.id).toBe(other.id);
  });

  it('flags the rebel coalition’s size (9,000 vs 8,000) and marks both figures in the text', async () => {
    const { seed, columns } = await twoArticles();
    const rows = buildCompareRows(columns, []);
    const tass = statementStarting(seed, 'Russian state news agency Tass numbered');
    const row = rowOf(rows, tass.id)!;
    const details = describeRow(row);
    const figure = details.conflicts.find((c) => c.kind === 'figure');
    expect(figure?.summary).toMatch(/9,000.*8,000/);
    // Runs of marked text (a clash may span several diff segments: "9" changed, ",000" the same).
    const marked = (c: number) =>
      details.segments[c]!.map((s) => (s.conflict ? s.text : '|'))
        .join('')
        .split('|');
    expect(marked(0)).toContain('9,000');
    expect(marked(1)).toContain('8,000');
    // The marks never change the text.
    row.cells.forEach((cell, c) => expect(details.segments[c]!.map((s) => s.text).join('')).toBe(cell!.text));
  });

  it('obeys unalign and align by hand, stored once per pair, and forgets them on realign', async () => {
    const { db, seed, second, columns } = await twoArticles();
    const ids = columns.flatMap((c) => c.statements.map((s) => s.id));
    const denial = statementStarting(seed, 'Russian Deputy Foreign Minister Mikhail Bogdanov');
    const row = rowOf(buildCompareRows(columns, []), denial.id)!;
    await setAlignmentsIn(db, rowPairs(row), 'unaligned');
    let rows = buildCompareRows(columns, await manualAlignmentsIn(db, ids));
    expect(rowOf(rows, denial.id)!.cells[1]).toBeNull();

    const fuel = statementStarting(second, 'The price of fuel');
    // Stored in either order, a pair is one record; the last choice wins.
    await setAlignmentsIn(db, [[fuel.id, denial.id]], 'unaligned');
    await setAlignmentsIn(db, [[denial.id, fuel.id]], 'aligned');
    const manual = await manualAlignmentsIn(db, ids);
    expect(manual.filter((m) => [m.aStatementId, m.bStatementId].includes(fuel.id))).toHaveLength(1);
    rows = buildCompareRows(columns, manual);
    const forced = rowOf(rows, denial.id)!;
    expect(forced.cells[1]?.statement.id).toBe(fuel.id);
    expect(forced.manual).toBe(true);

    await clearAlignmentsIn(db, [denial.id]);
    expect(await manualAlignmentsIn(db, [denial.id])).toEqual([]);
  });

  it('moves the keyboard selection down a column and across to the nearest statement', async () => {
    const { columns } = await twoArticles();
    const rows = buildCompareRows(columns, []);
    const lonely = rows.findIndex((r) => r.cells[0] && !r.cells[1]);
    const down = stepFrom(rows, { r: lonely, c: 0 }, 1, 0);
    expect(down?.statement.index).toBe(rows[lonely]!.cells[0]!.statement.index + 1);
    const across = stepFrom(rows, { r: lonely, c: 0 }, 0, 1);
    expect(across).not.toBeNull();
    const acrossRow = rows.findIndex((r) => r.cells[1]?.statement.id === across!.statement.id);
    // No row holds a statement of column 2 closer to where we were.
    const nearer = rows.some((r, i) => r.cells[1] && Math.abs(i - lonely) < Math.abs(acrossRow - lonely));
    expect(nearer).toBe(false);
  });
});

describe('markSegments', () => {
  it('splits diff runs at clash boundaries without losing text', () => {
    const segs = markSegments(
      [
        { text: 'about ', op: 'same' },
        { text: '8,000 fighters', op: 'added' },
      ],
      [{ start: 6, end: 11 }],
    );
    expect(segs).toEqual([
      { text: 'about ', op: 'same', conflict: false },
      { text: '8,000', op: 'added', conflict: true },
      { text: ' fighters', op: 'added', conflict: false },
    ]);
  });
});
