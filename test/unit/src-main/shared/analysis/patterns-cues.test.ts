// More attribution patterns of news reporting found on the PolNeAR train split misses, each shown on
// sentences written for this test (not taken from any corpus).
import { describe, expect, it } from 'vitest';
import { analyzeText } from '../../../../../src-main/shared/analysis/index';

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

describe('a verb that attributes only when it closes a quotation', () => {
  it('reads “…,” X continued / “…,” continued X / “…,” X offered', () => {
    expect(speakerOf('“The bridge will open in spring,” Ana Ruiz continued.')).toBe('Ana Ruiz');
    expect(speakerOf('“The bridge will open in spring,” continued Ana Ruiz.')).toBe('Ana Ruiz');
    expect(speakerOf('“Maybe we could share the costs,” Okafor offered.')).toBe('Okafor');
  });

  it('leaves the same verb narrating outside a quotation', () => {
    expect(speakerOf('The talks continued for three days.')).toBeNull();
    expect(speakerOf('Prices rose, and the strikes continued.')).toBeNull();
    expect(speakerOf('The firm offered a discount to new clients.')).toBeNull();
  });
});

describe('a noun-like cue right after its subject', () => {
  it('reads "fear that", "caution that" and "hopes to" as the subject’s cue', () => {
    expect(speakerOf('Election lawyers caution that the count may take weeks.')).toBe('Election lawyers');
    expect(speakerOf('Some farmers fear that the new canal will drain the wells.')).toBe('Some farmers');
    expect(speakerOf('Lena Ortiz hopes to win the seat back in the autumn.')).toBe('Lena Ortiz');
  });

  it('keeps the same words as nouns after a determiner', () => {
    expect(speakerOf('The plans to widen the road were dropped.')).toBeNull();
    expect(speakerOf('Her hopes to win the seat faded in the autumn.')).toBeNull();
  });
});

describe('a cue later in the subject’s own clause', () => {
  it('reads "by saying", ", then revealed" and a purpose "to discuss" as the subject’s', () => {
    expect(speakerOf('Okafor distanced himself from the group by saying he would stay home.')).toBe('Okafor');
    expect(speakerOf('Okafor paused, then revealed why the bridge plan failed.')).toBe('Okafor');
    expect(speakerOf('Lena Ortiz visited the studio to discuss her remarks about the budget.')).toBe(
      'Lena Ortiz',
    );
  });

  it('leaves the cue to its object or to a leading source', () => {
    expect(speakerOf('Rain delayed the match, to nobody’s surprise.')).toBeNull();
    expect(speakerOf('According to the county, the firm failed to report the spill.')).toBe('County');
  });
});

describe('a view attributed with "as"', () => {
  it('reads "sees X as", "has cast X as", "views X as", "portrayed X as" as the subject’s', () => {
    expect(speakerOf('Okafor sees the new mayor as a uniter.')).toBe('Okafor');
    expect(speakerOf('Lena Ortiz views the trade deal as a trap.')).toBe('Lena Ortiz');
    expect(speakerOf('Okafor has cast the vote as a betrayal of the town.')).toBe('Okafor');
    expect(speakerOf('Okafor portrayed the budget as reckless.')).toBe('Okafor');
  });

  it('leaves the same verbs narrating without "as", and the passive "is seen as" without a speaker', () => {
    expect(speakerOf('Okafor cast a ballot in the morning.')).toBeNull();
    expect(speakerOf('The new mayor is seen as a uniter.')).toBeNull();
  });
});

describe('an "-ed" verb before its object', () => {
  it('ends the subject at "released a statement", so a later participle is the subject’s', () => {
    expect(speakerOf('Okafor released a statement on Monday, insisting that the deal was weak.')).toBe(
      'Okafor',
    );
    expect(speakerOf('The council approved the plan, saying it would cut costs.')).toBe('Council');
  });
});

describe('a light verb with a speech-act noun', () => {
  it('reads "made comments", "issued a statement", "took a shot at", "raised questions" as attribution', () => {
    expect(speakerOf('Okafor made comments about the budget on Monday.')).toBe('Okafor');
    expect(speakerOf('Lena Ortiz issued a statement on the strike.')).toBe('Lena Ortiz');
    expect(speakerOf('Okafor took a shot at the mayor during the debate.')).toBe('Okafor');
    expect(speakerOf('Okafor has raised questions about the contract.')).toBe('Okafor');
  });

  it('leaves the same verbs narrating with another object', () => {
    expect(speakerOf('Okafor made a cake for the fair.')).toBeNull();
    expect(speakerOf('Lena Ortiz took a train to the coast.')).toBeNull();
  });
});

describe('asides between the subject and its cue', () => {
  it('skips "when asked …", a spaced hyphen or "--" appositive, and "on Tuesday" after "but"', () => {
    expect(speakerOf('Lena Ortiz, when asked about the levy, responded that it was too low.')).toBe(
      'Lena Ortiz',
    );
    expect(speakerOf('Ana Ruiz - the mayor’s sister - told reporters that the plan was weak.')).toBe(
      'Ana Ruiz',
    );
    expect(speakerOf('Okafor -- the county’s oldest farmer -- said the rain came too late.')).toBe('Okafor');
    expect(speakerOf('Okafor has been critical of the levy but on Tuesday wrote that it was fair.')).toBe(
      'Okafor',
    );
  });

  it('reads "would only say" after an opening participle clause', () => {
    expect(speakerOf('Asked about the levy, Okafor would only say that it was under review.')).toBe('Okafor');
  });

  it('does not take a participle after a dash for a relay', () => {
    expect(
      speakerOf(
        'Okafor began the debate praising the mayor -- having doubted her in May -- but said little else.',
      ),
    ).toBe('Okafor');
  });
});

describe('a stance adjective after "be"', () => {
  it('reads "is convinced that", "are worried about", "has been critical of" as the subject’s stance', () => {
    expect(speakerOf('Okafor is convinced that the levy will pass.')).toBe('Okafor');
    expect(speakerOf('Local farmers are worried about the new canal.')).toBe('Local farmers');
    expect(speakerOf('Lena Ortiz has been critical of the levy since May.')).toBe('Lena Ortiz');
  });

  it('needs the complement, and leaves a plain passive alone', () => {
    expect(speakerOf('Okafor is worried.')).toBeNull();
    expect(speakerOf('The levy was approved on Monday.')).toBeNull();
  });
});

describe('plural heads the lexicon also knows as verbs', () => {
  it('keeps "rights advocates", "delegates at the convention" as the speaker group', () => {
    expect(speakerOf('Tenant rights advocates said the ruling was unfair.')).toBe('Tenant rights advocates');
    expect(speakerOf('A farm rights group says the canal will drain the wells.')).toBe('Farm rights group');
    expect(speakerOf('Some delegates at the meeting said they welcomed the vote.')).toBe(
      'Some delegates at the meeting',
    );
  });

  it('reads a capitalised "-ly" name opening the statement before its cue ("Jolly said")', () => {
    expect(speakerOf('Jolly said the harbour would reopen in June.')).toBe('Jolly');
    expect(speakerOf('Finally, Okafor said the harbour would reopen.')).toBe('Okafor');
  });
});

describe('an average of polls as evidence', () => {
  it('names its owner: "a Gallup average of recent polls", "the Harbor Institute’s rolling average"', () => {
    expect(
      speakerOf('Okafor leads Ruiz by about 6 points, according to a Gallup average of recent polls.'),
    ).toBe('Gallup');
    expect(
      speakerOf('Okafor leads Ruiz by 4 points, according to the Harbor Institute’s rolling average.'),
    ).toBe('Harbor Institute');
    expect(speakerOf('Okafor leads, according to a new Gallup poll.')).toBe('Gallup');
  });
});

describe('an age or home town after the name', () => {
  it('keeps the name as the speaker ("Okafor, 35, a nurse from Leeds, said")', () => {
    expect(speakerOf('Okafor, 35, a nurse from Leeds, said the ward was full.')).toBe('Okafor');
    expect(speakerOf('“The ward was full,” Ana Ruiz, 35, of Leeds, said in an interview.')).toBe('Ana Ruiz');
  });
});

describe('a closing cue followed by its speaker’s participle, and asides after a name', () => {
  it('reads "…, Okafor said, adding that …" as Okafor’s', () => {
    expect(speakerOf('Prices will rise in May, Okafor said, adding that the port was closed.')).toBe(
      'Okafor',
    );
  });

  it('keeps the name before a relative clause or a circumstance holding commas', () => {
    expect(speakerOf('Okafor, during a town hall in Columbus, Ohio, said she would cut taxes.')).toBe(
      'Okafor',
    );
    expect(speakerOf('Okafor, whose new firm, Paradata, sells data, said the plan was weak.')).toBe('Okafor');
  });
});

describe('a headline speaker before "to", "on" or "at" and a colon', () => {
  it('reads "Okafor to Harbor Union: …" and "Okafor on the Port Deal: …" as Okafor’s', () => {
    expect(speakerOf('Okafor to Harbor Union: Ortiz will sell the port.')).toBe('Okafor');
    expect(speakerOf('Okafor on the Port Deal: ‘I Think It Will Pass.’')).toBe('Okafor');
  });

  it('reads a title-case "On" and skips an upper-case label before a dash', () => {
    expect(speakerOf('Harbor Union Chief On Okafor: ‘We Will Not Pay.’')).toBe('Harbor Union Chief');
    expect(speakerOf('EXCLUSIVE – Lena Ortiz: Do Not Trust the Port Board.')).toBe('Lena Ortiz');
  });

  it('leaves labels and common words before the colon alone', () => {
    expect(speakerOf('The Latest: Okafor wins the seat.')).toBeNull();
    expect(speakerOf('Talks on Trade: What to Know.')).toBeNull();
  });
});

describe('"as X noted" after an opening conjunction', () => {
  it('reads "But as Okafor noted, …" as Okafor’s', () => {
    expect(speakerOf('But as Okafor noted, the voters will give Ortiz a second look.')).toBe('Okafor');
  });
});

describe('a share of those polled speaks through the poll', () => {
  it('gives the poll, leading or trailing, as the source of "51 percent said", "the vast majority say"', () => {
    expect(
      speakerOf('According to a Gallup survey, 51 percent of respondents said they would vote for Okafor.'),
    ).toBe('Gallup');
    expect(
      speakerOf('The vast majority of farmers say they prefer lower prices, according to a new Gallup poll.'),
    ).toBe('Gallup');
  });

  it('keeps a named speaker with a trailing relay', () => {
    expect(speakerOf('“We will win,” Okafor said, according to the Harbor Times.')).toBe('Okafor');
  });
});
