// Conflicting figures, dates and actors between aligned statements of the seed and the second outlet.
import { describe, expect, it } from 'vitest';
import { alignArticles } from '../../../../../src-main/shared/compare/align';
import { findConflicts, type Conflict } from '../../../../../src-main/shared/compare/conflicts';
import { secondColumn, seedColumn, statementText, statementWith } from './fixtures';

/** Conflicts between the aligned statements that contain the given words. */
function conflictsBetween(
  seedWords: string,
  secondWords: string,
): { a: string; b: string; conflicts: Conflict[] } {
  const a = statementText(seedColumn, statementWith(seedColumn, seedWords));
  const b = statementText(secondColumn, statementWith(secondColumn, secondWords));
  return { a, b, conflicts: findConflicts(a, b) };
}

function only(conflicts: Conflict[], kind: Conflict['kind']): Conflict {
  const found = conflicts.filter((c) => c.kind === kind);
  expect(found).toHaveLength(1);
  return found[0]!;
}

describe('findConflicts on the fixtures', () => {
  it('flags the rebel count and who gave it', () => {
    const { a, b, conflicts } = conflictsBetween('Tass numbered', 'Interfax numbered');
    const figure = only(conflicts, 'figure');
    // Expected figures are read from the texts: the one number in each sentence.
    expect(figure.a.text).toBe(a.match(/\d[\d,]*/)![0]);
    expect(figure.b.text).toBe(b.match(/\d[\d,]*/)![0]);
    expect(a.slice(figure.a.start, figure.a.end)).toBe(figure.a.text);
    expect(b.slice(figure.b.start, figure.b.end)).toBe(figure.b.text);
    expect(figure.severity).toBe('clash');
    const actor = only(conflicts, 'actor');
    expect([actor.a.text, actor.b.text]).toEqual(['Tass', 'Interfax']);
  });

  it('flags the election date and the day of the announcement', () => {
    const election = only(conflictsBetween('seeking reelection', 'seeking a second term').conflicts, 'date');
    expect([election.a.text, election.b.text]).toEqual([
      seedColumn.text.match(/December \d+/)![0],
      secondColumn.text.match(/December \d+/)![0],
    ]);
    const announced = only(
      conflictsBetween('government of the Central African Republic (CAR)', 'government of the Central')
        .conflicts,
      'date',
    );
    expect(announced.a.text).toBe('Monday');
    expect(announced.b.text).toBe('Sunday');
  });

  it('flags the distance to Mbaiki but not the matching words around it', () => {
    const { conflicts } = conflictsBetween('Mbaiki', 'Mbaiki');
    expect(conflicts).toHaveLength(1);
    expect(conflicts[0]!.kind).toBe('figure');
  });

  it('finds conflicts only in some aligned pairs, and none in pairs that agree', () => {
    const { rows } = alignArticles([seedColumn, secondColumn]);
    const pairs = rows.filter((r) => r.cells[0] && r.cells[1]);
    const withConflicts = pairs.filter(
      (r) =>
        findConflicts(statementText(seedColumn, r.cells[0]!), statementText(secondColumn, r.cells[1]!))
          .length,
    );
    expect(withConflicts.length).toBeGreaterThanOrEqual(4);
    expect(withConflicts.length).toBeLessThan(pairs.length);
    expect(conflictsBetween('Bogdanov explicitly denied', 'Bogdanov denied that').conflicts).toEqual([]);
  });

  it('never flags a statement against itself', () => {
    for (const s of seedColumn.statements) {
      const text = seedColumn.text.slice(s.start, s.end);
      expect(findConflicts(text, text)).toEqual([]);
    }
  });
});

describe('findConflicts on figures written differently', () => {
  it.each([
    ['300 instructors', 'three hundred instructors'],
    ['roughly 9,000 militants', 'nine thousand militants'],
    ['a dozen soldiers', '12 soldiers'],
    ['2.5 million people', '2,500,000 people'],
    ['on December 27', 'on Dec. 27, 2020'],
    ['100 km away', 'one hundred km away'],
  ])('"%s" and "%s" agree', (a, b) => {
    expect(findConflicts(a, b)).toEqual([]);
  });

  it.each([
    ['several hundred soldiers', '300 instructors', 'imprecise'],
    ['9,000 militants', '8,000 militants', 'clash'],
    ['three hundred men', 'four hundred men', 'clash'],
    ['hundreds of fighters', '12,000 fighters', 'clash'],
  ])('"%s" and "%s" conflict (%s)', (a, b, severity) => {
    const figure = only(findConflicts(a, b), 'figure');
    expect(figure.severity).toBe(severity);
  });

  it('flags days and weekdays that differ', () => {
    expect(only(findConflicts('on December 21', 'on December 22'), 'date').summary).toContain('December 21');
    expect(only(findConflicts('It happened on Monday.', 'It happened on Tuesday.'), 'date').b.text).toBe(
      'Tuesday',
    );
  });

  it('compares a distance with a distance, not with a head count', () => {
    expect(findConflicts('300 soldiers were 100 km away', '300 soldiers were 70 km away')).toHaveLength(1);
  });

  it('does not flag an actor named differently but shared ("Bogdanov" and "Mikhail Bogdanov")', () => {
    expect(findConflicts('Mikhail Bogdanov denied the report.', 'Bogdanov denied the report.')).toEqual([]);
    expect(
      only(findConflicts('Russia denied the report.', 'Rwanda denied the report.'), 'actor').b.text,
    ).toBe('Rwanda');
  });
});
