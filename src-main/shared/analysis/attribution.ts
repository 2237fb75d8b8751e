// Finds, in one statement, who speaks (the noun phrase), with which cue, through which relays, and hedges.
// Works on the words outside quotation marks: "“…,” Bogdanov said, according to Interfax" reads as
// “ ” Bogdanov said , according to Interfax.
import { CONJUNCTIONS, DETERMINERS, OPENERS, PARENTHETICAL_OPENERS } from './attribution-words';
import { clauseSpeaker, finalSpeaker } from './clause-speaker';
import { cueAfterAppositive, datelineEnd, nameBeforeColonQuote, speakerBeforeColon } from './openings';
import { cueKind } from './cue-lexicon';
import { BE_FORMS, isCueAfterSubject, isNounLikeCue, PASSIVE_HEDGE_VERBS, phrasalParticle } from './cues';
import { AUXILIARY, CUE, HEDGE } from './lexicon';
import {
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
} from './phrases';
import type { Token, TokenisedStatement } from './tokens';

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

/** Reads the words outside quotation marks of one statement. */
export function findAttribution(statement: string, tokenised: TokenisedStatement): Attribution {
  const seq = tokenised.outside;
  const phrase = new PhraseReader(statement, seq);
  const result: Attribution = {
    speaker: null,
    cue: null,
    via: [],
    hedge: null,
    subject: null,
    subjectVerb: null,
  };

  // Only a hedge adverb or an auxiliary ("is said to") can start a hedge.
  const mayHedge = (tokenised.outsideFlags & (HEDGE | AUXILIARY)) !== 0;
  for (let p = 0; mayHedge && p < seq.length; p++) {
    const t = seq[p] as Token;
    if (!isHedge(t) && !isAuxiliary(t)) continue;
    if (isHedge(t)) {
      result.hedge = t.lower;
      break;
    }
    const next = seq[p + 1];
    if (
      isAuxiliary(t) &&
      next &&
      PASSIVE_HEDGE_VERBS.has(next.lower) &&
      seq[p + 2] &&
      ['to', 'that'].includes((seq[p + 2] as Token).lower)
    ) {
      result.hedge = `${t.lower} ${next.lower} ${(seq[p + 2] as Token).lower}`;
      break;
    }
  }

  // A wire dateline ("NEW YORK, Nov. 19 (UPI) —", "Washington (AFP) –") is not part of the subject.
  let i = datelineEnd(statement, seq);
  let accordingTo: string | null = null;
  // "Howard Kurtz, Fox News: “…”", "Gingrich: Trump Must Decide": a name, then a colon, then what was said.
  // Labels ("The Latest:", "Update:") are refused there, so a name before the colon is the speaker.
  const colon = speakerBeforeColon(seq, i, phrase);
  if (colon) {
    result.speaker = colon.speaker;
    result.cue = ':';
    return result;
  }
  // "According to a statement from the Rwandan military, “…”"
  if (seq[i]?.lower === 'according' && seq[i + 1]?.lower === 'to') {
    const end = npUntilComma(seq, i + 2, 14);
    accordingTo = phrase.text(i + 2, end);
    i = isPunct(seq[end], ',') ? end + 1 : end;
  }
  // Leading adverbials: "As of Tuesday morning, …", "In early November, …".
  for (let round = 0; round < 2 && seq[i]?.isWord && OPENERS.has((seq[i] as Token).lower); round++) {
    const comma = npUntilComma(seq, i, 14);
    if (!isPunct(seq[comma], ',')) break;
    i = comma + 1;
  }

  // The subject: words up to the first verb, skipping parentheticals (", for its part,").
  const subjectStart = i;
  let j = i;
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
    if (t.isWord ? isVerbLike(t) : ';:—–'.includes(t.text) || QUOTE_MARKS.has(t.text)) break;
    // "Analysts say she…": a plain present cue (not one read as a noun, not after "to") ends the subject.
    if (
      j > subjectStart &&
      t.isWord &&
      !t.capitalised &&
      formOf(t) === 'base' &&
      !isNounLikeCue(t.lower) &&
      seq[j - 1]?.lower !== 'to'
    )
      break;
    if (t.isWord && (isHedge(t) || (isModifier(t) && seq[j + 1] && isVerbLike(seq[j + 1] as Token)))) break;
    j++;
  }
  const subject =
    j < seq.length && hasContentWord(seq, subjectStart, j)
      ? subjectPhrase(seq, subjectStart, j, phrase)
      : null;
  result.subject = subject;

  // The main verb, after auxiliaries and adverbs.
  let k = j;
  let afterAuxiliary = false;
  let passive = false;
  while (k < seq.length && (isAuxiliary(seq[k]) || isModifier(seq[k]) || isHedge(seq[k]))) {
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
  const verb = seq[k];
  const particle = verb?.isWord ? phrasalParticle(verb.lower, seq[k + 1]?.lower) : null;
  const passiveVerb =
    (passive && verb !== undefined && formOf(verb) === 'past') ||
    (verb !== undefined && verb.capitalised && k > 0 && !titleCase(seq));
  // "Trump's grasp of policy is worrying, Cuban said.": a closing cue frames the statement.
  // A subject that itself says, asserts or denies keeps the statement; the closing cue is then its relay
  // ("A spokesperson asserted that …, RFERL reported").
  const closing = (tokenised.outsideFlags & CUE) !== 0 ? finalSpeaker(seq, phrase) : null;
  const subjectSpeaks = (): boolean =>
    verb?.isWord === true && ['speech', 'denial'].includes(cueKind(verb.lower) ?? '');
  const framed = closing && closing.at > k && !subjectSpeaks() ? closing : null;
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
      (seq[k + 1]?.lower === 'that' && (formOf(verb) === 'third' || formOf(verb) === 'past')))
  ) {
    result.speaker = subject;
    result.cue = verb.text;
    relayAfterCue(seq, k, result, phrase);
  } else if (subject && verb && verb.isWord && (isVerbLike(verb) || formOf(verb))) {
    result.subjectVerb = verb.text;
  }

  // Appositive, inverted and descriptive subjects, read around the cue.
  let laterFrom = Math.max(k + 1, subjectStart);
  // Every cue the clause reader can use carries a cue flag: statements without one are skipped.
  // "According to the Post, officials asked whether the candidate announced…": with a leading source, a cue
  // read inside the clause does not replace it; only the subject's own cue does.
  if (!result.speaker && !accordingTo && (tokenised.outsideFlags & CUE) !== 0) {
    const clause = clauseSpeaker(seq, phrase, 0, closing);
    if (clause) {
      result.speaker = clause.speaker;
      result.cue = clause.cue;
      laterFrom = clause.at + 1;
    }
  }
  // "Lena Park, a pilot who flew for the navy and later for two airlines, said": a long appositive.
  if (!result.speaker && subject && isPunct(seq[j], ',') && (tokenised.outsideFlags & CUE) !== 0) {
    const cue = cueAfterAppositive(seq, j);
    if (cue > 0) {
      result.speaker = subject;
      result.cue = (seq[cue] as Token).text;
      laterFrom = cue + 1;
    }
  }

  // Later cues: relay clauses (", RFERL reported"), conjoined verbs ("and has accused"), participles.
  let reporterSeen = false;
  // Each later cue is a reporting-verb form or "according to".
  const mayCue = (tokenised.outsideFlags & CUE) !== 0 || tokenised.mentionsAccording;
  for (let p = laterFrom; mayCue && p < seq.length; p++) {
    const t = seq[p] as Token;
    if (!t.isWord) continue;
    if (t.lower === 'according' && seq[p + 1]?.lower === 'to') {
      const end = npUntilComma(seq, p + 2, 12);
      const np = phrase.text(p + 2, end);
      if (np) addRelay(result, np, 'according to');
      p = end;
      continue;
    }
    const form = formOf(t);
    if (!form) continue;
    // "troops are posted abroad": a past participle after "be" is passive, not a relay's cue.
    if (form === 'past' && BE_FORMS.has(seq[p - 1]?.lower ?? '')) continue;
    // Back over adverbs and auxiliaries to a noun phrase opened by a comma or a closing quotation mark.
    let b = p - 1;
    while (b >= 0 && seq[b]?.isWord && (isModifier(seq[b]) || isAuxiliary(seq[b]))) b--;
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
        ? tokenisedOpensWithQuote(tokenised)
        : isPunct(opener, ',;—–') || QUOTE_MARKS.has(opener?.text ?? '');
    // "…, but the BBC's editor Jon Sopel says…" opens a clause of its own: not a relay of this speaker.
    const opensWithConjunction = CONJUNCTIONS.has(seq[a + 1]?.lower ?? '');
    if (
      form !== 'ing' &&
      opensClause &&
      b > a &&
      !opensWithConjunction &&
      hasContentWord(seq, a + 1, b + 1)
    ) {
      addRelay(result, phrase.text(a + 1, b + 1), t.text);
      reporterSeen = true;
      continue;
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
        addRelay(result, np, t.text);
        reporterSeen = true;
        continue;
      }
    }
    if (result.cue) {
      relayAfterCue(seq, p, result, phrase);
      continue;
    }
    const conjoined = seq[b]?.lower === 'and' || seq[b]?.lower === 'but';
    // ", saying", "— saying", "defense of “New York values,” saying": a participle after a pause.
    const pause =
      isPunct(seq[p - 1], ',—–') ||
      (QUOTE_MARKS.has(seq[p - 1]?.text ?? '') &&
        seq[p - 1]?.quoted === false &&
        closesOnComma(statement, seq[p - 1]));
    const participle = form === 'ing' && pause && !reporterSeen;
    if (subject && (conjoined || participle) && form !== 'base') {
      result.speaker = subject;
      result.cue = t.text;
      relayAfterCue(seq, p, result, phrase);
    }
  }
  // "… doesn't surprise Republican pollster Daron Shaw: “…”": the name right before a colon and a quotation.
  if (result.speaker === null) {
    const named = nameBeforeColonQuote(seq, phrase);
    if (named) {
      result.speaker = named;
      result.cue = ':';
    }
  }
  if (result.speaker === null && accordingTo) {
    result.speaker = accordingTo;
    result.cue = 'according to';
  } else if (accordingTo) {
    result.via.push(accordingTo);
  }
  if (result.cue && result.speaker) {
    const cueIndex = seq.findIndex((t) => t.text === result.cue);
    if (cueIndex >= 0) relayAfterCue(seq, cueIndex, result, phrase);
  }
  if (result.via.length > 0) result.via = [...new Set(result.via)].filter((v) => v !== result.speaker);
  return result;
}

/** Words between an auxiliary and a cue that keep the cue the subject's ("more likely to", "only"). */
const LEADS_TO_CUE = new Set(['more', 'less', 'most', 'least', 'likely', 'unlikely', 'to', 'only', 'also']);

/** A closing quotation mark right after a comma (“…,” saying). */
function closesOnComma(statement: string, mark: Token | undefined): boolean {
  return !!mark && mark.start > 0 && statement.charCodeAt(mark.start - 1) === 44;
}

/** Whether tokens [from, to) hold a word other than a determiner. */
function hasContentWord(seq: Token[], from: number, to: number): boolean {
  for (let p = from; p < to; p++) {
    const t = seq[p] as Token;
    if (t.isWord && !DETERMINERS.has(t.lower)) return true;
  }
  return false;
}

function tokenisedOpensWithQuote(tokenised: TokenisedStatement): boolean {
  return tokenised.startsQuoted || QUOTE_MARKS.has(tokenised.tokens[0]?.text ?? '');
}

/** A relay clause names the speaker when none was found yet, and a relay otherwise. */
function addRelay(result: Attribution, np: string, cue: string): void {
  if (!np) return;
  if (result.speaker === null) {
    result.speaker = np;
    result.cue = cue;
  } else {
    result.via.push(np);
  }
}

/** "said to Tass", "told Interfax": the outlet right after a speaker's cue relays it. */
function relayAfterCue(seq: Token[], p: number, result: Attribution, phrase: PhraseReader): void {
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

/** The subject as written, without a parenthetical between commas ("Rwanda, for its part," → "Rwanda"). */
function subjectPhrase(seq: Token[], from: number, to: number, phrase: PhraseReader): string | null {
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
