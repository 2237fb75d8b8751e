// What a statement reports, reduced to index keys (content-word stems, names, quantity kinds, figures, dates)
// with their kind weights, plus its figures and polarity: the record the corroboration index stores.
import { dateKey, findDateMentions } from '../dates';
import { STOP_WORDS, isCapitalised, stem } from '../text';
import { findQuantities, type Quantity } from './quantity';

export interface CorroborationRecord {
  statementId: string;
  articleId: string;
  /** Index keys: `w:` word stem, `q:` quantity kind, `n:` figure value, `d:` date. Unique. */
  keys: string[];
  /** Kind weight of each key, in the order of `keys`. */
  bonuses: number[];
  quantities: Quantity[];
  /** True when the statement denies or negates what it reports ("denied that", "did not", "never"). */
  negated: boolean;
}

// Names, quantity kinds and dates identify a fact better than common words do; a figure's exact value is a
// weaker sign (two reports of one fact often give different figures).
const NAME_BONUS = 1.5;
const KIND_BONUS = 2;
const DATE_BONUS = 1.5;
const VALUE_BONUS = 1;
const WORD = /[\p{L}\p{N}]+(?:[’'\-.][\p{L}\p{N}]+)*/gu;
// Words too general to tell one fact from another in news reports, on top of the stop words.
const GENERAL = new Set(
  'statement country official government report news also however would could week month year day time people'
    .split(' ')
    .map(stem),
);
// Words news reports use interchangeably for one act: each group meets on its first word's stem.
const SYNONYMS: ReadonlyMap<string, string> = new Map(
  [
    'deny reject dismiss refute rebuff',
    'deploy send dispatch station',
    'troop force soldier army',
    'kill die dead',
    'capsize sink',
    'evacuate relocate',
    'attack assault raid',
    'demand call urge',
  ].flatMap((group) => {
    const words = group.split(' ').map(stem);
    return words.map((w) => [w, words[0]!] as const);
  }),
);
const NEGATION =
  /\b(?:not|never|no|denied|denies|deny|denying|rejected|rejects|dismissed|dismisses|refuted|refutes|disputed|disputes|false|untrue)\b|n[’']t\b/i;
const DENIAL_CUE = /deni|reject|dismiss|refut|disput|contest/i;

/** The corroboration record of one statement's text (entity names as found by the analysis, when given). */
export function corroborationRecord(
  statementId: string,
  articleId: string,
  text: string,
  entities: readonly { text: string }[] = [],
  cue: string | null = null,
): CorroborationRecord {
  const weights = new Map<string, number>();
  const add = (key: string, bonus: number) => {
    if ((weights.get(key) ?? 0) < bonus) weights.set(key, bonus);
  };
  const dates = findDateMentions(text);
  for (const date of dates) add(`d:${dateKey(date)}`, DATE_BONUS);
  const quantities = findQuantities(text, dates);
  for (const q of quantities) {
    add(`q:${q.kind}`, KIND_BONUS);
    add(`n:${q.figure.low}-${q.figure.high}`, VALUE_BONUS);
  }
  const named = new Set<string>();
  for (const entity of entities) for (const w of entity.text.match(WORD) ?? []) named.add(w.toLowerCase());
  const words = text.match(WORD) ?? [];
  words.forEach((word, k) => {
    const lower = word.toLowerCase();
    if (STOP_WORDS.has(lower) || lower.length < 2 || /^\d/.test(lower)) return;
    const own = stem(lower);
    const stemmed = SYNONYMS.get(own) ?? own;
    if (GENERAL.has(stemmed)) return;
    add(`w:${stemmed}`, (k > 0 && isCapitalised(word)) || named.has(lower) ? NAME_BONUS : 1);
  });
  const keys = [...weights.keys()];
  return {
    statementId,
    articleId,
    keys,
    bonuses: keys.map((k) => weights.get(k)!),
    quantities,
    negated: NEGATION.test(text) || (cue !== null && DENIAL_CUE.test(cue)),
  };
}
