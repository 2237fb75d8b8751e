// Attribution patterns found on the PolNeAR train split's misses (asides between a name and its cue,
// descriptions that are not names, closing cues before a participle or a colon), each shown on sentences
// written for this test (not taken from any corpus).
import { describe, expect, it } from 'vitest';
import { analyzeText } from '../../../../../src-main/shared/analysis/index';

const one = (text: string) => {
  const [first] = analyzeText(text);
  if (!first) throw new Error(`no statement in ${text}`);
  return first;
};
const speakerOf = (text: string): string | null => one(text).speaker?.name ?? null;

describe('an aside set off by dashes or parentheses between a name and its cue', () => {
  it('keeps the name as the speaker, not the description inside the dashes', () => {
    expect(speakerOf('NATO — the alliance that spans two continents — said it would respond.')).toBe('NATO');
    expect(speakerOf('ISIS — the group behind the attacks — said it would strike again.')).toBe('ISIS');
    expect(
      speakerOf(
        'Reached by phone on Tuesday, Nolan — who is listed as a lawyer in Ohio but does not practise — told The Herald he will not appeal.',
      ),
    ).toBe('Nolan');
  });

  it('reads a parenthetical aside the same way', () => {
    expect(speakerOf('Kessler (who has 12 delegates so far) said it is still possible to win.')).toBe(
      'Kessler',
    );
  });

  it('still takes a name standing inside the dashes after a description', () => {
    expect(speakerOf('The group’s leader — Ana Ruiz — said the march would go ahead.')).toBe('Ana Ruiz');
  });

  it('does not read a wire dateline in capitals as a speaker', () => {
    expect(speakerOf('WASHINGTON — The senator said the bill would pass.')).not.toBe('WASHINGTON');
  });
});

describe('a relative clause that quotes a word between the subject and its cue', () => {
  it('reads the cue after the clause as the subject’s', () => {
    expect(speakerOf('Humphrey, who calls his rival a “crook,” said the race was close.')).toBe('Humphrey');
    expect(speakerOf('Dana Holt, whose group called the bill “cruel,” told reporters it would fail.')).toBe(
      'Dana Holt',
    );
  });

  it('gives no speaker when the verb after the clause is not a cue', () => {
    expect(speakerOf('Humphrey, who said the rival was weak, lost the race.')).toBeNull();
  });
});

describe('a description without a name', () => {
  it('is kept whole, never cut down to its adjective', () => {
    const speaker = speakerOf('Support for the plan fell, according to the latest polling average.');
    expect(speaker).not.toBe('Latest');
    expect(speaker?.toLowerCase()).toContain('polling average');
  });
});

describe('a closing-only cue ("continued")', () => {
  it('frames the quotation when a participle follows it', () => {
    expect(speakerOf('“We will see more of him,” Mr. Dorn continued, referring to the rallies.')).toBe(
      'Dorn',
    );
    expect(speakerOf("''We will see more of him,'' Mr. Dorn continued, referring to the rallies.")).toBe(
      'Dorn',
    );
  });

  it('introduces a quotation after a colon, but not a plain clause', () => {
    expect(speakerOf('Growing louder as he spoke, Mr. Dorn continued: “The worst day ever?”')).toBe('Dorn');
    expect(speakerOf('The talks continued: both sides met again.')).toBeNull();
  });
});
