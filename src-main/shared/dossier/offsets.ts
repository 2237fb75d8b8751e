// Converts between JS string offsets (UTF-16 code units, what Corroborate stores) and Unicode code points
// (what the W3C TextPositionSelector and REFI-QDA count as "characters").

const HAS_ASTRAL = /[\uD800-\uDBFF][\uDC00-\uDFFF]/;

/** A converter for one text; free when the text has no characters outside the Basic Multilingual Plane. */
export function offsetConverter(text: string): {
  toCodePoints(utf16: number): number;
  toUtf16(codePoint: number): number;
} {
  if (!HAS_ASTRAL.test(text)) return { toCodePoints: (n) => n, toUtf16: (n) => n };
  // codePointAt[i] = number of code points before UTF-16 index i.
  const before = new Uint32Array(text.length + 1);
  const utf16At: number[] = [0];
  let points = 0;
  for (let i = 0; i < text.length;) {
    const c = text.charCodeAt(i);
    const pair =
      c >= 0xd800 && c <= 0xdbff && i + 1 < text.length && (text.charCodeAt(i + 1) & 0xfc00) === 0xdc00;
    before[i] = points;
    if (pair) before[i + 1] = points + 1; // an offset inside a pair rounds up to after it
    i += pair ? 2 : 1;
    points++;
    utf16At.push(i);
  }
  before[text.length] = points;
  return {
    toCodePoints: (n) => before[Math.max(0, Math.min(n, text.length))]!,
    toUtf16: (n) => utf16At[Math.max(0, Math.min(n, utf16At.length - 1))]!,
  };
}
