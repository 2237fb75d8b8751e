// Attribution patterns of English news reporting found while studying misses on the PolNeAR train split,
// each shown on sentences written for this test (not taken from any corpus).
import { describe, expect, it } from 'vitest';
import { analyzeText } from '../../../../../src-main/shared/analysis/index';

const one = (text: string) => {
  const [first] = analyzeText(text);
  if (!first) throw new Error(`no statement in ${text}`);
  return first;
};
const speakerOf = (text: string): string | null => one(text).speaker?.name ?? null;

describe('an inverted cue closing the statement', () => {
  it('names the speaker even when the content has a verb of its own', () => {
    expect(
      speakerOf(
        'The new tariffs signal a sharp turn in trade policy, said Maria Lopez, a senior fellow at the Urban Institute.',
      ),
    ).toBe('Maria Lopez');
    expect(
      speakerOf('Polling shows that voters are tired of the feud, said Tom Reyes, a pollster in Denver.'),
    ).toBe('Tom Reyes');
    expect(speakerOf('The budget plans are ‘‘simply reckless,’’ said Ella Brandt, a county auditor.')).toBe(
      'Ella Brandt',
    );
  });

  it('leaves the circumstance after the name out of it ("in a statement", "on Twitter")', () => {
    expect(
      speakerOf('“The ruling is a victory for renters,” said council member Ana Ruiz in a statement.'),
    ).toBe('Ana Ruiz');
    expect(speakerOf('“We will appeal,” said Mayor Joel Brandt on Twitter.')).toBe('Joel Brandt');
  });

  it('keeps the subject when the comma closes an appositive, not a clause', () => {
    expect(
      speakerOf('The club’s former treasurer, Nora Quinn, said the account had been emptied in March.'),
    ).toBe('Nora Quinn');
    expect(speakerOf('Karl Mott, a farmer who grows soybeans near Ames, said the rain came too late.')).toBe(
      'Karl Mott',
    );
    // "wrote a letter", "told reporters": an object after the cue, not an inverted speaker.
    expect(speakerOf('Lina Park, the district’s lawyer, wrote a letter to the board on Monday.')).toBe(
      'Lina Park',
    );
  });
});

describe('numbers with thousands separators', () => {
  it('reads "12,400" as one number, so a figure does not open a relay clause', () => {
    expect(speakerOf('The mayor won by about 12,400 votes, according to the Associated Press.')).toBe(
      'Associated Press',
    );
  });
});

describe('adverbs between the auxiliary and the cue', () => {
  it('reads “has long said”, “has often argued”, “had always insisted” as the subject’s cue', () => {
    expect(speakerOf('Senator Ruth Okafor has long said that the dam is unsafe.')).toBe('Ruth Okafor');
    expect(speakerOf('Gov. Alma Reyes has often argued that classes are too large.')).toBe('Alma Reyes');
    expect(speakerOf('Mayor Dan Pruitt had always insisted that the team would recover.')).toBe('Dan Pruitt');
  });
});

describe('an introductory phrase before the speaker', () => {
  it('reads the noun phrase right before the cue, not the introduction, as the speaker', () => {
    expect(speakerOf('Two weeks ago, the Ohio treasurer said the fund was solvent.')).toBe('Ohio treasurer');
    expect(speakerOf('Regardless, the Transport Ministry said it found no fault with the pilots.')).toBe(
      'Transport Ministry',
    );
    expect(speakerOf('Back when she ran the clinic, Dr. Hana Ortiz said that nurses were underpaid.')).toBe(
      'Hana Ortiz',
    );
    expect(speakerOf('Reached by phone, Gil Marsh denied that he had left the party.')).toBe('Gil Marsh');
  });

  it('keeps an appositive subject and an opening clause with a subject of its own', () => {
    expect(speakerOf('Rita Banks, a former county party chairwoman, said she would run again.')).toBe(
      'Rita Banks',
    );
    expect(speakerOf('Ivan Petrov, a lawyer who argued the case in 2019, said the ruling was narrow.')).toBe(
      'Ivan Petrov',
    );
    expect(speakerOf('Omar Lind has not endorsed anyone, and his spokesman declined to comment.')).toBe(
      'Omar Lind',
    );
  });
});

describe('polls, records and other evidence as the source of a finding', () => {
  it('names the evidence when its phrase carries a time or a participle', () => {
    expect(speakerOf('A Gallup poll last week showed the mayor leading by nine points.')).toContain('Gallup');
    expect(speakerOf('A Marist survey of Iowa released on Monday showed the senator ahead.')).toContain(
      'Marist',
    );
    expect(speakerOf('Exit polling showed that turnout among young voters fell.')).toBe('Exit polling');
  });

  it('reads “show” after a word naming evidence as the verb, not part of the subject', () => {
    expect(speakerOf('The county filings show that the contractor was paid twice.')).toBe(
      'The county filings',
    );
    expect(speakerOf('Early analysis shows the turnout models were wrong.')).toBe('Early analysis');
  });

  it('still refuses a finding from a subject that is neither evidence nor a name', () => {
    expect(speakerOf('Her performance shows that she is ready.')).toBeNull();
  });
});

describe('a leading “according to” and descriptive speakers', () => {
  it('gives a stance or finding of the subject to the source named by a leading “according to”', () => {
    expect(speakerOf('According to the state election board, most counties backed the new maps.')).toBe(
      'State election board',
    );
    // The subject's own speech keeps the statement; the leading source relays it.
    expect(speakerOf('According to the Tribune, Mayor Ada Kim said the pool would close.')).toBe('Ada Kim');
  });

  it('keeps an object pronoun after a preposition inside a description', () => {
    expect(speakerOf('People close to him say that he will not run again.')).toBe('People close to him');
  });
});

describe('a headline colon after a lone surname', () => {
  it('names the person of that surname mentioned in the article, and not a label', () => {
    const text =
      'Carson: The levee plan is a waste of money.\n\nSenator Ruth Carson spoke in Baton Rouge on Friday.' +
      '\n\nUpdate: The vote is set for May.';
    const [headline, , label] = analyzeText(text);
    expect(headline?.speaker?.name).toBe('Ruth Carson');
    expect(label?.speaker).toBeNull();
  });
});

describe('a leading “In a … poll,”', () => {
  it('gives the figures that follow to the poll, as “according to” does', () => {
    expect(speakerOf('In a Marist poll released Tuesday, 48 percent of voters chose the mayor.')).toContain(
      'Marist',
    );
    // "In the spring," names no evidence: the statement keeps no source.
    expect(speakerOf('In the spring, 48 percent of the wells ran dry.')).toBeNull();
  });
});

describe('a group subject with a trailing -ing modifier', () => {
  it('keeps the group and leaves the modifier out', () => {
    expect(speakerOf('Farmers in three counties facing the drought say they will sell their herds.')).toBe(
      'Farmers in three counties',
    );
  });
});

describe('a multi-word cue whose first word alone is no cue (“pointed out”, “put it”)', () => {
  it('ends the subject and names its speaker', () => {
    expect(speakerOf('Jane Moore pointed out that the levy will not balance the budget until 2030.')).toBe(
      'Jane Moore',
    );
    expect(speakerOf('Owen Hale put it bluntly: the rail plan is dead.')).toBe('Owen Hale');
  });

  it('names the speaker of a leading “As X pointed out,” or “As X put it,”', () => {
    expect(
      speakerOf('As the economist Jane Moore pointed out in March, the levy will not balance the budget.'),
    ).toBe('Jane Moore');
    expect(speakerOf('As Owen Hale put it, “the rail plan is dead.”')).toBe('Owen Hale');
    // "put" without "it" is no cue: the statement keeps no speaker.
    expect(speakerOf('Owen Hale put the rail plan on hold in March.')).toBeNull();
  });
});

describe('a subject with a restrictive relative clause (“Friends of the mayor who have seen him say”)', () => {
  it('names the subject before “who” and takes the cue after the clause', () => {
    expect(speakerOf('Friends of the mayor who have seen him at work say that he is tired.')).toBe(
      'Friends of the mayor',
    );
    expect(speakerOf('Residents who live near the plant say the water smells of diesel.')).toBe('Residents');
    expect(
      speakerOf('Many of the farmers who lost crops in the flood said they would sell their land.'),
    ).toBe('Many of the farmers');
  });

  it('leaves a cue inside the clause to the clause', () => {
    expect(speakerOf('Teachers who said the offer was too low marched on the capital.')).toBeNull();
    expect(speakerOf('The man who sold the house moved to Ohio.')).toBeNull();
  });
});

describe('a surname ending in “-ly” (“Mrs. Schlafly”, “Megyn Kelly”)', () => {
  it('is part of the name, not an adverb before the verb', () => {
    expect(speakerOf('Mrs. Schlafly said the vote was a mistake.')).toBe('Schlafly');
    expect(speakerOf('Sen. Tom Connolly said the vote was a mistake.')).toBe('Tom Connolly');
    expect(speakerOf('Megyn Kelly said the vote was a mistake.')).toBe('Megyn Kelly');
    expect(speakerOf('“The vote was a mistake,” Mrs. Schlafly said.')).toBe('Schlafly');
  });

  it('still reads an adverb as one, at the start and in a title-case headline', () => {
    expect(speakerOf('Publicly, the mayor said the vote was a mistake.')).not.toContain('Publicly');
    expect(speakerOf('Ruth Okafor Flatly Denies Report On Taxes')).toBe('Ruth Okafor');
  });
});

describe('a participle after an article or possessive (“The embattled senator”, “A teary-eyed Bush”)', () => {
  it('describes the subject instead of being its verb', () => {
    expect(speakerOf('The embattled senator said the plan was a failure.')).toContain('senator');
    expect(speakerOf('A red-faced Ruth Okafor said the plan was a failure.')).toBe('Ruth Okafor');
    expect(speakerOf('A teary-eyed Okafor says she is proud of the campaign.')).toContain('Okafor');
  });

  it('leaves an opening participial phrase (“Chastened by the reviews,”) without a speaker', () => {
    const speaker = speakerOf('Chastened by the reviews, the mayor revised her plan, promising to cut fees.');
    expect(speaker ?? '').not.toContain('Chastened');
  });
});

describe('a time between the subject and its cue (“two weeks ago”, “in March”)', () => {
  it('is left out of the speaker’s name', () => {
    expect(speakerOf('The State Department less than two weeks ago said the files were secret.')).toBe(
      'State Department',
    );
    expect(speakerOf('Ruth Okafor in March said the files were secret.')).toBe('Ruth Okafor');
  });
});

describe('a month between the speaker and the cue', () => {
  it('reads “in May” and “on May 3” as a date, not as the auxiliary “may”', () => {
    expect(speakerOf('Okafor on May 3 said the dam was unsafe.')).toBe('Okafor');
    expect(speakerOf('Ruth Okafor in May said the levee would not hold.')).toBe('Ruth Okafor');
    expect(speakerOf('Prime Minister May said the talks would resume.')).toBe('May');
  });
});

describe('a lone adverb opening the statement', () => {
  it('is not read as the subject (“Ultimately, Mr. Ruiz refused…”)', () => {
    expect(
      speakerOf(
        'Ultimately, Mr. Ruiz ignored the advice and refused to sign the deal, which the party backed.',
      ),
    ).toBe('Ruiz');
    expect(speakerOf('Eventually, the governor denied that the bridge had been inspected.')).toBe('Governor');
  });
});

describe('“as well as” inside the subject', () => {
  it('keeps the first subject instead of reading “well as …” as a name', () => {
    expect(
      speakerOf(
        'Mrs. Ruiz herself, as well as her campaign, has always maintained that the server was secure.',
      ),
    ).toBe('Ruiz');
  });
});

describe('an opening -ing phrase before the subject', () => {
  it('is skipped whatever the subject’s verb (“Walking to the car, Ebeling recalled…”)', () => {
    expect(speakerOf('Walking to the next house, Ebeling recalled her days at school.')).toBe('Ebeling');
    expect(speakerOf('Standing by the gate, the warden insisted that nobody had left.')).toBe('Warden');
  });
});

describe('figures read in a named poll', () => {
  it('come from that poll when nobody else speaks', () => {
    expect(speakerOf('Reyes fell to 10 percent in the latest Herald/KTVU poll released Wednesday.')).toBe(
      'Herald/KTVU',
    );
    expect(speakerOf('In March, Okafor had 38 percent support in a Lakeside College poll.')).toBe(
      'Lakeside College',
    );
  });

  it('leaves unnamed polls and sentences without figures alone', () => {
    expect(speakerOf('Reyes won 40 percent in the polls.')).toBeNull();
    expect(speakerOf('Okafor came in second in the Lakeside College poll.')).toBeNull();
  });
});

describe('a finding cue a few words after the evidence', () => {
  it('reads “Polls there show”, “a poll out this week shows” as the evidence’s finding', () => {
    expect(speakerOf('A Lakeside College poll out this week shows Reyes with an 8-point lead.')).toBe(
      'Lakeside College poll',
    );
    expect(speakerOf('Polls there show Reyes is trailing Okafor.')).toBe('Polls');
  });
});

describe('a subordinate clause opening with its own speech cue', () => {
  it('names its speaker when the main clause has no cue (“When Okafor suggested that …, Reyes left”)', () => {
    expect(
      speakerOf(
        'When Okafor suggested that the port would sue the city over the lease, Reyes left the room.',
      ),
    ).toBe('Okafor');
  });

  it('leaves the main clause’s own cue first', () => {
    expect(speakerOf('After Okafor said the vote was rigged, Reyes said the count was fair.')).toBe('Reyes');
  });
});
