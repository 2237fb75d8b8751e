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

describe('a headline that names its speaker before a topic and a colon', () => {
  it('keeps the name before “on” even when the topic is long', () => {
    expect(speakerOf('Okafor on the Union Releasing Its Budget Numbers: ‘I Think They Will.’')).toBe(
      'Okafor',
    );
  });

  it('still refuses a label before the colon', () => {
    expect(speakerOf('Update on the Storm Damage Across the Northern Counties: Roads Closed.')).toBeNull();
  });
});

describe('the subject’s cue after its own clause', () => {
  it('reads a multi-word participle cue after a comma (“, pointing out that”)', () => {
    expect(speakerOf('Okafor went with the odds, pointing out that the team would win.')).toBe('Okafor');
  });

  it('reads “to” and a cue after a place or medium as the subject’s purpose, not the object’s', () => {
    expect(speakerOf('Leena Park went on Twitter to applaud the ruling.')).toBe('Leena Park');
    expect(speakerOf('Dorn flew to Iowa to announce his bid.')).toBe('Dorn');
  });
});

describe('attribution verbs beyond “said”', () => {
  it('reads speech, belief and endorsement verbs with their kinds', () => {
    expect(speakerOf('Fox observed that the plan was late.')).toBe('Fox');
    expect(speakerOf('Ada Fox recounted how the vote was lost.')).toBe('Ada Fox');
    expect(speakerOf('Many people close to the talks assumed that the deal was done.')).toBe(
      'Many people close to the talks',
    );
    expect(speakerOf('Mayor Lena Ortiz has embraced the idea of a city bank.')).toBe('Lena Ortiz');
  });

  it('does not read “wonder” as a verb in “No wonder”', () => {
    expect(speakerOf('No wonder Dorn said, and I quote, “We love it.”')).toContain('Dorn');
  });
});

describe('a closing “told” with its object', () => {
  it('frames the statement, with a parenthesis after the name and a time after the object', () => {
    expect(
      speakerOf(
        'The mayor could embrace the plan, but only if he can be convinced it pays, Sen. Ada Fox (D-Ore.) told The Ledger on Thursday.',
      ),
    ).toBe('Ada Fox');
    expect(speakerOf('Voters did not realize what was at stake, Ada Fox told reporters.')).toBe('Ada Fox');
  });
});

describe('a statement set in parentheses', () => {
  it('reads its speaker as if the parentheses were not there', () => {
    expect(speakerOf('(According to the city police, it keeps no such records.)')).toBe('City police');
    expect(speakerOf('(The book has sold 235,000 copies, according to Nielsen.)')).toBe('Nielsen');
    expect(speakerOf('(The Ledger says it tracks 500 more families.)')).toContain('Ledger');
  });
});

describe('appositives that hold a quoted title or follow an introduction', () => {
  it('reads past a quoted title inside the appositive', () => {
    expect(
      speakerOf('Ada Fox, the co-author of “Going Viral,” about the spread of news, said the days are gone.'),
    ).toBe('Ada Fox');
    // A quotation right after the comma is what was said, not part of an appositive.
    expect(speakerOf('Fox, “we will win,” said Dorn.')).toBe('Dorn');
  });

  it('reads a name and its appositive after an introductory phrase', () => {
    expect(
      speakerOf(
        'Alarmed by the unrest, Senator Ada Fox, the minority leader, said that she spoke with Mr. Dorn.',
      ),
    ).toBe('Ada Fox');
    expect(speakerOf('In Ohio, Ada Fox, a lawyer, said the vote was close.')).toBe('Ada Fox');
    expect(speakerOf('After the vote, Ada Fox, Dorn and Ruiz left the room.')).toBeNull();
  });
});

describe('a subordinate clause that opens the statement with its own speaker', () => {
  it('names that speaker when the main clause has no cue of its own', () => {
    expect(
      speakerOf(
        'While Ortega said that reporters must stay neutral, he appears somewhat uneasy when asked about his work.',
      ),
    ).toBe('Ortega');
  });

  it('leaves the main clause’s own speaker in place', () => {
    expect(speakerOf('While Ortega said that the plan works, Fox denied it.')).toBe('Fox');
    expect(speakerOf('After the vote, Fox said it was close.')).toBe('Fox');
  });
});

describe('an "as" clause with an aside between the source and its cue', () => {
  it('names the source before the dashes', () => {
    expect(speakerOf('As the Daily Ledger — which endorsed her — observed, the race is close.')).toBe(
      'The Daily Ledger',
    );
    expect(speakerOf('As the Daily Ledger—even its rivals grant the point—observed, turnout fell.')).toBe(
      'The Daily Ledger',
    );
  });
});
