// Flags conflicting figures, dates and actors between two aligned statements, with the two clashing spans.
import { actorWords, findActors, type ActorMention } from './actors';
import { findDateMentions, type DateMention } from './dates';
import type { Figure } from './figures';
import { findQuantities, quantityClashes } from './corroboration/quantity';

export type ConflictKind = 'figure' | 'date' | 'actor';

export interface ConflictSpan {
  start: number;
  end: number;
  text: string;
}

export interface Conflict {
  kind: ConflictKind;
  /** Offsets into the first text. */
  a: ConflictSpan;
  /** Offsets into the second text. */
  b: ConflictSpan;
  /**
   * 'clash': the two cannot both be right (9,000 vs 8,000; Tass vs Interfax numbered). 'imprecise': one is a
   * vague range that contains the other ("several hundred" vs "300") — still shown, as the reports differ.
   */
  severity: 'clash' | 'imprecise';
  /** A short human-readable summary: "9,000 vs 8,000". */
  summary: string;
}

const span = (x: { start: number; end: number; text: string }): ConflictSpan => ({
  start: x.start,
  end: x.end,
  text: x.text,
});

/**
 * Pairs the items of two lists that were not matched as equal: items with the same key first, then, per group,
 * the single remaining item on each side. Several unmatched items in one group stay unpaired (no guessing).
 */
function pairLeftovers<T>(
  a: T[],
  b: T[],
  equal: (x: T, y: T) => boolean,
  group: (x: T) => string,
  key: (x: T) => string,
) {
  const restA = [...a];
  const restB = [...b];
  for (let i = restA.length - 1; i >= 0; i--) {
    const j = restB.findIndex((y) => equal(restA[i]!, y));
    if (j >= 0) {
      restA.splice(i, 1);
      restB.splice(j, 1);
    }
  }
  const pairs: [T, T][] = [];
  for (let i = restA.length - 1; i >= 0; i--) {
    const j = restB.findIndex((y) => group(y) === group(restA[i]!) && key(y) === key(restA[i]!));
    if (j >= 0) {
      pairs.push([restA[i]!, restB[j]!]);
      restA.splice(i, 1);
      restB.splice(j, 1);
    }
  }
  const groups = new Set(restA.map(group));
  for (const g of groups) {
    const inA = restA.filter((x) => group(x) === g);
    const inB = restB.filter((y) => group(y) === g);
    if (inA.length === 1 && inB.length === 1) pairs.push([inA[0]!, inB[0]!]);
  }
  return pairs;
}

/** Figures of the same kind that differ, including one that a statement disputes and the other reports. */
function figureConflicts(aText: string, bText: string): Conflict[] {
  return quantityClashes(findQuantities(aText), findQuantities(bText)).map(({ a, b, severity }) =>
    figureConflict(a, b, severity),
  );
}

function figureConflict(x: Figure, y: Figure, severity: Conflict['severity']): Conflict {
  return { kind: 'figure', a: span(x), b: span(y), severity, summary: `${x.text} vs ${y.text}` };
}

/** Two mentions agree when every field both of them give is equal ("December 27" and "Dec. 27, 2020"). */
function sameDate(x: DateMention, y: DateMention): boolean {
  if (x.kind !== y.kind) return false;
  const fields = ['year', 'month', 'day', 'weekday', 'offsetDays'] as const;
  return fields.every((f) => x[f] === undefined || y[f] === undefined || x[f] === y[f]);
}

function dateConflicts(aText: string, bText: string): Conflict[] {
  const pairs = pairLeftovers(
    findDateMentions(aText),
    findDateMentions(bText),
    sameDate,
    (d) => d.kind,
    () => '',
  );
  return pairs.map(([x, y]) => ({
    kind: 'date' as const,
    a: span(x),
    b: span(y),
    severity: 'clash' as const,
    summary: `${x.text} vs ${y.text}`,
  }));
}

function overlaps(x: Set<string>, y: Set<string>): boolean {
  for (const word of x) if (y.has(word)) return true;
  return false;
}

/** The same verb with subjects that share no word: "Tass numbered" vs "Interfax numbered". */
function actorConflicts(aText: string, bText: string): Conflict[] {
  const byVerb = (actors: ActorMention[]) => {
    const map = new Map<string, ActorMention[]>();
    for (const actor of actors) map.set(actor.verb, [...(map.get(actor.verb) ?? []), actor]);
    return map;
  };
  const aByVerb = byVerb(findActors(aText));
  const bByVerb = byVerb(findActors(bText));
  const conflicts: Conflict[] = [];
  for (const [verb, inA] of aByVerb) {
    const inB = bByVerb.get(verb);
    if (!inB) continue;
    const wordsB = inB.map((y) => actorWords(y.subject));
    // Any shared actor for this verb means the two agree on who did it.
    if (inA.some((x) => wordsB.some((w) => overlaps(actorWords(x.subject), w)))) continue;
    const x = inA[0]!;
    const y = inB[0]!;
    conflicts.push({
      kind: 'actor',
      a: { start: x.start, end: x.end, text: x.subject },
      b: { start: y.start, end: y.end, text: y.subject },
      severity: 'clash',
      summary: `${x.subject} vs ${y.subject} (${verb})`,
    });
  }
  return conflicts;
}

/** Conflicts between two statements that were aligned as saying the same thing, in order of the first text. */
export function findConflicts(aText: string, bText: string): Conflict[] {
  return [
    ...figureConflicts(aText, bText),
    ...dateConflicts(aText, bText),
    ...actorConflicts(aText, bText),
  ].sort((x, y) => x.a.start - y.a.start);
}
