// Quantity kinds and disputed figures, and the conflicts they give between two statements of different articles.
import { describe, expect, it } from 'vitest';
import { findConflicts } from '../../../../../../src-main/shared/compare/conflicts';
import { findQuantities } from '../../../../../../src-main/shared/compare/corroboration/quantity';
import { relate, stanceFrom } from '../../../../../../src-main/shared/compare/corroboration/relation';
import { effectiveStance } from '../../../../../../src-main/shared/compare/matrix';

const kinds = (text: string) => findQuantities(text).map((q) => [q.figure.text, q.kind, q.disputed]);

describe('quantity kinds', () => {
  it('gives different words for armed people one kind', () => {
    expect(kinds('The militia fields 4,500 gunmen.')).toEqual([['4,500', 'personnel', false]]);
    expect(kinds('Officials counted nearly 600 insurgents and 40 advisers.')).toEqual([
      ['600', 'personnel', false],
      ['40', 'personnel', false],
    ]);
  });

  it('tells casualties, people, money and distances apart', () => {
    expect(kinds('Twenty villagers were killed near a bridge 15 km north.')).toEqual([
      ['Twenty', 'casualties', false],
      ['15', 'distance', false],
    ]);
    expect(kinds('The fund paid $2.5 million to 800 refugees.')).toEqual([
      ['2.5 million', 'money', false],
      ['800', 'people', false],
    ]);
  });

  it('marks a figure the statement argues against, and gives it the kind of the figure it reports', () => {
    expect(kinds('The army has 1,300 soldiers there, not 5,000 as claimed.')).toEqual([
      ['1,300', 'personnel', false],
      ['5,000', 'personnel', true],
    ]);
    expect(
      kinds('Police said about 70 protesters gathered, rather than the 300 cited by organisers.'),
    ).toEqual([
      ['70', 'people', false],
      ['300', 'people', true],
    ]);
  });
});

describe('conflicts across articles', () => {
  it('flags differing counts of the same kind worded differently', () => {
    const found = findConflicts(
      'The group has roughly 3,000 militants.',
      'It now counts some 1,100 combatants.',
    );
    expect(found.map((c) => [c.kind, c.summary])).toEqual([['figure', '3,000 vs 1,100']]);
  });

  it('flags the figure a statement disputes even though it mentions it too', () => {
    const a = 'A ministry spokesman put the convoy at 450 trucks.';
    const b = 'Drivers counted about 120 trucks, far fewer than the 450 announced by the ministry.';
    expect(findConflicts(a, b).map((c) => c.summary)).toEqual(['450 vs 120']);
    expect(findConflicts(b, a).map((c) => c.summary)).toEqual(['120 vs 450']);
  });

  it('does not flag figures of different kinds or one agreeing value', () => {
    expect(findConflicts('Rebels seized 12 trucks.', 'Rebels killed 30 soldiers.')).toEqual([]);
    expect(
      findConflicts('The mission has 300 instructors.', 'About 300 instructors serve with the mission.'),
    ).toEqual([]);
  });

  it('reads a statement as agreeing, differing with the figure, or denying', () => {
    const focus = {
      text: 'The regional council said 52 houses were destroyed by the storm.',
      negated: false,
    };
    expect(
      relate(focus, { text: 'The storm destroyed 52 houses, the council said.', negated: false }).kind,
    ).toBe('agrees');
    const differs = relate(focus, {
      text: 'Residents said 90 houses were destroyed by the storm.',
      negated: false,
    });
    expect([differs.kind, differs.detail]).toEqual(['differs', '90 vs 52']);
    expect(stanceFrom(differs)).toBe('denies');
    expect(
      relate(focus, { text: 'The council denied that houses were destroyed.', negated: true }).kind,
    ).toBe('denies');
  });

  it('counts a statement attached as asserting a claim whose figure it disputes as denying it', () => {
    const claim = 'The coalition has 9,000 fighters';
    expect(effectiveStance(claim, 'The coalition has about 2,000 fighters, not 9,000.', 'asserts')).toEqual({
      stance: 'denies',
      disputes: '2,000 vs 9,000',
    });
    expect(
      effectiveStance(claim, 'Its 9,000 fighters are spread over three provinces.', 'asserts').stance,
    ).toBe('asserts');
  });
});
