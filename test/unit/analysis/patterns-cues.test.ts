// More attribution patterns of news reporting found on the PolNeAR train split misses, each shown on
// sentences written for this test (not taken from any corpus).
import { describe, expect, it } from 'vitest';
import { analyzeText } from '../../../src-main/shared/analysis/index';

const speakerOf = (text: string): string | null => analyzeText(text)[0]?.speaker?.name ?? null;

describe('a month or auxiliary inside a name', () => {
  it('keeps "May", "June" or "Will" after a first name or title as part of the name', () => {
    expect(speakerOf('Theresa May said the border plan was fair.')).toBe('Theresa May');
    expect(speakerOf('Prime Minister May said the vote would go ahead.')).toBe('May');
    expect(speakerOf('Laura June told the council that the bridge is safe.')).toBe('Laura June');
    expect(speakerOf('Grace Will, a nurse in Leeds, said the ward was full.')).toBe('Grace Will');
  });

  it('still reads a month after a preposition or a surname as a date', () => {
    expect(speakerOf('In May, Okafor said the budget was tight.')).toBe('Okafor');
    expect(speakerOf('Okafor said in May that the budget was tight.')).toBe('Okafor');
  });
});
