// How a statement stands to another reporting the same fact: agrees, differs (with the differing figure, date
// or actor) or denies; and the stance that follows for a claim built from the first one.
import type { Stance } from '../../domain';
import { findConflicts, type Conflict } from '../conflicts';
import { quantityClashes } from './quantity';
import type { CorroborationRecord } from './signature';

export type RelationKind = 'agrees' | 'differs' | 'denies';

export interface Relation {
  kind: RelationKind;
  /** What differs, the other statement's side first: "2,000 vs 9,000". Null when they agree. */
  detail: string | null;
  conflicts: Conflict[];
}

/** Detail of the first conflict, read from the other statement's side ("2,000 vs 9,000"). */
function detailOf(conflicts: Conflict[]): string | null {
  const first = conflicts.find((c) => c.kind === 'figure') ?? conflicts[0];
  return first ? `${first.b.text} vs ${first.a.text}` : null;
}

/** The relation of `other` to `focus`, from their texts and whether each one denies what it reports. */
export function relate(
  focus: { text: string; negated: boolean },
  other: { text: string; negated: boolean },
): Relation {
  const conflicts = findConflicts(focus.text, other.text);
  if (focus.negated !== other.negated) return { kind: 'denies', detail: detailOf(conflicts), conflicts };
  if (conflicts.length > 0) return { kind: 'differs', detail: detailOf(conflicts), conflicts };
  return { kind: 'agrees', detail: null, conflicts };
}

/** The same judgement from index records alone (figures and polarity, no text): for workspace-wide clustering. */
export function relateRecords(focus: CorroborationRecord, other: CorroborationRecord): Relation {
  const clashes = quantityClashes(focus.quantities, other.quantities);
  const detail = clashes[0] ? `${clashes[0].b.text} vs ${clashes[0].a.text}` : null;
  if (focus.negated !== other.negated) return { kind: 'denies', detail, conflicts: [] };
  return { kind: clashes.length > 0 ? 'differs' : 'agrees', detail, conflicts: [] };
}

/**
 * The stance of a statement on a claim stated by another one: one that disputes the claim's figure or date
 * denies it; a differing actor only qualifies it.
 */
export function stanceFrom(relation: Relation): Stance {
  if (relation.kind === 'agrees') return 'asserts';
  if (relation.kind === 'denies') return 'denies';
  const decisive = relation.conflicts.length === 0 || relation.conflicts.some((c) => c.kind !== 'actor');
  return decisive ? 'denies' : 'qualifies';
}
