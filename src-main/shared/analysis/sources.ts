// Cross-article sources registry helpers: deciding that two speaker names are the same actor, and merging
// their aliases. Pure and light (no NLP library): the renderer imports this file.
import type { SpeakerRef } from '../extraction';
import { lookupGazetteer } from './gazetteer';
import { contentWords, formParts, initialsOf, normaliseName } from './names';

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
  // The content words of each form, split once per form (the registry asks again and again).
  const shortWords = formParts(short).words;
  const longWords = formParts(long).words;
  if (shortWords.length === 0 || shortWords.length >= longWords.length) return false;
  if (shortWords.every((w) => GENERIC_WORDS.has(w))) return false;
  if (shortWords[shortWords.length - 1] !== longWords[longWords.length - 1]) return false;
  return shortWords.every((w) => longWords.includes(w));
}

/**
 * The normalised keys a source is indexed under, and under which a mention looks up its candidates: its
 * name, its aliases that are names in their own right (a bare surname already inside the name is not one:
 * "Clinton" must not reach every Clinton), the gazetteer's canonical name for any of them, and the initials
 * of a long name ("naacp"). Stable contract: the workspace index (Dexie multiEntry) stores exactly these.
 */
export function matchKeys(named: Named): string[] {
  const keys = nameKeys(named);
  const initials = initialsOf(normaliseName(named.name));
  if (initials.length >= 3 && contentWords(normaliseName(named.name)).length >= 3) keys.add(initials);
  return [...keys];
}

/** The match keys without initials: what two names must share to be the same source. */
function nameKeys(named: Named): Set<string> {
  const keys = new Set<string>();
  const nameKey = normaliseName(named.name);
  for (const surface of [named.name, ...named.aliases]) {
    const key = normaliseName(surface);
    if (!key) continue;
    if (surface !== named.name && isPartOf(key, nameKey)) continue;
    keys.add(key);
    const entry = lookupGazetteer(surface);
    if (entry) keys.add(normaliseName(entry.name));
  }
  return keys;
}

/** A mention written as an acronym ("RFERL", "NAACP") of the source's full name. */
function acronymMatch(ref: Named, source: Named): boolean {
  const short = ref.name.replace(/[.\s/]/g, '');
  if (!/^\p{Lu}{2,8}$/u.test(short)) return false;
  return isAcronymOf(normaliseName(ref.name), normaliseName(source.name));
}

/**
 * Decides which of a few candidate sources (those sharing a match key) `ref` names, or null. Across articles
 * only a full-name match, a confirmed alias or an acronym of the full name counts, never a shared last word:
 * "Bogdanov" alone, "The Times" or "Bill Clinton" join no "Mikhail Bogdanov", "The Moscow Times" or
 * "Hillary Clinton". When two candidates fit equally, none is chosen.
 */
export function findMatchingSource<T extends Named>(ref: SpeakerRef | Named, candidates: T[]): T | null {
  const refKeys = nameKeys(ref);
  const exact = candidates.filter((c) => [...nameKeys(c)].some((k) => refKeys.has(k)));
  if (exact.length === 1) return exact[0] as T;
  if (exact.length > 1) {
    // The same full name wins over a shared alias.
    const key = normaliseName(ref.name);
    const byName = exact.filter((c) => normaliseName(c.name) === key);
    return byName.length === 1 ? (byName[0] as T) : null;
  }
  const acronyms = candidates.filter((c) => acronymMatch(ref, c) || acronymMatch(c, ref));
  return acronyms.length === 1 ? (acronyms[0] as T) : null;
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
