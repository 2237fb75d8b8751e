// Cross-article sources registry helpers: deciding that two speaker names are the same actor, and merging
// their aliases. Pure and light (no NLP library): the renderer imports this file.
import type { SpeakerRef } from '../extraction';
import { lookupGazetteer } from './gazetteer';
import { contentWords, initialsOf, normaliseName } from './names';

export { normaliseName } from './names';

interface Named {
  name: string;
  aliases: string[];
}

/** Words too generic to identify an actor on their own ("the ministry" must not merge every ministry). */
const GENERIC_WORDS = new Set([
  'government',
  'ministry',
  'military',
  'army',
  'forces',
  'force',
  'police',
  'media',
  'official',
  'officials',
  'spokesperson',
  'spokesman',
  'spokeswoman',
  'minister',
  'president',
  'agency',
  'council',
  'court',
  'party',
  'group',
  'statement',
  'source',
  'sources',
  'people',
  'state',
  'news',
  'office',
  'department',
  'committee',
  'he',
  'she',
  'they',
  'it',
]);

/** Normalised forms of an actor: its name, its aliases and the gazetteer's canonical name for any of them. */
export function formsOf(actor: Named): string[] {
  const forms = new Set<string>();
  for (const surface of [actor.name, ...actor.aliases]) {
    const key = normaliseName(surface);
    if (!key) continue;
    forms.add(key);
    const entry = lookupGazetteer(surface);
    if (entry) forms.add(normaliseName(entry.name));
  }
  return [...forms];
}

export function isAcronymOf(short: string, long: string): boolean {
  return !short.includes(' ') && short.length >= 2 && short.length <= 8 && initialsOf(long) === short;
}

/** "bogdanov" is part of "russian deputy foreign minister mikhail bogdanov": same head word, all words shared. */
export function isPartOf(short: string, long: string): boolean {
  const shortWords = contentWords(short);
  const longWords = contentWords(long);
  if (shortWords.length === 0 || shortWords.length >= longWords.length) return false;
  if (shortWords.every((w) => GENERIC_WORDS.has(w))) return false;
  if (shortWords[shortWords.length - 1] !== longWords[longWords.length - 1]) return false;
  const longSet = new Set(longWords);
  return shortWords.every((w) => longSet.has(w));
}

/** How strongly two actors' names match: exactly (a shared form), by acronym, by a shorter form, or not. */
export function nameMatch(a: Named, b: Named): 'exact' | 'acronym' | 'partial' | null {
  const formsA = formsOf(a);
  const formsB = formsOf(b);
  const setB = new Set(formsB);
  if (formsA.some((f) => setB.has(f))) return 'exact';
  for (const fa of formsA) {
    for (const fb of formsB) if (isAcronymOf(fa, fb) || isAcronymOf(fb, fa)) return 'acronym';
  }
  for (const fa of formsA)
    for (const fb of formsB) if (isPartOf(fa, fb) || isPartOf(fb, fa)) return 'partial';
  return null;
}

/**
 * The existing source that `ref` names, or null. An exact or acronym match wins; a partial match
 * ("Bogdanov" for "Mikhail Bogdanov", "The Times" for "The Moscow Times") counts only when it is unique,
 * so "Smith" joins neither "John Smith" nor "Jane Smith" when both exist.
 */
export function findMatchingSource<T extends Named>(ref: SpeakerRef | Named, sources: T[]): T | null {
  let acronym: T | null = null;
  const partial: T[] = [];
  for (const source of sources) {
    const match = nameMatch(ref, source);
    if (match === 'exact') return source;
    if (match === 'acronym' && !acronym) acronym = source;
    if (match === 'partial') partial.push(source);
  }
  if (acronym) return acronym;
  return partial.length === 1 ? (partial[0] as T) : null;
}

/** The union of two alias lists, first spelling kept, duplicates by normalised form dropped. */
export function mergeAliases(a: string[], b: string[]): string[] {
  const seen = new Set<string>();
  const merged: string[] = [];
  for (const alias of [...a, ...b]) {
    const trimmed = alias.trim();
    const key = normaliseName(trimmed);
    if (!trimmed || seen.has(key)) continue;
    seen.add(key);
    merged.push(trimmed);
  }
  return merged;
}
