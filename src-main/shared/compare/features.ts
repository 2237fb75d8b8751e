// Turns statements into weighted term vectors (content-word stems, named entities, figures, dates) for alignment.
import { dateKey, findDateMentions, type DateMention } from './dates';
import { findFigures } from './figures';
import { STOP_WORDS, isCapitalised, stem } from './text';

export interface StatementInput {
  id: string;
  start: number;
  end: number;
  entities?: { type: string; text: string }[];
}

/** Sparse vector: term ids in increasing order with their weights (idf × kind bonus). */
export interface TermVector {
  terms: Int32Array;
  weights: Float64Array;
  total: number;
}

// Names, figures and dates identify an event better than common words do.
const ENTITY_BONUS = 1.5;
const FIGURE_BONUS = 2;
const DATE_BONUS = 2;

/** Interns terms so vectors hold integers; one vocabulary per alignment run. */
export class Vocabulary {
  private readonly ids = new Map<string, number>();
  private readonly words = new Map<string, number>();
  readonly documentFrequency: number[] = [];
  // Scratch space for collecting one statement's terms without a Map per statement (garbage on 10,000 of them).
  private readonly seenIn: number[] = [];
  private readonly bonusOf: number[] = [];
  private readonly collected: number[] = [];
  private stamp = 0;

  /** Starts collecting the terms of a new statement. */
  begin(): void {
    this.stamp++;
    this.collected.length = 0;
  }

  /** Adds a term to the current statement, keeping its largest bonus. */
  collect(id: number, bonus: number): void {
    if (this.seenIn[id] !== this.stamp) {
      this.seenIn[id] = this.stamp;
      this.bonusOf[id] = bonus;
      this.collected.push(id);
    } else if (this.bonusOf[id]! < bonus) this.bonusOf[id] = bonus;
  }

  /** The current statement's terms, sorted, with their bonuses; counts them in the document frequencies. */
  finish(): TermBag {
    // Plain loops: TypedArray.from with a mapping function was the slowest line of alignment.
    const count = this.collected.length;
    const terms = new Int32Array(count);
    for (let k = 0; k < count; k++) terms[k] = this.collected[k]!;
    terms.sort();
    const bonuses = new Float64Array(count);
    for (let k = 0; k < count; k++) {
      const id = terms[k]!;
      bonuses[k] = this.bonusOf[id]!;
      this.documentFrequency[id]!++;
    }
    return { terms, bonuses };
  }

  id(term: string): number {
    let id = this.ids.get(term);
    if (id === undefined) {
      id = this.ids.size;
      this.ids.set(term, id);
      this.documentFrequency.push(0);
    }
    return id;
  }

  /** Term id of a word as written, or -1 for a stop word. Cached: words repeat, and stemming is the hot spot. */
  wordTerm(word: string): number {
    let id = this.words.get(word);
    if (id === undefined) {
      const lower = word.toLowerCase();
      id = STOP_WORDS.has(lower) || lower.length < 2 || /^\d/.test(lower) ? -1 : this.id(`w:${stem(lower)}`);
      this.words.set(word, id);
    }
    return id;
  }
}

/** A statement's terms (sorted ids) with their kind bonus, before idf is known. */
export interface TermBag {
  terms: Int32Array;
  bonuses: Float64Array;
}

// Same word shape as text.ts's wordTokens; String.match is used here because features need no offsets and
// it is several times faster on 10,000 statements.
const WORD = /[\p{L}\p{N}]+(?:[’'\-.,][\p{L}\p{N}]+)*/gu;
const NUMBER_WORDS =
  /\b(?:hundreds?|thousands?|millions?|billions?|dozens?|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)\b/i;
const DIGIT_NUMBER = /\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?/g;

/** Figure terms: written-out numbers need the full parser; plain digits (most figures) do not. */
function addFigureTerms(
  sentence: string,
  dates: DateMention[],
  add: (term: string, bonus: number) => void,
): void {
  if (NUMBER_WORDS.test(sentence)) {
    for (const figure of findFigures(sentence, dates)) add(`n:${figure.low}-${figure.high}`, FIGURE_BONUS);
    return;
  }
  for (const m of sentence.matchAll(DIGIT_NUMBER)) {
    const start = m.index;
    if (dates.some((d) => start < d.end && d.start < start + m[0].length)) continue;
    const value = Number(m[0].replace(/,/g, ''));
    add(`n:${value}-${value}`, FIGURE_BONUS);
  }
}

/** The terms of one statement; also counts them in the vocabulary's document frequencies. */
export function statementTerms(
  sentence: string,
  vocabulary: Vocabulary,
  entities: StatementInput['entities'],
): TermBag {
  vocabulary.begin();
  const add = (term: string, bonus: number) => vocabulary.collect(vocabulary.id(term), bonus);
  const dates = findDateMentions(sentence);
  for (const date of dates) add(`d:${dateKey(date)}`, DATE_BONUS);
  if (/\d/.test(sentence) || NUMBER_WORDS.test(sentence)) addFigureTerms(sentence, dates, add);
  let entityWords: Set<string> | null = null;
  if (entities?.length) {
    entityWords = new Set();
    for (const entity of entities) {
      for (const word of entity.text.match(WORD) ?? []) entityWords.add(word.toLowerCase());
    }
  }
  const words = sentence.match(WORD) ?? [];
  for (let k = 0; k < words.length; k++) {
    const word = words[k]!;
    const id = vocabulary.wordTerm(word);
    if (id < 0) continue;
    // A capital inside the sentence marks a name; the first word is capitalised anyway.
    const named =
      (k > 0 && isCapitalised(word)) || (entityWords !== null && entityWords.has(word.toLowerCase()));
    vocabulary.collect(id, named ? ENTITY_BONUS : 1);
  }
  return vocabulary.finish();
}

/** Weights a statement's terms by inverse document frequency over all statements being compared. */
export function toVector(bag: TermBag, idf: Float64Array): TermVector {
  const weights = new Float64Array(bag.terms.length);
  let total = 0;
  for (let k = 0; k < weights.length; k++) {
    const weight = bag.bonuses[k]! * idf[bag.terms[k]!]!;
    weights[k] = weight;
    total += weight;
  }
  return { terms: bag.terms, weights, total };
}

/** Weighted Dice coefficient: shared weight over total weight, 0 (nothing shared) to 1 (same terms). */
export function similarity(a: TermVector, b: TermVector): number {
  if (a.total === 0 || b.total === 0) return 0;
  let shared = 0;
  let x = 0;
  let y = 0;
  while (x < a.terms.length && y < b.terms.length) {
    const ta = a.terms[x]!;
    const tb = b.terms[y]!;
    if (ta === tb) {
      shared += a.weights[x]! + b.weights[y]!;
      x++;
      y++;
    } else if (ta < tb) x++;
    else y++;
  }
  return shared / (a.total + b.total);
}

/** Union of vectors (largest weight per term): a row of already aligned statements, seen as one item. */
export function mergeVectors(vectors: TermVector[]): TermVector {
  const merged = new Map<number, number>();
  for (const v of vectors) {
    for (let k = 0; k < v.terms.length; k++) {
      const term = v.terms[k]!;
      merged.set(term, Math.max(merged.get(term) ?? 0, v.weights[k]!));
    }
  }
  const terms = Int32Array.from(merged.keys()).sort();
  const weights = Float64Array.from(terms, (t) => merged.get(t)!);
  return { terms, weights, total: weights.reduce((s, w) => s + w, 0) };
}
