// Word and punctuation tokens of one statement, each marked as inside or outside quotation marks.

import * as lexicon from './lexicon';
import * as vocabulary from './vocabulary';

// Copied once: under a CommonJS transform (tsx, vitest) each read of an imported binding is a getter call.
const { AUXILIARY, CALENDAR, FIRST_NAME, flagsOf, LAST_NAME, TITLE } = lexicon;
const {
  FLAGS_PENDING,
  FNV_OFFSET,
  FNV_PRIME,
  FOLDED_WORD,
  foldCode,
  flagsAt,
  internWord,
  MAX_INTERNED_LENGTH,
  setFlagsAt,
  wordAt,
} = vocabulary;

export interface Token {
  text: string;
  lower: string;
  /** Offsets into the statement text. */
  start: number;
  end: number;
  isWord: boolean;
  /** Lexicon and reporting-role bits of the word (see lexicon.ts); 0 for punctuation; -1 until looked up. */
  flags: number;
  /** Inside a quotation (the quotation marks themselves are not). */
  quoted: boolean;
  /** A word whose first letter is upper-case (\p{Lu}); false for punctuation. */
  capitalised: boolean;
}

export interface TokenisedStatement {
  tokens: Token[];
  /** The tokens outside quotation marks (quotation marks included), where attribution is read. */
  outside: Token[];
  /** The statement opens inside a quotation carried over from the previous statement. */
  startsQuoted: boolean;
  /** A quotation is still open at the end of the statement. */
  endsQuoted: boolean;
  /** Quotes a whole clause: a quotation closing on punctuation (“…,” / “….”) or running over a boundary. */
  quotesClause: boolean;
  /** No word outside quotation marks. */
  fullyQuoted: boolean;
  /** All flags of the words outside quotation marks, or-ed: lets attribution skip scans that cannot match. */
  outsideFlags: number;
  /** All flags (where looked up) of every word, or-ed, as tokenised. */
  wordFlags: number;
  /** "according" appears outside quotation marks. */
  mentionsAccording: boolean;
}

/** The marks kept as tokens: , ; : ( ) “ ” " « » „ — – (decided on the code, without a string). */
function isPunctuationCode(c: number): boolean {
  switch (c) {
    case 0x2c:
    case 0x3b:
    case 0x3a:
    case 0x28:
    case 0x29:
    case 0x201c:
    case 0x201d:
    case 0x22:
    case 0xab:
    case 0xbb:
    case 0x201e:
    case 0x2014:
    case 0x2013:
      return true;
    default:
      return false;
  }
}
/** A hyphen at i standing for a dash: "--", or one with a space on each side. */
function isDashHyphen(statement: string, i: number): boolean {
  const before = statement.charCodeAt(i - 1);
  const after = statement.charCodeAt(i + 1);
  return after === 45 || before === 45 || (before === 32 && after === 32);
}
const OPENING = new Set(['“', '«', '„']);
const CLOSING = new Set(['”', '»']);
const CLAUSE_END = /[,.!?…]/;

/** Longest statement worth tokenising in full: beyond it only the head and tail carry attribution. */
const MAX_TOKENISED = 4000;

interface ScanState {
  tokens: Token[];
  outside: Token[];
  inQuote: boolean;
  quotesClause: boolean;
  fullyQuoted: boolean;
  outsideFlags: number;
  wordFlags: number;
  mentionsAccording: boolean;
}

export function tokenise(statement: string, startsQuoted: boolean): TokenisedStatement {
  const state: ScanState = {
    tokens: [],
    outside: [],
    inQuote: startsQuoted,
    quotesClause: false,
    fullyQuoted: true,
    outsideFlags: 0,
    wordFlags: 0,
    mentionsAccording: false,
  };
  if (statement.length <= MAX_TOKENISED) {
    scan(statement, 0, statement.length, state);
  } else {
    scan(statement, 0, MAX_TOKENISED / 2, state);
    scan(statement, statement.length - MAX_TOKENISED / 2, statement.length, state);
  }
  const { tokens, inQuote } = state;
  let quotesClause = state.quotesClause || inQuote;
  if (startsQuoted && tokens.some((t) => CLOSING.has(t.text) || t.text === '"')) quotesClause = true;
  return {
    tokens,
    outside: state.outside,
    startsQuoted,
    endsQuoted: inQuote,
    quotesClause,
    fullyQuoted: state.fullyQuoted && tokens.length > 0,
    outsideFlags: state.outsideFlags,
    wordFlags: state.wordFlags,
    mentionsAccording: state.mentionsAccording,
  };
}

const UPPER_START = /^\p{Lu}/u;
const LETTER_OR_DIGIT = /[\p{L}\p{N}\p{M}]/u;
/** Per character code: 0 not yet known, 1 letter, digit or mark, 2 neither (the regex runs once per code). */
const WORD_CODE = new Uint8Array(65536);
for (let c = 0; c < 128; c++) {
  WORD_CODE[c] = (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) ? 1 : 2;
}

/** Letters, digits and combining marks. A lone surrogate is neither, so a code decides it alone. */
function isWordCodeIn(table: Uint8Array, c: number): boolean {
  let known = table[c] as number;
  if (known === 0) {
    known = LETTER_OR_DIGIT.test(String.fromCharCode(c)) ? 1 : 2;
    table[c] = known;
  }
  return known === 1;
}

/** Apostrophes, hyphens and dots join letters into one word: "Faustin-Archange", "doesn’t", "U.N". */
function isJoiner(code: number): boolean {
  return code === 39 || code === 45 || code === 46 || code === 0x2019;
}

function isDigitCode(code: number): boolean {
  return code >= 48 && code <= 57;
}

function scan(statement: string, from: number, to: number, state: ScanState): void {
  // Module-level bindings copied to locals once: under separate ES modules each read of an imported or
  // top-level binding in this per-character loop would otherwise be a context load with a TDZ check.
  const wordCode = WORD_CODE;
  const offset = FNV_OFFSET;
  const prime = FNV_PRIME;
  const foldedWord = FOLDED_WORD;
  let i = from;
  while (i < to) {
    let c = statement.charCodeAt(i);
    if (isWordCodeIn(wordCode, c)) {
      // One pass reads the word's extent, its lower-case hash and whether its case folds without toLowerCase.
      let hash = offset;
      let upper = false;
      let foldable = true;
      let j = i;
      for (;;) {
        // foldCode, inlined by hand (see vocabulary.ts).
        let folded = -1;
        if (c < 128) folded = c >= 65 && c <= 90 ? c + 32 : c;
        else if (c >= 0xc0 && c <= 0xff && c !== 0xd7 && c !== 0xf7) folded = c <= 0xde ? c + 32 : c;
        else if (c === 0x2019) folded = c;
        if (folded < 0) foldable = false;
        else {
          if (folded !== c) upper = true;
          hash = Math.imul(hash ^ folded, prime);
          foldedWord[(j - i) & 4095] = folded;
        }
        j++;
        if (j >= to) break;
        c = statement.charCodeAt(j);
        if (isWordCodeIn(wordCode, c)) continue;
        if (j + 1 < to && isJoiner(c) && isWordCodeIn(wordCode, statement.charCodeAt(j + 1))) continue;
        // "1,500" is one number, not two words around a comma.
        if (
          c === 44 &&
          j + 1 < to &&
          isDigitCode(statement.charCodeAt(j - 1)) &&
          isDigitCode(statement.charCodeAt(j + 1))
        )
          continue;
        break;
      }
      addWord(statement, i, j, state, foldable && j - i <= MAX_INTERNED_LENGTH ? (upper ? 1 : 0) : -1, hash);
      i = j;
      continue;
    }
    // Two apostrophes stand for a quotation mark in some newspapers' text (''I don't think so,'' he said).
    if (c === 39 && statement.charCodeAt(i + 1) === 39) {
      addMark(statement, '"', i, state);
      const mark = state.tokens[state.tokens.length - 1] as Token;
      mark.text = "''";
      mark.lower = "''";
      mark.end = i + 2;
      i += 2;
      continue;
    }
    // "Ana Ruiz - the mayor's sister - said", "rivals -- seeking a win -- faced": a spaced or doubled hyphen is a dash.
    // Its token keeps the text as written ("-"): readers take "-" for a dash wherever they take "—".
    if (c === 45 && isDashHyphen(statement, i)) {
      addMark(statement, '-', i, state);
      i++;
      continue;
    }
    if (isPunctuationCode(c)) addMark(statement, statement.charAt(i), i, state);
    i++;
  }
}

/**
 * Adds the word statement[start, end). `foldedCase` is 1 for a short foldable word (see foldCode) with an
 * upper-case letter, 0 for one without, -1 for a long or other word (sliced and lower-cased as it stands);
 * `hash` is the lower-case hash of a foldable word.
 */
function addWord(
  statement: string,
  start: number,
  end: number,
  state: ScanState,
  foldedCase: number,
  hash: number,
): void {
  const quoted = state.inQuote;
  if (!quoted) state.fullyQuoted = false;
  let text: string;
  let lower: string;
  let flags: number;
  // Lower-case words inside a quotation are looked up only if entity search asks (see tokenFlags).
  const first = statement.charCodeAt(start);
  if (foldedCase >= 0) {
    const slot = internWord(end - start, hash);
    lower = wordAt(slot);
    text = foldedCase === 0 ? lower : statement.slice(start, end);
    const lazy = quoted && foldedCase === 0 && first >= 97;
    if (lazy) flags = -1;
    else {
      flags = flagsAt(slot);
      if (flags === FLAGS_PENDING) {
        flags = flagsOf(lower);
        setFlagsAt(slot, flags);
      }
    }
  } else {
    text = statement.slice(start, end);
    // toLowerCase returns the same string when nothing changes: most words cost no second allocation.
    lower = text.toLowerCase();
    const lazy = quoted && text === lower && first >= 97;
    flags = lazy ? -1 : flagsOf(lower);
  }
  // Upper-case first letter: a foldable word's first code changes when folded (ASCII and Latin-1 capitals
  // are all \p{Lu}); any other word asks the Unicode property.
  const capitalised =
    foldedCase >= 0
      ? foldCode(first) !== first
      : first < 128
        ? first >= 65 && first <= 90
        : UPPER_START.test(text);
  if (capitalised && flags > 0 && (flags & NAME_HOMOGRAPH) !== 0) flags = asNamePart(flags, state.tokens);
  const token: Token = { text, lower, flags, start, end, isWord: true, quoted, capitalised };
  state.tokens.push(token);
  if (flags > 0) state.wordFlags |= flags;
  if (!quoted) {
    state.outside.push(token);
    state.outsideFlags |= flags;
    if (lower === 'according') state.mentionsAccording = true;
  }
}

const MONTH_PREPOSITIONS = new Set(
  'in on since by until through from early mid late last next this'.split(' '),
);

/** Flags a capitalised word loses inside a name: a month or an auxiliary ("May", "Will", "June"). */
const NAME_HOMOGRAPH = CALENDAR | AUXILIARY;

/**
 * "Theresa May", "Prime Minister May", "Grace Will": a capitalised month or auxiliary right
 * after a capitalised first name or title is part of the name, read as a surname.
 */
function asNamePart(flags: number, tokens: Token[]): number {
  const before = tokens[tokens.length - 1];
  // "in May", "on May 3", "since May": a capitalised month after a preposition is the month, not "may".
  if ((flags & CALENDAR) !== 0 && before?.isWord && MONTH_PREPOSITIONS.has(before.lower))
    return flags & ~AUXILIARY;
  if (!before?.isWord || !before.capitalised || before.flags <= 0) return flags;
  if ((before.flags & (FIRST_NAME | TITLE)) === 0) return flags;
  return (flags & ~NAME_HOMOGRAPH) | LAST_NAME;
}

function addMark(statement: string, mark: string, i: number, state: ScanState): void {
  if (OPENING.has(mark) || (mark === '"' && !state.inQuote)) {
    state.inQuote = true;
  } else if (CLOSING.has(mark) || (mark === '"' && state.inQuote)) {
    if (state.inQuote && CLAUSE_END.test(statement.charAt(i - 1))) state.quotesClause = true;
    state.inQuote = false;
  }
  // Quotation marks themselves stand outside the quotation.
  const quoted = state.inQuote && !OPENING.has(mark) && mark !== '"';
  // Same property order as a word token: one hidden class keeps every reader of tokens monomorphic.
  const token: Token = {
    text: mark,
    lower: mark,
    flags: 0,
    start: i,
    end: i + 1,
    isWord: false,
    quoted,
    capitalised: false,
  };
  state.tokens.push(token);
  if (!quoted) state.outside.push(token);
}

/** A token's flags, looked up on first use for the words tokenise left lazy. */
export function tokenFlags(t: Token): number {
  if (t.flags < 0) t.flags = flagsOf(t.lower);
  return t.flags;
}
