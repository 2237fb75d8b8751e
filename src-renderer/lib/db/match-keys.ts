// Index keys for finding the sources a speaker name may match and the articles a text may revise,
// so an import looks at a few candidates instead of the whole workspace.
// Source matching keys have one home, next to the rule that decides a match.
export { matchKeys } from '../../../src-main/shared/analysis/sources';

/** MinHash sketch: BANDS bands of ROWS hashes each; texts with word 3-gram resemblance s share a band with probability 1-(1-s^ROWS)^BANDS. */
export const BANDS = 30;
export const ROWS = 4;
const SHINGLE = 3;

function fnv1a(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

// Fixed odd multipliers and offsets, one pair per hash function (a deterministic sketch across sessions).
const SEEDS = Array.from({ length: BANDS * ROWS }, (_, i) => ({
  a: (fnv1a(`a${i}`) | 1) >>> 0,
  b: fnv1a(`b${i}`),
}));

/** Band keys ("band:hash") of a text's word 3-grams; empty for texts of fewer than three words. */
export function sketchBands(text: string): string[] {
  const words = text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
  if (words.length < SHINGLE) return [];
  const mins = new Uint32Array(BANDS * ROWS).fill(0xffffffff);
  for (let i = 0; i + SHINGLE <= words.length; i++) {
    const h = fnv1a(`${words[i]} ${words[i + 1]} ${words[i + 2]}`);
    for (let k = 0; k < mins.length; k++) {
      const seed = SEEDS[k]!;
      let x = Math.imul(h ^ seed.b, seed.a);
      x ^= x >>> 16;
      x = Math.imul(x, 0x85ebca6b);
      x = (x ^ (x >>> 13)) >>> 0;
      if (x < mins[k]!) mins[k] = x;
    }
  }
  const bands: string[] = [];
  for (let b = 0; b < BANDS; b++) {
    let h = 0x811c9dc5;
    for (let r = 0; r < ROWS; r++) h = Math.imul(h ^ mins[b * ROWS + r]!, 0x01000193);
    bands.push(`${b}:${(h >>> 0).toString(36)}`);
  }
  return bands;
}
