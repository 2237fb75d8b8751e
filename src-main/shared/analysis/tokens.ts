// Word and punctuation tokens of one statement, each marked as inside or outside quotation marks.

export interface Token {
  text: string;
  lower: string;
  /** Offsets into the statement text. */
  start: number;
  end: number;
  isWord: boolean;
  /** Inside a quotation (the quotation marks themselves are not). */
  quoted: boolean;
}

export interface TokenisedStatement {
  tokens: Token[];
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
const LETTER_OR_DIGIT = /[\p{L}\p{N}\p{M}]/u;

/** Letters, digits and combining marks; ASCII decided without a regular expression. */
function isWordChar(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  if (c < 128) return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57);
  return LETTER_OR_DIGIT.test(text.charAt(i));
}

/** Words (with inner apostrophes, hyphens and dots: "Faustin-Archange", "U.N") and quotation/clause marks. */
function scanTokens(text: string, from: number, to: number, emit: (start: number, end: number, isWord: boolean) => void): void {
  let i = from;
  while (i < to) {
    if (isWordChar(text, i)) {
      let j = i + 1;
      for (;;) {
        if (j < to && isWordChar(text, j)) j++;
        else if (j + 1 < to && "'’-.".includes(text.charAt(j)) && isWordChar(text, j + 1)) j += 2;
        else break;
      }
      emit(i, j, true);
      i = j;
    } else {
      if (PUNCTUATION.has(text.charAt(i))) emit(i, i + 1, false);
      i++;
    }
  }
}

/** Longest statement worth tokenising in full: beyond it only the head and tail carry attribution. */
const MAX_TOKENISED = 4000;

export function tokenise(statement: string, startsQuoted: boolean): TokenisedStatement {
  const tokens: Token[] = [];
  let inQuote = startsQuoted;
  let quotesClause = false;
  let fullyQuoted = true;
  // One lower-casing per statement; per token only when case mapping changes lengths (e.g. "İ").
  const lowerStatement = statement.length <= MAX_TOKENISED ? statement.toLowerCase() : '';
  const sameLengthLower = lowerStatement.length === statement.length;
  const scan = (from: number, to: number): void => {
    scanTokens(statement, from, to, (start, end, isWord) => {
      const text = statement.slice(start, end);
      let quoted = inQuote;
      if (!isWord) {
        if (OPENING.has(text) || (text === '"' && !inQuote)) {
          inQuote = true;
        } else if (CLOSING.has(text) || (text === '"' && inQuote)) {
          if (inQuote && CLAUSE_END.test(statement.charAt(start - 1))) quotesClause = true;
          inQuote = false;
        }
        // Quotation marks themselves stand outside the quotation.
        quoted = inQuote && !OPENING.has(text) && text !== '"';
      } else if (!quoted) {
        fullyQuoted = false;
      }
      const lower = !isWord ? text : sameLengthLower ? lowerStatement.slice(start, end) : text.toLowerCase();
      tokens.push({ text, lower, start, end, isWord, quoted });
    });
  };
  if (statement.length <= MAX_TOKENISED) {
    scan(0, statement.length);
  } else {
    scan(0, MAX_TOKENISED / 2);
    scan(statement.length - MAX_TOKENISED / 2, statement.length);
  }
  if (startsQuoted && (inQuote || tokens.some((t) => CLOSING.has(t.text) || t.text === '"'))) quotesClause = true;
  if (inQuote) quotesClause = true;
  return { tokens, startsQuoted, endsQuoted: inQuote, quotesClause, fullyQuoted: fullyQuoted && tokens.length > 0 };
}
