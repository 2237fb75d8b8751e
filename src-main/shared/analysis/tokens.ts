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

/** Apostrophes, hyphens and dots join letters into one word: "Faustin-Archange", "doesn’t", "U.N". */
function isJoiner(code: number): boolean {
  return code === 39 || code === 45 || code === 46 || code === 0x2019;
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
    let i = from;
    while (i < to) {
      if (isWordChar(statement, i)) {
        let j = i + 1;
        for (;;) {
          if (j < to && isWordChar(statement, j)) j++;
          else if (j + 1 < to && isJoiner(statement.charCodeAt(j)) && isWordChar(statement, j + 1)) j += 2;
          else break;
        }
        if (!inQuote) fullyQuoted = false;
        const text = statement.slice(i, j);
        const lower = sameLengthLower ? lowerStatement.slice(i, j) : text.toLowerCase();
        tokens.push({ text, lower, start: i, end: j, isWord: true, quoted: inQuote });
        i = j;
        continue;
      }
      const mark = statement.charAt(i);
      if (PUNCTUATION.has(mark)) {
        if (OPENING.has(mark) || (mark === '"' && !inQuote)) {
          inQuote = true;
        } else if (CLOSING.has(mark) || (mark === '"' && inQuote)) {
          if (inQuote && CLAUSE_END.test(statement.charAt(i - 1))) quotesClause = true;
          inQuote = false;
        }
        // Quotation marks themselves stand outside the quotation.
        const quoted = inQuote && !OPENING.has(mark) && mark !== '"';
        tokens.push({ text: mark, lower: mark, start: i, end: i + 1, isWord: false, quoted });
      }
      i++;
    }
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
