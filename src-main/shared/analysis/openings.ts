// How a statement opens or frames its speaker outside the subject-verb reading: a wire dateline before the
// subject ("NEW YORK, Nov. 19 (UPI) —"), the interview and headline colon format ("Howard Kurtz, Fox News: …",
// "Gingrich: Trump Must Decide"), a name right before a colon and a quotation, and the cue closing a long
// appositive ("Lena Park, a pilot who flew for the navy and later for two airlines, said"), and the asides a
// closing cue reads past (dashes and parentheses after a name, the object of a closing "told").
import { cueKind, isLightCue } from './cue-lexicon';
import { isNounLikeCue } from './cues';
import { CALENDAR, isFirstName, isKnownWord, isLastName, isPlaceWord, PLACE } from './lexicon';
import * as phrases from './phrases';
import type { PhraseReader } from './phrases';
import type { Token } from './tokens';

// Copied once: under a CommonJS transform (tsx, vitest) each read of an imported binding is a getter call.
const { formOf, isAuxiliary, isModifier, isPunct, isVerbLike, QUOTE_MARKS } = phrases;

/** Capitalised words, commas and a date, an optional "(Agency)", then a dash, at the start of a statement. */
const DATELINE =
  /^\s*((?:\p{Lu}[\p{L}.'’]*)(?:,?\s+(?:\p{Lu}[\p{L}.'’]*|\d{1,4}))*)\s*(\([^()\n]{1,40}\))?\s*(?:[—–]|--?)\s+(?=\S)/u;

/** The index of the first token after a wire dateline, or 0 when the statement opens without one. */
export function datelineEnd(statement: string, seq: Token[]): number {
  const c = statement.charCodeAt(0);
  if (!(c >= 65 && c <= 90) || statement.length < 8) return 0;
  // Most statements have no dash near their start: a character scan spares them the pattern.
  const limit = Math.min(statement.length, 90);
  if (!datelineDash(statement, limit)) return 0;
  const m = DATELINE.exec(statement.slice(0, limit));
  if (!m) return 0;
  const place = m[1] as string;
  const words = place.split(/[\s,]+/).filter(Boolean);
  const agency = m[2] !== undefined;
  const dated = /\d/.test(place);
  const caps = words.filter((w) => /\p{Lu}{2}/u.test(w) && w === w.toUpperCase());
  // "ISIS — the group" is a subject: an upper-case word alone must name a place.
  const upperPlace =
    caps.length > 0 && (caps.length > 1 || isPlaceWord(caps.join(' ').toLowerCase()) || words.length > 1);
  // "EXCLUSIVE – …", "BREAKING — …": an upper-case label before the dash opens the statement like a dateline.
  const label = words.length === 1 && caps.length === 1 && COLON_LABELS.has(caps[0]!.toLowerCase());
  if (!agency && !dated && !upperPlace && !label) return 0;
  const end = m[0].length;
  const at = seq.findIndex((t) => t.start >= end);
  return at < 0 ? 0 : at;
}

/**
 * Whether a dash that could close a dateline lies at index 1 to limit - 1: "—", "–", or "-" after a space. The
 * scan stops at the first lower-case word (a space, then a-z) before any dash or parenthesis: DATELINE allows
 * none there, so most statements are decided within their first words.
 */
function datelineDash(statement: string, limit: number): boolean {
  for (let i = 0; i < limit; i++) {
    const c = statement.charCodeAt(i);
    if (c === 0x2014 || c === 0x2013) {
      if (i >= 1) return true;
    } else if (c === 32) {
      const next = statement.charCodeAt(i + 1);
      if (next === 45 && i + 1 < limit) return true;
      if (next >= 97 && next <= 122) return false;
    } else if (c === 40) {
      // "(UPI)": the agency in parentheses may hold lower-case words; look for the dash anywhere before limit.
      return dashBefore(statement, limit);
    }
  }
  return false;
}

/** A dash at index 1 to limit - 1: "—", "–", or "-" after a space (native searches, not a character loop). */
function dashBefore(statement: string, limit: number): boolean {
  const emDash = statement.indexOf('\u2014', 1);
  const enDash = statement.indexOf('\u2013', 1);
  const spacedHyphen = statement.indexOf(' -');
  return (
    (emDash >= 0 && emDash < limit) ||
    (enDash >= 0 && enDash < limit) ||
    (spacedHyphen >= 0 && spacedHyphen + 1 < limit)
  );
}

/** Label words that open a line with a colon without naming anyone ("Update:", "Editor's Note:"). */
const COLON_LABELS = new Set(
  (
    "update updated note editor editors editor’s editor's watch breaking related photo photos video videos " +
    'correction source sources exclusive live read listen q a question answer analysis opinion poll latest ' +
    'busted bombshell leaked revealed report shocking just new on in at to about over with from by after'
  ).split(' '),
);

/**
 * The speaker of the interview or headline colon format: one to six capitalised words (with "of", "the",
 * an affiliation after a comma: "Howard Kurtz, Fox News") opening the statement, right before a colon.
 * Only the name before the comma is kept. A lone word must read as a name, not a label ("Update:").
 */
const HEADLINE_PREPOSITIONS = new Set(['to', 'on', 'at']);
const SMALL_WORDS = new Set(['of', 'the', 'for', 'and', 'de', 'a', 'an', 'in', 'with']);

export function speakerBeforeColon(
  seq: Token[],
  from: number,
  phrase: PhraseReader,
): { speaker: string; after: number } | null {
  let colon = -1;
  let nameEnd = -1;
  let words = 0;
  // "Okafor on the Union Releasing Its Budget Numbers: …": a headline's topic after "on" may run longer.
  let topic = false;
  for (let p = from; p < seq.length && p - from < (topic ? 16 : 10); p++) {
    const t = seq[p] as Token;
    if (isPunct(t, ':')) {
      colon = p;
      break;
    }
    if (isPunct(t, ',')) {
      if (nameEnd >= 0 || p === from) return null;
      nameEnd = p;
      continue;
    }
    if (!t.isWord) return null;
    // "Clinton to Planned Parenthood:", "Gillibrand on the Speeches:": a headline's speaker before "to", "on", "at".
    if (nameEnd < 0 && p > from && HEADLINE_PREPOSITIONS.has(t.lower)) {
      nameEnd = p;
      topic = true;
      continue;
    }
    const small =
      p > from && (SMALL_WORDS.has(t.lower) || (nameEnd >= 0 && HEADLINE_PREPOSITIONS.has(t.lower)));
    if (!t.capitalised && !small) return null;
    if (t.quoted) return null;
    if (nameEnd < 0) words++;
  }
  if (colon < 0 || words === 0 || words > 6 || colon + 1 >= seq.length) return null;
  const end = nameEnd >= 0 ? nameEnd : colon;
  const first = seq[from] as Token;
  const last = seq[end - 1] as Token;
  if (!last.isWord || !last.capitalised) return null;
  const names = seq.slice(from, end).filter((t) => t.isWord && t.capitalised);
  if (names.some((t) => COLON_LABELS.has(t.lower))) return null;
  // A lone word names someone only when the lexicon does not know it as a common word, or knows it as a name.
  if (names.length === 1) {
    const lower = first.lower;
    const name = isFirstName(lower) || isLastName(lower) || /^\p{Lu}{2,}$/u.test(first.text);
    if (!name && isKnownWord(lower)) return null;
  }
  const speaker = phrase.text(from, end);
  return speaker ? { speaker, after: colon + 1 } : null;
}

/**
 * The cue closing an appositive that opens at `comma` right after the subject: the first past or present cue
 * set off by a comma (or a closing parenthesis), with no quotation, semicolon or colon before it.
 */
export function cueAfterAppositive(seq: Token[], comma: number): number {
  // "Ruiz, who calls the plan a “scam,” said": a relative clause may quote a word or two; its comma is then
  // inside the quotation, so the closing quotation mark sets the cue off. A relative's own verbs are skipped.
  const relative = APPOSITIVE_RELATIVES.has(seq[comma + 1]?.lower ?? '');
  let quotes = 0;
  let skipped = false;
  for (let p = comma + 1; p < seq.length && p - comma <= 45; p++) {
    const t = seq[p] as Token;
    if (!t.isWord) {
      if (';:'.includes(t.text)) return -1;
      // "Ada Fox, the author of “Going Viral,” said": a quoted title inside the appositive, after its words.
      if (QUOTE_MARKS.has(t.text) && (++quotes > 2 || (quotes === 1 && !seq[p - 1]?.isWord))) return -1;
      continue;
    }
    const form = formOf(t);
    if (form !== 'past' && form !== 'third') continue;
    let b = p - 1;
    while (b > comma && (isModifier(seq[b]) || isAuxiliary(seq[b]))) b--;
    // "The bill, opposed by House Republicans," is a participle, not the cue closing an appositive.
    const closes =
      b > comma &&
      (isPunct(seq[b], ',)') || (quotes === 2 && QUOTE_MARKS.has(seq[b]!.text))) &&
      seq[p + 1]?.lower !== 'by';
    if (!t.capitalised && closes) return !skipped || cueKind(t.lower) !== null ? p : -1;
    // The relative clause's own verbs ("who calls…") come before the cue that closes it.
    if (!relative || t.capitalised) return -1;
    skipped = true;
  }
  return -1;
}

const APPOSITIVE_RELATIVES = new Set(['who', 'whom', 'whose', 'which']);

/** Words after which a later cue no longer belongs to the main clause ("who believe that …", "who asked if …"). */
const RELATIVE_STOPS = new Set(['that', 'who', 'which', 'whom', 'if', 'whether', 'and', 'but', 'or', 'to']);

/**
 * "Friends of the mayor who have seen him say…", "Officials who spoke with the paper said…": after a restrictive
 * relative clause (its own verb first), the next cue is the subject's. Returns its index, or -1.
 */
export function cueAfterRelative(seq: Token[], who: number): number {
  let p = who + 1;
  while (p < seq.length && (isAuxiliary(seq[p]) || isModifier(seq[p]))) p++;
  // The clause's own verb ("who lost", "who have seen"), whatever it is.
  const own = seq[p];
  if (!own?.isWord || own.capitalised) return -1;
  for (let q = p + 1; q < seq.length && q - who <= 16; q++) {
    const t = seq[q] as Token;
    if (!t.isWord) {
      if (!isPunct(t, '.') && t.text !== '’' && t.text !== "'") return -1;
      continue;
    }
    if (RELATIVE_STOPS.has(t.lower)) return -1;
    const form = formOf(t);
    if (!form || form === 'ing' || t.capitalised || isNounLikeCue(t.lower)) continue;
    return q;
  }
  return -1;
}

/** The capitalised name (two words or more, or a known first or last name) right before a colon and a quotation. */
export function nameBeforeColonQuote(seq: Token[], phrase: PhraseReader): string | null {
  for (let p = 1; p + 1 < seq.length; p++) {
    if (!isPunct(seq[p], ':') || !QUOTE_MARKS.has(seq[p + 1]?.text ?? '')) continue;
    let a = p;
    while (a > 0 && seq[a - 1]?.isWord && seq[a - 1]?.capitalised && p - a < 5) a--;
    if (a === p || a === 0) return null;
    const first = seq[a] as Token;
    const known = isFirstName(first.lower) || isLastName((seq[p - 1] as Token).lower);
    if (p - a < 2 && !known) return null;
    return phrase.text(a, p) || null;
  }
  return null;
}

/** Words that open a noun phrase naming a speaker without a capital ("the senator", "some delegates"). */
const NP_OPENERS = new Set(
  'the a an his her their its our one two three several some many most both all he she they'.split(' '),
);
/** Words that open an introductory phrase even when it holds a speech verb ("Back when he wrote…,"). */
const SUBORDINATE = new Set(
  'when while after before as since once if although though because back'.split(' '),
);
const MAX_INTRO = 20;
const RELATIVE = new Set(['who', 'whom', 'whose', 'which', 'that']);
const MAX_SPEAKER_WORDS = 8;

/**
 * The first token after an introductory phrase ("Six months ago,", "Regardless,", "Asked about the vote,",
 * "Back when he wrote his memoir,") when a short noun phrase and a speech, denial or belief cue follow it
 * ("…, the Texas senator said"); `from` otherwise. The noun phrase runs straight into its cue: "Deb Kline,
 * a union leader, said" is an appositive, not an introduction.
 */
export function introEnd(seq: Token[], from: number): number {
  let comma = -1;
  for (let p = from; p < seq.length && p - from <= MAX_INTRO; p++) {
    const t = seq[p] as Token;
    if (isPunct(t, ',')) {
      comma = p;
      break;
    }
    if (!t.isWord && (';:'.includes(t.text) || QUOTE_MARKS.has(t.text))) return from;
  }
  const first = seq[from];
  if (!first) return from;
  // "Walking to the next house, Ebeling recalled…": after an opening -ing phrase any verb of the subject will do.
  const gerund = first.capitalised && first.lower.endsWith('ing') && !first.quoted;
  if (comma <= from || !speakerAndCueFollow(seq, comma + 1, gerund)) return ownSubject(seq, from);
  const subordinate = SUBORDINATE.has(first.lower) || /(?:ing|ed)$/.test(first.lower);
  // "Adelson has not endorsed anyone, and his spokesman declined…": an opening clause keeps its subject.
  for (let p = from + 1; p < comma && !subordinate; p++) {
    const t = seq[p] as Token;
    if (t.isWord && !t.capitalised && (isVerbLike(t) || formOf(t))) return from;
  }
  return comma + 1;
}

/** Subordinators whose clause names its own speaker ("While Ramos said that …, he …"). */
const OWN_CLAUSE = new Set(['when', 'while', 'after', 'before', 'once', 'until']);

/** "While Ramos said that …, he appears…": the speaker of a subordinate clause opening the statement. */
export function ownSubject(seq: Token[], from: number): number {
  const first = seq[from];
  return first?.isWord && OWN_CLAUSE.has(first.lower) && speakerAndCueFollow(seq, from + 1) ? from + 1 : from;
}

/** A noun phrase of a few words (capitalised or opened by a determiner) then, past adverbs, a cue. */
function speakerAndCueFollow(seq: Token[], from: number, anyVerb = false): boolean {
  let p = from;
  if (['but', 'and', 'yet', 'so'].includes(seq[p]?.lower ?? '')) p++;
  const first = seq[p];
  if (!first?.isWord || !(first.capitalised || NP_OPENERS.has(first.lower))) return false;
  const start = p;
  while (p < seq.length && p - start < MAX_SPEAKER_WORDS) {
    const t = seq[p] as Token;
    // "Alarmed by the unrest, Senator Ada Fox, the minority leader, said": an appositive after the name.
    if (isPunct(t, ',') && seq[p - 1]?.capitalised && p > start) {
      const close = appositiveEnd(seq, p);
      if (close < 0) return false;
      p = close + 1;
      break;
    }
    // "he appears uneasy when asked": a clause opener ends the noun phrase before any cue.
    if (!t.isWord || RELATIVE.has(t.lower) || (p > start && SUBORDINATE.has(t.lower))) return false;
    if (!t.capitalised && (isVerbLike(t) || isAuxiliary(t) || formOf(t))) break;
    // "the senator also said": an adverb before the cue ends the phrase; "a former aide" does not.
    if (isModifier(t) && (isAuxiliary(seq[p + 1]) || (seq[p + 1] && formOf(seq[p + 1] as Token)))) break;
    p++;
  }
  const last = seq[p - 1] as Token;
  if (p === start || NOT_NP_END.has(last.lower)) return false;
  // "would only say", "could not say".
  while (p < seq.length && (isModifier(seq[p]) || isAuxiliary(seq[p]) || seq[p]?.lower === 'only')) p++;
  const cue = seq[p];
  if (!cue?.isWord || cue.capitalised || cue.text.includes('-')) return false;
  if (anyVerb && /^(?:\p{Ll}+ed|\p{Ll}+s)$/u.test(cue.text) && isVerbLike(cue)) return true;
  // "Minutes later, the campaign issued a statement": a light verb with a speech-act object.
  if (isLightCue(seq, p)) return true;
  const form = formOf(cue);
  if (!form || form === 'ing' || seq[p + 1]?.lower === 'by') return false;
  // "Republicans say the…", not "a former state party chairman": a plain cue opens what was said.
  if (form === 'base' && !opensContent(seq[p + 1])) return false;
  const kind = cueKind(cue.lower);
  return kind === 'speech' || kind === 'denial' || kind === 'belief';
}

/** The comma closing a short appositive without a verb that opens at `comma` ("…, the minority leader,"), or -1. */
function appositiveEnd(seq: Token[], comma: number): number {
  const first = seq[comma + 1];
  if (!first?.isWord || !NP_OPENERS.has(first.lower)) return -1;
  for (let p = comma + 2; p < seq.length && p - comma <= MAX_SPEAKER_WORDS; p++) {
    const t = seq[p] as Token;
    if (isPunct(t, ',')) return p;
    if (!t.isWord || (!t.capitalised && (isVerbLike(t) || isAuxiliary(t)))) return -1;
  }
  return -1;
}

/** Words a speaker's noun phrase never ends with. */
const NOT_NP_END = new Set('the a an of in on at to for by with from and or'.split(' '));
const CONTENT_OPENERS = new Set('that the a an he she they it we i there his her their its this'.split(' '));

/** A word that can open reported content: "that", a pronoun or determiner, a name, a quotation mark. */
function opensContent(t: Token | undefined): boolean {
  if (!t) return false;
  if (!t.isWord) return QUOTE_MARKS.has(t.text) || isPunct(t, ',:');
  return t.capitalised || CONTENT_OPENERS.has(t.lower);
}

const DASHES = new Set(['—', '–', '--']);
const MAX_ASIDE = 30;

/**
 * Where an aside closing at `close` (a dash or a closing parenthesis) opens, when a capitalised word (a name)
 * stands right before it; -1 otherwise.
 */
export function asideOpening(seq: Token[], close: number): number {
  const t = seq[close];
  if (!t || t.isWord) return -1;
  const paren = t.text === ')';
  if (!paren && !DASHES.has(t.text)) return -1;
  for (let o = close - 1; o > 0 && close - o <= MAX_ASIDE; o--) {
    const w = seq[o] as Token;
    if (w.isWord) continue;
    if (';:'.includes(w.text) || (paren && w.text === ')')) return -1;
    if (paren ? w.text !== '(' : !DASHES.has(w.text)) continue;
    if (o + 1 === close) return -1;
    const before = seq[o - 1];
    return before?.isWord && before.capitalised ? o : -1;
  }
  return -1;
}

/** Upper-case words, or a date: the dateline that opens a wire story. */
export function isDateline(phrase: PhraseReader, from: number, to: number): boolean {
  let upper = true;
  let words = 0;
  let place = false;
  for (let p = from; p < to; p++) {
    const t = phrase.token(p);
    if (!t?.isWord) continue;
    if ((t.flags & CALENDAR) !== 0 || /^\d/.test(t.text)) return true;
    if (t.text.length < 2 || t.text !== t.text.toUpperCase()) upper = false;
    words++;
    place ||= (t.flags & PLACE) !== 0;
  }
  // "ISIS — the group behind the attacks — said": one upper-case word is a dateline only when it is a place.
  return upper && (words > 1 || place);
}

const TOLD = new Set(['told', 'tells']);

/** "…, Graham told The Hill.", "…, she told reporters.": the index of "told" before a short object ending at p, or p. */
export function toldBeforeObject(seq: Token[], p: number): number {
  for (let q = p; q > 0 && p - q < 4 && seq[q]?.isWord && !seq[q]?.quoted; q--) {
    if (!TOLD.has((seq[q - 1] as Token).lower)) continue;
    const object = seq[q] as Token;
    return object.capitalised || object.lower === 'reporters' || object.lower === 'the' ? q - 1 : p;
  }
  return p;
}

/** The index of the "(" opening the parenthesis that closes at `close` (or 0 when none does). */
export function parenthesisOpening(seq: Token[], close: number): number {
  for (let b = close - 1; b > 0; b--) {
    const t = seq[b] as Token;
    if (t.text === '(') return b;
    if (t.text === ')') return 0;
  }
  return 0;
}
