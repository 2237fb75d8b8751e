// Alignment of the seed article with another outlet's report of the same events.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  alignArticles,
  type AlignColumn,
  type AlignedRow,
} from '../../../../../src-main/shared/compare/align';
import { secondColumn, seedColumn, statementWith } from './fixtures';

function rowOf(rows: AlignedRow[], id: string): AlignedRow {
  const row = rows.find((r) => r.cells.includes(id));
  if (!row) throw new Error(`statement ${id} is in no row`);
  return row;
}

/** Every statement in exactly one row, and each column's statements in their original order. */
function expectCompleteAndMonotonic(columns: AlignColumn[], rows: AlignedRow[]): void {
  columns.forEach((column, c) => {
    const inRows = rows.map((r) => r.cells[c]).filter((id): id is string => id !== null && id !== undefined);
    expect(inRows).toEqual(column.statements.map((s) => s.id));
  });
  for (const row of rows) expect(row.cells.some((cell) => cell !== null)).toBe(true);
}

describe('alignArticles on the seed and a second outlet', () => {
  const { rows } = alignArticles([seedColumn, secondColumn]);

  it('puts Bogdanov’s denial next to the second outlet’s report of it', () => {
    const seedDenial = statementWith(seedColumn, 'Bogdanov explicitly denied');
    const secondDenial = statementWith(secondColumn, 'Bogdanov denied that Russia had sent');
    const row = rowOf(rows, seedDenial);
    expect(row.cells[1]).toBe(secondDenial);
    expect(row.score).toBeGreaterThan(0.5);
  });

  it('aligns the government announcement and the rebel count although their figures and days differ', () => {
    expect(rowOf(rows, seedColumn.statements[0]!.id).cells[1]).toBe(secondColumn.statements[0]!.id);
    expect(rowOf(rows, statementWith(seedColumn, 'Tass numbered')).cells[1]).toBe(
      statementWith(secondColumn, 'Interfax numbered'),
    );
  });

  it('leaves statements about other things alone in their rows', () => {
    for (const words of ['Heavy rains', 'price of fuel', 'European Union', 'Voter registration']) {
      const row = rowOf(rows, statementWith(secondColumn, words));
      expect(row.cells[0]).toBeNull();
      expect(row.score).toBe(0);
    }
  });

  it('keeps every statement once and in order in its column', () => {
    expectCompleteAndMonotonic([seedColumn, secondColumn], rows);
    for (const row of rows) {
      expect(row.score).toBeGreaterThanOrEqual(0);
      expect(row.score).toBeLessThanOrEqual(1);
    }
  });
});

describe('manual alignment choices', () => {
  const seedDenial = statementWith(seedColumn, 'Bogdanov explicitly denied');
  const secondDenial = statementWith(secondColumn, 'Bogdanov denied that Russia had sent');

  it('unaligns a pair the user separated', () => {
    const { rows } = alignArticles([seedColumn, secondColumn], {
      manual: [{ aId: seedDenial, bId: secondDenial, state: 'unaligned' }],
    });
    expect(rowOf(rows, seedDenial).cells[1]).not.toBe(secondDenial);
    expectCompleteAndMonotonic([seedColumn, secondColumn], rows);
  });

  it('aligns a pair the user joined, even with nothing in common, and marks the row as manual', () => {
    const unclear = statementWith(seedColumn, 'degree of Russian involvement');
    const rains = statementWith(secondColumn, 'Heavy rains');
    const { rows } = alignArticles([seedColumn, secondColumn], {
      manual: [{ aId: rains, bId: unclear, state: 'aligned' }],
    });
    const row = rowOf(rows, unclear);
    expect(row.cells[1]).toBe(rains);
    expect(row.manual).toBe(true);
    expect(rows.filter((r) => r.manual)).toHaveLength(1);
    expectCompleteAndMonotonic([seedColumn, secondColumn], rows);
  });

  it('a higher threshold aligns fewer pairs', () => {
    const paired = (threshold: number) =>
      alignArticles([seedColumn, secondColumn], { threshold }).rows.filter((r) =>
        r.cells.every((c) => c !== null),
      ).length;
    expect(paired(0.6)).toBeLessThan(paired(0.2));
    expect(paired(0.99)).toBe(0);
  });
});

describe('three and four columns', () => {
  // A third "outlet" that repeats the second one's first sentences with its own wording.
  const thirdText =
    'Bangui said Russia and Rwanda deployed several hundred soldiers to counter an attempted coup before the elections.\n' +
    'Mikhail Bogdanov, the deputy foreign minister, denied that Russia had sent additional troops.\n' +
    'Football results from the weekend.';
  const third: AlignColumn = {
    articleId: 'third',
    text: thirdText,
    statements: [...thirdText.matchAll(/[^\n]+/g)].map((m, k) => ({
      id: `third-${k}`,
      start: m.index,
      end: m.index + m[0].length,
    })),
  };

  it('lines up a statement reported by three outlets in one row', () => {
    const { rows } = alignArticles([seedColumn, secondColumn, third]);
    const row = rowOf(rows, 'third-1');
    expect(row.cells).toEqual([
      statementWith(seedColumn, 'Bogdanov explicitly denied'),
      statementWith(secondColumn, 'Bogdanov denied that Russia had sent'),
      'third-1',
    ]);
    expect(rowOf(rows, 'third-2').cells.filter((c) => c !== null)).toHaveLength(1);
    expectCompleteAndMonotonic([seedColumn, secondColumn, third], rows);
  });

  it('handles four columns', () => {
    const columns = [seedColumn, secondColumn, third, { ...secondColumn, articleId: 'copy' }].map((c, k) => ({
      ...c,
      statements: c.statements.map((s) => ({ ...s, id: `${k}:${s.id}` })),
    }));
    const { rows } = alignArticles(columns);
    expectCompleteAndMonotonic(columns, rows);
    // The copy of the second article matches it statement for statement.
    for (const s of secondColumn.statements) expect(rowOf(rows, `1:${s.id}`).cells[3]).toBe(`3:${s.id}`);
  });
});

describe('alignment properties', () => {
  const word = fc.constantFrom(
    'Russia',
    'Rwanda',
    'troops',
    'denied',
    'Bangui',
    'election',
    'rebels',
    'coup',
    '300',
    'Monday',
    'advisers',
    'mission',
  );
  const sentence = fc.array(word, { minLength: 1, maxLength: 8 }).map((w) => w.join(' ') + '.');
  const column = (name: string) =>
    fc.array(sentence, { maxLength: 12 }).map((sentences): AlignColumn => {
      let text = '';
      const statements = sentences.map((s, k) => {
        const start = text.length;
        text += s + ' ';
        return { id: `${name}${k}`, start, end: start + s.length };
      });
      return { articleId: name, text, statements };
    });

  it('rows are complete and monotonic for any 2–4 columns and any manual choices', () => {
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom('a', 'b', 'c', 'd'), { minLength: 2, maxLength: 4 }).chain((names) => {
          const unique = names.map((n, k) => `${n}${k}_`);
          return fc.tuple(
            fc.tuple(...unique.map(column)),
            fc.array(fc.tuple(fc.nat(40), fc.nat(40), fc.boolean()), { maxLength: 5 }),
          );
        }),
        ([columns, choices]) => {
          const ids = columns.flatMap((c) => c.statements.map((s) => s.id));
          const manual = ids.length
            ? choices
                .map(([x, y, on]) => ({
                  aId: ids[x % ids.length]!,
                  bId: ids[y % ids.length]!,
                  state: on ? ('aligned' as const) : ('unaligned' as const),
                }))
                .filter((m) => m.aId !== m.bId)
            : [];
          const { rows } = alignArticles(columns, { manual });
          expectCompleteAndMonotonic(columns, rows);
          // The latest choice about a pair is the one that holds.
          const latest = new Map(manual.map((m) => [[m.aId, m.bId].sort().join('|'), m]));
          for (const choice of [...latest.values()].filter((m) => m.state === 'unaligned')) {
            expect(rows.some((r) => r.cells.includes(choice.aId) && r.cells.includes(choice.bId))).toBe(
              false,
            );
          }
        },
      ),
      { numRuns: 150 },
    );
  });
});
