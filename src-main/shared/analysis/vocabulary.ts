// Interned words with their lexicon flags, looked up straight from the statement's characters.
//
// Why: article text with curly quotes is stored as two-byte strings, so every sliced word is two-byte too;
// lower-casing such a word leaves V8's fast path and hashing it for the flags cache costs a full pass. Profiling
// showed slicing, lower-casing and the Map look-up at more than half of tokenising. Here a word's lower-cased hash is
// computed from its character codes and its folded codes compared from a scratch buffer, so a known word costs no allocation at all and
// every occurrence shares one (one-byte) lower-case string.

/** Longer words are rare; they take the ordinary slice-and-lower-case path. */
export const MAX_INTERNED_LENGTH = 32;
/** Flags not computed yet (the word was only seen where its flags are looked up lazily). */
export const FLAGS_PENDING = -1;
/** Bound on distinct words kept, so memory stays flat over any amount of text. */
const MAX_WORDS = 100_000;

let capacity = 1 << 15;
let mask = capacity - 1;
let words: (string | undefined)[] = new Array<string | undefined>(capacity);
/** Per slot: [lower-case hash, flags], side by side so that one cache line serves a look-up. */
let meta = new Int32Array(capacity * 2);
let size = 0;

/**
 * The lower-case code of a character whose lower case is itself one character, decided without a look-up:
 * ASCII, Latin-1 letters and the typographic apostrophe ("Touadéra", "CAR’s"); -1 for any other character,
 * whose word is then sliced and lower-cased by toLowerCase. Matches toLowerCase exactly on these codes.
 */
export function foldCode(c: number): number {
  if (c < 128) return c >= 65 && c <= 90 ? c + 32 : c;
  if (c >= 0xc0 && c <= 0xff && c !== 0xd7 && c !== 0xf7) return c <= 0xde ? c + 32 : c;
  return c === 0x2019 ? c : -1;
}

/** FNV-1a over the folded character codes of a word; the tokeniser computes it while it reads the word. */
export const FNV_OFFSET = 0x811c9dc5 | 0;
export const FNV_PRIME = 0x01000193;

/**
 * The folded codes of the word being interned, written by the tokeniser as it reads the word (at index
 * `(k & 4095)` for its k-th character, so the store never leaves the buffer): comparing against a typed array
 * is cheaper than folding the statement's characters again (profiled: the compare was internWord's costliest line).
 */
export const FOLDED_WORD = new Uint16Array(4096);

function sameLower(word: string, length: number): boolean {
  if (word.length !== length) return false;
  const folded = FOLDED_WORD;
  for (let k = 0; k < length; k++) {
    if (folded[k] !== word.charCodeAt(k)) return false;
  }
  return true;
}

/**
 * The slot of the lower-cased word of `length` codes now in FOLDED_WORD (every code foldable, see foldCode),
 * with hash `hash`, added when new. Read the word with wordAt(slot) and its flags with flagsAt(slot).
 */
export function internWord(length: number, hash: number): number {
  // Locals, not module bindings, inside the probe loop (see tokens.ts scan()).
  const table = meta;
  const known = words;
  const slots = mask;
  let slot = hash & slots;
  for (;;) {
    const h = table[slot * 2] as number;
    if (h === hash) {
      const word = known[slot];
      if (word === undefined) break;
      if (sameLower(word, length)) return slot;
    } else if (h === 0 && known[slot] === undefined) break;
    slot = (slot + 1) & slots;
  }
  if (size >= MAX_WORDS) {
    reset(capacity);
    return internWord(length, hash);
  }
  if ((size + 1) * 2 > capacity) {
    grow();
    return internWord(length, hash);
  }
  words[slot] = lowerCopy(length);
  meta[slot * 2] = hash;
  meta[slot * 2 + 1] = FLAGS_PENDING;
  size++;
  return slot;
}

export function wordAt(slot: number): string {
  return words[slot] as string;
}
export function flagsAt(slot: number): number {
  return meta[slot * 2 + 1] as number;
}
export function setFlagsAt(slot: number, value: number): void {
  meta[slot * 2 + 1] = value;
}

/** A fresh copy of the word in FOLDED_WORD (one-byte when every code is below 256). */
function lowerCopy(length: number): string {
  const codes: number[] = [];
  for (let k = 0; k < length; k++) codes.push(FOLDED_WORD[k] as number);
  return String.fromCharCode(...codes);
}

function reset(newCapacity: number): void {
  capacity = newCapacity;
  mask = capacity - 1;
  words = new Array<string | undefined>(capacity);
  meta = new Int32Array(capacity * 2);
  size = 0;
}

function grow(): void {
  const oldWords = words;
  const oldMeta = meta;
  reset(capacity * 2);
  for (let i = 0; i < oldWords.length; i++) {
    const word = oldWords[i];
    if (word === undefined) continue;
    const hash = oldMeta[i * 2] as number;
    let slot = hash & mask;
    while (words[slot] !== undefined) slot = (slot + 1) & mask;
    words[slot] = word;
    meta[slot * 2] = hash;
    meta[slot * 2 + 1] = oldMeta[i * 2 + 1] as number;
    size++;
  }
}
