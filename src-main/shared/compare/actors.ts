// Finds who does what in a sentence, narrowly: a capitalised subject right before a past-tense verb
// ("Tass numbered"), a passive agent ("defeated by Rwandan troops") and "according to X".
import { findDateMentions } from './dates';
import { STOP_WORDS, isCapitalised, stem, wordTokens, type WordToken } from './text';
import { wordSet } from '../word-set';

export interface ActorMention {
  /** The actor's words as written ("Mikhail Bogdanov"). */
  subject: string;
  start: number;
  end: number;
  /** Stem of the verb the actor governs ("deny"); "according" for "according to X". */
  verb: string;
}

// Words between a subject and its verb that do not break the link ("Bogdanov has explicitly denied").
const AUXILIARIES = wordSet(
  'has have had was were is are did does also reportedly explicitly further previously already allegedly then later again',
);
const IRREGULAR_PAST = wordSet(
  'sent said told took led fought gave made held met put won lost shot struck drove brought sought began ran',
);
// Capitalised words that cannot be the subject of a clause by themselves.
const PRONOUNS = wordSet('he she they it we i you this that these those there');
const CONNECTORS = new Set(['of', 'the', 'for', 'and', 'de', 'du']);
// A preposition right before a capitalised run ("on Monday", "of the Central African Republic") makes the run
// an object, not the subject.
const PREPOSITIONS = wordSet('on in at by from to of with for since until during after before near');
const ARTICLES = new Set(['the', 'a', 'an']);

function isPastVerb(word: string): boolean {
  if (isCapitalised(word)) return false;
  return (word.length > 4 && word.endsWith('ed')) || IRREGULAR_PAST.has(word);
}

/** The run of capitalised words ending at token `last` (connectors allowed inside), or null. */
function capitalisedRunBefore(
  text: string,
  tokens: WordToken[],
  last: number,
  blocked: (t: WordToken) => boolean,
) {
  let first = last + 1;
  for (let k = last; k >= 0; k--) {
    const token = tokens[k]!;
    if (k < last && /[,;:()“”"—.]/.test(text.slice(token.end, tokens[k + 1]!.start))) break;
    if (isCapitalised(token.text) && !blocked(token)) first = k;
    else if (!(CONNECTORS.has(token.text.toLowerCase()) && first <= k + 1 && first <= last)) break;
  }
  while (first <= last && CONNECTORS.has(tokens[first]!.text.toLowerCase())) first++;
  if (first > last) return null;
  const words = tokens.slice(first, last + 1);
  if (words.every((w) => STOP_WORDS.has(w.text.toLowerCase()) || PRONOUNS.has(w.text.toLowerCase())))
    return null;
  return { first, start: words[0]!.start, end: words.at(-1)!.end };
}

/** The run of capitalised words starting at token `first`, or null. */
function capitalisedRunAfter(text: string, tokens: WordToken[], first: number) {
  let last = first - 1;
  for (let k = first; k < tokens.length; k++) {
    const token = tokens[k]!;
    if (k > first && /[,;:()“”"—.]/.test(text.slice(tokens[k - 1]!.end, token.start))) break;
    if (isCapitalised(token.text)) last = k;
    else if (!CONNECTORS.has(token.text.toLowerCase())) break;
  }
  if (last < first) return null;
  return { start: tokens[first]!.start, end: tokens[last]!.end };
}

export function findActors(text: string): ActorMention[] {
  const dates = findDateMentions(text);
  const inDate = (t: WordToken) => dates.some((d) => t.start < d.end && d.start < t.end);
  const tokens = wordTokens(text);
  const actors: ActorMention[] = [];
  for (let k = 0; k < tokens.length; k++) {
    const word = tokens[k]!.text;
    const lower = word.toLowerCase();
    if (lower === 'according' && tokens[k + 1]?.text.toLowerCase() === 'to') {
      const run = capitalisedRunAfter(text, tokens, k + 2);
      if (run) actors.push({ subject: text.slice(run.start, run.end), ...run, verb: 'according' });
      continue;
    }
    if (!isPastVerb(word)) continue;
    const verb = stem(lower);
    if (tokens[k + 1]?.text.toLowerCase() === 'by') {
      const run = capitalisedRunAfter(text, tokens, k + 2);
      if (run) actors.push({ subject: text.slice(run.start, run.end), ...run, verb });
      continue;
    }
    let last = k - 1;
    while (last >= 0 && AUXILIARIES.has(tokens[last]!.text.toLowerCase())) last--;
    if (last < 0 || /[,;:()“”"—]/.test(text.slice(tokens[last]!.end, tokens[k]!.start))) continue;
    const run = capitalisedRunBefore(text, tokens, last, inDate);
    if (!run) continue;
    // "on Monday announced": a capitalised word after a preposition is not the subject.
    let before = run.first - 1;
    if (before >= 0 && ARTICLES.has(tokens[before]!.text)) before--;
    if (before >= 0 && PREPOSITIONS.has(tokens[before]!.text)) continue;
    actors.push({ subject: text.slice(run.start, run.end), start: run.start, end: run.end, verb });
  }
  return actors;
}

/** Content words of an actor, to tell "Mikhail Bogdanov" and "Bogdanov" apart from "Interfax". */
export function actorWords(subject: string): Set<string> {
  const words = new Set<string>();
  for (const token of wordTokens(subject)) {
    const lower = token.text.toLowerCase();
    if (!STOP_WORDS.has(lower) && !CONNECTORS.has(lower)) words.add(stem(lower));
  }
  return words;
}
