// Word and punctuation tokens of one statement, each marked as inside or outside quotation marks.

import { flagsOf } from './lexicon';

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
}

const PUNCTUATION = new Set([',', ';', ':', '(', ')', '“', '”', '"', '«', '»', '„', '—', '–']);
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
}

export function tokenise(statement: string, startsQuoted: boolean): TokenisedStatement {
  const state: ScanState = {
    tokens: [],
    outside: [],
    inQuote: startsQuoted,
    quotesClause: false,
    fullyQuoted: true,
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
  };
}

const LETTER_OR_DIGIT = /[\p{L}\p{N}\p{M}]/u;

/** Letters, digits and combining marks; ASCII decided without a regular expression. */
function isWordChar(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  if (c < 128) return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57);
  return LETTER_OR_DIGIT.test(text.charAt(i));
}

/** Apostrophes, hyphens and dots join letters into one word: "Faustin-Archange", "doesn’t", "U.N". */
function isJoiner(code: number): boolean {
  return code === 39 || code === 45 || code === 46 || code === 0x2019;
}

function scan(statement: string, from: number, to: number, state: ScanState): void {
  let i = from;
  while (i < to) {
    if (isWordChar(statement, i)) {
      let j = i + 1;
      for (;;) {
        if (j < to && isWordChar(statement, j)) j++;
        else if (j + 1 < to && isJoiner(statement.charCodeAt(j)) && isWordChar(statement, j + 1)) j += 2;
        else break;
      }
      addWord(statement, i, j, state);
      i = j;
      continue;
    }
    const mark = statement.charAt(i);
    if (PUNCTUATION.has(mark)) addMark(statement, mark, i, state);
    i++;
  }
}

function addWord(statement: string, start: number, end: number, state: ScanState): void {
  const text = statement.slice(start, end);
  // toLowerCase returns the same string when nothing changes: most words cost no second allocation.
  const lower = text.toLowerCase();
  const quoted = state.inQuote;
  if (!quoted) state.fullyQuoted = false;
  // Lower-case words inside a quotation are looked up only if entity search asks (see tokenFlags).
  const lazy = quoted && text === lower && text.charCodeAt(0) >= 97;
  const token: Token = { text, lower, flags: lazy ? -1 : flagsOf(lower), start, end, isWord: true, quoted };
  state.tokens.push(token);
  if (!quoted) state.outside.push(token);
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
  const token: Token = { text: mark, lower: mark, start: i, end: i + 1, isWord: false, flags: 0, quoted };
  state.tokens.push(token);
  if (!quoted) state.outside.push(token);
}

/** A token's flags, looked up on first use for the words tokenise left lazy. */
export function tokenFlags(t: Token): number {
  if (t.flags < 0) t.flags = flagsOf(t.lower);
  return t.flags;
}
