// Name normalisation shared by the gazetteer, the article analysis and the cross-article sources registry.

const LEADING_ARTICLE = /^(?:the|a|an)\s+/;

/**
 * A comparison key for a name: case, diacritics, acronym dots, punctuation and a leading article removed
 * ("The U.N." → "un", "François Bozize" → "francois bozize", "Radio Free Europe/Radio Liberty" →
 * "radio free europe radio liberty").
 */
export function normaliseName(s: string): string {
  // Fast path: plain words need only lower-casing (most look-ups during analysis are such phrases).
  if (/^[A-Za-z]+(?: [A-Za-z]+)*$/.test(s)) return s.toLowerCase().replace(LEADING_ARTICLE, '');
  const cached = cache.get(s);
  if (cached !== undefined) return cached;
  if (cache.size > 50_000) cache.clear();
  const key = normaliseSlowly(s);
  cache.set(s, key);
  return key;
}

const cache = new Map<string, string>();

function normaliseSlowly(s: string): string {
  return s
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[’‘`´]/g, "'")
    .replace(/'s\b/g, '')
    .replace(/\b([a-z])\.(?=[a-z]\.?)/g, '$1')
    .replace(/\b([a-z])\.(?=\s|$)/g, '$1')
    .replace(/[^\p{L}\p{N}&]+/gu, ' ')
    .trim()
    .replace(LEADING_ARTICLE, '')
    .replace(/\s+/g, ' ');
}

const MINOR_WORDS = new Set([
  'of',
  'the',
  'and',
  'for',
  'in',
  'on',
  'de',
  'du',
  'des',
  'la',
  'le',
  'et',
  '&',
  'a',
  'an',
]);

/** The initials of a multi-word name's significant words ("radio free europe radio liberty" → "rferl"). */
export function initialsOf(normalised: string): string {
  if (!normalised.includes(' ')) return '';
  const words = normalised.split(' ').filter((w) => w !== '' && !MINOR_WORDS.has(w));
  return words.length < 2 ? '' : words.map((w) => w.charAt(0)).join('');
}

/** The significant words of a normalised name, in order. */
export function contentWords(normalised: string): string[] {
  return normalised.split(' ').filter((w) => w !== '' && !MINOR_WORDS.has(w));
}

/** Initials and content words of a normalised form, computed once: the same speakers recur article after article. */
export function formParts(form: string): { initials: string; words: readonly string[] } {
  let parts = partsCache.get(form);
  if (!parts) {
    if (partsCache.size > 20_000) partsCache.clear();
    parts = { initials: initialsOf(form), words: contentWords(form) };
    partsCache.set(form, parts);
  }
  return parts;
}

const partsCache = new Map<string, { initials: string; words: readonly string[] }>();
