// Entities in the seed article: people, organisations, places and dates the text plainly names.
import { describe, expect, it } from 'vitest';
import { analyzeText } from '../../../../../src-main/shared/analysis/index';
import { seedText } from './fixtures';

const entities = analyzeText(seedText).flatMap((s) => s.entities);
const ofType = (type: string) => new Set(entities.filter((e) => e.type === type).map((e) => e.text));

describe('entities of the seed article', () => {
  it('finds the people named in full', () => {
    const people = ofType('person');
    for (const name of [
      'Faustin-Archange Touadera',
      'Francois Bozize',
      'Mikhail Bogdanov',
      'Vladimir Putin',
      'Khalifa Haftar',
    ]) {
      expect(people).toContain(name);
    }
  });

  it('finds organisations, agencies and outlets, acronyms included', () => {
    const organisations = ofType('organisation');
    for (const name of ['Interfax', 'Tass', 'RFERL', 'MINUSCA', 'Rwanda Defence Force'])
      expect(organisations).toContain(name);
  });

  it('finds places, including a capital and a small town the gazetteer does not list', () => {
    const places = ofType('place');
    for (const name of ['Central African Republic', 'Bangui', 'Uganda', 'Mbaiki', 'Port Sudan'])
      expect(places).toContain(name);
    expect(places).not.toContain('Russian');
  });

  it('finds dates and days', () => {
    const dates = ofType('date');
    for (const text of ['Monday', 'December 27', '2013', 'early November']) expect(dates).toContain(text);
  });

  it('finds every month and weekday, in full and abbreviated, and "mid-" or "early" before a month', () => {
    const datesIn = (text: string) =>
      analyzeText(text)
        .flatMap((s) => s.entities)
        .filter((e) => e.type === 'date')
        .map((e) => e.text);
    const months =
      'January February March April May June July August September October November December'.split(' ');
    const short = 'Jan. Feb. Mar. Apr. Jun. Jul. Aug. Sep. Sept. Oct. Nov. Dec.'.split(' ');
    for (const month of [...months, ...short])
      expect(datesIn(`The council met on ${month} 12, 2016 in Bangui.`)).toEqual([`${month} 12, 2016`]);
    for (const day of 'Monday Tuesday Wednesday Thursday Friday Saturday Sunday'.split(' '))
      expect(datesIn(`The council met on ${day} in Bangui.`)).toEqual([day]);
    expect(datesIn('Talks resume in mid-March and end by early June.')).toEqual(['mid-March', 'early June']);
  });

  it('finds a listed name inside a longer capitalised run, before a possessive, with dots or a hyphen', () => {
    const found = (text: string) =>
      analyzeText(text).flatMap((s) => s.entities.map((e) => `${e.type}: ${e.text}`));
    expect(
      found('Sergei Ryabkov told Radio France Internationale that Burkina Faso’s army and the U.N. met.'),
    ).toEqual([
      'person: Sergei Ryabkov',
      'organisation: Radio France Internationale',
      'place: Burkina Faso',
      'organisation: U.N.',
    ]);
    expect(found('The Democratic Republic of the Congo and Voice of America Africa said so.')).toEqual([
      'place: Democratic Republic of the Congo',
      'organisation: Voice of America',
      'place: Africa',
    ]);
    expect(
      found('The New York Times and Al Jazeera English reported that Agence France-Presse was there.'),
    ).toEqual([
      'organisation: New York Times',
      'organisation: Al Jazeera',
      'organisation: Agence France-Presse',
    ]);
  });

  it('gives offsets that point at the entity text and never overlap within a statement', () => {
    for (const statement of analyzeText(seedText)) {
      let end = -1;
      for (const e of statement.entities) {
        expect(seedText.slice(e.start, e.end)).toBe(e.text);
        expect(e.start).toBeGreaterThanOrEqual(end);
        end = e.end;
      }
    }
  });
});
