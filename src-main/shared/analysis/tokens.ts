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

const TOKEN = /[\p{L}\p{N}][\p{L}\p{M}\p{N}'’-]*(?:\.[\p{L}\p{N}][\p{L}\p{M}\p{N}'’-]*)*|[,;:()“”"«»„—–]/gu;
const OPENING = new Set(['“', '«', '„']);
const CLOSING = new Set(['”', '»']);
const CLAUSE_END = /[,.!?…]/;

/** Longest statement worth tokenising in full: beyond it only the head and tail carry attribution. */
const MAX_TOKENISED = 4000;

export function tokenise(statement: string, startsQuoted: boolean): TokenisedStatement {
  const tokens: Token[] = [];
  let inQuote = startsQuoted;
  let quotesClause = false;
  let fullyQuoted = true;
  const scan = (from: number, to: number): void => {
    const re = new RegExp(TOKEN.source, 'gu');
    const part = statement.slice(from, to);
    for (let m = re.exec(part); m; m = re.exec(part)) {
      const text = m[0];
      const start = from + m.index;
      if (OPENING.has(text) || (text === '"' && !inQuote)) {
        inQuote = true;
      } else if (CLOSING.has(text) || (text === '"' && inQuote)) {
        if (inQuote && CLAUSE_END.test(statement.charAt(start - 1))) quotesClause = true;
        inQuote = false;
      }
      const isWord = /[\p{L}\p{N}]/u.test(text.charAt(0));
      const quoted = inQuote && !OPENING.has(text) && text !== '"';
      if (isWord && !quoted) fullyQuoted = false;
      tokens.push({ text, lower: text.toLowerCase(), start, end: start + text.length, isWord, quoted });
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
