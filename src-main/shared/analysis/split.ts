// Statement splitter: cuts normalised article text into sentence spans with exact JS string offsets.
//
// A single linear scan per paragraph (paragraphs are separated by a blank line). Intl.Segmenter was tried as
// the base, but on the golden rules it needed overriding at almost half of its decisions (abbreviations,
// lists, ellipses, initials) and it costs more than this whole scanner; the rules below are those of
// pragmatic_segmenter / pySBD, applied at each candidate boundary.
import {
  CLOCK_ABBREVIATIONS,
  NAMES_WITH_EXCLAMATION,
  NEVER_FINAL,
  NUMBER_PREFIXES,
  PREPOSITIVE_TITLES,
  SENTENCE_STARTERS,
  TIME_PHRASE_OPENERS,
} from './abbreviations';
import { bulletCursor, listCuts, MatchCursor } from './lists';

export interface Span {
  start: number;
  end: number;
}

const CLOSERS = new Set(['”', '"', "'", '’', ')', ']', '»', '›', '」', '』', '}']);
const OPENERS = new Set(['“', '"', "'", '‘', '(', '[', '«', '‹', '「', '『', '¿', '¡']);
/** Full-width terminals end a sentence without a following space. */
const CJK_TERMINALS = new Set(['。', '！', '？', '｡']);

function isSpace(code: number): boolean {
  return (
    code === 32 ||
    (code >= 9 && code <= 13) ||
    code === 160 ||
    code === 0x2028 ||
    code === 0x2029 ||
    code === 0x3000 ||
    code === 0x202f ||
    (code >= 0x2000 && code <= 0x200a)
  );
}

function isTerminal(ch: string): boolean {
  switch (ch) {
    case '.':
    case '!':
    case '?':
    case '…':
    case '‼':
    case '⁇':
    case '⁈':
    case '⁉':
    case '。':
    case '！':
    case '？':
    case '｡':
      return true;
    default:
      return false;
  }
}

const LOWER = /\p{Ll}/u;
const UPPER = /\p{Lu}/u;

/** Splits the whole text: paragraph by paragraph, never one huge scan across blank lines. */
export function splitStatements(text: string): Span[] {
  const spans: Span[] = [];
  const cursors = { terminals: new MatchCursor(text, TERMINAL), bullets: bulletCursor(text) };
  let paragraphStart = 0;
  // The matches of /\n[^\S\n]*\n\s*|\u2029\s*/g, found from the line breaks (indexOf) rather than by the
  // pattern tried at every character of the text (profiled: a few per cent of the whole analysis).
  let lineBreak = text.indexOf('\n');
  let separatorMark = text.indexOf('\u2029');
  while (lineBreak >= 0 || separatorMark >= 0) {
    const at = separatorMark < 0 || (lineBreak >= 0 && lineBreak < separatorMark) ? lineBreak : separatorMark;
    const end = separatorEnd(text, at);
    if (end >= 0) {
      splitParagraph(text, paragraphStart, at, spans, cursors);
      paragraphStart = end;
    }
    const from = end >= 0 ? end : at + 1;
    if (lineBreak >= 0 && lineBreak < from) lineBreak = text.indexOf('\n', from);
    if (separatorMark >= 0 && separatorMark < from) separatorMark = text.indexOf('\u2029', from);
  }
  splitParagraph(text, paragraphStart, text.length, spans, cursors);
  return spans;
}

/** Per UTF-16 code above ASCII: 0 not yet known, 1 matched by \s, 2 not (the regex runs once per code). */
const SPACE_CODES = new Uint8Array(65536);
const REGEX_SPACE = /\s/;

/** Whether the code is one that \s matches. */
function isRegexSpace(code: number): boolean {
  if (code < 128) return code === 32 || (code >= 9 && code <= 13);
  let known = SPACE_CODES[code] as number;
  if (known === 0) {
    known = REGEX_SPACE.test(String.fromCharCode(code)) ? 1 : 2;
    SPACE_CODES[code] = known;
  }
  return known === 1;
}

/**
 * The end of a paragraph separator (`\n[^\S\n]*\n\s*` or `\u2029\s*`) starting at `at`, a line break or U+2029;
 * -1 when none starts there (a lone line break).
 */
function separatorEnd(text: string, at: number): number {
  const n = text.length;
  let q = at + 1;
  if (text.charCodeAt(at) === 10) {
    while (q < n && text.charCodeAt(q) !== 10 && isRegexSpace(text.charCodeAt(q))) q++;
    if (q >= n || text.charCodeAt(q) !== 10) return -1;
    q++;
  }
  while (q < n && isRegexSpace(text.charCodeAt(q))) q++;
  return q;
}

function pushTrimmed(text: string, start: number, end: number, spans: Span[]): void {
  while (start < end && isSpace(text.charCodeAt(start))) start++;
  while (end > start && isSpace(text.charCodeAt(end - 1))) end--;
  if (end > start) spans.push({ start, end });
}

/** Terminal punctuation of any script the splitter knows. */
const TERMINAL = /[.!?…‼⁇⁈⁉。！？｡]/;

function splitParagraph(
  text: string,
  from: number,
  to: number,
  spans: Span[],
  cursors: { terminals: MatchCursor; bullets: MatchCursor },
): void {
  const { terminals } = cursors;
  const cuts = listCuts(text, from, to, cursors.bullets);
  let cutIndex = 0;
  let sentenceStart = from;
  let position = from;
  for (;;) {
    const i = Math.min(terminals.next(position), to);
    while (cutIndex < cuts.length && (cuts[cutIndex] as number) <= i) {
      const cut = cuts[cutIndex++] as number;
      if (cut > sentenceStart) pushTrimmed(text, sentenceStart, cut, spans);
      sentenceStart = Math.max(sentenceStart, cut);
    }
    if (i >= to) break;
    const decision = decideAt(text, sentenceStart, i, to);
    if (decision.boundary) {
      pushTrimmed(text, sentenceStart, decision.end, spans);
      sentenceStart = decision.next;
      // Cuts that fall inside the sentence just closed are moot.
      while (cutIndex < cuts.length && (cuts[cutIndex] as number) < decision.next) cutIndex++;
    }
    position = Math.max(i + 1, decision.resume);
  }
  pushTrimmed(text, sentenceStart, to, spans);
}

interface Decision {
  boundary: boolean;
  /** Where the closed sentence ends (after terminal and closing quotes/brackets). */
  end: number;
  /** Where the next sentence starts. */
  next: number;
  /** Where scanning continues. */
  resume: number;
}

/** Decides whether the terminal cluster starting at `i` ends the sentence that began at `sentenceStart`. */
function decideAt(text: string, sentenceStart: number, i: number, to: number): Decision {
  // The terminal cluster: "?!", "....", "…", and spaced ellipses ". . . .".
  let j = i;
  let dots = 0;
  let strong = false;
  let spacedDots = 0;
  while (j < to) {
    const c = text[j] as string;
    if (c === '.') dots++;
    else if (c === '…') dots += 3;
    else if (isTerminal(c)) strong = true;
    else if (c === ' ' && strong && (text[j + 1] === '!' || text[j + 1] === '?')) {
      // Repeated spaced emphasis ("! ! !", "? ?") is one cluster, not a sentence of its own.
    } else if (
      c === ' ' &&
      text[j + 1] === '.' &&
      (j + 2 >= to || !/[\p{L}\p{N}]/u.test(text[j + 2] as string))
    ) {
      spacedDots++;
      j++;
      dots++;
    } else break;
    j++;
  }
  const no: Decision = { boundary: false, end: j, next: j, resume: j };
  if (CJK_TERMINALS.has(text[i] as string)) {
    let k = j;
    while (k < to && CLOSERS.has(text[k] as string)) k++;
    return { boundary: true, end: k, next: k, resume: k };
  }
  // A leading ellipsis opens a sentence (". . . The practice was not abandoned.").
  if (!hasContent(text, sentenceStart, i)) return no;

  const attachedThenSpaced = dots === 4 && spacedDots === 3 && i > 0 && !isSpace(text.charCodeAt(i - 1));
  let k = j;
  while (k < to && CLOSERS.has(text[k] as string)) k++;
  if (k < to && !isSpace(text.charCodeAt(k))) return { ...no, resume: Math.max(j, i + 1) };
  let m = k;
  while (m < to && isSpace(text.charCodeAt(m))) m++;
  if (m >= to) return { boundary: false, end: k, next: to, resume: to };

  const nextWord = wordAt(text, m, to);
  const nextFirst = nextWord.charAt(0);
  const nextOpensWithQuote = OPENERS.has(text[m] as string);
  if (LOWER.test(nextFirst)) return no;
  const boundary: Decision = { boundary: true, end: k, next: m, resume: m };

  if (attachedThenSpaced) {
    // "compounds. . . . The practice": the word's own period ends it; the ellipsis opens the next sentence.
    return { boundary: true, end: i + 1, next: i + 2, resume: i + 2 };
  }
  if (strong) {
    // "Yahoo! Japan", "Yum! Brands": the mark belongs to the name.
    const namedMark =
      j === i + 1 && text[i] === '!' && NAMES_WITH_EXCLAMATION.has(wordBefore(text, sentenceStart, i));
    return namedMark && !SENTENCE_STARTERS.has(nextWord) ? no : boundary;
  }
  if (dots >= 4) return boundary;
  // An ellipsis before a capital ends a sentence when a quotation closes on it, or when it trails the last
  // word ("think about it... Then"); a spaced one (" ... ", ". . .") and "[...]" mark an omission.
  if (dots === 3) {
    if (text[i - 1] === '[' || !UPPER.test(nextFirst)) return no;
    const trailing = i > 0 && !isSpace(text.charCodeAt(i - 1)) && spacedDots === 0;
    return k > j || trailing ? boundary : no;
  }

  // A single period: look at the word it closes.
  const prev = wordBefore(text, sentenceStart, i);
  if (prev === '') return no;
  if (isListMarkerSentence(text, sentenceStart, i)) return no;
  const lower = prev.toLowerCase();
  if (NEVER_FINAL.has(lower)) return no;
  if (PREPOSITIVE_TITLES.has(prev)) return no;
  if (NUMBER_PREFIXES.has(lower) && /\d/.test(nextFirst || (text[m] as string))) return no;
  if (/^(?:\p{L}{1,2}\.)+\p{L}{1,2}$/u.test(prev)) {
    if (CLOCK_ABBREVIATIONS.has(lower)) return isBareTimePhrase(text, sentenceStart, i) ? no : boundary;
    return SENTENCE_STARTERS.has(nextWord) || nextOpensWithQuote ? boundary : no;
  }
  if (/^\p{Lu}$/u.test(prev)) {
    // A run of initials ("J. R. R. Tolkien") goes on while another initial follows.
    if (/^\p{Lu}$/u.test(nextWord) && text[m + 1] === '.') return no;
    // An initial ("Jonas E. Smith") unless a lower-case word precedes it ("you and I. Did…").
    const before = wordBefore(text, sentenceStart, i - prev.length - 1);
    if (before === '') return no;
    if (SENTENCE_STARTERS.has(nextWord)) return boundary;
    // After a lower-case word, an initial opens a name only when two capitalised words follow ("said
    // J. Gerald Hebert", "by J. Edgar Hoover"); "you and I. Did…" and "the letter J. Voters did…" end there.
    if (LOWER.test(before.charAt(0)))
      return prev !== 'I' && nameFollows(text, m, nextWord, to) ? no : boundary;
    return no;
  }
  return boundary;
}

/** Whether `word` at m is capitalised and another capitalised word follows it after one space. */
function nameFollows(text: string, m: number, word: string, to: number): boolean {
  const after = m + word.length;
  return (
    word.length > 1 &&
    !OPENERS.has(text[m] as string) &&
    after + 1 < to &&
    text[after] === ' ' &&
    UPPER.test(text[after + 1] as string)
  );
}

function hasContent(text: string, from: number, to: number): boolean {
  for (let p = from; p < to; p++) {
    const c = text[p] as string;
    if (!isSpace(c.charCodeAt(0)) && c !== '.' && c !== '…') return true;
  }
  return false;
}

/** The word (letters, digits, inner periods) right before position `end`, without opening punctuation. */
function wordBefore(text: string, floor: number, end: number): string {
  let p = end;
  const limit = Math.max(floor, end - 64);
  while (p > limit && !isSpace(text.charCodeAt(p - 1))) p--;
  let word = text.slice(p, end);
  while (word.length > 0 && OPENERS.has(word.charAt(0))) word = word.slice(1);
  return word;
}

const WORD_AT_CHAR = /[\p{L}\p{N}'’-]/u;
/** Per UTF-16 code: 0 not yet known, 1 in WORD_AT_CHAR, 2 not (the regex runs once per code, not per character). */
const WORD_AT_CODES = new Uint8Array(65536);

function isWordAtCode(code: number): boolean {
  let known = WORD_AT_CODES[code] as number;
  if (known === 0) {
    known = WORD_AT_CHAR.test(String.fromCharCode(code)) ? 1 : 2;
    WORD_AT_CODES[code] = known;
  }
  return known === 1;
}

/** The next word starting at `from`, skipping opening quotes and brackets. */
function wordAt(text: string, from: number, to: number): string {
  let p = from;
  while (p < to && OPENERS.has(text[p] as string)) p++;
  const start = p;
  while (p < to && p - start < 40 && isWordAtCode(text.charCodeAt(p))) p++;
  return text.slice(start, p);
}

/** "1." / "a." / "• 9." / "1.)" at the very start of a sentence is a list marker, not a sentence. */
function isListMarkerSentence(text: string, sentenceStart: number, i: number): boolean {
  if (i - sentenceStart > 8) return false;
  return /^\s*[•⁃▪◦‣●*–-]?\s*(?:\d{1,3}|[A-Za-z])$/.test(text.slice(sentenceStart, i));
}

/** "At 5 a.m." is not a sentence of its own: at most three words, opened by a preposition. */
function isBareTimePhrase(text: string, sentenceStart: number, i: number): boolean {
  if (i - sentenceStart > 40) return false;
  const words = text.slice(sentenceStart, i).trim().split(/\s+/);
  return words.length <= 3 && TIME_PHRASE_OPENERS.has((words[0] ?? '').toLowerCase());
}
