// Reading figures and dates out of news sentences, the ground under conflicts, alignment and the timeline.
import { describe, expect, it } from 'vitest';
import { findDateMentions } from '../../../../../src-main/shared/compare/dates';
import { findFigures } from '../../../../../src-main/shared/compare/figures';
import { stem, wordTokens } from '../../../../../src-main/shared/compare/text';
import { seedText } from './fixtures';

describe('findFigures', () => {
  it('reads the seed’s figures with what they count, and not its dates', () => {
    const figures = findFigures(seedText);
    expect(figures.map((f) => f.text)).toEqual(['9,000', '100']);
    expect(figures[0]).toMatchObject({
      low: 9000,
      high: 9000,
      unit: 'militant',
      category: 'count',
      hedged: true,
    });
    expect(figures[1]).toMatchObject({ unit: 'km', category: 'distance', hedged: false });
  });

  it('reads numbers in words and vague quantities as ranges', () => {
    expect(findFigures('three hundred and twenty men')[0]).toMatchObject({
      low: 320,
      high: 320,
      unit: 'man',
    });
    expect(findFigures('twenty-five soldiers')[0]).toMatchObject({ low: 25, high: 25 });
    const vague = findFigures('several hundred soldiers')[0]!;
    expect(vague.low).toBeLessThanOrEqual(300);
    expect(vague.high).toBeGreaterThan(300);
    expect(findFigures('thousands of people')[0]).toMatchObject({ low: 2000, unit: 'person' });
  });

  it('does not take pronouns, years or ordinary words for figures', () => {
    expect(findFigures('He is the one who spoke in 2013.')).toEqual([]);
    expect(findFigures('The constructor said so.')).toEqual([]);
    expect(findFigures('In 2000 troops arrived')[0]).toMatchObject({ low: 2000, unit: 'troop' });
  });
});

describe('findDateMentions', () => {
  it('finds the seed’s dates', () => {
    expect(findDateMentions(seedText).map((d) => [d.kind, d.text])).toEqual([
      ['weekday', 'Monday'],
      ['weekday', 'Tuesday'],
      ['day', 'December 27'],
      ['weekday', 'Tuesday'],
      ['year', '2003'],
      ['year', '2013'],
      ['year', '2018'],
      ['month', 'early November'],
    ]);
  });

  it('reads other spellings and skips "may" the verb', () => {
    expect(findDateMentions('Dec. 22, 2020')[0]).toMatchObject({
      kind: 'day',
      month: 12,
      day: 22,
      year: 2020,
    });
    expect(findDateMentions('22 December')[0]).toMatchObject({ kind: 'day', month: 12, day: 22 });
    expect(findDateMentions('next Friday')[0]).toMatchObject({ weekday: 5, direction: 'future' });
    expect(findDateMentions('They may leave. May I?')).toEqual([]);
  });
});

describe('text helpers', () => {
  it('stems the forms of a verb and a noun to one stem', () => {
    expect(new Set(['deployed', 'deploys', 'deployment', 'deployments'].map(stem)).size).toBe(1);
    expect(new Set(['denied', 'denies', 'deny'].map(stem)).size).toBe(1);
    expect(stem('sent')).toBe(stem('sending'));
  });

  it('keeps offsets of words with inner apostrophes, hyphens and commas', () => {
    const text = 'coup d’etat by Faustin-Archange, 9,000 men.';
    for (const token of wordTokens(text)) expect(text.slice(token.start, token.end)).toBe(token.text);
    expect(wordTokens(text).map((t) => t.text)).toEqual([
      'coup',
      'd’etat',
      'by',
      'Faustin-Archange',
      '9,000',
      'men',
    ]);
  });
});
