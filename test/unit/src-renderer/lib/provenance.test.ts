// The speaker chip tells the analyst when a speaker came from a pronoun or a description, or is a group.
import { describe, expect, it } from 'vitest';
import { analyzeText } from '../../../../src-main/shared/analysis/index';
import { provenanceNote, provenancePrefix } from '../../../../src-renderer/lib/speaker-provenance';

describe('speaker provenance on the chip', () => {
  it('shows the pronoun a speaker was resolved from, and nothing for a named speaker', () => {
    const [first, second] = analyzeText(
      'Minister Ana Ruiz said the port was open. She said ships were waiting.',
    );
    expect(provenancePrefix(first?.speakerFound)).toBeNull();
    expect(provenancePrefix(second?.speakerFound)).toBe('“She” →');
    expect(provenanceNote(second?.speakerFound, 'Ana Ruiz')).toMatch(/resolved to Ana Ruiz/);
  });

  it('explains that a group is kept as written', () => {
    const [s] = analyzeText('Local farmers say the harvest has halved.');
    expect(provenanceNote(s?.speakerFound, s?.speaker?.name ?? '')).toMatch(/group or description/);
  });
});
