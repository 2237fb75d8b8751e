// Attribution patterns that raise recall on the PolNeAR train split (cue families, "according to" after a
// stance, plural and group subjects, continuation quotes), each shown on sentences written for this test
// (not taken from any corpus).
import { describe, expect, it } from 'vitest';
import { analyzeText } from '../../../../../src-main/shared/analysis/index';

const speakerOf = (text: string, at = 0): string | null => analyzeText(text)[at]?.speaker?.name ?? null;
const viaOf = (text: string, at = 0): string[] => (analyzeText(text)[at]?.via ?? []).map((v) => v.name);

describe('"according to" after a stance, plan or finding of the subject', () => {
  it('gives the statement to the named source, not to the subject holding the view', () => {
    expect(
      speakerOf('Rural voters view the governor as aloof, according to a survey by Marlow College.'),
    ).toContain('Marlow College');
    expect(
      speakerOf('Donation records show the mayor raised $2 million, according to the Ethics Board.'),
    ).toContain('Ethics Board');
    expect(speakerOf('The union plans to strike in May, according to Lena Okafor.')).toBe('Lena Okafor');
  });

  it('keeps a subject that says or denies, with the source as its relay', () => {
    const text = 'Okafor said the bridge was closed, according to the Daily Ledger.';
    expect(speakerOf(text)).toBe('Okafor');
    expect(viaOf(text).join(' ')).toContain('Daily Ledger');
    expect(speakerOf('Marsh denied the report, according to the Daily Ledger.')).toBe('Marsh');
  });
});

describe('a present verb after a plural subject', () => {
  it('reads "want", "support", "back" and "fear" as the verb, not as part of the subject', () => {
    expect(speakerOf('Fishermen want the quota raised before spring.')).toBe('Fishermen');
    expect(speakerOf('Younger Democrats want Harlan to drop out.')).toBe('Younger Democrats');
    expect(speakerOf('Dairy farmers in both counties support a ban on the pipeline.')).toBe(
      'Dairy farmers in both counties',
    );
    expect(speakerOf('Nurses fear that the ward will close.')).toBe('Nurses');
  });

  it('reads a plural such as "states" before the verb as part of the subject', () => {
    expect(speakerOf('Teachers in three states see the reform as a threat.')).toBe(
      'Teachers in three states',
    );
  });

  it('leaves a noun after a plural alone when no object follows', () => {
    expect(speakerOf('The sales support team moved to Austin last year.')).toBeNull();
  });
});

describe('intention and speech cues of more than one word', () => {
  it('reads "is trying to", "was looking to", "is looking for" and "aims to" as intention', () => {
    const trying = analyzeText('Okafor is trying to win back rural voters.')[0];
    expect(trying?.speaker?.name).toBe('Okafor');
    expect(trying?.cue).toBe('trying to');
    expect(speakerOf('The Marsh campaign was looking to end a week of bad news.')).toBe('Marsh campaign');
    expect(speakerOf('Delgado is looking for a win in the western counties.')).toBe('Delgado');
    expect(speakerOf('The Farm Bureau aims to cut the fee in half.')).toBe('Farm Bureau');
  });

  it('reads "laid out" and "opened up" as speech', () => {
    expect(speakerOf('Ruiz laid out a plan to rebuild the harbour.')).toBe('Ruiz');
    expect(speakerOf('Halvorsen opened up about her years in the navy.')).toBe('Halvorsen');
  });

  it('does not read "tried" without "to" as a cue', () => {
    expect(speakerOf('Judge Amos tried the case in 2019.')).toBeNull();
  });
});

describe('a light verb with a speech-act object', () => {
  it('reads "made it clear", "made no secret of" and "took aim at" as the subject speaking', () => {
    expect(speakerOf('Lena Park made it clear that she would not resign.')).toBe('Lena Park');
    expect(speakerOf('Senator Ruiz has made no secret of his dislike for the plan.')).toBe('Ruiz');
    expect(speakerOf('Okafor took aim at the bank’s lending rules.')).toBe('Okafor');
  });

  it('reads "filed a lawsuit" and "issued a report" as the subject stating what follows', () => {
    expect(speakerOf('The Harbor Trust filed a lawsuit alleging the permit was illegal.')).toBe(
      'Harbor Trust',
    );
    expect(speakerOf('The Ethics Board issued a report faulting the mayor.')).toBe('Ethics Board');
  });

  it('does not read a light verb with another object as a cue', () => {
    expect(speakerOf('Okafor took the train to Leeds.')).toBeNull();
  });
});

describe('a quotation signed with a dash and a name', () => {
  const byText = (text: string) =>
    new Map(analyzeText(text).map((s) => [text.slice(s.start, s.end).trim(), s.speaker?.name ?? null]));

  it('gives each sentence of the quotation to the name after the dash', () => {
    const text =
      'Readers sent us their views.\n\n“The plan is a disgrace. It hurts every family on our street.” ― Dana Whitfield\n\nThe meeting ended at noon.';
    const speakers = [...byText(text)];
    expect(speakers.find(([s]) => s.startsWith('“The plan'))?.[1]).toBe('Dana Whitfield');
    expect(speakers.find(([s]) => s.startsWith('It hurts'))?.[1]).toBe('Dana Whitfield');
    expect(speakers.find(([s]) => s.startsWith('The meeting'))?.[1]).toBeNull();
  });

  it('reads a signature on a line of its own after the quotation', () => {
    const text = '"The bridge must be rebuilt before winter. We cannot wait."\n\n- Mayor Tom Ellery.';
    expect(speakerOf(text, 0)).toBe('Tom Ellery');
    expect(speakerOf(text, 1)).toBe('Tom Ellery');
    expect(
      speakerOf('"Great speech. She is ready."\n\n—Senator Ann Brody, writing after the debate.', 1),
    ).toBe('Ann Brody');
  });

  it('does not read a dateline or a dash inside a sentence as a signature', () => {
    expect(speakerOf('WASHINGTON — The Senate passed the bill on Tuesday.')).toBeNull();
    expect(speakerOf('The vote was close — Harlan County tipped it.')).toBeNull();
  });
});

describe('more cue families: directives, naming, stances and light verbs', () => {
  it('reads "ordered", "pleaded" and "referenced" as the subject speaking', () => {
    expect(speakerOf('Judge Amos ordered the county to reopen the polls.')).toBe('Amos');
    expect(speakerOf('Okafor pleaded with voters to stay home.')).toBe('Okafor');
    expect(speakerOf('Marsh referenced the 2012 flood in her speech.')).toBe('Marsh');
  });

  it('reads "named X as" and "identified X as" as a claim of the subject', () => {
    expect(speakerOf('Governor Ruiz named Delgado as her choice for the court.')).toBe('Ruiz');
    expect(speakerOf('The Harbor Police identified the driver as a local man.')).toBe('Harbor Police');
  });

  it('reads a stance such as "was quick to" or "is proud of" as the subject’s', () => {
    expect(speakerOf('Okafor was quick to point out that the bill had failed twice.')).toBe('Okafor');
    expect(speakerOf('Delgado is proud of the new clinic.')).toBe('Delgado');
  });

  it('reads "took to Twitter", "used his speech" and "released a poll" as the subject speaking', () => {
    expect(speakerOf('Senator Brody took to Twitter to mock the plan.')).toBe('Brody');
    expect(speakerOf('Ruiz used his speech to call for a new bridge.')).toBe('Ruiz');
    expect(speakerOf('Marlow College released a poll showing the race was tied.')).toBe('Marlow College');
  });

  it('reads a light verb after an opening phrase ("Minutes later, the campaign issued a statement")', () => {
    expect(speakerOf('Minutes later, the Okafor campaign issued a statement calling the report false.')).toBe(
      'Okafor campaign',
    );
  });

  it('does not read a name or an order as a noun as a cue', () => {
    expect(speakerOf('The order came from Harlan County.')).toBeNull();
    expect(speakerOf('Okafor used the bridge every day.')).toBeNull();
  });
});

describe('a quotation of several sentences after a lead-in ending on a colon', () => {
  it('gives every sentence of the quotation to the speaker of the lead-in', () => {
    const text =
      'Marsh added:\n\n“The plan is dead. Nobody on the council wants it.”\n\nThe vote is on Monday.';
    expect(speakerOf(text, 1)).toBe('Marsh');
    expect(speakerOf(text, 2)).toBe('Marsh');
    expect(speakerOf(text, 3)).toBeNull();
  });
});
