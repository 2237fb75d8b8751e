// Finds figures in English text ("9,000 militants", "three hundred instructors", "several hundred soldiers")
// as value ranges with the noun they count, so that two reports of one event can be compared.
import { findDateMentions, type DateMention } from './dates';
import { STOP_WORDS, stem, wordTokens, type WordToken } from './text';

export type FigureCategory = 'count' | 'distance' | 'percent' | 'money' | 'duration';

export interface Figure {
  start: number;
  end: number;
  text: string;
  /** Inclusive range of values the wording allows; low === high for a precise figure. */
  low: number;
  high: number;
  /** "roughly", "about", "more than": the writer marked the figure as approximate. */
  hedged: boolean;
  /** Stem of the counted noun ("militant"), when one follows. */
  unit: string | null;
  category: FigureCategory;
}

const UNITS = new Map<string, number>([
  ['zero', 0],
  ['one', 1],
  ['two', 2],
  ['three', 3],
  ['four', 4],
  ['five', 5],
  ['six', 6],
  ['seven', 7],
  ['eight', 8],
  ['nine', 9],
  ['ten', 10],
  ['eleven', 11],
  ['twelve', 12],
  ['thirteen', 13],
  ['fourteen', 14],
  ['fifteen', 15],
  ['sixteen', 16],
  ['seventeen', 17],
  ['eighteen', 18],
  ['nineteen', 19],
  ['twenty', 20],
  ['thirty', 30],
  ['forty', 40],
  ['fifty', 50],
  ['sixty', 60],
  ['seventy', 70],
  ['eighty', 80],
  ['ninety', 90],
]);
const SCALES = new Map<string, number>([
  ['hundred', 100],
  ['thousand', 1_000],
  ['million', 1_000_000],
  ['billion', 1e9],
]);
// Vague quantifiers as ranges of the multiplier: "several hundred" is 300–900, "a few thousand" 2,000–5,000.
const VAGUE_MULTIPLIERS = new Map<string, [number, number]>([
  ['several', [3, 9]],
  ['a few', [2, 5]],
  ['few', [2, 5]],
  ['some', [2, 9]],
  ['many', [3, 9]],
]);
// "hundreds of", "thousands of": plural scales, read as 200–999 and 2,000–9,999.
const PLURAL_SCALES = new Map<string, number>([
  ['hundreds', 100],
  ['thousands', 1_000],
  ['millions', 1_000_000],
  ['dozens', 12],
]);
const HEDGES = new Set([
  'about',
  'around',
  'roughly',
  'some',
  'nearly',
  'almost',
  'approximately',
  'over',
  'more than',
  'less than',
  'fewer than',
  'at least',
  'up to',
  'an estimated',
  'estimated',
]);
const CATEGORY_OF_UNIT = new Map<string, FigureCategory>([
  ['km', 'distance'],
  ['kilometr', 'distance'],
  ['kilomet', 'distance'],
  ['mile', 'distance'],
  ['metr', 'distance'],
  ['meter', 'distance'],
  ['percent', 'percent'],
  ['dollar', 'money'],
  ['euro', 'money'],
  ['franc', 'money'],
  ['ruble', 'money'],
  ['rouble', 'money'],
  ['day', 'duration'],
  ['week', 'duration'],
  ['month', 'duration'],
  ['year', 'duration'],
  ['hour', 'duration'],
]);

const DIGITS = /^\d{1,3}(?:,\d{3})+(?:\.\d+)?$|^\d+(?:\.\d+)?$/;

function wordValue(word: string): number | undefined {
  const lower = word.toLowerCase();
  const code = lower.charCodeAt(0);
  if (code >= 48 && code <= 57) return DIGITS.test(lower) ? Number(lower.replace(/,/g, '')) : undefined;
  const unit = UNITS.get(lower);
  if (unit !== undefined || !lower.includes('-')) return unit;
  // "twenty-five"
  const [tens, ones] = lower.split('-');
  const tensValue = UNITS.get(tens ?? '');
  const onesValue = UNITS.get(ones ?? '');
  return tensValue !== undefined && onesValue !== undefined ? tensValue + onesValue : undefined;
}

interface ParsedNumber {
  value: number;
  endToken: number;
}

/** Reads "three hundred and twenty", "9,000", "2.5 million" from token i on. */
function readNumber(tokens: WordToken[], i: number): ParsedNumber | null {
  let total = 0;
  let current = 0;
  let j = i;
  let seen = false;
  while (j < tokens.length) {
    const word = tokens[j]!.text.toLowerCase();
    const value = wordValue(word);
    if (value !== undefined) {
      // Two plain numbers in a row ("2020 300") are two figures, not one.
      if (seen && current !== 0 && DIGITS.test(word)) break;
      current += value;
      seen = true;
    } else if (seen && SCALES.has(word)) {
      const scale = SCALES.get(word)!;
      if (scale === 100) current *= 100;
      else {
        total += current * scale;
        current = 0;
      }
    } else if (seen && word === 'and' && wordValue(tokens[j + 1]?.text ?? '') !== undefined) {
      // "three hundred and twenty"
    } else break;
    j++;
  }
  if (!seen) return null;
  return { value: total + current, endToken: j - 1 };
}

function counted(
  text: string,
  tokens: WordToken[],
  after: number,
): { unit: string | null; category: FigureCategory } {
  const next = tokens[after + 1]?.text.toLowerCase();
  if (next === 'percent' || next === '%') return { unit: 'percent', category: 'percent' };
  for (let k = after + 1; k <= after + 3 && k < tokens.length; k++) {
    // The counted noun is in the same clause: punctuation ends the search.
    if (/[,.;:()“”"]/.test(text.slice(tokens[k - 1]!.end, tokens[k]!.start))) break;
    const word = tokens[k]!.text;
    const lower = word.toLowerCase();
    if (STOP_WORDS.has(lower) || lower === 'additional' || lower === 'more') continue;
    const unit = stem(lower);
    // A capitalised word is usually a nationality ("300 Russian instructors"): the counted noun comes after it.
    if (word.charAt(0) !== lower.charAt(0) && k < after + 3) continue;
    return { unit, category: CATEGORY_OF_UNIT.get(unit) ?? 'count' };
  }
  return { unit: null, category: 'count' };
}

function hedgeBefore(text: string, start: number): boolean {
  const before = text.slice(Math.max(0, start - 16), start).toLowerCase();
  for (const hedge of HEDGES) if (before.endsWith(hedge + ' ')) return true;
  return false;
}

/** Cheap test that skips the ordinary words, which are most tokens. */
function mayStartFigure(lower: string): boolean {
  return wordValue(lower) !== undefined || SCALES.has(lower) || PLURAL_SCALES.has(lower) || lower === 'dozen';
}

/** Figures in text order; dates and years are not figures (pass the text's dates if already found). */
export function findFigures(text: string, dates: DateMention[] = findDateMentions(text)): Figure[] {
  const tokens = wordTokens(text).filter((t) => !dates.some((d) => t.start < d.end && d.start < t.end));
  const figures: Figure[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i]!;
    const lower = token.text.toLowerCase();
    if (!mayStartFigure(lower)) continue;
    const prev = tokens[i - 1]?.text.toLowerCase();
    const prev2 = `${tokens[i - 2]?.text.toLowerCase()} ${prev}`;
    let low: number;
    let high: number;
    let first = i;
    let last = i;
    let hedged = false;
    if (SCALES.has(lower) && prev === 'a') {
      // "a hundred", "a thousand"
      low = high = SCALES.get(lower)!;
      first = i - 1;
    } else if (
      SCALES.has(lower) &&
      prev !== undefined &&
      (VAGUE_MULTIPLIERS.has(prev2) || VAGUE_MULTIPLIERS.has(prev))
    ) {
      const key = VAGUE_MULTIPLIERS.has(prev2) ? prev2 : prev;
      const [lo, hi] = VAGUE_MULTIPLIERS.get(key)!;
      low = lo * SCALES.get(lower)!;
      high = hi * SCALES.get(lower)!;
      first = key === prev2 ? i - 2 : i - 1;
      hedged = true;
    } else if (PLURAL_SCALES.has(lower) && tokens[i + 1]?.text.toLowerCase() === 'of') {
      low = 2 * PLURAL_SCALES.get(lower)!;
      high = 10 * PLURAL_SCALES.get(lower)! - 1;
      hedged = true;
    } else if (lower === 'dozen' && prev === 'a') {
      low = high = 12;
      first = i - 1;
    } else {
      const parsed = readNumber(tokens, i);
      // A lone "one" is a pronoun far more often than a figure ("the one who").
      if (!parsed || (lower === 'one' && parsed.endToken === i)) continue;
      low = high = parsed.value;
      last = parsed.endToken;
    }
    const startToken = tokens[first]!;
    const endToken = tokens[last]!;
    const unitInfo = counted(text, tokens, PLURAL_SCALES.has(lower) ? i + 1 : last);
    figures.push({
      start: startToken.start,
      end: endToken.end,
      text: text.slice(startToken.start, endToken.end),
      low,
      high,
      hedged: hedged || hedgeBefore(text, startToken.start),
      ...unitInfo,
    });
    i = last;
  }
  return figures;
}
