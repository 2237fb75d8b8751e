// The order-preserving match behind alignment picks the heaviest chain, as an exhaustive search does.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  heaviestOrderedMatch,
  type CandidatePair,
} from '../../../../../src-main/shared/compare/orderedMatch';

/** Heaviest strictly increasing chain by trying every subset (small inputs only). */
function bruteForce(candidates: CandidatePair[]): number {
  let best = 0;
  for (let mask = 0; mask < 1 << candidates.length; mask++) {
    const chosen = candidates.filter((_, k) => mask & (1 << k)).sort((a, b) => a.i - b.i);
    const ordered = chosen.every((c, k) => k === 0 || (c.i > chosen[k - 1]!.i && c.j > chosen[k - 1]!.j));
    if (ordered)
      best = Math.max(
        best,
        chosen.reduce((s, c) => s + c.weight, 0),
      );
  }
  return best;
}

describe('heaviestOrderedMatch', () => {
  const pair = fc.record({
    i: fc.nat(6),
    j: fc.nat(6),
    weight: fc.double({ min: 0.01, max: 1, noNaN: true }),
  });

  it('returns a strictly increasing chain with the largest total weight', () => {
    fc.assert(
      fc.property(fc.array(pair, { maxLength: 10 }), (candidates) => {
        const chain = heaviestOrderedMatch(candidates, 7);
        for (let k = 1; k < chain.length; k++) {
          expect(chain[k]!.i).toBeGreaterThan(chain[k - 1]!.i);
          expect(chain[k]!.j).toBeGreaterThan(chain[k - 1]!.j);
        }
        const total = chain.reduce((s, c) => s + c.weight, 0);
        expect(total).toBeCloseTo(bruteForce(candidates), 9);
      }),
      { numRuns: 300 },
    );
  });

  it('prefers two good matches over one crossing them', () => {
    const chain = heaviestOrderedMatch(
      [
        { i: 0, j: 1, weight: 0.6 },
        { i: 1, j: 0, weight: 0.7 },
        { i: 1, j: 2, weight: 0.6 },
      ],
      3,
    );
    expect(chain.map((c) => [c.i, c.j])).toEqual([
      [0, 1],
      [1, 2],
    ]);
  });
});
