// Finds, in one statement, who speaks (the noun phrase), with which cue, through which relays, and hedges.
// Works on the words outside quotation marks: "“…,” Bogdanov said, according to Interfax" reads as
// “ ” Bogdanov said , according to Interfax. Phases, in order: hedge, opening (dateline, colon format,
// leading "according to", adverbials), subject, main verb, the subject's cue, speakers read around the cue,
// later cues and relays (attribution-relays.ts).
import { DETERMINERS, NOUN_OPENERS, OPENERS, PARENTHETICAL_OPENERS } from './attribution-words';
import {
  figuresInPoll,
  hasContentWord,
  laterCues,
  relayAfterCue,
  type Attribution,
  type Reading,
} from './attribution-relays';
import { clauseSpeaker, finalSpeaker } from './clause-speaker';
import {
  cueAfterAppositive,
  cueAfterRelative,
  datelineEnd,
  introEnd,
  nameBeforeColonQuote,
  ownSubject,
  speakerBeforeColon,
} from './openings';
import { cueKind, isAsCue, isLightCue, isSpeakingCue, isStanceCue, SPEAKING_KINDS } from './cue-lexicon';
import { isEvidenceWord, isShareOfPeople } from './speaker-phrase';
import { BE_FORMS, isCueAfterSubject, isNounLikeCue, PASSIVE_HEDGE_VERBS } from './cues';
import * as lexicon from './lexicon';
import * as phrases from './phrases';
import type { Token, TokenisedStatement } from './tokens';

// Copied once: under a CommonJS transform (tsx, vitest) each read of an imported binding is a getter call.
const {
  cueParticle,
  formOf,
  isAuxiliary,
  isHedge,
  isModifier,
  isPunct,
  isVerbLike,
  npUntilComma,
  PhraseReader,
  QUOTE_MARKS,
  startsLowerCase,
  titleCase,
} = phrases;
const { AUXILIARY, CLOSING_CUE, CUE, HEDGE, LY_ONLY, PHRASAL_START } = lexicon;

export type { Attribution } from './attribution-relays';

/** Reads the words outside quotation marks of one statement. */
export function findAttribution(statement: string, tokenised: TokenisedStatement): Attribution {
  const seq = tokenised.outside;
  const result: Attribution = {
    speaker: null,
    cue: null,
    via: [],
    hedge: null,
    subject: null,
    subjectVerb: null,
  };
  const r: Reading = { statement, tokenised, seq, phrase: new PhraseReader(statement, seq), result };
  result.hedge = findHedge(seq, tokenised);
  const opening = readOpening(r);
  if (!opening) return result;
  const subjectStart = opening.start;
  let j = subjectEnd(seq, subjectStart);
  let subjectTo = j;
  // "Officials who spoke with the paper said": the subject ends before "who", its cue after the clause.
  let who = subjectStart + 1;
  while (who < j && seq[who]?.lower !== 'who') who++;
  if (who <= j && seq[who]?.lower === 'who') {
    const cue = cueAfterRelative(seq, who);
    if (cue > 0) [subjectTo, j] = [who, cue];
  }
  const subject =
    j < seq.length && hasContentWord(seq, subjectStart, subjectTo)
      ? subjectPhrase(seq, subjectStart, subjectTo, r.phrase)
      : null;
  result.subject = subject;
  const verb = mainVerb(seq, j);
  const closing = subjectCue(r, subject, verb);
  let laterFrom = Math.max(verb.k + 1, subjectStart);
  if (!result.speaker) laterFrom = speakerAroundCue(r, subject, j, opening.accordingTo, closing) ?? laterFrom;
  // Each later cue is a reporting-verb form or "according to".
  if ((tokenised.outsideFlags & (CUE | PHRASAL_START)) !== 0 || tokenised.mentionsAccording)
    laterCues(r, subject, laterFrom);
  figuresInPoll(r);
  finish(r, opening.accordingTo);
  return result;
}

/** A hedge adverb ("reportedly") or an auxiliary with a passive hedge verb ("is said to", "are believed that"). */
function findHedge(seq: Token[], tokenised: TokenisedStatement): string | null {
  // Only a hedge adverb or an auxiliary ("is said to") can start a hedge.
  if ((tokenised.outsideFlags & (HEDGE | AUXILIARY)) === 0) return null;
  for (let p = 0; p < seq.length; p++) {
    const t = seq[p] as Token;
    if (isHedge(t)) return t.lower;
    if (!isAuxiliary(t)) continue;
    const next = seq[p + 1];
    const after = seq[p + 2];
    if (next && PASSIVE_HEDGE_VERBS.has(next.lower) && after && ['to', 'that'].includes(after.lower))
      return `${t.lower} ${next.lower} ${after.lower}`;
  }
  return null;
}

/**
 * Where the subject starts, past a wire dateline, a leading "according to …," and adverbials; null when the
 * colon format ("Howard Kurtz, Fox News: “…”") already named the speaker.
 */
function readOpening(r: Reading): { start: number; accordingTo: string | null } | null {
  const { seq, phrase } = r;
  // A wire dateline ("NEW YORK, Nov. 19 (UPI) —", "Washington (AFP) –") is not part of the subject.
  let i = datelineEnd(r.statement, seq);
  // "(According to the police, …)", "(The Ledger says …)": a statement set in parentheses.
  if (i === 0 && isPunct(seq[0], '(') && isPunct(seq[seq.length - 1], ')')) i = 1;
  let accordingTo: string | null = null;
  // "Howard Kurtz, Fox News: “…”", "Gingrich: Trump Must Decide": a name, then a colon, then what was said.
  // Labels ("The Latest:", "Update:") are refused there, so a name before the colon is the speaker.
  const colon = speakerBeforeColon(seq, i, phrase);
  if (colon) {
    r.result.speaker = colon.speaker;
    r.result.cue = ':';
    return null;
  }
  // "According to a statement from the Rwandan military, “…”"
  if (seq[i]?.lower === 'according' && seq[i + 1]?.lower === 'to') {
    const end = npUntilComma(seq, i + 2, 14);
    accordingTo = phrase.text(i + 2, end);
    i = isPunct(seq[end], ',') ? end + 1 : end;
  } else if (seq[i]?.lower === 'in') {
    // "In a Gallup poll released Monday, 50 percent chose…": the evidence the figures come from.
    const end = npUntilComma(seq, i + 1, 14);
    if (isPunct(seq[end], ',') && holdsEvidence(seq, i + 1, end)) {
      accordingTo = phrase.text(i + 1, end);
      i = end + 1;
    }
  }
  // Leading adverbials: "As of Tuesday morning, …", "In early November, …".
  for (let round = 0; round < 2 && seq[i]?.isWord && OPENERS.has((seq[i] as Token).lower); round++) {
    // "While Ramos said that …, he appears uneasy": a subordinate clause that names its own speaker stays.
    if (ownSubject(seq, i) !== i) break;
    const comma = npUntilComma(seq, i, 14);
    if (!isPunct(seq[comma], ',')) break;
    i = comma + 1;
  }
  // "Ultimately, Mr. Ruiz refused…": a lone adverb and its comma are not the subject.
  if (isModifier(seq[i]) && isPunct(seq[i + 1], ',') && seq[i + 2]?.isWord) i += 2;
  // "Six months ago, the senator said", "Asked about the vote, Warren said": the phrase before the subject.
  return { start: introEnd(seq, i), accordingTo };
}

/** The end of the subject: the words up to the first verb, skipping parentheticals (", for its part,"). */
function subjectEnd(seq: Token[], subjectStart: number): number {
  let j = subjectStart;
  while (j < seq.length && j - subjectStart < 16) {
    const t = seq[j] as Token;
    if (isPunct(t, ',')) {
      const close = npUntilComma(seq, j + 1, 12);
      const inner = seq[j + 1];
      const after = seq[close + 1];
      if (
        isPunct(seq[close], ',') &&
        inner &&
        PARENTHETICAL_OPENERS.has(inner.lower) &&
        after &&
        (isVerbLike(after) || isModifier(after))
      ) {
        j = close + 1;
        continue;
      }
      break;
    }
    if (
      t.isWord
        ? (isVerbLike(t) || edBeforeObject(seq, j)) && !describes(seq, j)
        : ';:—–-'.includes(t.text) || QUOTE_MARKS.has(t.text)
    )
      break;
    // "Analysts say she…": a plain present cue (not one read as a noun, not after "to") ends the subject.
    if (
      j > subjectStart &&
      t.isWord &&
      !t.capitalised &&
      formOf(t) === 'base' &&
      (!isNounLikeCue(t.lower) || seq[j + 1]?.lower === 'that') &&
      seq[j - 1]?.lower !== 'to'
    )
      break;
    // "Ruiz used his speech to…": a light verb in "-ed" with a speech-act object ends the subject.
    if (j > subjectStart && t.isWord && !t.capitalised && t.lower.endsWith('ed') && isLightCue(seq, j)) break;
    // "Palestinians want the city", "Republican voters support a ban": a present cue after a plural.
    if (j > subjectStart && presentAfterPlural(seq, j)) break;
    // "Voters see Cruz as…", "Ortiz views the deal as…": an "as" cue ends the subject.
    if (j > subjectStart && t.isWord && !t.capitalised && isAsCue(seq, j)) break;
    // "The filings show that…", "Polls show…": a finding cue after a word naming evidence is its verb.
    if (j > subjectStart && findingAfterEvidence(seq, j)) break;
    // "Moore pointed out that…", "Moore put it bluntly": a multi-word cue ends the subject.
    if (j > subjectStart && t.isWord && !t.capitalised && cueParticle(t, seq[j + 1])) break;
    if (
      t.isWord &&
      (isHedge(t) || (adverbAt(seq, j) && seq[j + 1] && isVerbLike(seq[j + 1] as Token))) &&
      !nameBeforeCue(seq, j, subjectStart)
    )
      break;
    j++;
  }
  return j;
}

/** "The embattled senator", "A teary-eyed Bush": a participle after an article or possessive describes. */
function describes(seq: Token[], j: number): boolean {
  const t = seq[j] as Token;
  return !isAuxiliary(t) && (NOUN_OPENERS.has(seq[j - 1]?.lower ?? '') || pluralBeforeCue(seq, j));
}

/** An adverb at p; in a title-case headline a capitalised "-ly" word before a capitalised word is one ("Trump Flatly Denies"). */
function adverbAt(seq: Token[], p: number): boolean {
  const t = seq[p] as Token;
  return isModifier(t) || ((t.flags & LY_ONLY) !== 0 && seq[p + 1]?.capitalised === true);
}

interface MainVerb {
  /** The verb's index (past auxiliaries and adverbs). */
  k: number;
  afterAuxiliary: boolean;
  passive: boolean;
}

/** The main verb after the subject ending at j, past auxiliaries and adverbs. */
function mainVerb(seq: Token[], j: number): MainVerb {
  let k = j;
  let afterAuxiliary = false;
  let passive = false;
  while (k < seq.length && (isAuxiliary(seq[k]) || adverbAt(seq, k) || isHedge(seq[k]))) {
    if (isAuxiliary(seq[k])) {
      afterAuxiliary = true;
      passive = BE_FORMS.has((seq[k] as Token).lower);
    }
    k++;
  }
  // "are more likely to say", "would only say": a cue after "likely to" or "only" is still the subject's.
  if (afterAuxiliary) {
    let q = k;
    while (q < seq.length && q - k < 4 && LEADS_TO_CUE.has(seq[q]?.lower ?? '')) q++;
    const landed = seq[q];
    if (q > k && landed && formOf(landed) === 'base' && ['to', 'only'].includes(seq[q - 1]?.lower ?? '')) {
      k = q;
      passive = false;
    }
  }
  return { k, afterAuxiliary, passive };
}

/**
 * The subject's own cue ("Bogdanov said", "The report states that", "pushed back") or a closing cue that
 * frames the statement ("…, Cuban said."); otherwise the subject's plain verb. Returns the closing cue.
 */
function subjectCue(r: Reading, subject: string | null, mv: MainVerb): ReturnType<typeof finalSpeaker> {
  const { seq, result } = r;
  const { k, afterAuxiliary, passive } = mv;
  const verb = seq[k];
  const particle = verb?.isWord ? cueParticle(verb, seq[k + 1]) : null;
  const passiveVerb =
    (passive && verb !== undefined && formOf(verb) === 'past' && !isStanceCue(seq, k)) ||
    (verb !== undefined && verb.capitalised && k > 0 && !titleCase(seq));
  // "Trump's grasp of policy is worrying, Cuban said.": a closing cue frames the statement.
  // A subject that itself says, asserts or denies keeps the statement; the closing cue is then its relay
  // ("A spokesperson asserted that …, RFERL reported").
  const closing = (r.tokenised.outsideFlags & (CUE | CLOSING_CUE)) !== 0 ? finalSpeaker(seq, r.phrase) : null;
  const framed = closing && closing.at > k && !speaksItself(verb) ? closing : null;
  if (framed) {
    result.speaker = framed.speaker;
    result.cue = framed.cue;
  } else if (subject && verb && particle) {
    result.speaker = subject;
    result.cue = `${verb.text} ${particle}`;
  } else if (
    subject &&
    verb &&
    verb.isWord &&
    !passiveVerb &&
    // "The report states that…": a cue more often read as a noun is a verb before "that".
    (isCueAfterSubject(verb.lower, afterAuxiliary) ||
      findingAfterEvidence(seq, k) ||
      // "sees Cruz as a uniter", "paints his rival as weak"; not the passive "is seen as".
      ((!passive || verb.lower.endsWith('ing')) && (isAsCue(seq, k) || isLightCue(seq, k))) ||
      (passive && isStanceCue(seq, k)) ||
      (!afterAuxiliary && presentAfterPlural(seq, k)) ||
      // "Dorn continued: “…”": a closing-only cue before a colon introduces what follows.
      ((verb.flags & CLOSING_CUE) !== 0 &&
        isPunct(seq[k + 1], ':') &&
        QUOTE_MARKS.has(seq[k + 2]?.text ?? '')) ||
      (seq[k + 1]?.lower === 'that' && formOf(verb) !== null && formOf(verb) !== 'ing') ||
      // "Okafor hopes to win", "Democrats want to": a noun-like cue right after a name, then "to".
      (!afterAuxiliary &&
        seq[k + 1]?.lower === 'to' &&
        seq[k - 1]?.capitalised === true &&
        (formOf(verb) === 'third' || formOf(verb) === 'base')))
  ) {
    result.speaker = subject;
    result.cue = verb.text;
    relayAfterCue(seq, k, result, r.phrase);
  } else if (subject && verb && verb.isWord && (isVerbLike(verb) || formOf(verb) || edBeforeObject(seq, k))) {
    result.subjectVerb = verb.text;
  }
  return closing;
}

/** A subject's verb by which it says, asserts or denies ("A spokesperson asserted that …, RFERL reported"). */
function speaksItself(verb: Token | undefined): boolean {
  return verb?.isWord === true && SPEAKS.includes(cueKind(verb.lower) ?? '');
}

/**
 * Appositive, inverted and descriptive subjects, read around the cue; returns where later cues are read
 * from when a speaker was found.
 */
function speakerAroundCue(
  r: Reading,
  subject: string | null,
  j: number,
  accordingTo: string | null,
  closing: ReturnType<typeof finalSpeaker>,
): number | null {
  const { seq, result } = r;
  // Every cue the clause reader can use carries a cue flag or starts a multi-word cue ("As Moore put it,"):
  // statements without one are skipped.
  if ((r.tokenised.outsideFlags & (CUE | PHRASAL_START | CLOSING_CUE)) === 0) return null;
  // "According to the Post, officials asked whether the candidate announced…": with a leading source, a cue
  // read inside the clause does not replace it; only the subject's own cue does.
  if (!accordingTo) {
    const clause = clauseSpeaker(seq, r.phrase, 0, closing);
    if (clause) {
      result.speaker = clause.speaker;
      result.cue = clause.cue;
      return clause.at + 1;
    }
  }
  // "Lena Park, a pilot who flew for the navy and later for two airlines, said": a long appositive.
  if (subject && isPunct(seq[j], ',')) {
    const cue = cueAfterAppositive(seq, j);
    if (cue > 0) {
      result.speaker = subject;
      result.cue = (seq[cue] as Token).text;
      return cue + 1;
    }
  }
  return null;
}

/** The name before a colon and a quotation, a leading "according to" as speaker or relay, relays after the cue. */
function finish(r: Reading, accordingTo: string | null): void {
  const { seq, result } = r;
  // "… doesn't surprise Republican pollster Daron Shaw: “…”": the name right before a colon and a quotation.
  if (result.speaker === null) {
    const named = nameBeforeColonQuote(seq, r.phrase);
    if (named) {
      result.speaker = named;
      result.cue = ':';
    }
  }
  // "According to the exit polls, most voters backed…": a stance or finding of the subject is the source's.
  // "According to a Gallup survey, 51 percent of respondents said…": a share of those polled speaks through the poll.
  const stance =
    result.cue !== null &&
    (!SPEAKS.includes(cueKind(result.cue) ?? '') ||
      (result.speaker !== null && isShareOfPeople(result.speaker)));
  if (accordingTo && (result.speaker === null || stance)) {
    result.speaker = accordingTo;
    result.cue = 'according to';
  } else if (accordingTo) {
    result.via.push(accordingTo);
  }
  if (result.cue && result.speaker) {
    const cueIndex = seq.findIndex((t) => t.text === result.cue);
    if (cueIndex >= 0) relayAfterCue(seq, cueIndex, result, r.phrase);
  }
  if (result.via.length > 0) result.via = [...new Set(result.via)].filter((v) => v !== result.speaker);
}

/**
 * "Abortion rights advocates said", "Some delegates at the convention said", "A civil rights group says": a
 * plural the lexicon reads as a present-tense verb belongs to the subject when a past or present cue follows
 * it within a few words with no verb between.
 */
function pluralBeforeCue(seq: Token[], p: number): boolean {
  const t = seq[p] as Token;
  if (t.capitalised || !t.lower.endsWith('s') || isAuxiliary(t) || p === 0) return false;
  // "advocates", "supporters": a cue form that reads as a noun.
  if (formOf(t) !== null && !(formOf(t) === 'third' && isNounLikeCue(t.lower))) return false;
  for (let q = p + 1; q < seq.length && q - p <= 6; q++) {
    const w = seq[q] as Token;
    if (!w.isWord) return false;
    const form = formOf(w);
    if (form === 'past' || form === 'third' || presentAfterPlural(seq, q)) return true;
    if (isVerbLike(w) || isAuxiliary(w)) return false;
  }
  return false;
}

/** What a present verb takes after it: an object, "to" or "that" ("want the", "support Obama", "hope to"). */
const VERB_OBJECTS = new Set([
  ...NOUN_OPENERS,
  'to',
  'that',
  'him',
  'them',
  'us',
  'it',
  'this',
  'these',
  'more',
]);

/**
 * "Palestinians want the city", "Republican voters in both states support a ban", "Critics fear that": a
 * base-form cue usually read as a noun ("want", "support", "fear") is the present verb of a plural subject
 * when it follows a plural word and an object, "to" or "that" follows it.
 */
function presentAfterPlural(seq: Token[], q: number): boolean {
  const w = seq[q];
  const before = seq[q - 1];
  if (!w?.isWord || w.capitalised || !before?.isWord || isAuxiliary(before)) return false;
  // "Voters in both states see Clinton as…": a base-form "as" cue too.
  if (formOf(w) !== 'base' && !(isAsCue(seq, q) && !/(?:s|saw|ed)$/.test(w.lower))) return false;
  // Speech forms read as nouns ("the tariffs signal a turn, said Lopez") are left to the closing cue (asked
  // last: most words have failed the form test above without a look-up of their cue kind).
  if (isSpeakingCue(w.lower)) return false;
  const plural = before.lower.length > 3 && before.lower.endsWith('s') && !/(?:ss|us|is)$/.test(before.lower);
  if (!plural || DETERMINERS.has(before.lower) || formOf(before) === 'past') return false;
  const next = seq[q + 1];
  return next !== undefined && next.isWord && (VERB_OBJECTS.has(next.lower) || next.capitalised);
}

/** "Jolly said": a capitalised "-ly" word opening the subject right before a cue is a name, not an adverb. */
function nameBeforeCue(seq: Token[], p: number, subjectStart: number): boolean {
  const t = seq[p] as Token;
  if (p !== subjectStart || !t.capitalised || (t.flags & LY_ONLY) === 0) return false;
  const form = seq[p + 1] ? formOf(seq[p + 1] as Token) : null;
  return form === 'past' || form === 'third';
}

/**
 * "Okafor released a statement", "The council approved the plan": an "-ed" word the lexicon reads as an
 * adjective is a verb when a determiner follows it.
 */
function edBeforeObject(seq: Token[], p: number): boolean {
  const t = seq[p];
  if (!t?.isWord || t.capitalised || t.lower.length < 5 || !t.lower.endsWith('ed')) return false;
  return NOUN_OPENERS.has(seq[p + 1]?.lower ?? '');
}

/** A finding cue ("shows", "show", "found") at p right after a word naming evidence ("polls", "analysis"). */
function findingAfterEvidence(seq: Token[], p: number): boolean {
  const t = seq[p];
  // Finding cues are reporting verbs: a word without a cue flag is none.
  if (!t?.isWord || t.capitalised || (t.flags & CUE) === 0 || cueKind(t.lower) !== 'finding') return false;
  // "Polls there show", "A Herald poll out this week shows": a few words may qualify the evidence.
  for (let b = p - 1; b >= 0 && b >= p - 4 && seq[b]?.isWord; b--)
    if (isEvidenceWord((seq[b] as Token).lower)) return true;
  return false;
}

/** Whether tokens [from, to) open with a determiner and name a poll, survey or other evidence. */
function holdsEvidence(seq: Token[], from: number, to: number): boolean {
  if (!['a', 'an', 'the', 'its', 'their', 'his', 'her'].includes(seq[from]?.lower ?? '')) return false;
  for (let p = from + 1; p < to; p++) if (isEvidenceWord((seq[p] as Token).lower)) return true;
  return false;
}

/** Cue kinds by which a subject speaks for itself, even after a leading "according to". */
const SPEAKS: readonly string[] = SPEAKING_KINDS;

/** Words between an auxiliary and a cue that keep the cue the subject's ("more likely to", "only"). */
const LEADS_TO_CUE = new Set(['more', 'less', 'most', 'least', 'likely', 'unlikely', 'to', 'only', 'also']);

/** The subject as written, without a parenthetical between commas ("Rwanda, for its part," → "Rwanda"). */
function subjectPhrase(seq: Token[], from: number, to: number, phrase: phrases.PhraseReader): string | null {
  const first = seq[from];
  if (!first || !first.isWord || QUOTE_MARKS.has(first.text)) return null;
  if (
    startsLowerCase(first.text) &&
    !['he', 'she', 'they', 'it'].includes(first.lower) &&
    from > 0 &&
    !isPunct(seq[from - 1], ',')
  )
    return null;
  let hasComma = false;
  for (let p = from; p < to && !hasComma; p++) hasComma = (seq[p] as Token).text === ',';
  if (!hasComma) return phrase.text(from, to) || null;
  // Drop a parenthetical skipped inside the subject: keep the part before it and what follows the second comma.
  const parts: string[] = [];
  let start = from;
  for (let p = from; p <= to; p++) {
    if (p === to || isPunct(seq[p], ',')) {
      if (p > start && (parts.length === 0 || p === to)) parts.push(phrase.text(start, p));
      if (p < to) {
        let q = p + 1;
        while (q < to && !isPunct(seq[q], ',')) q++;
        p = q;
        start = q + 1;
      }
    }
  }
  const text = parts.filter(Boolean).join(' ').trim();
  return text || null;
}
