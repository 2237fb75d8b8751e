// Reader span arithmetic: selection points → article offsets, statements covered by a span,
// highlight segments, and the virtual list's row index — checked against the seed's gold
// statements and against brute force on random inputs.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { Annotation, Statement } from '../../../../../src-main/shared/domain';
import {
  indexByStatement,
  pointOffset,
  segmentText,
  spanFromPoints,
  statementCredibility,
  statementIndexAt,
  statementsInSpan,
} from '../../../../../src-renderer/features/reader/spans';
import { HeightIndex } from '../../../../../src-renderer/features/reader/virtual';

const text = readFileSync('test/fixtures/car-dec-2020.txt', 'utf8');
const gold = JSON.parse(readFileSync('test/fixtures/statements.gold.json', 'utf8')) as {
  statements: { index: number; start: number; end: number; text: string }[];
};
const statements: Statement[] = gold.statements.map((g) => ({
  id: `st-${g.index}`,
  articleId: 'a',
  index: g.index,
  start: g.start,
  end: g.end,
  kind: 'narrative',
  speakerId: null,
  cue: null,
  viaIds: [],
  entities: [],
  userEdited: false,
  updatedAt: '',
}));

function annotation(id: string, start: number, end: number, extra: Partial<Annotation> = {}): Annotation {
  return {
    id,
    articleId: 'a',
    statementIds: statementsInSpan(statements, start, end).map((s) => s.id),
    quote: { exact: text.slice(start, end), prefix: '', suffix: '' },
    position: { start, end },
    note: '',
    tagIds: [],
    credibility: null,
    author: 'x',
    orphaned: false,
    createdAt: `2026-01-01T00:00:${id.padStart(2, '0')}`,
    updatedAt: `2026-01-01T00:00:${id.padStart(2, '0')}`,
    ...extra,
  };
}

describe('selection points to article offsets', () => {
  const st1 = gold.statements[1]!;
  it('maps a point inside a rendered piece to its article offset', () => {
    const at = st1.text.indexOf('denied');
    const p = {
      kind: 'segment' as const,
      segmentStart: st1.start,
      segmentLength: st1.text.length,
      offset: at,
    };
    expect(text.slice(pointOffset(p), pointOffset(p) + 6)).toBe('denied');
  });

  it('orders backward selections and trims surrounding whitespace', () => {
    const s0 = gold.statements[0]!;
    const len = s0.end - s0.start;
    const a = { kind: 'segment' as const, segmentStart: s0.start, segmentLength: len, offset: len - 1 }; // the final "." …
    const b = { kind: 'segment' as const, segmentStart: st1.start, segmentLength: 6, offset: 6 }; // … to "Russia"
    const span = spanFromPoints(text, b, a)!;
    expect(span).toEqual({ start: s0.end - 1, end: st1.start + 6 });
    expect(text.slice(span.start, span.end)).toMatch(/^\.\s+Russia$/);
  });

  it('trims the whitespace between statements off a selection that starts after one', () => {
    const a = { kind: 'after' as const, textEnd: gold.statements[0]!.end };
    const b = { kind: 'segment' as const, segmentStart: st1.start, segmentLength: 6, offset: 6 };
    expect(spanFromPoints(text, a, b)).toEqual({ start: st1.start, end: st1.start + 6 });
  });

  it('returns null for a selection of whitespace only', () => {
    const gap = { kind: 'before' as const, textStart: gold.statements[0]!.end };
    const next = { kind: 'before' as const, textStart: st1.start };
    expect(spanFromPoints(text, gap, next)).toBeNull();
  });

  it('clamps offsets beyond a piece to its end', () => {
    const p = { kind: 'segment' as const, segmentStart: 10, segmentLength: 5, offset: 99 };
    expect(pointOffset(p)).toBe(15);
  });
});

describe('statements covered by a span', () => {
  it('finds exactly the gold statements a span overlaps', () => {
    const s = gold.statements;
    const span = { start: s[2]!.end - 5, end: s[4]!.start + 3 };
    expect(statementsInSpan(statements, span.start, span.end).map((x) => x.index)).toEqual([2, 3, 4]);
    expect(statementsInSpan(statements, s[0]!.end, s[1]!.start)).toEqual([]); // the gap between
    expect(statementIndexAt(statements, s[5]!.start + 1)).toBe(5);
    expect(statementIndexAt(statements, text.length + 10)).toBe(-1);
  });

  it('agrees with a linear scan for any span', () => {
    fc.assert(
      fc.property(fc.nat(text.length), fc.nat(text.length), (a, b) => {
        const [start, end] = a <= b ? [a, b] : [b, a];
        const brute = statements.filter((st) => st.start < end && st.end > start);
        expect(statementsInSpan(statements, start, end)).toEqual(brute);
      }),
    );
  });
});

describe('highlight segments', () => {
  const st = statements[0]!;
  it('cuts a statement at every annotation and entity boundary, covering its text exactly', () => {
    const a1 = annotation('1', st.start + 10, st.start + 40);
    const a2 = annotation('2', st.start + 30, st.start + 60);
    const entity = { type: 'place' as const, text: 'x', start: st.start + 50, end: st.start + 70 };
    const segs = segmentText(st.start, st.end, [a2, a1], [entity]);
    expect(segs.map((s) => text.slice(s.start, s.end)).join('')).toBe(gold.statements[0]!.text);
    const at = (o: number) => segs.find((s) => s.start <= st.start + o && s.end > st.start + o)!;
    expect(at(35).annotations.map((a) => a.id)).toEqual(['1', '2']); // oldest first: colour order
    expect(at(55).annotations.map((a) => a.id)).toEqual(['2']);
    expect(at(55).entity).toBe('place');
    expect(at(5).annotations).toEqual([]);
  });

  it('lists, for every piece, exactly the annotations overlapping it', () => {
    const len = st.end - st.start;
    const spans = fc.array(fc.tuple(fc.nat(len), fc.nat(len)), { maxLength: 8 });
    fc.assert(
      fc.property(spans, (pairs) => {
        const anns = pairs.map(([x, y], i) =>
          annotation(String(i + 1), st.start + Math.min(x, y), st.start + Math.max(x, y) + 1),
        );
        const segs = segmentText(st.start, st.end, anns, []);
        expect(segs[0]!.start).toBe(st.start);
        expect(segs.at(-1)!.end).toBe(st.end);
        for (const seg of segs) {
          const expected = anns.filter((a) => a.position.start < seg.end && a.position.end > seg.start);
          expect(new Set(seg.annotations.map((a) => a.id))).toEqual(new Set(expected.map((a) => a.id)));
        }
      }),
    );
  });

  it('indexes annotations by statement and shows the latest credibility', () => {
    const s = gold.statements;
    const cross = annotation('1', s[0]!.end - 4, s[1]!.start + 4, { credibility: 3 });
    const later = annotation('2', s[1]!.start, s[1]!.end, { credibility: 5 });
    const orphan = annotation('3', s[1]!.start, s[1]!.end, { orphaned: true });
    const index = indexByStatement([cross, later, orphan]);
    expect(index.get('st-0')!.map((a) => a.id)).toEqual(['1']);
    expect(index.get('st-1')!.map((a) => a.id)).toEqual(['1', '2']);
    expect(statementCredibility(index.get('st-1'))).toBe(5);
    expect(statementCredibility(undefined)).toBeNull();
  });
});

describe('virtual list heights', () => {
  it('finds the rows on screen like a linear scan, with measured and estimated heights', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 20, max: 400 }), { minLength: 1, maxLength: 300 }),
        fc.nat(40_000),
        (measured, top) => {
          const idx = new HeightIndex(measured.length + 50, 90);
          measured.forEach((h, i) => idx.set(i, h));
          const heights = [...measured, ...Array<number>(50).fill(90)];
          let y = 0;
          let expected = heights.length - 1;
          for (let i = 0; i < heights.length; i++) {
            if (y + heights[i]! > top) {
              expected = i;
              break;
            }
            y += heights[i]!;
          }
          expect(idx.indexAt(top)).toBe(expected);
          expect(idx.total()).toBe(heights.reduce((a, b) => a + b, 0));
          const r = idx.range(top, 800, 0);
          expect(r.from).toBe(expected);
          expect(idx.offsetOf(r.to)).toBeGreaterThanOrEqual(Math.min(idx.total(), top + 800));
        },
      ),
    );
  });
});
