// The speaker of a cue read around the cue itself, for the clause shapes the subject-first reader misses:
// appositives in both orders ("Deb Kline, a union leader, said"; "The club's manager, David Feder, said"),
// inverted cues with a description or a name ("…,” said a senior aide", "Said Dorothy Poynter, …"),
// "As Politico reported, …", and group or descriptive subjects ("Former officials in both parties say").
import { cueKind } from './cue-lexicon';
import { asideOpening, isDateline, parenthesisOpening, toldBeforeObject } from './openings';
import { isNounLikeCue } from './cues';
import * as lexicon from './lexicon';
import * as phrases from './phrases';
import { cueParticle, type PhraseReader } from './phrases';
import type { Token } from './tokens';

// Copied once: under a CommonJS transform (tsx, vitest) each read of an imported binding is a getter call.
const { formOf, isAuxiliary, isHedge, isModifier, isPunct, isVerbLike, QUOTE_MARKS, titleCase } = phrases;
const { CALENDAR, CLOSING_CUE, DEMONYM, FINITE_VERB, FUNCTION_WORD, NOT_VERB, PLACE, TITLE } = lexicon;

export interface ClauseSpeaker {
  speaker: string;
  cue: string;
  /** Index of the cue's (first) token in the sequence. */
  at: number;
}

/** Words that open a clause: the subject of a cue starts after them. */
const CLAUSE_OPENERS = new Set(
  'that because while when whereas although though if since after before where so whom than'.split(' '),
);
/** Words that open an adverbial or a relative clause: a segment starting with one is not the subject. */
const NOT_SUBJECT = new Set(
  (
    'in on at as after before during since meanwhile however earlier later last for by with despite amid ' +
    'following under over while when although also still yet now then today yesterday separately moreover ' +
    'furthermore instead overall nevertheless thus so but and if once until who which whose whom where ' +
    'like unlike including though even asked told speaking writing according'
  ).split(' '),
);
/** Closed-class words that cannot end a subject noun phrase. */
const NOT_HEAD = new Set(
  (
    'the a an this that these those his her its their our my your of in on at to for by with from and or ' +
    'but not no as than into about over under after before it there here what which who whom whose'
  ).split(' '),
);
const QUESTION = new Set('that what how why whether if who which when where'.split(' '));
const ASIDES = new Set(['though', 'however', 'too', 'also', 'meanwhile', 'instead', 'then', 'moreover']);
const PERSONAL = new Set(['he', 'she', 'they', 'we', 'i', 'it']);
const PREPOSITIONS = new Set('of at for in from with on to by about under over within'.split(' '));
const MAX_BACK = 40;
const OPENING_CONJUNCTIONS = new Set(['but', 'and', 'yet', 'so']);
/** Prepositions that open a circumstance after an inverted speaker's name ("in a statement", "on Twitter"). */
const CIRCUMSTANCE = new Set(['in', 'on', 'during', 'via', 'after', 'before', 'when', 'while']);
const MAX_SEGMENT_WORDS = 14;

/** Finds the first cue outside quotation marks whose speaker can be read around it. */
export function clauseSpeaker(
  seq: Token[],
  phrase: PhraseReader,
  from = 0,
  /** The closing cue's reading when the caller has it already. */
  closing?: ClauseSpeaker | null,
): ClauseSpeaker | null {
  let headline: boolean | undefined;
  const final = closing === undefined ? finalSpeaker(seq, phrase) : closing;
  if (final && final.at > from) return final;
  for (let p = from; p < seq.length; p++) {
    const t = seq[p] as Token;
    if (!t.isWord) continue;
    const particle = cueParticle(t, seq[p + 1]);
    const form = formOf(t);
    const previous = seq[p - 1];
    if (t.lower === 'that' && previous?.isWord && isVerbLike(previous)) return null;
    if (!form && !particle) continue;
    // "the United States": a capitalised cue word inside a sentence is a name, not a verb.
    if (t.capitalised && p > 0 && !(headline ??= titleCase(seq))) continue;
    // What follows "that" after a verb, or a participle cue (", asserting"), is content, not a new clause.
    if (form === 'ing') {
      if (isPunct(previous, ',')) return null;
      // "Clinton is calling for…": a progressive after its auxiliary is the subject's cue.
      if (!isAuxiliary(previous)) continue;
    }
    if (!particle && isNounLikeCue(t.lower) && !readsAsSubjectEnd(previous)) continue;
    const cue = particle ? `${t.text} ${particle}` : t.text;
    const inverted =
      (form === 'past' || form === 'third') &&
      ((p === 0 && (t.lower === 'said' || t.lower === 'says')) ||
        isPunct(previous, ',') ||
        QUOTE_MARKS.has(previous?.text ?? ''));
    const passive =
      form === 'past' &&
      previous &&
      isAuxiliary(previous) &&
      /^(?:is|are|was|were|be|been)$/.test(previous.lower);
    // After a comma the words before are the subject only when an appositive closes there ("X, a aide, said");
    // otherwise the cue is inverted ("Prices rose, said Reuters").
    const before = passive ? null : speakerBefore(seq, p, phrase, isPunct(previous, ','));
    if (before) return { speaker: before, cue, at: p };
    if (inverted) {
      const after = speakerAfter(seq, p + 1, phrase);
      if (after) return { speaker: after, cue, at: p };
    }
  }
  return null;
}

/**
 * "…, Earnest said." / "…, the aide said in a statement.": a cue closing the statement after a comma frames
 * all of it; its speaker is read before it.
 */
export function finalSpeaker(seq: Token[], phrase: PhraseReader): ClauseSpeaker | null {
  let last = finalCue(seq, seq.length - 1);
  // "…, Welch said, adding that …": a closing cue followed by its speaker's participle.
  if (last <= 0) {
    const adding = participleTail(seq);
    if (adding > 0) last = finalCue(seq, adding - 1);
  }
  if (last <= 0) return finalInverted(seq, phrase);
  const before = speakerBefore(seq, last, phrase, isPunct(seq[last - 1], ','));
  return before ? { speaker: before, cue: (seq[last] as Token).text, at: last } : null;
}

/** Cues whose object follows them ("told AFP", "asked the crowd", "called the incident"): never inverted. */
const OBJECT_CUES = new Set(['told', 'tells', 'asked', 'asks', 'called', 'calls', 'described', 'describes']);
/** Cues that take no object, so a described speaker can follow them ("…, said a senior aide"). */
const BARE_CUES = new Set(['said', 'says', 'added', 'adds']);
/** Words that open a speaker's noun phrase after an inverted cue when it is not capitalised. */
const SPEAKER_OPENERS = new Set(
  'the a an one two three another his her their its our several some many both'.split(' '),
);

/**
 * From `from` to the first comma (or the end): a speaker's noun phrase, opened by a capitalised word or a
 * determiner, with no verb in it ("said the aide", not "said Ms. Lee's donations call into question").
 */
function namePhraseFollows(seq: Token[], from: number, described: boolean): boolean {
  const first = seq[from];
  if (!first?.isWord || !(first.capitalised || (described && SPEAKER_OPENERS.has(first.lower)))) return false;
  for (let p = from + 1; p < seq.length; p++) {
    const t = seq[p] as Token;
    if (!t.isWord) {
      if (isPunct(t, ',()')) return true;
      continue;
    }
    if (CIRCUMSTANCE.has(t.lower) || t.lower === 'who' || t.lower === 'according') return true;
    if (!t.capitalised && (isVerbLike(t) || formOf(t) !== null || isAuxiliary(t))) return false;
  }
  return true;
}

/**
 * Whether the words before the cue at p hold a clause of their own (a verb outside a relative clause):
 * "Prices will rise, said …" does; "Ann Lee, a director who runs the fund, said …" is a subject.
 */
function clauseBefore(seq: Token[], p: number): boolean {
  let relative = false;
  for (let q = 0; q < p; q++) {
    const t = seq[q] as Token;
    if (!t.isWord) {
      if (isPunct(t, ',—–-')) relative = false;
      continue;
    }
    if (RELATIVES.has(t.lower)) relative = true;
    else if (!relative && !t.capitalised && (isVerbLike(t) || isAuxiliary(t))) return true;
  }
  return false;
}
const RELATIVES = new Set(['who', 'whom', 'whose', 'which', 'that', 'where']);

/** How far from the end an inverted closing cue is looked for (its speaker and appositives). */
const MAX_INVERTED_TAIL = 30;

/**
 * "…, said Maria Lopez, a fellow at the Urban Institute." / "“…,” said one aide in a statement.": a speech cue
 * set off by a comma or a closing quotation mark, followed only by its speaker and the speaker's appositives,
 * frames the statement as the closing "…, Lopez said." does.
 */
function finalInverted(seq: Token[], phrase: PhraseReader): ClauseSpeaker | null {
  for (let p = seq.length - 1; p > 0 && seq.length - p <= MAX_INVERTED_TAIL; p--) {
    const t = seq[p] as Token;
    if (!t.isWord || t.capitalised || t.quoted) continue;
    const form = formOf(t);
    if (form !== 'past' && form !== 'third' && (t.flags & CLOSING_CUE) === 0) continue;
    const previous = seq[p - 1] as Token;
    const afterQuote = QUOTE_MARKS.has(previous.text) && !previous.quoted;
    const closingOnly = form === null;
    if (!afterQuote && (closingOnly || !(isPunct(previous, ',') && clauseBefore(seq, p)))) return null;
    if (cueKind(t.lower) !== 'speech' || OBJECT_CUES.has(t.lower)) return null;
    if (!namePhraseFollows(seq, p + 1, BARE_CUES.has(t.lower))) return null;
    const speaker = speakerAfter(seq, p + 1, phrase);
    return speaker ? { speaker, cue: t.text, at: p } : null;
  }
  return null;
}

/** The index of a past or present cue that ends the statement (before a time or "on" + day), or -1. */
function finalCue(seq: Token[], end: number): number {
  let p = end;
  while (p >= 0 && !seq[p]?.isWord) p--;
  while (p > 0 && (((seq[p] as Token).flags & CALENDAR) !== 0 || isModifier(seq[p]))) {
    p--;
    if (seq[p]?.lower === 'on') p--;
  }
  // "…, Graham told The Hill.", "…, she told reporters.": a short object after a closing "told".
  p = toldBeforeObject(seq, p);
  const t = seq[p];
  if (!t || !t.isWord || t.capitalised || t.quoted) return -1;
  const form = formOf(t);
  if (form !== 'past' && form !== 'third' && (t.flags & CLOSING_CUE) === 0) return -1;
  // "…his previous comments." is a noun; "…weren't disclosed." is passive.
  const previous = seq[p - 1];
  if (isNounLikeCue(t.lower) && !readsAsSubjectEnd(previous)) return -1;
  if (
    previous &&
    isAuxiliary(previous) &&
    /^(?:is|are|was|were|be|been|being|isn|aren|wasn|weren)/.test(previous.lower)
  )
    return -1;
  // Only a cue set off after a comma, dash or quotation ("…, Earnest said."), not "…after Rubio spoke."
  for (let b = p - 1; b >= 0 && p - b <= 14; b--) {
    const w = seq[b] as Token;
    // "…, Sen. Ada Fox (D-Ore.) told": a parenthesis after the name.
    if (w.text === ')') {
      b = parenthesisOpening(seq, b);
      continue;
    }
    // A closing-only cue ("continued") closes a quotation: "…,” Trump continued.", not "…, and talks continued."
    if (!w.isWord) return QUOTE_MARKS.has(w.text) || (form && isPunct(w, ',—–-')) ? p : -1;
    if (
      CLAUSE_OPENERS.has(w.lower) ||
      w.lower === 'as' ||
      (isVerbLike(w) && !isAuxiliary(w) && !isModifier(w))
    )
      return -1;
  }
  return -1;
}

/** The comma of ", adding that …" / ", noting …" right after a past or present cue, or -1. */
function participleTail(seq: Token[]): number {
  for (let q = 2; q < seq.length - 1; q++) {
    if (!isPunct(seq[q], ',')) continue;
    const next = seq[q + 1] as Token;
    const before = seq[q - 1] as Token;
    const participle =
      formOf(next) === 'ing' || (next.lower.endsWith('ing') && cueParticle(next, seq[q + 2]));
    if (next.isWord && participle && before.isWord && !before.capitalised) {
      const form = formOf(before);
      // "…,” Dorn continued, referring to…": a closing-only cue too.
      if (form === 'past' || form === 'third' || (before.flags & CLOSING_CUE) !== 0) return q;
    }
  }
  return -1;
}

/** A word after which a noun-like cue is a verb: an auxiliary, an adverb, a pronoun or a name ("Trump plans"). */
function readsAsSubjectEnd(t: Token | undefined): boolean {
  if (!t || !t.isWord) return false;
  if (isAuxiliary(t) || isModifier(t) || PERSONAL.has(t.lower)) return true;
  if (NOT_HEAD.has(t.lower) || (t.flags & FUNCTION_WORD) !== 0) return false;
  // "The railway company plans": a noun, not a determiner or adjective, before the cue.
  if (t.capitalised) return (t.flags & DEMONYM) === 0;
  const noun = t.flags === 0 || ((t.flags & NOT_VERB) !== 0 && (t.flags & FINITE_VERB) === 0);
  return noun && !t.lower.endsWith('s') && !t.lower.endsWith('ly');
}

/** The subject before a cue: back to the clause opening, then the head segment or its named appositive. */
function speakerBefore(
  seq: Token[],
  p: number,
  phrase: PhraseReader,
  needAppositive: boolean,
): string | null {
  let b = p - 1;
  while (b >= 0 && (isModifier(seq[b]) || isAuxiliary(seq[b]) || isHedge(seq[b]))) b--;
  // "…, said on Tuesday" never reaches here; "Clinton on Tuesday said", "Okafor in May said" skip the date.
  while (b >= 0 && seq[b]?.isWord && ((seq[b] as Token).flags & CALENDAR) !== 0) {
    b--;
    if (seq[b]?.lower === 'on' || seq[b]?.lower === 'in') b--;
  }
  // ", though," / ", however,": a one-word aside between the subject and its cue.
  let appositive = needAppositive;
  if (isPunct(seq[b], ',') && ASIDES.has(seq[b - 1]?.lower ?? '') && isPunct(seq[b - 2], ',')) {
    b -= 3;
    appositive = false;
  }
  // "ISIS — the group behind the attacks — said", "Kessler (who has 12 delegates) said": the name before an
  // aside set off by dashes or parentheses is the subject.
  const aside = asideOpening(seq, b);
  if (aside > 0) [b, appositive] = [aside - 1, false];
  const last = seq[b];
  if (!last) return null;
  if (last.isWord && NOT_HEAD.has(last.lower) && !PERSONAL.has(last.lower)) return null;
  if (last.isWord && isVerbLike(last) && !isNounLikeCue(last.lower)) return null;
  if (!last.isWord && !isPunct(last, ',)—–-')) return null;
  let a = b;
  while (a >= 0 && b - a < MAX_BACK) {
    const t = seq[a] as Token;
    if (!t.isWord && (';:'.includes(t.text) || QUOTE_MARKS.has(t.text))) break;
    if (t.isWord && CLAUSE_OPENERS.has(t.lower)) break;
    // "As Politico reported, …" (but not "a job as Secretary of Defense").
    // "But as Clyburn noted, …": also after a conjunction opening the statement.
    const opensAs =
      a === 0 || isPunct(seq[a - 1], ',—–-') || (a === 1 && OPENING_CONJUNCTIONS.has(seq[0]!.lower));
    // "Ruiz herself, as well as her campaign, has said": "as well as" joins a second subject, not a clause.
    if (t.isWord && t.lower === 'as' && opensAs && seq[a + 1]?.lower !== 'well') break;
    if (t.isWord && (t.lower === 'and' || t.lower === 'but') && !joinsNames(seq, a)) break;
    a--;
  }
  const parts = segments(seq, a + 1, b + 1);
  if (appositive && parts.length < 2) return null;
  return chooseSegment(parts, phrase, true);
}

/** The speaker after an inverted cue ("said Deb Kline, a union leader" / "said his friend, Bruce Turry"). */
function speakerAfter(seq: Token[], from: number, phrase: PhraseReader): string | null {
  const first = seq[from];
  if (!first || !first.isWord) return null;
  if (NOT_SUBJECT.has(first.lower) || PREPOSITIONS.has(first.lower) || QUESTION.has(first.lower)) return null;
  // "…, said he would" reports what he said: an inverted speaker is never a bare pronoun.
  if (PERSONAL.has(first.lower)) return null;
  if ((first.flags & CALENDAR) !== 0 || isModifier(first)) return null;
  let end = from;
  let comma = false;
  while (end < seq.length && end - from < MAX_BACK) {
    const t = seq[end] as Token;
    if (!t.isWord && (';:'.includes(t.text) || QUOTE_MARKS.has(t.text))) break;
    if (t.isWord && (t.lower === 'according' || t.lower === 'who' || t.lower === 'which')) break;
    if (t.isWord && isVerbLike(t) && end > from) {
      // "…, said the Boeing was unusual": the words after the cue are the subject of what was said.
      if (!comma && !t.capitalised && !isNounLikeCue(t.lower) && formOf(t) === null) return null;
      break;
    }
    // "said Ann Ruiz in a statement": the circumstance after the name is not part of it.
    if (!comma && end > from && CIRCUMSTANCE.has(t.lower) && seq[end - 1]?.capitalised) break;
    if (isPunct(t, ',')) comma = true;
    end++;
  }
  return chooseSegment(segments(seq, from, end), phrase, false);
}

/** "Trump and Clinton said": "and" between two capitalised words joins names rather than clauses. */
function joinsNames(seq: Token[], at: number): boolean {
  return !!seq[at - 1]?.capitalised && !!seq[at + 1]?.capitalised;
}

/** Comma- and dash-separated segments of tokens [from, to), each as [start, end) token indices. */
function segments(seq: Token[], from: number, to: number): [number, number][] {
  const parts: [number, number][] = [];
  let start = from;
  let depth = 0;
  for (let p = from; p <= to; p++) {
    const t = seq[p];
    if (p < to && t && isPunct(t, '(')) depth++;
    if (p < to && t && isPunct(t, ')')) depth = Math.max(0, depth - 1);
    if (p === to || (depth === 0 && t && isPunct(t, ',—–-'))) {
      if (p > start) parts.push([start, p]);
      start = p + 1;
    }
  }
  return parts;
}

/** The subject among the segments: adverbials and clauses before it dropped, a named appositive preferred. */
function chooseSegment(all: [number, number][], phrase: PhraseReader, before: boolean): string | null {
  // "Ana Ruiz, 35, of Leeds, said": an age and a home town after the name are asides, not segments.
  const parts = all.filter((part, i) => i === 0 || !isPersonalAside(phrase, part));
  let first = 0;
  if (before) {
    let dropped = false;
    for (let i = 0; i < parts.length - 1; i++) {
      const [s, e] = parts[i] as [number, number];
      const opener = phrase.token(s);
      // Adverbials, clauses, datelines ("NEW YORK, Nov. 19 (UPI) —") and the places that end an adverbial.
      const drop: boolean =
        (!!opener && NOT_SUBJECT.has(opener.lower)) ||
        hasVerb(phrase, s, e) ||
        !hasContent(phrase, s, e) ||
        isDateline(phrase, s, e) ||
        (dropped && isPlace(phrase, s, e));
      if (drop) first = i + 1;
      dropped = drop;
    }
  }
  // "Okafor, during a town hall in Columbus, Ohio, said", "Okafor, whose firm, Paradata, …, said": a name
  // followed by a relative clause or a circumstance is the subject, whatever segments the aside holds.
  if (before && first > 0 && nameBeforeAside(parts, phrase)) first = 0;
  const head = parts[first];
  if (!head) return null;
  const [hs, he] = head;
  if (he - hs > MAX_SEGMENT_WORDS || !hasNoun(phrase, hs, he)) return null;
  const opener = phrase.token(hs);
  if (opener && NOT_SUBJECT.has(opener.lower)) return null;
  if (!hasContent(phrase, hs, he)) return null;
  if (before && hasVerb(phrase, hs, he)) return null;
  if (!isNamed(phrase, hs, he)) {
    const next = parts[first + 1];
    if (next && isNamed(phrase, next[0], next[1]) && next[1] - next[0] <= 5 && allCapitalised(phrase, next))
      return phrase.text(next[0], next[1]);
    // "…they need to win, party spokesman Neil Sroka said": the named phrase next to the cue.
    const lastPart = parts[parts.length - 1];
    if (
      before &&
      lastPart &&
      lastPart !== head &&
      isNamed(phrase, lastPart[0], lastPart[1]) &&
      lastPart[1] - lastPart[0] <= 6 &&
      !hasVerb(phrase, lastPart[0], lastPart[1])
    )
      return phrase.text(lastPart[0], lastPart[1]);
  }
  return phrase.text(hs, he).replace(/^(?:and|but)\s+/i, '') || null;
}

/** The first segment is a name (capitalised words only) and the second opens a relative clause or circumstance. */
function nameBeforeAside(parts: [number, number][], phrase: PhraseReader): boolean {
  const [name, aside] = parts;
  if (!name || !aside || parts.length < 3 || name[1] - name[0] > 4) return false;
  const opener = phrase.token(aside[0]);
  if (!opener?.isWord || !ASIDE_OPENERS.has(opener.lower)) return false;
  return (
    !hasVerb(phrase, name[0], name[1]) && allCapitalised(phrase, name) && isNamed(phrase, name[0], name[1])
  );
}
const ASIDE_OPENERS = new Set(['who', 'whose', 'during', 'while', 'when']);

/** An age ("35") or a home town ("of Leeds", "of Raleigh, N.C."), set off by commas after a name. */
function isPersonalAside(phrase: PhraseReader, [from, to]: [number, number]): boolean {
  const first = phrase.token(from);
  if (!first?.isWord) return false;
  if (to - from === 1) return /^\d{1,3}$/.test(first.text);
  return first.lower === 'of' && to - from <= 3 && !!phrase.token(from + 1)?.capitalised;
}

/** A word that can be part of a name or noun phrase: not closed-class, not an adverb or an -ing opener. */
function hasContent(phrase: PhraseReader, from: number, to: number): boolean {
  for (let p = from; p < to; p++) {
    const t = phrase.token(p);
    if (!t || !t.isWord || NOT_HEAD.has(t.lower) || NOT_SUBJECT.has(t.lower) || isModifier(t)) continue;
    if (p === from && t.lower.endsWith('ing')) return false;
    if ((t.flags & CALENDAR) !== 0) continue;
    return true;
  }
  return false;
}

/** One or two words naming a place ("Iowa", "San Bernardino, California"). */
function isPlace(phrase: PhraseReader, from: number, to: number): boolean {
  if (to - from > 3) return false;
  for (let p = from; p < to; p++) {
    const t = phrase.token(p);
    if (t?.isWord && !t.capitalised) return false;
  }
  const last = phrase.token(to - 1);
  return !!last && (last.flags & PLACE) !== 0;
}

function hasVerb(phrase: PhraseReader, from: number, to: number): boolean {
  for (let p = from; p < to; p++) {
    const t = phrase.token(p);
    if (t && t.isWord && isVerbLike(t) && !PERSONAL.has(t.lower) && !isNounLikeCue(t.lower)) {
      if (p > from && reducedRelative(t, phrase.token(p + 1))) continue;
      return true;
    }
  }
  return false;
}

/** "polls released this week", "a survey conducted by Gallup": a participle after its noun, then a time or agent. */
function reducedRelative(t: Token, next: Token | undefined): boolean {
  if (!t.lower.endsWith('ed') || !next?.isWord) return false;
  return (next.flags & CALENDAR) !== 0 || AFTER_PARTICIPLE.has(next.lower);
}
const AFTER_PARTICIPLE = new Set(['by', 'last', 'this', 'on', 'earlier']);

function hasNoun(phrase: PhraseReader, from: number, to: number): boolean {
  const last = phrase.token(to - 1);
  if (!last) return false;
  if (!last.isWord) return last.text === ')' && to - 1 > from;
  return !NOT_HEAD.has(last.lower) || PERSONAL.has(last.lower);
}

/** The head noun (the last word before a preposition, or the last word) is a proper name. */
function isNamed(phrase: PhraseReader, from: number, to: number): boolean {
  let head = to - 1;
  for (let p = from + 1; p < to; p++) {
    const t = phrase.token(p);
    if (t?.isWord && PREPOSITIONS.has(t.lower)) {
      head = p - 1;
      break;
    }
  }
  while (head > from && !phrase.token(head)?.isWord) head--;
  const t = phrase.token(head);
  return !!t && t.capitalised && (t.flags & TITLE) === 0;
}

function allCapitalised(phrase: PhraseReader, [from, to]: [number, number]): boolean {
  for (let p = from; p < to; p++) {
    const t = phrase.token(p);
    if (t?.isWord && !t.capitalised && !PREPOSITIONS.has(t.lower)) return false;
  }
  return true;
}
