// Heaviest order-preserving set of matches: a weighted longest-increasing-subsequence over candidate pairs,
// O(K log K) for K candidates, so alignment never builds a dense statement × statement matrix.

export interface CandidatePair {
  /** Position in the first sequence. */
  i: number;
  /** Position in the second sequence. */
  j: number;
  weight: number;
}

/**
 * Picks candidates with strictly increasing i and j whose total weight is largest.
 * Returns them in order of i.
 */
export function heaviestOrderedMatch(
  candidates: readonly CandidatePair[],
  secondLength: number,
): CandidatePair[] {
  if (candidates.length === 0) return [];
  // Within one i, visit j in decreasing order so that two pairs sharing i can never chain.
  const sorted = [...candidates].sort((a, b) => a.i - b.i || b.j - a.j);
  // Fenwick tree over j (1-based) holding the best chain weight ending at j and which candidate ends it.
  const treeBest = new Float64Array(secondLength + 1);
  const treeAt = new Int32Array(secondLength + 1).fill(-1);
  const chainWeight = new Float64Array(sorted.length);
  const previous = new Int32Array(sorted.length).fill(-1);
  let bestEnd = -1;
  let bestWeight = 0;
  for (let k = 0; k < sorted.length; k++) {
    const { j, weight } = sorted[k]!;
    // Best chain ending strictly before column j.
    let before = 0;
    let beforeAt = -1;
    for (let x = j; x > 0; x -= x & -x) {
      if (treeBest[x]! > before) {
        before = treeBest[x]!;
        beforeAt = treeAt[x]!;
      }
    }
    const total = before + weight;
    chainWeight[k] = total;
    previous[k] = beforeAt;
    for (let x = j + 1; x <= secondLength; x += x & -x) {
      if (total > treeBest[x]!) {
        treeBest[x] = total;
        treeAt[x] = k;
      }
    }
    if (total > bestWeight) {
      bestWeight = total;
      bestEnd = k;
    }
  }
  const chain: CandidatePair[] = [];
  for (let k = bestEnd; k >= 0; k = previous[k]!) chain.push(sorted[k]!);
  return chain.reverse();
}
