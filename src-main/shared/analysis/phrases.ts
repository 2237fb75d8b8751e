// Token predicates and phrase reading shared by the attribution reader: verbs, auxiliaries, hedges,
// punctuation, and the statement text a run of tokens covers.
import { phrasalParticle, type CueForm } from './cues';
import * as lexicon from './lexicon';
import type { Token } from './tokens';

// Copied once: under a CommonJS transform (tsx, vitest) each read of an imported binding is a getter call.
const {
  AUXILIARY,
  CUE,
  CUE_BASE,
  CUE_ING,
  CUE_PAST,
  CUE_THIRD,
  FINITE_VERB,
  HEDGE,
  LY_ONLY,
  MODIFIER,
  NOT_VERB,
  PHRASAL_START,
} = lexicon;

export const QUOTE_MARKS = new Set(['“', '”', '"', '«', '»', '„', "''"]);

export function isVerbLike(t: Token): boolean {
  if (!t.isWord) return false;
  if (t.flags & (AUXILIARY | CUE_PAST | CUE_THIRD)) return true;
  if (t.text !== t.lower) return false;
  if (t.flags & FINITE_VERB) return true;
  return t.lower.length > 4 && t.lower.endsWith('ed') && !(t.flags & NOT_VERB);
}

export function isAuxiliary(t: Token | undefined): boolean {
  return !!t && (t.flags & AUXILIARY) !== 0;
}
/** An adverb between subject and verb; a capitalised "-ly" word after the statement's start is a name ("Mrs. Schlafly"). */
export function isModifier(t: Token | undefined): boolean {
  if (!t || (t.flags & MODIFIER) === 0) return false;
  return !(t.flags & LY_ONLY) || !t.capitalised || t.start === 0;
}
export function isHedge(t: Token | undefined): boolean {
  return !!t && (t.flags & HEDGE) !== 0;
}

/** The reporting-verb form of a token, from its flags. */
export function formOf(t: Token): CueForm | null {
  if (t.flags & CUE_PAST) return 'past';
  if (t.flags & CUE_THIRD) return 'third';
  if (t.flags & CUE_ING) return 'ing';
  if (t.flags & CUE_BASE) return 'base';
  return null;
}

/**
 * The particle making a multi-word cue of `t` and `next` ("pointed" + "out", "called" + "for"), or null. Only a
 * cue word or a word flagged as a phrasal start opens one: other words skip the look-up.
 */
export function cueParticle(t: Token, next: Token | undefined): string | null {
  if ((t.flags & (CUE | PHRASAL_START)) === 0) return null;
  return phrasalParticle(t.lower, next?.lower);
}

export function isPunct(t: Token | undefined, chars: string): boolean {
  if (!t || t.isWord) return false;
  const text = t.text;
  // A mark is one character ("''" aside): compared code by code, without a string search per call.
  if (text.length !== 1) return chars.includes(text);
  const c = text.charCodeAt(0);
  for (let i = 0; i < chars.length; i++) if (chars.charCodeAt(i) === c) return true;
  return false;
}

/** The statement text covered by tokens [from, to), with an acronym's final period ("U.N."). */
const ACRONYM = /^(?:\p{L}\.)+\p{L}$/u;

export class PhraseReader {
  constructor(
    private readonly statement: string,
    private readonly seq: Token[],
  ) {}

  /** The token at index `at` of the sequence read. */
  token(at: number): Token | undefined {
    return this.seq[at];
  }

  text(from: number, to: number): string {
    const first = this.seq[from];
    const last = this.seq[to - 1];
    if (!first || !last || to <= from) return '';
    let end = last.end;
    if (
      this.statement.charCodeAt(end) === 46 &&
      last.text.charCodeAt(last.text.length - 2) === 46 &&
      ACRONYM.test(last.text)
    )
      end++;
    return this.statement.slice(first.start, end);
  }
}

/** Index of the first comma, colon, dash or quotation mark at or after `from` (at most `max` tokens on). */
export function npUntilComma(seq: Token[], from: number, max: number): number {
  let j = from;
  while (j < seq.length && j - from < max) {
    const t = seq[j] as Token;
    // Words never stop the phrase; only marks are looked up.
    if (!t.isWord && (',;:—–-'.includes(t.text) || QUOTE_MARKS.has(t.text))) break;
    j++;
  }
  return j;
}

/** Whether a word starts with a lower-case letter. */
export function startsLowerCase(word: string): boolean {
  const c = word.charCodeAt(0);
  return c < 128 ? c >= 97 && c <= 122 : /^\p{Ll}/u.test(word);
}

/**
 * A headline in title case ("Senator Says Vote Will Wait"): four words or more, nearly all capitalised, so a
 * capitalised cue there is a verb, not part of a name.
 */
export function titleCase(seq: Token[]): boolean {
  let words = 0;
  let capitalised = 0;
  for (const t of seq) {
    if (!t.isWord || t.quoted) continue;
    words++;
    if (t.capitalised) capitalised++;
  }
  return words >= 4 && capitalised >= words - 1;
}
