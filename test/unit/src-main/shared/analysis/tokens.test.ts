// The tokeniser's fast path (interned words, case folded from character codes) reads every word exactly as
// slicing and toLowerCase would: attribution and entities depend on each token's text, lower case and flags.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { flagsOf } from '../../../../../src-main/shared/analysis/lexicon';
import { tokenise } from '../../../../../src-main/shared/analysis/tokens';
import { seedText } from './fixtures';

function expectFaithful(statement: string, startsQuoted = false): void {
  for (const t of tokenise(statement, startsQuoted).tokens) {
    expect(t.text).toBe(statement.slice(t.start, t.end));
    expect(t.lower).toBe(t.text.toLowerCase());
    if (!t.isWord) continue;
    expect(t.capitalised).toBe(/^\p{Lu}/u.test(t.text));
    // Lower-case words inside quotations are looked up lazily (-1); every other word carries its flags.
    if (t.flags !== -1) expect(t.flags).toBe(flagsOf(t.lower));
    else expect(t.quoted && t.text === t.lower).toBe(true);
  }
}

// Letters whose case folds by code (ASCII, Latin-1, ’) next to ones that need toLowerCase (Greek, Turkish İ,
// title case, ligatures, astral capitals), so that words mix both paths.
const letters = fc.constantFrom(..."aZéÉßÿÀÞ×÷’'-.0İıΣσςǅﬀ".split(''), '𝐀', '\uD800', ' ', '“', '”', ',');

describe('tokenise', () => {
  it('reads the seed article’s words as slicing and lower-casing would', () => {
    for (const paragraph of seedText.split(/\n\s*\n/)) expectFaithful(paragraph);
  });

  it('reads any mix of foldable and other letters faithfully', () => {
    fc.assert(
      fc.property(fc.array(letters, { maxLength: 60 }), fc.boolean(), (chars, quoted) =>
        expectFaithful(chars.join(''), quoted),
      ),
      { numRuns: 500 },
    );
  });

  it('still reads words correctly after the word table has filled and been cleared', () => {
    // More distinct words than the table keeps (100 000), then words seen before the reset.
    const many: string[] = [];
    for (let i = 0; i < 110_000; i++) many.push(`Wq${i.toString(36)}x`);
    for (let i = 0; i < many.length; i += 1000) expectFaithful(many.slice(i, i + 1000).join(' '));
    expectFaithful('Bogdanov said, according to Interfax. WQ0X wq1x Wq2X');
  });
});
