// Word lists written as one string of space-separated words, the way the analysis and comparison rules keep them.

/** The words of `words` (separated by single spaces) as a set. */
export function wordSet(words: string): ReadonlySet<string> {
  return new Set(words.split(' '));
}
