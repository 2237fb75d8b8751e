// Re-anchoring annotations of the seed article onto an edited copy: placed, or listed as orphaned, never dropped.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  reanchorAnnotations,
  type AnchoredAnnotation,
} from '../../../../../src-main/shared/compare/reanchor';
import { seedGold, seedText } from './fixtures';

/** A W3C-style annotation on [start, end) of a text, with 32 characters of context like Hypothesis. */
function annotate(id: string, text: string, start: number, end: number): AnchoredAnnotation {
  return {
    id,
    quote: {
      exact: text.slice(start, end),
      prefix: text.slice(Math.max(0, start - 32), start),
      suffix: text.slice(end, end + 32),
    },
    position: { start, end },
  };
}

/** One annotation per gold statement, on the whole statement. */
const seedAnnotations = seedGold.map((s) => annotate(`statement-${s.index}`, seedText, s.start, s.end));

function replaceOnce(text: string, from: string, to: string): string {
  const at = text.indexOf(from);
  if (at < 0 || text.indexOf(from, at + 1) >= 0) throw new Error(`"${from}" is not unique`);
  return text.slice(0, at) + to + text.slice(at + from.length);
}

describe('reanchorAnnotations on an edited seed article', () => {
  const deleted = seedGold.find((s) => s.text.startsWith('Bozize has denied any complicity'))!;
  const retouched = seedGold.find((s) => s.text.includes('roughly 9,000 militants'))!;
  let edited = 'Editor’s note: this report was updated with new figures.\n\n' + seedText;
  edited = replaceOnce(edited, deleted.text, '');
  edited = replaceOnce(edited, 'roughly 9,000 militants', 'about 8,000 fighters');
  edited = replaceOnce(edited, 'Outside of CAR,', 'Beyond the CAR,');
  const results = reanchorAnnotations(seedAnnotations, seedText, edited);

  it('returns every annotation once, in order', () => {
    expect(results.map((r) => r.id)).toEqual(seedAnnotations.map((a) => a.id));
  });

  it('places untouched statements exactly where their text now is', () => {
    for (const [k, s] of seedGold.entries()) {
      if ([deleted, retouched].includes(s) || s.text.includes('Outside of CAR')) continue;
      const r = results[k]!;
      expect(r.status).toBe('exact');
      expect(r.start).toBe(edited.indexOf(s.text));
      expect(edited.slice(r.start, r.end)).toBe(s.text);
    }
  });

  it('follows statements whose words were edited, with less confidence', () => {
    const outside = seedGold.find((x) => x.text.includes('Outside of CAR'))!;
    const expectations = [
      { s: retouched, now: retouched.text.replace('roughly 9,000 militants', 'about 8,000 fighters') },
      { s: outside, now: outside.text.replace('Outside of CAR,', 'Beyond the CAR,') },
    ];
    for (const { s, now } of expectations) {
      const r = results[s.index]!;
      expect(['context', 'fuzzy']).toContain(r.status);
      expect(r.confidence).toBeLessThan(1);
      expect(r.confidence).toBeGreaterThan(0.7);
      expect(edited.slice(r.start, r.end)).toBe(now);
    }
  });

  it('lists the statement that was cut as orphaned instead of dropping it', () => {
    const r = results[deleted.index]!;
    expect(r.status).toBe('orphaned');
    expect(r.confidence).toBe(0);
    expect(r.start).toBeGreaterThanOrEqual(0);
    expect(r.end).toBeLessThanOrEqual(edited.length);
  });

  it('finds a quote by fuzzy search when its words and its context were both edited', () => {
    const quote = 'an alliance of rebel groups attempting to march on the capital city';
    const start = seedText.indexOf(quote);
    const changed = replaceOnce(
      seedText,
      'consisted of an alliance of rebel groups attempting to march on the capital city of Bangui',
      'was made of an alliance of rebel groups trying to march on the capital city, Bangui',
    );
    const [r] = reanchorAnnotations(
      [annotate('fuzzy', seedText, start, start + quote.length)],
      seedText,
      changed,
    );
    expect(r!.status).toBe('fuzzy');
    const placed = changed.slice(r!.start, r!.end);
    expect(placed.startsWith('an alliance of rebel groups trying to march')).toBe(true);
    expect(Math.abs(placed.length - quote.length)).toBeLessThan(8);
  });

  it('tells a repeated quote apart by its context and position', () => {
    // "Bogdanov said" occurs twice in the seed; annotate the second one and add a third copy before both.
    const first = seedText.indexOf('Bogdanov said');
    const second = seedText.indexOf('Bogdanov said', first + 1);
    const annotation = annotate('repeated', seedText, second, second + 'Bogdanov said'.length);
    const changed = 'Bogdanov said nothing new today. ' + seedText;
    const [r] = reanchorAnnotations([annotation], seedText, changed);
    expect(r!.start).toBe(changed.indexOf('Bogdanov said', changed.indexOf('Bogdanov said', 40) + 1));
  });

  it('keeps everything in place when the text did not change', () => {
    for (const [k, r] of reanchorAnnotations(seedAnnotations, seedText, seedText).entries()) {
      expect(r).toMatchObject({
        status: 'exact',
        start: seedGold[k]!.start,
        end: seedGold[k]!.end,
        confidence: 1,
      });
    }
  });
});

describe('re-anchoring properties', () => {
  // Random edits of the seed: each cuts a stretch and/or inserts words somewhere.
  const edit = fc.record({
    at: fc.nat({ max: seedText.length }),
    cut: fc.nat({ max: 200 }),
    insert: fc.constantFrom('', 'Russia ', 'the rebels said ', '300 troops', '\n\nA new paragraph.\n\n'),
  });
  const applyEdits = (edits: { at: number; cut: number; insert: string }[]) =>
    edits.reduce(
      (text, e) =>
        text.slice(0, Math.min(e.at, text.length)) +
        e.insert +
        text.slice(Math.min(e.at, text.length) + e.cut),
      seedText,
    );

  it('never drops an annotation and keeps every placement inside the new text', () => {
    fc.assert(
      fc.property(fc.array(edit, { maxLength: 6 }), (edits) => {
        const edited = applyEdits(edits);
        const results = reanchorAnnotations(seedAnnotations, seedText, edited);
        expect(results.map((r) => r.id)).toEqual(seedAnnotations.map((a) => a.id));
        for (const r of results) {
          expect(r.start).toBeGreaterThanOrEqual(0);
          expect(r.end).toBeGreaterThanOrEqual(r.start);
          expect(r.end).toBeLessThanOrEqual(edited.length);
          if (r.status === 'exact')
            expect(edited.slice(r.start, r.end)).toBe(
              seedAnnotations.find((a) => a.id === r.id)!.quote.exact,
            );
        }
      }),
      { numRuns: 60 },
    );
  });
});
