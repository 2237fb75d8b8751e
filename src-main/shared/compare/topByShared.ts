// Candidate selection shared by the sentence aligner and the corroboration match index.

/**
 * The `limit` statements among the first `count` of `touched` with the most shared weight, best first, without
 * sorting them all (an insertion into a list at most `limit` long).
 */
export function topByShared(
  touched: ArrayLike<number>,
  count: number,
  shared: Float64Array,
  limit: number,
): number[] {
  const best: number[] = [];
  for (let t = 0; t < count; t++) {
    const j = touched[t]!;
    if (best.length === limit && shared[j]! <= shared[best[limit - 1]!]!) continue;
    let at = best.length < limit ? best.length : limit - 1;
    while (at > 0 && shared[best[at - 1]!]! < shared[j]!) {
      if (at < limit) best[at] = best[at - 1]!;
      at--;
    }
    best[at] = j;
  }
  return best;
}
