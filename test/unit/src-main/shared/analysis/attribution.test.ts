// Attribution on the seed gold (speaker, relay, kind) and on short news constructions.
import { describe, expect, it } from 'vitest';
import { analyzeText } from '../../../../../src-main/shared/analysis/index';
import { compareAttribution, sameActor } from '../../../../../src-main/shared/analysis/scoring';
import { seedGold, seedText } from './fixtures';

const analysed = analyzeText(seedText);
const rows = compareAttribution(seedGold, analysed);

describe('analyzeText on the seed article', () => {
  it('finds the right speaker for at least 29 of the 31 gold statements', () => {
    expect(rows).toHaveLength(31);
    expect(rows.filter((r) => r.speakerOk).length).toBeGreaterThanOrEqual(29);
  });

  it('finds the right relay (via) for at least 28 of 31', () => {
    expect(rows.filter((r) => r.viaOk).length).toBeGreaterThanOrEqual(28);
  });

  it('finds the right kind for at least 28 of 31', () => {
    expect(rows.filter((r) => r.kindOk).length).toBeGreaterThanOrEqual(28);
  });

  it('gives Mikhail Bogdanov as many statements as the gold does, under his full name', () => {
    const goldCount = seedGold.filter((g) => g.speaker === 'Mikhail Bogdanov').length;
    const his = analysed.filter((s) => sameActor('Mikhail Bogdanov', s.speaker));
    expect(his).toHaveLength(goldCount);
    expect(new Set(his.map((s) => s.speaker?.name))).toEqual(new Set(['Mikhail Bogdanov']));
    // Aliases are names: the surname is one, the titled phrase is not.
    expect(his[0]?.speaker?.aliases).toContain('Bogdanov');
    expect(his[0]?.speaker?.aliases).not.toContain('Russian Deputy Foreign Minister Mikhail Bogdanov');
  });

  it('gives every statement valid offsets inside the article and entities inside their statement', () => {
    for (const s of analysed) {
      for (const e of s.entities) {
        expect(e.start).toBeGreaterThanOrEqual(s.start);
        expect(e.end).toBeLessThanOrEqual(s.end);
        expect(seedText.slice(e.start, e.end)).toBe(e.text);
      }
    }
  });
});

describe('analyzeText on news constructions', () => {
  const only = (text: string) => {
    const [statement, ...rest] = analyzeText(text);
    expect(rest).toHaveLength(0);
    return statement!;
  };

  it('reads a relay chain nearest the speaker first: said to Tass, RFERL reported', () => {
    const s = only('Foreign Minister Sergei Lavrov said to Tass that talks would resume, RFERL reported.');
    expect(s.speaker?.name).toBe('Sergei Lavrov');
    expect(s.via.map((v) => v.name)).toEqual(['Tass', 'Radio Free Europe/Radio Liberty']);
    expect(s.cue).toBe('said');
    expect(s.kind).toBe('reported');
  });

  it('does not take a second clause’s speaker, or a conjunction, for a relay', () => {
    const s = only('He vowed to keep trying, but the BBC editor Jon Sopel says the president sounded tired.');
    expect(s.via).toEqual([]);
    const t = only('Mr Obama said the concerns were "legitimate" but insisted progress had been made.');
    expect(t.speaker?.name).toBe('Obama');
    expect(t.via).toEqual([]);
  });

  it('marks a hedged claim without a speaker', () => {
    const s = only('Dozens of fighters were allegedly killed near the border.');
    expect(s.kind).toBe('hedged');
    expect(s.speaker).toBeNull();
  });

  it('leaves narrative sentences unattributed', () => {
    const s = only('The river flooded the lower town in March 2019.');
    expect(s.kind).toBe('narrative');
    expect(s.speaker).toBeNull();
    expect(s.via).toEqual([]);
  });

  it('resolves “she” to the last person who spoke, and an inverted “said Reuters” to the outlet', () => {
    const [first, second, third] = analyzeText(
      'Health Minister Jane Okello said the clinics were open. “We have enough vaccines,” she added. Prices rose again, said Reuters.',
    );
    expect(first?.speaker?.name).toBe('Jane Okello');
    expect(second?.speaker?.name).toBe('Jane Okello');
    expect(second?.kind).toBe('quote');
    expect(third?.speaker?.name).toBe('Reuters');
    expect(third?.speaker?.kind).toBe('agency');
  });
});
