// Reporting verbs ("said", "denied", "according to") and hedges ("reportedly") in all their forms.
import { CUE_VERBS, NOUN_LIKE_CUES, PHRASAL_CUES } from './cue-lexicon';

const VERBS = CUE_VERBS.map(([, ...forms]) => forms);

/** Forms that are more often nouns ("reports of deployments", "the state news agency"). */
const NOUN_LIKE = NOUN_LIKE_CUES;

export type CueForm = 'base' | 'third' | 'past' | 'ing';

const FORMS = new Map<string, CueForm>();
for (const [base, third, past, ing] of VERBS) {
  FORMS.set(base, 'base');
  FORMS.set(third, 'third');
  FORMS.set(past, 'past');
  FORMS.set(ing, 'ing');
}

/** The form of a reporting verb, or null. */
export function cueForm(lowerWord: string): CueForm | null {
  return FORMS.get(lowerWord) ?? null;
}

/** Forms read as nouns unless an auxiliary or adverb comes first ("the state news agency", "has noted"). */
export function isNounLikeCue(lowerWord: string): boolean {
  return NOUN_LIKE.has(lowerWord);
}

/** Whether a word reads as a reporting verb right after a subject (noun-like forms need an auxiliary). */
export function isCueAfterSubject(lowerWord: string, afterAuxiliary: boolean): boolean {
  const form = FORMS.get(lowerWord);
  if (!form) return false;
  // "is urging", "was telling": a progressive needs its auxiliary.
  if (form === 'ing') return afterAuxiliary;
  return afterAuxiliary || !NOUN_LIKE.has(lowerWord);
}

const PHRASAL = new Map<string, string[]>();
for (const [, forms, particle] of PHRASAL_CUES) {
  for (const form of forms) PHRASAL.set(form, [...(PHRASAL.get(form) ?? []), particle]);
}

/** Whether some multi-word cue starts with this word ("pointed" of "pointed out"). */
export function startsPhrasalCue(lowerWord: string): boolean {
  return PHRASAL.has(lowerWord);
}

/** The particle that makes a multi-word cue with this word ("called" + "for"), if `next` is one. */
export function phrasalParticle(lowerWord: string, next: string | undefined): string | null {
  if (next === undefined) return null;
  return PHRASAL.get(lowerWord)?.includes(next) ? next : null;
}

/** Forms of "be": a past participle after one is passive ("is expected to"), not the subject's cue. */
export const BE_FORMS = new Set(['is', 'are', 'was', 'were', 'be', 'been', 'being']);

/** Negated auxiliaries ("isn’t saying", "didn't deny"), with either apostrophe. */
const NEGATED = (
  'isn’t aren’t wasn’t weren’t hasn’t haven’t hadn’t doesn’t don’t didn’t won’t wouldn’t can’t couldn’t ' +
  'shouldn’t'
).split(' ');

export const AUXILIARIES = new Set([
  ...NEGATED,
  ...NEGATED.map((w) => w.replace('’', "'")),
  'is',
  'are',
  'was',
  'were',
  'be',
  'been',
  'being',
  'has',
  'have',
  'had',
  'did',
  'does',
  'do',
  'will',
  'would',
  'could',
  'can',
  'may',
  'might',
  'should',
  'must',
  'shall',
]);

/** Adverbs that sit between a subject and its verb ("Tass further noted", "explicitly denied"). */
export function isVerbModifier(lowerWord: string): boolean {
  return (
    (lowerWord.length > 4 && lowerWord.endsWith('ly') && lowerWord !== 'italy' && lowerWord !== 'july') ||
    MODIFIERS.has(lowerWord)
  );
}
/** Whether the word is a listed modifier ("further", "also"), not one only by its "-ly" ending. */
export function isListedModifier(lowerWord: string): boolean {
  return MODIFIERS.has(lowerWord);
}
const MODIFIERS = new Set([
  'yet',
  'first',
  'further',
  'also',
  'later',
  'earlier',
  'again',
  'still',
  'not',
  'never',
  'then',
  'already',
  'too',
  'once',
  'now',
  'since',
  'even',
  'just',
  'previously',
  'subsequently',
  // "has long said", "has often argued", "had always insisted", "has ever claimed".
  'long',
  'often',
  'always',
  'ever',
  'today',
  'yesterday',
]);

export const HEDGE_ADVERBS = new Set([
  'reportedly',
  'allegedly',
  'purportedly',
  'supposedly',
  'ostensibly',
  'reputedly',
]);

/** "is said to", "were believed to", "is alleged that": passive reporting without a speaker. */
export const PASSIVE_HEDGE_VERBS = new Set([
  'said',
  'believed',
  'thought',
  'understood',
  'alleged',
  'rumoured',
  'rumored',
  'reported',
  'claimed',
  'suspected',
]);
