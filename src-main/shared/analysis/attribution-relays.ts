// The later phase of the attribution reader: cues after the subject's verb. Relay clauses (", RFERL reported"),
// inverted cues (",” said Bogdanov"), conjoined verbs ("and has accused"), participles (", saying"),
// "according to" relays, and the outlet after a cue ("told Interfax"). Also the record the phases fill in.
import { CONJUNCTIONS, DETERMINERS } from './attribution-words';
import { BE_FORMS } from './cues';
import { isSpeakingCue } from './cue-lexicon';
import { isShareOfPeople } from './speaker-phrase';
import { CALENDAR } from './lexicon';
import * as phrases from './phrases';
import type { PhraseReader } from './phrases';
import type { Token, TokenisedStatement } from './tokens';

// Copied once: under a CommonJS transform (tsx, vitest) each read of an imported binding is a getter call.
const { cueParticle, formOf, isAuxiliary, isModifier, isPunct, isVerbLike, npUntilComma, QUOTE_MARKS } =
  phrases;

export interface Attribution {
  /** The speaker's noun phrase as written, or null. */
  speaker: string | null;
  /** The reporting verb or phrase as written ("said", "according to"), or null. */
  cue: string | null;
  /** Relay noun phrases in text order (nearest to the speaker first). */
  via: string[];
  /** A hedge ("reportedly", "is said to") found outside quotation marks. */
  hedge: string | null;
  /** The sentence subject, when the speaker was not found; used for agencies and outlets. */
  subject: string | null;
  /** The subject's main verb when it is not a reporting verb ("Tass numbered …"). */
  subjectVerb: string | null;
}

/** One statement being read: its words outside quotation marks and the attribution filled in so far. */
export interface Reading {
  statement: string;
  tokenised: TokenisedStatement;
  seq: Token[];
  phrase: PhraseReader;
  result: Attribution;
}

/** Whether tokens [from, to) hold a word other than a determiner. */
export function hasContentWord(seq: Token[], from: number, to: number): boolean {
  for (let p = from; p < to; p++) {
    const t = seq[p] as Token;
    if (t.isWord && !DETERMINERS.has(t.lower)) return true;
  }
  return false;
}

/** A relay clause names the speaker when none was found yet, and a relay otherwise. */
function addRelay(result: Attribution, np: string, cue: string): void {
  if (!np) return;
  // "Most voters say …, according to a Gallup poll": a share of those polled speaks through the poll.
  const share = cue === 'according to' && result.speaker !== null && isShareOfPeople(result.speaker);
  // "Campaign records show …, according to the Center", "Voters view her as …, according to a poll": a
  // stance, plan or finding of the subject is the named source's; a subject that says or denies keeps it.
  const stance = cue === 'according to' && result.cue !== null && !isSpeakingCue(result.cue);
  if (result.speaker === null || share || stance) {
    result.speaker = np;
    result.cue = cue;
  } else {
    result.via.push(np);
  }
}

/** "said to Tass", "told Interfax": the outlet right after a speaker's cue relays it. */
export function relayAfterCue(seq: Token[], p: number, result: Attribution, phrase: PhraseReader): void {
  const cue = seq[p]?.lower;
  let q = p + 1;
  if (cue !== 'told' && cue !== 'tells' && cue !== 'tell') {
    if (seq[q]?.lower !== 'to') return;
    q++;
  }
  let end = q;
  while (end < seq.length && end - q < 6 && seq[end]?.isWord && /^\p{Lu}/u.test((seq[end] as Token).text))
    end++;
  if (end > q) {
    const np = phrase.text(q, end);
    if (!result.via.includes(np)) result.via.push(np);
  }
}

/** A closing quotation mark right after a comma (“…,” saying). */
function closesOnComma(statement: string, mark: Token | undefined): boolean {
  return !!mark && mark.start > 0 && statement.charCodeAt(mark.start - 1) === 44;
}

function tokenisedOpensWithQuote(tokenised: TokenisedStatement): boolean {
  return tokenised.startsQuoted || QUOTE_MARKS.has(tokenised.tokens[0]?.text ?? '');
}

/**
 * A cue at p that closes a clause of its own: ", RFERL reported" (the noun phrase opened by a comma or a
 * quotation mark) or ",” said Bogdanov" (inverted). Adds the relay and returns true when it found one.
 */
function relayClause(r: Reading, p: number, b: number): boolean {
  const { seq, phrase } = r;
  const t = seq[p] as Token;
  const form = formOf(t);
  let a = b;
  while (
    a >= 0 &&
    b - a < 10 &&
    (isPunct(seq[a], '()') || (seq[a]?.isWord && !isVerbLike(seq[a] as Token) && seq[a]?.lower !== 'that'))
  )
    a--;
  const opener = seq[a];
  const opensClause =
    a < 0
      ? tokenisedOpensWithQuote(r.tokenised)
      : isPunct(opener, ',;—–-') || QUOTE_MARKS.has(opener?.text ?? '');
  // "…, but the BBC's editor Jon Sopel says…" opens a clause of its own: not a relay of this speaker.
  const opensWithConjunction = CONJUNCTIONS.has(seq[a + 1]?.lower ?? '');
  // "— having suggested …": a participle opens no relay clause.
  const participle = /^\p{Ll}+ing$/u.test(seq[a + 1]?.text ?? '');
  if (
    form !== 'ing' &&
    opensClause &&
    b > a &&
    !opensWithConjunction &&
    !participle &&
    hasContentWord(seq, a + 1, b + 1)
  ) {
    addRelay(r.result, phrase.text(a + 1, b + 1), t.text);
    return true;
  }
  // Inverted: ",” said Bogdanov".
  if (
    (form === 'past' || form === 'third') &&
    b === p - 1 &&
    (isPunct(seq[b], ',') || QUOTE_MARKS.has(seq[b]?.text ?? ''))
  ) {
    const end = npUntilComma(seq, p + 1, 8);
    const np = phrase.text(p + 1, end);
    if (np && /^\p{Lu}|^(?:he|she|they)\b/u.test(np)) {
      addRelay(r.result, np, t.text);
      return true;
    }
  }
  return false;
}

/** Later cues from `from` on: relay clauses, "according to", conjoined verbs and participles of the subject. */
export function laterCues(r: Reading, subject: string | null, from: number): void {
  const { seq, phrase, result } = r;
  let reporterSeen = false;
  for (let p = from; p < seq.length; p++) {
    const t = seq[p] as Token;
    if (!t.isWord) continue;
    if (t.lower === 'according' && seq[p + 1]?.lower === 'to') {
      const end = npUntilComma(seq, p + 2, 12);
      const np = phrase.text(p + 2, end);
      if (np) addRelay(result, np, 'according to');
      p = end;
      continue;
    }
    // ", pointing out that …": a multi-word cue's participle reads as one.
    const form = formOf(t) ?? (t.lower.endsWith('ing') && cueParticle(t, seq[p + 1]) ? 'ing' : null);
    if (!form) continue;
    // "troops are posted abroad": a past participle after "be" is passive, not a relay's cue.
    if (form === 'past' && BE_FORMS.has(seq[p - 1]?.lower ?? '')) continue;
    // Back over adverbs and auxiliaries to a noun phrase opened by a comma or a closing quotation mark.
    let b = p - 1;
    while (b >= 0 && seq[b]?.isWord && (isModifier(seq[b]) || isAuxiliary(seq[b]))) b--;
    // "but on Tuesday wrote": a day between the conjunction and the verb.
    if (b > 1 && ((seq[b] as Token).flags & CALENDAR) !== 0 && seq[b - 1]?.lower === 'on') b -= 2;
    if (relayClause(r, p, b)) {
      reporterSeen = true;
      continue;
    }
    if (result.cue) {
      relayAfterCue(seq, p, result, phrase);
      continue;
    }
    const conjoined = seq[b]?.lower === 'and' || seq[b]?.lower === 'but';
    // ", saying", "— saying", "defense of “New York values,” saying": a participle after a pause.
    const pause =
      isPunct(seq[p - 1], ',—–-') ||
      (QUOTE_MARKS.has(seq[p - 1]?.text ?? '') &&
        seq[p - 1]?.quoted === false &&
        closesOnComma(r.statement, seq[p - 1]));
    // "by saying", "to discuss", ", then revealed": read only when the subject's own verb was read right after it.
    // With "according to" in the statement, the source it names comes first ("…, according to Reuters").
    const verbRead = result.subjectVerb !== null && !r.tokenised.mentionsAccording;
    const afterPreposition = verbRead && form === 'ing' && BY_AFTER.has(seq[p - 1]?.lower ?? '');
    const participle = form === 'ing' && (pause || afterPreposition) && !reporterSeen;
    const then = verbRead && seq[p - 1]?.lower === 'then';
    const purposeCue = verbRead && purpose(seq, p);
    if (subject && (purposeCue || ((conjoined || then || participle) && form !== 'base'))) {
      result.speaker = subject;
      result.cue = t.text;
      relayAfterCue(seq, p, result, phrase);
    }
  }
}

/** Prepositions after which an -ing cue is the subject's: "by saying", "after warning", "before adding". */
const BY_AFTER = new Set(['by', 'after', 'before', 'while', 'without']);
/** Objects after which "to" + cue is the object's ("asked them to say"), not the subject's. */
const OBJECT_PRONOUNS = new Set(['him', 'her', 'them', 'us', 'me', 'it', 'you', 'others', 'voters']);

/**
 * "visited the studio to discuss", "took to the steps to say": "to" and a base cue after a lower-case word
 * state the subject's purpose; after a name or object pronoun ("asked Ruiz to say") it is the object's.
 */
function purpose(seq: Token[], p: number): boolean {
  const t = seq[p] as Token;
  if (formOf(t) !== 'base' || seq[p - 1]?.lower !== 'to') return false;
  const before = seq[p - 2];
  // "went on Twitter to applaud": a name after a preposition is a place or medium, not the cue's object.
  const medium = !!before?.capitalised && PLACE_PREPOSITIONS.has(seq[p - 3]?.lower ?? '');
  return (
    !!before?.isWord &&
    (!before.capitalised || medium) &&
    !OBJECT_PRONOUNS.has(before.lower) &&
    !isAuxiliary(before)
  );
}
const PLACE_PREPOSITIONS = new Set(['on', 'in', 'at', 'to', 'from', 'into']);

/** Head nouns of a poll a figure is read in ("poll", "survey", "the RealClearPolitics average"). */
const POLL_HEADS = new Set(['poll', 'polls', 'survey', 'surveys', 'average']);

/** Whether a word states a figure: a number, "percent", "points". */
function isFigure(t: Token): boolean {
  const c = t.text.charCodeAt(0);
  return (c >= 48 && c <= 57) || t.text === '%' || t.lower === 'percent' || t.lower === 'points';
}

/**
 * "Reyes was at 25 percent in the latest Herald poll": with no speaker, figures read "in" a poll that names
 * its pollster come from that poll. The poll's name ends at its head noun ("… poll released Wednesday").
 */
export function figuresInPoll(r: Reading): void {
  const { seq, phrase, result } = r;
  if (result.speaker !== null) return;
  let figure = false;
  for (let p = 0; p < seq.length; p++) {
    const t = seq[p] as Token;
    if (isFigure(t)) figure = true;
    if (!figure || !t.isWord || t.lower !== 'in') continue;
    if (!['a', 'an', 'the'].includes(seq[p + 1]?.lower ?? '')) continue;
    const end = npUntilComma(seq, p + 2, 10);
    let head = -1;
    let named = false;
    for (let q = p + 2; q < end; q++) {
      const w = seq[q] as Token;
      if (!w.isWord || (isVerbLike(w) && !w.capitalised)) break;
      if (w.capitalised) named = true;
      if (POLL_HEADS.has(w.lower)) head = q;
    }
    if (head > 0 && named) {
      addRelay(result, phrase.text(p + 1, head + 1), 'in');
      return;
    }
  }
}
