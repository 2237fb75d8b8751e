// More attribution patterns of real news, each shown on sentences written for this test (not taken from any
// corpus): naming and stance cues, wire datelines, participles after a pause, the interview and headline
// colon format, a colon lead-in before a quotation, and descriptions kept out of the names.
import { describe, expect, it } from 'vitest';
import { cueKind } from '../../../../../src-main/shared/analysis/cue-lexicon';
import { analyzeText } from '../../../../../src-main/shared/analysis/index';
import { cleanSpeakerPhrase } from '../../../../../src-main/shared/analysis/speaker-phrase';

const one = (text: string) => {
  const [first] = analyzeText(text);
  if (!first) throw new Error(`no statement in ${text}`);
  return first;
};

describe('naming, expressing and stance cues', () => {
  it('reads “called X Y”, “voiced”, “talked about” as speech by the subject', () => {
    expect(one('Councillor Irma Voss called the new parking rules “a tax on shoppers.”').speaker?.name).toBe(
      'Irma Voss',
    );
    expect(one('Bishop Alan Mercer voiced concern about the closing of the shelter.').speaker?.name).toBe(
      'Alan Mercer',
    );
    expect(one('Dana Whitfield talked about her years on the school board.').speaker?.name).toBe(
      'Dana Whitfield',
    );
  });

  it('reads attacks and votes as stances (endorsement kind)', () => {
    const attacked = one('Governor Paul Kemper attacked the ferry contract as wasteful.');
    expect(attacked.speaker?.name).toBe('Paul Kemper');
    expect(cueKind(attacked.cue ?? '')).toBe('endorsement');
    expect(cueKind('voted for')).toBe('endorsement');
    // "called for" stays an endorsement though "called" alone is speech.
    expect(cueKind('has called for')).toBe('endorsement');
    expect(cueKind('called')).toBe('speech');
  });

  it('reads a progressive cue after its auxiliary, and a participle after a dash or a closing quote', () => {
    expect(one('Mayor Lena Ortiz is calling for a new bridge over the river.').speaker?.name).toBe(
      'Lena Ortiz',
    );
    expect(
      one('Rosa Delgado praised the “quiet courage of nurses,” saying the hospital owed them a raise.')
        .speaker?.name,
    ).toBe('Rosa Delgado');
    expect(
      one('Omar Haddad changed his vote at the last minute — saying the budget was too thin.').speaker?.name,
    ).toBe('Omar Haddad');
  });

  it('does not read a passive participle after “be” as a relay cue', () => {
    expect(one('Roughly half of the 2,400 nurses are posted outside the capital.').speaker).toBeNull();
  });
});

describe('wire datelines', () => {
  it('skips the dateline before the subject', () => {
    expect(
      one('LISBON, May 3 (Wire) — Port director Ines Carvalho said the strike had ended.').speaker?.name,
    ).toBe('Ines Carvalho');
    expect(one('Geneva (Wire) – Union leader Marc Favre said talks would resume.').speaker?.name).toBe(
      'Marc Favre',
    );
  });
});

describe('interview and headline colon format', () => {
  it('takes the name before the colon, without its affiliation', () => {
    const s = one('Nadia Brook, Channel Nine: “The council never read the report.”');
    expect(s.speaker?.name).toBe('Nadia Brook');
    expect(s.cue).toBe(':');
    expect(one('Halvorsen: Rail Plan Will Cost Twice the Estimate.').speaker?.name).toBe('Halvorsen');
  });

  it('refuses labels, and then reads the speaker after the colon', () => {
    expect(one('Update: The bridge reopened on Friday.').speaker).toBeNull();
    expect(one('The Latest: Mayor Tim Ruiz says the curfew is over.').speaker?.name).toBe('Tim Ruiz');
  });

  it('hands the speaker of a colon lead-in to the quotation in the next paragraph', () => {
    const [, quote] = analyzeText(
      'Judge Carla Moreno continued:\n\n“No one in this court is above the rules.”',
    );
    expect(quote?.speaker?.name).toBe('Carla Moreno');
    expect(quote?.kind).toBe('quote');
  });
});

describe('descriptions and clauses are not names', () => {
  it('keeps a description with a lower-case head as a group, as written', () => {
    const s = one('Another source said the merger would be announced in June.');
    expect(s.speaker?.kind).toBe('group');
    expect(one('The Delgado campaign said the ad would run statewide.').speaker?.kind).toBe('group');
  });

  it('refuses a clause with its own subject pronoun, and drops a leading “though”', () => {
    expect(cleanSpeakerPhrase('It also mentions policies she')).toBeNull();
    expect(cleanSpeakerPhrase('To pay for the new programs')).toBeNull();
    expect(cleanSpeakerPhrase('Though Ramirez')?.text).toBe('Ramirez');
  });
});

describe('which cue frames the statement', () => {
  it('prefers a cue closing the statement after a comma to a verb inside it', () => {
    expect(
      one('The plan took shape when the two mayors talked at a dinner in May, Lindqvist said.').speaker?.name,
    ).toBe('Lindqvist');
  });

  it('does not take a closing cue inside a clause (“after Ruiz spoke”)', () => {
    expect(one('“The deal is fair,” Okonkwo said after Ruiz spoke.').speaker?.name).toBe('Okonkwo');
  });

  it('takes the named phrase next to the cue after a clause', () => {
    expect(
      one('The money will give them the reach they need to win, union spokesman Ivo Marten said.').speaker
        ?.name,
    ).toBe('Ivo Marten');
  });

  it('reads a long appositive with its own clauses, and not the subject of what was said', () => {
    const s = one(
      'Lena Park, a pilot who flew cargo planes for the navy and later for two airlines, said the jet was too old.',
    );
    expect(s.speaker?.name).toBe('Lena Park');
  });

  it('does not read a participle after the subject as the cue of an appositive', () => {
    expect(one('The housing bill, opposed by the mayor, never became law.').speaker).toBeNull();
  });
});

describe('title-case headlines', () => {
  it('reads a capitalised cue in a title-case headline as the verb', () => {
    const s = one('Governor Ellen Marsh Says Bridge Tolls Will Rise Next Year.');
    expect(s.speaker?.name).toBe('Ellen Marsh');
    expect(s.cue).toBe('Says');
  });

  it('keeps a capitalised cue word inside a name in ordinary text', () => {
    expect(one('The Reports Office of the council opened on Monday.').speaker).toBeNull();
  });
});

describe('cues after auxiliaries and before a colon', () => {
  it('reads “are more likely to say”, “would only say” and a negated auxiliary', () => {
    expect(one('Younger voters are slightly more likely to say the tax is unfair.').speaker?.name).toBe(
      'Younger voters',
    );
    expect(one('The harbour master would only say that the ship was late.').speaker).not.toBeNull();
    expect(one('Mayor Vera Holm isn’t saying which streets will close.').speaker?.name).toBe('Vera Holm');
  });

  it('ends a subject at a plain present cue', () => {
    expect(one('Economists say the rate will rise in spring.').speaker?.name).toBe('Economists');
  });

  it('takes the name right before a colon and a quotation', () => {
    const s = one(
      'The delay does not surprise county engineer Marta Lindgren: “Bridges always take longer.”',
    );
    expect(s.speaker?.name).toBe('Marta Lindgren');
  });
});

describe('quotations named by the statement after them', () => {
  it('gives a quotation the speaker of the next statement when it opens with the speaker', () => {
    const found = analyzeText(
      '“Who will pay for this? Not the developers.” Councillor Rita Okafor said of the tower on Monday.',
    );
    expect(found.map((s) => s.speaker?.name ?? null)).toEqual(['Rita Okafor', 'Rita Okafor', 'Rita Okafor']);
    expect(found[0]?.kind).toBe('quote');
  });

  it('does not reach across a paragraph or take a speaker named later in a statement', () => {
    const [first] = analyzeText('“The road is closed.”\n\nCouncillor Rita Okafor said the vote was close.');
    expect(first?.speaker).toBeNull();
    const [quote] = analyzeText('“The road is closed.” On Monday the council said it would reopen.');
    expect(quote?.speaker).toBeNull();
  });
});

describe('phrasal stance and speech cues', () => {
  it('reads “referred to”, “weighed in”, “pushed for”, “sided with” and “decided” by the subject', () => {
    expect(one('Senator Mona Blake referred to the levy as “a quiet theft.”').speaker?.name).toBe(
      'Mona Blake',
    );
    expect(one('Governor Ray Dunn weighed in on the school merger.').speaker?.name).toBe('Ray Dunn');
    const pushed = one('The teachers’ union pushed for smaller classes.');
    expect(cueKind(pushed.cue ?? '')).toBe('endorsement');
    expect(one('Judge Ana Ruiz sided with the tenants.').speaker?.name).toBe('Ana Ruiz');
    expect(cueKind(one('Mayor Kim Aho decided to delay the vote.').cue ?? '')).toBe('intention');
  });

  it('does not read a particle-less use as the phrasal cue', () => {
    expect(one('The crew pointed the boat north.').speaker).toBeNull();
  });
});

describe('closing cues and reduced relatives', () => {
  it('lets a closing “…, X said.” frame a statement whose subject has a verb of its own', () => {
    expect(one('The rising tolls are worrying, county engineer Sam Ito said.').speaker?.name).toBe('Sam Ito');
  });

  it('keeps a subject that itself speaks, with the closing outlet as its relay', () => {
    const s = one('A port spokesperson asserted that the cranes were idle, the Coastal Courier reported.');
    expect(s.speaker?.name).toMatch(/spokesperson/i);
    expect(s.via.map((v) => v.name)).toEqual([expect.stringMatching(/Coastal Courier/)]);
  });

  it('reads a noun-like cue before “that” as the verb, and more speech verbs', () => {
    expect(one('The county report states that the fund was short.').speaker?.name).toBe('County report');
    expect(one('Councillor Jo Reyes countered that the plan was cheap.').speaker?.name).toBe('Jo Reyes');
  });

  it('does not take a closing noun or passive as the framing cue', () => {
    expect(one('Mayor Ruth Abel said the fund was empty, given the latest reports.').speaker?.name).toBe(
      'Ruth Abel',
    );
    expect(one('The ferry company said 40 names were never disclosed.').speaker?.name).toBe('Ferry company');
  });

  it('keeps a source with a reduced relative clause (“a poll conducted by …”)', () => {
    expect(cleanSpeakerPhrase('a poll conducted by Harbor Research')?.text).toBe(
      'a poll conducted by Harbor Research',
    );
    expect(cleanSpeakerPhrase('the council approved the plan')).toBeNull();
  });
});

describe('a leading “according to”', () => {
  it('keeps the leading source when the only other cue sits inside the clause', () => {
    const s = one(
      'According to the Harbor Ledger, campaign staff studied what would happen if their candidate announced a run.',
    );
    expect(s.speaker?.name).toMatch(/Harbor Ledger/);
  });
});
