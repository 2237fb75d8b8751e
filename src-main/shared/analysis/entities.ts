// People, organisations, places and dates mentioned in one statement, with article offsets. Combines the
// curated gazetteer, capitalised-phrase candidates and the compromise lexicon (first names, surnames, places).
import type { Entity } from '../domain';
import { GAZETTEER_MAX_WORDS, gazetteerMayEndWith, lookupGazetteer } from './gazetteer';
import * as lexicon from './lexicon';
import { tokenFlags, type Token } from './tokens';

// Copied once: under a CommonJS transform (tsx, vitest) each read of an imported binding is a getter call.
const {
  CALENDAR,
  DEMONYM,
  FIRST_NAME,
  FUNCTION_WORD,
  GAZETTEER_START,
  KNOWN,
  LAST_NAME,
  PLACE,
  ROLE,
  TITLE,
  isConnectorWord,
} = lexicon;

const MONTHS = 'January|February|March|April|May|June|July|August|September|October|November|December';
const MONTHS_SHORT = 'Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec';
const WEEKDAYS = 'Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday';
const DATE = new RegExp(
  [
    `\\b(?:(?:early|mid|late)[- ])?(?:${MONTHS}|(?:${MONTHS_SHORT})\\.)(?:\\s\\d{1,2}(?:st|nd|rd|th)?)?(?:,?\\s(?:1[89]|20)\\d\\d)?\\b`,
    `\\b\\d{1,2}\\s(?:${MONTHS})(?:\\s(?:1[89]|20)\\d\\d)?\\b`,
    `\\b(?:${WEEKDAYS})(?:\\s(?:morning|afternoon|evening|night))?\\b`,
    `(?<=\\b(?:in|since|by|from|until|of|to|during|before|after|between|and)\\s)(?:1[89]|20)\\d\\d\\b`,
    `\\b(?:1[89]|20)\\d\\d-\\d\\d-\\d\\d\\b`,
    `\\b\\d{1,2}/\\d{1,2}/(?:1[89]|20)?\\d\\d\\b`,
  ].join('|'),
  'y',
);
/**
 * The first character of any DATE match: a digit, "early"/"mid"/"late", a capitalised month or weekday.
 * Every alternative opens with \b or a lookbehind ending in \s, so that character also follows a non-word
 * character (or the start).
 */
const DATE_START = new Uint8Array(128);
for (const c of '0123456789emlJFMASONDTW') DATE_START[c.charCodeAt(0)] = 1;
const isAsciiWordCode = (c: number): boolean =>
  (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95;

/**
 * The matches of DATE in the statement, as a global search would find them: the sticky pattern is tried,
 * left to right, only where a match can start (the full alternation tried at every character was the
 * costliest line of entity search).
 */
function dateMatches(statement: string, found: (start: number, end: number) => void): void {
  let i = 0;
  while (i < statement.length) {
    const c = statement.charCodeAt(i);
    if (
      c < 128 &&
      DATE_START[c] === 1 &&
      (i === 0 || !isAsciiWordCode(statement.charCodeAt(i - 1))) &&
      mayOpenDate(statement, i, c)
    ) {
      DATE.lastIndex = i;
      const m = DATE.exec(statement);
      if (m) {
        found(i, i + m[0].length);
        i += m[0].length;
        continue;
      }
    }
    i++;
  }
}
/**
 * The letters that can follow each capital opening a month or weekday name: "Jau" is "Ja…" (January) and
 * "Ju…" (June, July), "Fer" is February and Friday, and so on.
 */
const SECOND_LETTERS = new Map(
  'Jau Fer Mao Apu Seau Oc No De Tuh We'.split(' ').map((s) => [s.charCodeAt(0), s.slice(1)] as const),
);

/**
 * Whether a DATE match can open at i, whose code c is in DATE_START: a digit; "early", "mid" or "late"; or a
 * capital followed by a letter some month or weekday name has there. Spares the pattern most capitalised words.
 */
function mayOpenDate(statement: string, i: number, c: number): boolean {
  if (c <= 57) return true;
  if (c === 101) return statement.startsWith('early', i);
  if (c === 109) return statement.startsWith('mid', i);
  if (c === 108) return statement.startsWith('late', i);
  return SECOND_LETTERS.get(c)?.includes(statement.charAt(i + 1)) === true;
}

/** Every DATE alternative needs a digit or a capitalised month or weekday; a cheap necessary condition. */
const DATE_SEED = /[0-9]|Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec|Mon|Tue|Wed|Thu|Fri|Sat|Sun/;
const ACRONYM = /^(?:\p{L}\.)+\p{L}$/u;
const ORGANISATION_WORDS =
  /\b(?:Force|Forces|Ministry|Council|Coalition|Mission|Party|Union|Committee|Bank|Court|Group|Company|Corporation|Front|Movement|Alliance|Association|Federation|Commission|Institute|Fund|Office|Department|Agency|Army|Navy|Police|Parliament|Assembly|Senate|Times|Post|News|Radio|Television|University|Organi[sz]ation|Watch|Network|Authority|Government)\b/;
const PORTFOLIO_WORDS = new Set([
  'Deputy',
  'Foreign',
  'Prime',
  'Vice',
  'Defence',
  'Defense',
  'Interior',
  'State',
]);
/** PORTFOLIO_WORDS by lower case: a word is one when its text is the form kept here (looked up by the interned lower case). */
const PORTFOLIO_BY_LOWER = new Map([...PORTFOLIO_WORDS].map((w) => [w.toLowerCase(), w]));
const PLACE_PREPOSITIONS = new Set([
  'in',
  'at',
  'near',
  'from',
  'to',
  'into',
  'outside',
  'across',
  'around',
  'toward',
  'towards',
]);

const ORGANISATION_HEADS = new Set(
  'force forces ministry army navy party council front movement bank agency police guard coalition alliance union commission committee court'.split(
    ' ',
  ),
);
const PLACE_PREFIXES = new Set(['port', 'fort', 'lake', 'mount', 'cape', 'saint', 'st']);

/** A word starting with an upper-case letter (decided once by the tokeniser). */
function isCapitalised(t: Token): boolean {
  return t.capitalised;
}

/** Entities of a statement whose text starts at article offset `offset`. */
export function findEntities(
  statement: string,
  offset: number,
  tokens: Token[],
  /** The tokeniser's or-ed word flags, when known: spares a pass over the tokens for the date pre-check. */
  wordFlags?: number,
): Entity[] {
  const mayHaveDate = wordFlags === undefined ? tokens.some(mayStartDate) : (wordFlags & CALENDAR) !== 0;
  return new EntityFinder(statement, offset, tokens).find(mayHaveDate);
}

/** One statement's entity search (a class rather than closures: this runs once per statement). */
class EntityFinder {
  private readonly entities: Entity[] = [];

  constructor(
    private readonly statement: string,
    private readonly offset: number,
    private readonly words: Token[],
  ) {}

  find(mayHaveDate: boolean): Entity[] {
    const { statement, words, entities } = this;
    // The full date pattern runs only on statements with a number, a month or a weekday, and only when one of
    // its alternatives can start (a digit or a capitalised month or weekday: "may" alone cannot).
    if (mayHaveDate && DATE_SEED.test(statement)) {
      dateMatches(statement, (start, end) => this.add('date', start, end));
    }
    let p = 0;
    while (p < words.length) {
      const t = words[p] as Token;
      if (!isCapitalised(t) || isCalendarName(t)) {
        p++;
        continue;
      }
      // A capitalised run: capitalised words joined by single spaces and lower-case connectors.
      let q = p + 1;
      while (q < words.length) {
        const w = words[q] as Token;
        const gap = w.start - (words[q - 1] as Token).end;
        const before = statement.charCodeAt(w.start - 1);
        if (gap !== 1 || (before !== 32 && before !== 160)) break;
        if (isCapitalised(w) && !isCalendarName(w)) q++;
        else if (isConnector(w)) {
          // Connectors join capitalised words only: "Mission in the Central African Republic".
          let r = q;
          while (r < words.length && r - q < 3 && isConnector(words[r] as Token)) r++;
          if (r < words.length && isCapitalised(words[r] as Token)) q = r;
          else break;
        } else break;
      }
      while (q > p + 1 && isConnector(words[q - 1] as Token)) q--;
      this.classifyRun(p, q);
      p = q;
    }
    if (entities.length < 2) return entities;
    sortByStartThenLongest(entities);
    return entities.filter(notOverlappingPrevious);
  }

  private add(type: Entity['type'], start: number, end: number): void {
    this.entities.push({
      type,
      text: this.statement.slice(start, end),
      start: this.offset + start,
      end: this.offset + end,
    });
  }

  /** A token's end, with an acronym's final period ("U.N.") and without a possessive ("CAR’s"). */
  private spanEnd(t: Token): number {
    const n = t.text.length;
    if (
      n >= 3 &&
      t.text.charCodeAt(n - 2) === 46 &&
      this.statement.charCodeAt(t.end) === 46 &&
      ACRONYM.test(t.text)
    ) {
      return t.end + 1;
    }
    const apostrophe = t.text.charAt(n - 2);
    return n > 2 && (apostrophe === "'" || apostrophe === '’') && t.text.charAt(n - 1) === 's'
      ? t.end - 2
      : t.end;
  }

  private text(a: number, b: number): string {
    return this.statement.slice((this.words[a] as Token).start, this.spanEnd(this.words[b - 1] as Token));
  }

  private classifyRun(from: number, to: number): void {
    const words = this.words;
    let p = from;
    // A sentence-initial word is capitalised by position: drop it when it is a common word.
    while (
      p < to &&
      (p === 0 || words[p - 1]?.text === '“') &&
      has(words[p], FUNCTION_WORD) &&
      !has(words[p], PLACE)
    )
      p++;
    if (this.wholeRun(p, to)) return;
    let pendingStart = -1;
    while (p < to) {
      let matched = 0;
      const maxLength = has(words[p], GAZETTEER_START) ? Math.min(GAZETTEER_MAX_WORDS, to - p) : 0;
      for (let len = maxLength; len >= 1; len--) {
        if (!mayEndGazetteerName(words[p + len - 1] as Token)) continue;
        const entry = lookupGazetteer(this.text(p, p + len));
        if (entry) {
          matched = len;
          if (pendingStart >= 0 && p > pendingStart) this.classifyUnknown(pendingStart, p);
          pendingStart = -1;
          const type = entry.kind === 'country' || entry.kind === 'place' ? 'place' : 'organisation';
          this.add(type, (words[p] as Token).start, this.spanEnd(words[p + len - 1] as Token));
          break;
        }
      }
      if (matched > 0) {
        p += matched;
        continue;
      }
      if (pendingStart < 0) pendingStart = p;
      p++;
    }
    if (pendingStart >= 0 && to > pendingStart) this.classifyUnknown(pendingStart, to);
  }

  /**
   * A run that a known name only starts: an organisation head after it ("Rwanda Defence Force", "Kenya Air
   * Force") or a place word before it ("Port Sudan", "Lake Chad") makes the run one entity, not a country
   * and a stray word.
   */
  private wholeRun(from: number, to: number): boolean {
    if (to - from < 2) return false;
    const first = (this.words[from] as Token).lower;
    const last = (this.words[to - 1] as Token).lower;
    const start = (this.words[from] as Token).start;
    const end = this.spanEnd(this.words[to - 1] as Token);
    if (ORGANISATION_HEADS.has(last) && has(this.words[from], PLACE | GAZETTEER_START)) {
      this.add('organisation', start, end);
      return true;
    }
    if (PLACE_PREFIXES.has(first) && to - from === 2 && has(this.words[from + 1], PLACE | GAZETTEER_START)) {
      this.add('place', start, end);
      return true;
    }
    return false;
  }

  private classifyUnknown(from: number, to: number): void {
    const words = this.words;
    // Title words and demonyms before a name are not part of it: "Russian Deputy Foreign Minister Mikhail Bogdanov".
    let p = from;
    let titled = has(words[from - 1], TITLE | ROLE);
    while (p < to) {
      const t = words[p] as Token;
      const flags = tokenFlags(t);
      if ((flags & (TITLE | DEMONYM | ROLE)) === 0 && PORTFOLIO_BY_LOWER.get(t.lower) !== t.text) break;
      if ((flags & (TITLE | ROLE)) !== 0) titled = true;
      p++;
    }
    if (p >= to) return;
    while (p < to && isConnector(words[p] as Token)) p++;
    if (p >= to) return;
    const phrase = this.text(p, to);
    const first = words[p] as Token;
    const last = words[to - 1] as Token;
    const count = to - p;
    if (ORGANISATION_WORDS.test(phrase) || (count === 1 && SHORT_UPPER_CASE.test(first.text))) {
      this.add('organisation', first.start, this.spanEnd(last));
      return;
    }
    if (
      count <= 4 &&
      (titled ||
        has(first, FIRST_NAME) ||
        (count > 1 && has(last, LAST_NAME)) ||
        (count === 1 && has(first, LAST_NAME)))
    ) {
      this.add('person', first.start, this.spanEnd(last));
      return;
    }
    if (count <= 3 && (has(last, PLACE) || PLACE_PREPOSITIONS.has(words[from - 1]?.lower ?? ''))) {
      if (count === 1 && has(first, KNOWN) && !has(first, PLACE)) return;
      this.add('place', first.start, this.spanEnd(last));
      return;
    }
    // Two or three unknown capitalised words, not after an article: most often a person's name.
    if (count >= 2 && count <= 3 && words[from - 1]?.lower !== 'the' && unknownCapitalised(words, p, to)) {
      this.add('person', first.start, this.spanEnd(last));
    }
  }
}

/** An acronym-like word: two to eight capitals. */
const SHORT_UPPER_CASE = /^\p{Lu}{2,8}$/u;
/** A capital, then a lower-case letter ("Touadera", not "UN"). */
const CAPITAL_THEN_LOWER = /^\p{Lu}\p{Ll}/u;

/** Whether every word of [from, to) opens with a capital and a lower-case letter and the lexicon does not know it. */
function unknownCapitalised(words: Token[], from: number, to: number): boolean {
  for (let p = from; p < to; p++) {
    const w = words[p] as Token;
    if (!CAPITAL_THEN_LOWER.test(w.text) || has(w, KNOWN)) return false;
  }
  return true;
}

/**
 * Whether a phrase ending with this word can name a gazetteer entry. A word of ASCII letters only ends the
 * phrase's normalised form as its lower case (no possessive, acronym period or diacritic to strip), so the
 * gazetteer's last words decide; any other word is looked up as before.
 */
function mayEndGazetteerName(t: Token): boolean {
  const text = t.text;
  for (let k = 0; k < text.length; k++) {
    const c = text.charCodeAt(k) | 32;
    if (c < 97 || c > 122) return true;
  }
  return gazetteerMayEndWith(t.lower);
}

function has(t: Token | undefined, bit: number): boolean {
  return t !== undefined && (tokenFlags(t) & bit) !== 0;
}

function mayStartDate(t: Token): boolean {
  return t.flags > 0 && (t.flags & CALENDAR) !== 0;
}

/** A capitalised month or weekday is a date, not the start of a name. */
function isCalendarName(t: Token): boolean {
  return (t.flags & CALENDAR) !== 0 && t.text !== t.lower;
}

/** A lower-case connector ("of", "the"): decided from the word, so a lazily flagged word needs no look-up. */
function isConnector(t: Token): boolean {
  return isConnectorWord(t.lower) && t.text === t.lower;
}

function byStartThenLongest(a: Entity, b: Entity): number {
  return a.start - b.start || b.end - a.end;
}

/**
 * Sorts a statement's few entities in place, stably, as Array.prototype.sort would: an insertion sort, without
 * the engine's sort set-up and scratch copy on every statement.
 */
function sortByStartThenLongest(entities: Entity[]): void {
  for (let i = 1; i < entities.length; i++) {
    const entity = entities[i] as Entity;
    let j = i - 1;
    while (j >= 0 && byStartThenLongest(entities[j] as Entity, entity) > 0) {
      entities[j + 1] = entities[j] as Entity;
      j--;
    }
    entities[j + 1] = entity;
  }
}

function notOverlappingPrevious(e: Entity, i: number, all: Entity[]): boolean {
  const prev = all[i - 1];
  return !prev || e.start >= prev.end;
}
