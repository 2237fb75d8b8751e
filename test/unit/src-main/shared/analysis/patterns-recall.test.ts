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
