// Quantities in a statement by kind ("9,000 militants" and "2,000 fighters" both count armed personnel), and
// which of them the statement asserts and which it disputes ("far fewer than the 9,000").
import { findDateMentions, type DateMention } from '../dates';
import { findFigures, type Figure } from '../figures';
import { stem } from '../text';

/** A quantity kind: what is counted, so two reports of the same count can be compared across wordings. */
export type QuantityKind = string;

// Counted nouns grouped by what they count. Stems as `stem()` gives them.
const KIND_OF_NOUN: ReadonlyMap<string, string> = new Map(
  [
    [
      'personnel',
      'fighter militant troop soldier instructor adviser advisor mercenary rebel combatant guerrilla insurgent ' +
        'officer peacekeeper guard gunman jihadist paramilitary recruit contractor force servicemen serviceman ' +
        'marine sailor pilot policeman police personnel man',
    ],
    ['casualties', 'dead death casualty fatality victim body wounded injured killed kill injury'],
    ['people', 'person civilian resident refugee voter protester migrant inhabitant villager child woman'],
    ['weapons', 'tank vehicle aircraft helicopter drone missile rocket gun rifle weapon'],
  ].flatMap(([kind, nouns]) => nouns!.split(' ').map((noun) => [stem(noun), kind!] as const)),
);
// Words after a count of people that make it a count of casualties: "12 people were killed".
const CASUALTY_CONTEXT =
  /^\W*(?:\w+\s+){0,3}?(?:were|was|have been|had been)?\s*(?:killed|dead|died|wounded|injured|slain)\b/i;
// A figure right after these words is one the statement argues against, not one it reports.
const DISPUTING_BEFORE =
  /(?:\bthan|\bnot|\bnever|\binstead of|\brather than|\bcontrary to|\bdisputed|\bdismissed|\brejected|\bdenied|\bnot the)\s+(?:the\s+|a\s+|an\s+)?(?:(?:previously\s+|widely\s+)?(?:reported|claimed|cited|quoted|announced|stated)\s+)?(?:figure\s+of\s+)?(?:some\s+|about\s+|around\s+|roughly\s+)?$/i;

export interface Quantity {
  kind: QuantityKind;
  figure: Figure;
  /** True when the statement argues against this figure instead of reporting it. */
  disputed: boolean;
}

const MONEY_SIGN = /[$€£¥]\s*$/;

/** The kind of quantity a figure counts: a known group of nouns, its category, or the counted noun itself. */
function kindOf(text: string, figure: Figure): QuantityKind {
  if (figure.category === 'money' || MONEY_SIGN.test(text.slice(Math.max(0, figure.start - 2), figure.start)))
    return 'money';
  if (figure.category !== 'count') return figure.category;
  // "gunmen", "servicemen": the stemmer leaves the irregular plural.
  const unit = figure.unit?.replace(/men$/, 'man') ?? null;
  const grouped = unit === null ? undefined : KIND_OF_NOUN.get(unit);
  if (
    (grouped === 'people' || unit === null) &&
    CASUALTY_CONTEXT.test(text.slice(figure.end, figure.end + 48))
  )
    return 'casualties';
  if (grouped) return grouped;
  return unit === null ? 'count' : `count:${unit}`;
}

/** The statement's figures that are not dates, each with its kind and whether the statement disputes it. */
export function findQuantities(text: string, dates: DateMention[] = findDateMentions(text)): Quantity[] {
  const figures = findFigures(text, dates);
  const quantities = figures.map((figure) => ({
    kind: kindOf(text, figure),
    figure,
    disputed: DISPUTING_BEFORE.test(text.slice(Math.max(0, figure.start - 60), figure.start)),
  }));
  // A bare or disputed figure takes the kind of a counted figure of the same sentence: "2,000 fighters, not 9,000".
  for (const q of quantities) {
    const unknownNoun = q.figure.unit === null || (q.disputed && !KIND_OF_NOUN.has(q.figure.unit));
    if (!q.kind.startsWith('count') || !unknownNoun) continue;
    const counted = quantities.find((other) => other !== q && !other.kind.startsWith('count'));
    if (counted) q.kind = counted.kind;
  }
  return quantities;
}

/** True when the two figures' ranges overlap (an approximate figure agrees with any value it allows). */
export function sameAmount(a: Figure, b: Figure): boolean {
  const slack = (f: Figure) => (f.hedged && f.low === f.high ? f.low * 0.1 : 0);
  return a.low - slack(a) <= b.high + slack(b) && b.low - slack(b) <= a.high + slack(a);
}

export interface QuantityClash {
  a: Figure;
  b: Figure;
  severity: 'clash' | 'imprecise';
}

/** How two figures of one kind differ: not at all, one range holding the other, or not reconcilable. */
function difference(x: Figure, y: Figure): 'none' | 'imprecise' | 'clash' {
  if (x.low === y.low && x.high === y.high) return 'none';
  return x.high < y.low || y.high < x.low ? 'clash' : 'imprecise';
}

/** The first figure of `says` that `other` argues against. */
function disputedBy(says: Figure[], other: Quantity[]): Figure | undefined {
  return says.find((f) => other.some((q) => q.disputed && difference(q.figure, f) === 'none'));
}

/**
 * Figures of the same kind that differ ("9,000 militants" vs "2,000 fighters"). A figure a statement argues
 * against ("far fewer than the 9,000") is not one it reports: when the other statement reports it, the two clash.
 * A kind where both report one same value agrees. Otherwise the one differing figure of each side is paired.
 */
export function quantityClashes(aAll: Quantity[], bAll: Quantity[]): QuantityClash[] {
  const clashes: QuantityClash[] = [];
  const kinds = new Set(aAll.map((q) => q.kind).filter((k) => bAll.some((q) => q.kind === k)));
  for (const kind of kinds) {
    const inA = aAll.filter((q) => q.kind === kind);
    const inB = bAll.filter((q) => q.kind === kind);
    const aSays = inA.filter((q) => !q.disputed).map((q) => q.figure);
    const bSays = inB.filter((q) => !q.disputed).map((q) => q.figure);
    const unmatched = (says: Figure[], other: Figure[]) =>
      says.filter((f) => !other.some((g) => difference(f, g) === 'none'));
    const aRest = unmatched(aSays, bSays);
    const bRest = unmatched(bSays, aSays);
    const aDisputed = disputedBy(aSays, inB);
    const bDisputed = disputedBy(bSays, inA);
    if (aDisputed || bDisputed) {
      const x = aDisputed ?? aRest[0] ?? aSays[0];
      const y = bDisputed ?? bRest[0] ?? bSays[0];
      if (x && y) clashes.push({ a: x, b: y, severity: 'clash' });
      continue;
    }
    if (aRest.length < aSays.length) continue;
    // Several differing figures on both sides stay unpaired: no guessing which answers which.
    if (aRest.length === 1 && bRest.length === 1) {
      const [x, y] = [aRest[0]!, bRest[0]!];
      clashes.push({ a: x, b: y, severity: difference(x, y) === 'clash' ? 'clash' : 'imprecise' });
    } else {
      for (const x of aRest) {
        const y = bRest.find((g) => g.unit !== null && g.unit === x.unit);
        if (y) clashes.push({ a: x, b: y, severity: difference(x, y) === 'clash' ? 'clash' : 'imprecise' });
      }
    }
  }
  return clashes.sort((x, y) => x.a.start - y.a.start);
}
