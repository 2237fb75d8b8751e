// Fuzzy matching for the command palette: the query's characters in order, scored so that
// matches at word starts and runs of consecutive characters rank first.

/** A score for `text` against `query` (higher is better), or null when it does not match. */
export function fuzzyScore(query: string, text: string): number | null {
  const q = query.trim().toLowerCase();
  if (!q) return 0;
  const t = text.toLowerCase();
  let score = 0;
  let ti = 0;
  let prev = -2;
  for (const ch of q) {
    if (ch === ' ') continue;
    const found = t.indexOf(ch, ti);
    if (found < 0) return null;
    const wordStart = found === 0 || /[\s\-:.,/(“”"]/.test(t[found - 1]!);
    score += 1 + (wordStart ? 6 : 0) + (found === prev + 1 ? 4 : 0) - Math.min(3, (found - ti) * 0.05);
    prev = found;
    ti = found + 1;
  }
  if (t.includes(q)) score += 10;
  return score;
}

/** Items matching `query`, best first; ties keep their original order. */
export function fuzzyFilter<T>(items: readonly T[], query: string, textOf: (item: T) => string): T[] {
  return items
    .map((item, i) => ({ item, i, score: fuzzyScore(query, textOf(item)) }))
    .filter((x): x is { item: T; i: number; score: number } => x.score !== null)
    .sort((a, b) => b.score - a.score || a.i - b.i)
    .map((x) => x.item);
}
