// The analysis never throws or hangs, whatever the input; spans are always in range, ordered and trimmed.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { AnalyzedStatement } from '../../../../../src-main/shared/extraction';
import { analyzeText, splitStatements } from '../../../../../src-main/shared/analysis/index';
import { seedText } from './fixtures';

function expectWellFormed(text: string, spans: { start: number; end: number }[]): void {
  let previousEnd = 0;
  for (const span of spans) {
    expect(span.start).toBeGreaterThanOrEqual(previousEnd);
    expect(span.end).toBeGreaterThan(span.start);
    expect(span.end).toBeLessThanOrEqual(text.length);
    expect(text.slice(span.start, span.end)).toBe(text.slice(span.start, span.end).trim());
    previousEnd = span.end;
  }
}

// Text made of the characters the splitter cares about, so that the property explores its decisions.
const newsish = fc
  .array(
    fc.oneof(
      fc.constantFrom(
        '.',
        '!',
        '?',
        '…',
        '“',
        '”',
        '"',
        "'",
        '(',
        ')',
        '[',
        ']',
        ' ',
        ' ',
        '\n',
        '\n\n',
        '•',
        '1.',
        'a.',
      ),
      fc.constantFrom(
        'U.S.',
        'Dr.',
        'He',
        'said',
        'Tass',
        'a.m.',
        'No.',
        '5',
        'the',
        'I',
        'E.',
        '. . .',
        'reportedly',
      ),
      fc.string({ maxLength: 4 }),
    ),
    { maxLength: 60 },
  )
  .map((parts) => parts.join(''));

describe('robustness', () => {
  it('splits any text into ordered, non-overlapping, trimmed spans', () => {
    fc.assert(
      fc.property(
        fc.oneof(newsish, fc.string({ maxLength: 200 }), fc.string({ unit: 'binary', maxLength: 200 })),
        (text) => {
          expectWellFormed(text, splitStatements(text));
        },
      ),
      { numRuns: 400 },
    );
  });

  it('analyses any text into statements that satisfy the shared schema', () => {
    fc.assert(
      fc.property(newsish, (text) => {
        const statements = analyzeText(text);
        expectWellFormed(text, statements);
        for (const s of statements) AnalyzedStatement.parse(s);
      }),
      { numRuns: 300 },
    );
  });

  it('copes with the empty string, whitespace and binary junk', () => {
    expect(analyzeText('')).toEqual([]);
    expect(analyzeText(' \n\n \t ')).toEqual([]);
    const junk = Array.from({ length: 20_000 }, (_, i) => String.fromCharCode((i * 7919) % 65_536)).join('');
    expectWellFormed(junk, analyzeText(junk));
  });

  it('handles a 5 MB single line and deeply nested quotations in bounded time', () => {
    const line = 'word '.repeat(1_000_000);
    const t0 = performance.now();
    const statements = analyzeText(line);
    expect(statements).toHaveLength(1);
    const nested = `${'“'.repeat(5000)}He said. ${'”'.repeat(5000)} ${'("'.repeat(3000)}`;
    expectWellFormed(nested, analyzeText(nested));
    // Generous bound: a quadratic path would take minutes, not seconds.
    expect(performance.now() - t0).toBeLessThan(30_000);
  });

  it('analyses a long article made of the seed repeated 200 times', () => {
    const text = Array.from({ length: 200 }, () => seedText).join('\n\n');
    const statements = analyzeText(text);
    expect(statements).toHaveLength(31 * 200);
    expectWellFormed(text, statements);
  });
});
