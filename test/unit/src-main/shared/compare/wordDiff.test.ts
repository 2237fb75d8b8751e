// Word-level differences inside an aligned pair.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { wordDiff } from '../../../../../src-main/shared/compare/wordDiff';
import { secondColumn, seedColumn, statementText, statementWith } from './fixtures';

const join = (segments: { text: string }[]) => segments.map((s) => s.text).join('');
const words = (text: string) => new Set(text.match(/[\p{L}\p{N}’']+/gu) ?? []);

describe('wordDiff', () => {
  it('marks the words only one of two aligned statements has', () => {
    const a = statementText(seedColumn, statementWith(seedColumn, 'Bozize has denied any complicity'));
    const b = statementText(secondColumn, statementWith(secondColumn, 'Bozize has denied any role'));
    const diff = wordDiff(a, b);
    const onlyA = [...words(a)].filter((w) => !words(b).has(w));
    const onlyB = [...words(b)].filter((w) => !words(a).has(w));
    const removed = diff.a
      .filter((s) => s.op === 'removed')
      .map((s) => s.text)
      .join(' ');
    const added = diff.b
      .filter((s) => s.op === 'added')
      .map((s) => s.text)
      .join(' ');
    for (const w of onlyA) expect(removed).toContain(w);
    for (const w of onlyB) expect(added).toContain(w);
    expect(diff.a.some((s) => s.op === 'same' && s.text.includes('Bozize has denied any'))).toBe(true);
    expect(diff.sameRatio).toBeGreaterThan(0.5);
    expect(diff.sameRatio).toBeLessThan(1);
  });

  it('finds nothing to mark in identical statements', () => {
    const text = statementText(seedColumn, seedColumn.statements[0]!.id);
    const diff = wordDiff(text, text);
    expect(diff.a).toEqual([{ text, op: 'same' }]);
    expect(diff.sameRatio).toBe(1);
  });

  it('each side joins back into its own text', () => {
    fc.assert(
      fc.property(fc.string(), fc.string(), (a, b) => {
        const diff = wordDiff(a, b);
        expect(join(diff.a)).toBe(a);
        expect(join(diff.b)).toBe(b);
        expect(diff.a.every((s) => s.op !== 'added')).toBe(true);
        expect(diff.b.every((s) => s.op !== 'removed')).toBe(true);
      }),
    );
  });
});
