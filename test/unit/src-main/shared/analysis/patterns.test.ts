// Attribution patterns of real news, each shown on sentences written for this test (not taken from any
// corpus): appositives in both orders, groups, possessive organisations, cue kinds, relays, coreference.
import { describe, expect, it } from 'vitest';
import { cueKind } from '../../../../../src-main/shared/analysis/cue-lexicon';
import { analyzeText } from '../../../../../src-main/shared/analysis/index';
import { cleanSpeakerPhrase } from '../../../../../src-main/shared/analysis/speaker-phrase';

/** The analysis of a one-statement text. */
const one = (text: string) => {
  const [first] = analyzeText(text);
  if (!first) throw new Error(`no statement in ${text}`);
  return first;
};

describe('appositive and title subjects', () => {
  it('takes the name before an appositive, with commas, dashes or parentheses', () => {
    expect(
      one('Maria Lopez, the mayor of Eastfield, said the bridge would reopen in May.').speaker?.name,
    ).toBe('Maria Lopez');
    expect(one('Peter Hale — a former aide to the governor — said the plan was dead.').speaker?.name).toBe(
      'Peter Hale',
    );
    expect(one('Sen. Laura Finch (D-Ore.) said the bill had enough votes.').speaker?.name).toBe(
      'Laura Finch',
    );
  });

  it('takes the named appositive after a title or description', () => {
    expect(
      one("The club's head coach, Daniel Okafor, said on Monday that the season was over.").speaker?.name,
    ).toBe('Daniel Okafor');
    expect(
      one('Her longtime lawyer, Ruth Amsel, later told reporters the case was closed.').speaker?.name,
    ).toBe('Ruth Amsel');
  });

  it('reads an inverted cue with a name and its appositive', () => {
    const s = one('“The levee will hold,” said Tomas Brandt, an engineer with the county.');
    expect(s.speaker?.name).toBe('Tomas Brandt');
    expect(s.kind).toBe('quote');
  });

  it('reads “As X reported” as the outlet speaking', () => {
    expect(one('As the Harbor Gazette reported, the mill closed in May.').speaker?.name).toBe(
      'The Harbor Gazette',
    );
  });
});

describe('groups and descriptions kept as written', () => {
  it('keeps a plural subject as a group, with its own kind and how it was found', () => {
    const s = one('Republicans say the measure goes too far.');
    expect(s.speaker).toMatchObject({ name: 'Republicans', kind: 'group' });
    expect(s.speakerFound).toEqual({ how: 'group', mention: 'Republicans' });
  });

  it('keeps a long descriptive group as written', () => {
    const s = one('Former senior health officials in three states, though, say the rules are unworkable.');
    expect(s.speaker?.name).toBe('Former senior health officials in three states');
    expect(s.speaker?.kind).toBe('group');
  });

  it('keeps a description with no antecedent as written, never as a name', () => {
    const s = one('“We will not back down,” said a senior union official.');
    expect(s.speaker?.kind).toBe('group');
    expect(s.speakerFound?.how).toBe('group');
  });
});

describe('organisations', () => {
  it('keeps the owner of a possessive organisation', () => {
    const s = one("Kenya's interior ministry said the curfew would be lifted.");
    expect(s.speaker?.name).toMatch(/Kenya/);
    expect(s.speaker?.name).toMatch(/Interior Ministry/);
  });
});

describe('cues beyond “said”', () => {
  it('reads endorsement, denial, belief and intention cues with their kind', () => {
    const calls = one('Mayor Ann Cole has called for a recount of the ballots.');
    expect(calls.speaker?.name).toBe('Ann Cole');
    expect(cueKind(calls.cue ?? '')).toBe('endorsement');
    const urging = one('Ms. Ivers is urging voters to stay home.');
    expect(urging.speaker?.name).toBe('Ivers');
    expect(cueKind(urging.cue ?? '')).toBe('endorsement');
    expect(cueKind(one('Park officials deny that the trail was closed.').cue ?? '')).toBe('denial');
    expect(cueKind(one('Governor Tom Reyes believes the vote was fair.').cue ?? '')).toBe('belief');
    expect(cueKind(one('The railway company plans to cut fares next year.').cue ?? '')).toBe('intention');
  });

  it('reads a cue followed by a medium and a that-clause', () => {
    expect(one('Governor Tom Reyes acknowledged on ABC that the count was close.').speaker?.name).toBe(
      'Tom Reyes',
    );
  });

  it('does not read a passive participle or a noun as a cue', () => {
    expect(one('The senator is expected to win the runoff.').speaker).toBeNull();
    expect(one('The state news agency numbered the rebels at 400.').cue).not.toBe('state');
  });
});

describe('relays and coreference', () => {
  it('keeps a reporting outlet apart from the speaker', () => {
    const s = one('Councillor Ada Price said the toll had risen to 12, the Valley Herald reported.');
    expect(s.speaker?.name).toBe('Ada Price');
    expect(s.via.map((v) => v.name)).toEqual(['The Valley Herald']);
  });

  it('resolves a pronoun and a description to the earlier speaker and says so', () => {
    const [, second, third] = analyzeText(
      'Senator Joan Miller said the budget was unfair. She said the cuts would hurt schools. The senator added that she would vote no.',
    );
    expect(second?.speaker?.name).toBe('Joan Miller');
    expect(second?.speakerFound).toEqual({ how: 'coreference', mention: 'She' });
    expect(third?.speaker?.name).toBe('Joan Miller');
    expect(third?.speakerFound?.how).toBe('coreference');
  });

  it('never makes a speaker of “I”, “we” or a clause', () => {
    expect(cleanSpeakerPhrase('I')).toBeNull();
    expect(cleanSpeakerPhrase('We')).toBeNull();
    expect(cleanSpeakerPhrase('what the mayor')).toBeNull();
    expect(one('I said the road was closed.').speaker).toBeNull();
  });
});

describe('names that share a last word', () => {
  it('keeps outlets and people apart within an article', () => {
    const found = analyzeText(
      'The Lagos Times said the port was shut. The Harbor Times said it was open. ' +
        'Hillary Clinton said the talks would resume. Bill Clinton said they would not.',
    ).map((s) => s.speaker?.name);
    expect(found).toEqual(['The Lagos Times', 'The Harbor Times', 'Hillary Clinton', 'Bill Clinton']);
  });
});
