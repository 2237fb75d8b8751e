// Maps offsets in an old text to offsets in its revision through sparse anchors: short snippets of the old
// text found again, in order, in the new one. A light-weight diff that stays linear on 1 MB articles.

export interface PositionMap {
  /** Where an old offset most likely is in the new text. */
  toNew(oldOffset: number): number;
  /** How many anchors were found (diagnostics). */
  anchorCount: number;
}

const SNIPPET_LENGTH = 24;
// Spacing between anchors grows with the text so a 1 MB article gets a few thousand anchors.
const MIN_SPACING = 32;
const MAX_SPACING = 256;

function spacingFor(length: number): number {
  return Math.max(MIN_SPACING, Math.min(MAX_SPACING, Math.round(length / 4000)));
}

/** Position of snippet starting between from and to if it starts there exactly once, else -1. */
function uniqueIn(text: string, snippet: string, from: number, to: number): number {
  // Search a slice: indexOf on the whole text would scan to its end whenever the snippet is not repeated.
  const start = Math.max(0, from);
  const region = text.slice(start, Math.max(start, to) + snippet.length);
  const at = region.indexOf(snippet);
  if (at < 0 || region.indexOf(snippet, at + 1) >= 0) return -1;
  return start + at;
}

export function buildPositionMap(oldText: string, newText: string): PositionMap {
  if (oldText === newText) return { toNew: (x) => x, anchorCount: 0 };
  const spacing = spacingFor(oldText.length);
  const near = spacing * 4;
  const oldAnchors: number[] = [];
  const newAnchors: number[] = [];
  let delta = 0;
  let lastNew = -1;
  let misses = 0;
  for (let p = 0; p + SNIPPET_LENGTH <= oldText.length; p += spacing) {
    const snippet = oldText.slice(p, p + SNIPPET_LENGTH);
    const expected = p + delta;
    let at = uniqueIn(newText, snippet, expected - near, expected + near);
    // After several misses the texts may have drifted apart (a paragraph added or cut): look further.
    if (at < 0 && misses >= 3) at = uniqueIn(newText, snippet, expected - near * 64, expected + near * 64);
    if (at < 0 && misses >= 8) at = uniqueIn(newText, snippet, 0, newText.length);
    if (at < 0 || at <= lastNew) {
      misses++;
      continue;
    }
    misses = 0;
    oldAnchors.push(p);
    newAnchors.push(at);
    delta = at - p;
    lastNew = at;
  }
  const toNew = (x: number): number => {
    // Last anchor at or before x (binary search).
    let lo = 0;
    let hi = oldAnchors.length - 1;
    let found = -1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (oldAnchors[mid]! <= x) {
        found = mid;
        lo = mid + 1;
      } else hi = mid - 1;
    }
    const anchor = found >= 0 ? found : 0;
    if (oldAnchors.length === 0) return Math.min(x, newText.length);
    const mapped = newAnchors[anchor]! + (x - oldAnchors[anchor]!);
    return Math.max(0, Math.min(newText.length, mapped));
  };
  return { toNew, anchorCount: oldAnchors.length };
}
