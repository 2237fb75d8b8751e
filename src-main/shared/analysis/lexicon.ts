// Word-class look-ups from the compromise NLP library's lexicon (first names, surnames, places, demonyms,
// role nouns, past tenses). Running compromise's full tagger costs ~280× bare sentence segmentation, so the
// analysis consults only its lexicon, word by word: a table look-up, cached as a bit mask per word.
import nlp from 'compromise';
import {
  AUXILIARIES,
  cueForm,
  HEDGE_ADVERBS,
  isListedModifier,
  isVerbModifier,
  startsPhrasalCue,
} from './cues';
import { CLOSING_CUES } from './cue-lexicon';
import { gazetteerMayStartWith } from './gazetteer';

type Lexicon = Record<string, string | string[] | undefined>;

const lexicon: Lexicon = (nlp.model() as { one: { lexicon: Lexicon } }).one.lexicon;

/** Bits of a word's flags: its lexicon classes, then its role in reporting ("said", "has", "further"). */
export const FIRST_NAME = 1;
export const LAST_NAME = 2;
export const PLACE = 4;
export const DEMONYM = 8;
export const ROLE = 16;
export const FINITE_VERB = 32;
export const FUNCTION_WORD = 64;
export const NOT_VERB = 128;
export const KNOWN = 256;
export const CUE_BASE = 512;
export const CUE_THIRD = 1024;
export const CUE_PAST = 2048;
export const CUE_ING = 4096;
export const AUXILIARY = 8192;
export const MODIFIER = 16384;
export const HEDGE = 32768;
/** A month, month abbreviation or weekday (lower-cased), or a word starting with a digit. */
export const CALENDAR = 65536;
/** "of", "the", "for"… inside a name: "Coalition of Patriots for Change". */
export const CONNECTOR = 131072;
/** A title before a person's name: "president", "gen.", "deputy". */
export const TITLE = 262144;
/** Some gazetteer name starts with this word. */
export const GAZETTEER_START = 524288;
export const CUE = CUE_BASE | CUE_THIRD | CUE_PAST | CUE_ING;
/** The first word of a multi-word cue whose first word alone is none ("pointed" of "pointed out", "put" of "put it"). */
export const PHRASAL_START = 1048576;
/** A modifier only by its "-ly" ending ("flatly", and also "Schlafly"): capitalised mid-sentence, a name. */
export const LY_ONLY = 2097152;
/** A cue only when it closes a quotation or clause ("“…,” she continued."): see CLOSING_CUES. */
export const CLOSING_CUE = 4194304;

const MASKS: [RegExp, number][] = [
  [/^(?:FirstName|MaleName|FemaleName)$/, FIRST_NAME],
  [/^LastName$/, LAST_NAME],
  [/^(?:Country|City|Place|Region)$/, PLACE],
  [/^Demonym$/, DEMONYM],
  [/^Actor$/, ROLE],
  [/^(?:PastTense|PresentTense|Copula|Modal)$/, FINITE_VERB],
  [/^(?:Determiner|Preposition|Conjunction|Pronoun|Adverb|QuestionWord|Adjective|Gerund)$/, FUNCTION_WORD],
  [/^(?:Adjective|Plural|Singular|Noun|Uncountable)$/, NOT_VERB],
];

const CALENDAR_WORDS = new Set(
  (
    'january february march april may june july august september october november december ' +
    'jan feb mar apr jun jul aug sep sept oct nov dec monday tuesday wednesday thursday friday saturday sunday'
  ).split(' '),
);
const PERSON_TITLES = new Set(
  (
    'president minister mr mrs ms dr prof gen general colonel col lt major captain commander ambassador senator ' +
    'governor mayor spokesman spokeswoman spokesperson warlord leader king queen prince pope secretary envoy chief ' +
    'judge director chairman premier sheikh emir rebel opposition former deputy'
  ).split(' '),
);
const CONNECTOR_WORDS = new Set([
  'of',
  'the',
  'for',
  'de',
  'du',
  'des',
  'al',
  'bin',
  'von',
  'van',
  'and',
  'on',
  'in',
]);

/** Whether a lower-cased word joins the words of a name ("of", "the", "de"): its CONNECTOR flag, without the flags. */
export function isConnectorWord(lowerWord: string): boolean {
  return CONNECTOR_WORDS.has(lowerWord);
}

const cache = new Map<string, number>();

/** All flags of a lower-cased word, computed once and cached: one table look-up per token. */
export function flagsOf(lowerWord: string): number {
  let mask = cache.get(lowerWord);
  if (mask !== undefined) return mask;
  mask = 0;
  const tags = Object.prototype.hasOwnProperty.call(lexicon, lowerWord) ? lexicon[lowerWord] : undefined;
  if (tags !== undefined) {
    mask = KNOWN;
    for (const tag of typeof tags === 'string' ? tags.split(',') : tags) {
      for (const [pattern, bit] of MASKS) if (pattern.test(tag)) mask |= bit;
    }
  }
  const form = cueForm(lowerWord);
  if (form === 'base') mask |= CUE_BASE;
  else if (form === 'third') mask |= CUE_THIRD;
  else if (form === 'past') mask |= CUE_PAST;
  else if (form === 'ing') mask |= CUE_ING;
  if (form === null && startsPhrasalCue(lowerWord)) mask |= PHRASAL_START;
  if (CLOSING_CUES.has(lowerWord)) mask |= CLOSING_CUE;
  if (AUXILIARIES.has(lowerWord)) mask |= AUXILIARY;
  // "Kelly", "Beverly": a known first or last name is no adverb, whatever its ending.
  if (isListedModifier(lowerWord)) mask |= MODIFIER;
  else if (isVerbModifier(lowerWord) && !(mask & (FIRST_NAME | LAST_NAME))) mask |= MODIFIER | LY_ONLY;
  if (HEDGE_ADVERBS.has(lowerWord)) mask |= HEDGE;
  if (CALENDAR_WORDS.has(lowerWord) || /^(?:1[89]|20)\d\d/.test(lowerWord)) mask |= CALENDAR;
  if (PERSON_TITLES.has(lowerWord.replace(/\.$/, ''))) mask |= TITLE;
  if (gazetteerMayStartWith(lowerWord)) mask |= GAZETTEER_START;
  if (CONNECTOR_WORDS.has(lowerWord)) mask |= CONNECTOR;
  if (cache.size > 100_000) cache.clear();
  cache.set(lowerWord, mask);
  return mask;
}

const maskOf = flagsOf;

/** Whether compromise knows the word at all. */
export const isKnownWord = (w: string): boolean => (maskOf(w) & KNOWN) !== 0;
export const isFirstName = (w: string): boolean => (maskOf(w) & FIRST_NAME) !== 0;
export const isLastName = (w: string): boolean => (maskOf(w) & LAST_NAME) !== 0;
export const isPlaceWord = (w: string): boolean => (maskOf(w) & PLACE) !== 0;
export const isDemonym = (w: string): boolean => (maskOf(w) & DEMONYM) !== 0;
/** Role nouns: "spokesperson", "minister", "president". */
export const isRoleNoun = (w: string): boolean => (maskOf(w) & ROLE) !== 0;
export const isFiniteVerb = (w: string): boolean => (maskOf(w) & FINITE_VERB) !== 0;
/** Tagged as adjective or noun: an "-ed" word such as "alleged" is then not read as a verb. */
export const isNounOrAdjective = (w: string): boolean => (maskOf(w) & NOT_VERB) !== 0;
/** Closed-class and common words that are capitalised only because they open a sentence. */
export const isFunctionWord = (w: string): boolean => (maskOf(w) & FUNCTION_WORD) !== 0;
