// Turns the worker's candidate clusters into what the candidates view shows: texts, outlets, speakers, and each
// member's relation to the representative statement with the stance it will take on the accepted claim.
import type { Stance } from '../../../src-main/shared/domain';
import type { CandidateClaim } from '../../../src-main/shared/compare/corroboration/candidates';
import { relate, stanceFrom, type Relation } from '../../../src-main/shared/compare/corroboration/relation';
import type { StatementCard } from '../../lib/db';

export interface CandidateMemberView {
  card: StatementCard;
  relation: Relation | null;
  stance: Stance;
}

export interface CandidateView {
  key: string;
  text: string;
  members: CandidateMemberView[];
  disagreement: boolean;
}

/** The view of one candidate, or null when one of its statements is gone. */
export function describeCandidate(
  candidate: CandidateClaim,
  cards: Map<string, StatementCard>,
): CandidateView | null {
  const rep = cards.get(candidate.representativeId);
  if (!rep) return null;
  const members: CandidateMemberView[] = [{ card: rep, relation: null, stance: 'asserts' }];
  for (const m of candidate.members) {
    if (m.statementId === candidate.representativeId) continue;
    const card = cards.get(m.statementId);
    if (!card) return null;
    const relation = relate(rep, card);
    members.push({ card, relation, stance: stanceFrom(relation) });
  }
  return {
    key: candidate.key,
    text: rep.text,
    members,
    disagreement: members.some((m) => m.relation !== null && m.relation.kind !== 'agrees'),
  };
}

/** "differs: 2,000 vs 9,000", "denies", "agrees", or "proposes" for the representative. */
export function relationLabel(relation: Relation | null): string {
  if (!relation) return 'proposes';
  return relation.kind === 'differs' && relation.detail ? `differs: ${relation.detail}` : relation.kind;
}
