// Claim × source matrix (an Analysis-of-Competing-Hypotheses grid built from real statements) and the check
// that marks a claim whose balance of support hangs on a single source.
import type { Annotation, Claim, ClaimStatement, Reliability, Source, Stance, Statement } from '../domain';
import { findQuantities, quantityClashes } from './corroboration/quantity';

export interface MatrixInput {
  claims: Pick<Claim, 'id' | 'text'>[];
  claimStatements: Pick<ClaimStatement, 'claimId' | 'statementId' | 'stance'>[];
  statements: Pick<Statement, 'id' | 'speakerId'>[];
  sources: Pick<Source, 'id' | 'name' | 'reliability'>[];
  /** Annotations carry the analyst's credibility grade of a statement (the latest graded one counts). */
  annotations?: Pick<Annotation, 'statementIds' | 'credibility' | 'updatedAt'>[];
  /** Statement texts: a statement attached as asserting a claim whose figure it disputes counts as denying it. */
  statementTexts?: ReadonlyMap<string, string>;
}

export interface MatrixColumn {
  /** null: statements with no identified speaker. */
  sourceId: string | null;
  name: string;
  reliability: Reliability | null;
}

export interface MatrixCellStatement {
  statementId: string;
  stance: Stance;
  credibility: number | null;
  /** The figure the statement disputes, "2,000 vs 9,000" (its own first), when that turned asserts into denies. */
  disputes: string | null;
  /** Signed contribution: +asserts / −denies / 0 qualifies, times reliability and credibility weights. */
  weight: number;
}

export interface MatrixCell {
  sourceId: string | null;
  asserts: number;
  denies: number;
  qualifies: number;
  statements: MatrixCellStatement[];
  /**
   * The source's say on the claim: the mean weight of its asserting and denying statements, so that repeating
   * oneself does not add up.
   */
  vote: number;
}

export interface MatrixRow {
  claimId: string;
  text: string;
  /** One cell per column, in column order; a source that said nothing on the claim has an empty cell. */
  cells: MatrixCell[];
  /** Sum of the sources' votes: > 0 supported, < 0 contradicted, 0 undecided. */
  balance: number;
  /** True when removing one single source makes the balance change sign or become zero. */
  sensitive: boolean;
  /** The sources whose removal alone would flip the balance. */
  pivotalSourceIds: (string | null)[];
}

export interface ClaimMatrix {
  columns: MatrixColumn[];
  rows: MatrixRow[];
}

/**
 * Weights, kept deliberately simple so an analyst can redo them by hand. Admiralty reliability A (completely
 * reliable) to E (unreliable) and credibility 1 (confirmed) to 5 (improbable) step down by 0.2; F and 6 ("cannot
 * be judged") and ungraded count 0.5, as does an unknown speaker.
 */
export const RELIABILITY_WEIGHT: Record<Reliability, number> = {
  A: 1,
  B: 0.8,
  C: 0.6,
  D: 0.4,
  E: 0.2,
  F: 0.5,
};
export const CREDIBILITY_WEIGHT: Record<number, number> = { 1: 1, 2: 0.8, 3: 0.6, 4: 0.4, 5: 0.2, 6: 0.5 };
export const UNGRADED_WEIGHT = 0.5;
const STANCE_SIGN: Record<Stance, number> = { asserts: 1, denies: -1, qualifies: 0 };
const EPSILON = 1e-9;

const sign = (x: number) => (x > EPSILON ? 1 : x < -EPSILON ? -1 : 0);

function latestCredibility(
  annotations: MatrixInput['annotations'],
): Map<string, { credibility: number; at: string }> {
  const graded = new Map<string, { credibility: number; at: string }>();
  for (const annotation of annotations ?? []) {
    if (annotation.credibility === null) continue;
    for (const statementId of annotation.statementIds) {
      const current = graded.get(statementId);
      if (!current || annotation.updatedAt > current.at) {
        graded.set(statementId, { credibility: annotation.credibility, at: annotation.updatedAt });
      }
    }
  }
  return graded;
}

/**
 * The stance that counts: a statement attached as asserting a claim but giving a different figure of the same kind
 * ("about 2,000 fighters" on "Tass put the rebels at 9,000 militants") denies it.
 */
export function effectiveStance(
  claimText: string,
  statementText: string | undefined,
  stance: Stance,
): { stance: Stance; disputes: string | null } {
  if (stance !== 'asserts' || statementText === undefined) return { stance, disputes: null };
  const clash = quantityClashes(findQuantities(claimText), findQuantities(statementText)).find(
    (c) => c.severity === 'clash',
  );
  return clash
    ? { stance: 'denies', disputes: `${clash.b.text} vs ${clash.a.text}` }
    : { stance, disputes: null };
}

export function buildClaimMatrix(input: MatrixInput): ClaimMatrix {
  const sources = new Map(input.sources.map((s) => [s.id, s]));
  const speakers = new Map(input.statements.map((s) => [s.id, s.speakerId]));
  const credibility = latestCredibility(input.annotations);

  const usedSources = new Set<string | null>();
  for (const cs of input.claimStatements) {
    if (speakers.has(cs.statementId)) usedSources.add(speakers.get(cs.statementId) ?? null);
  }
  const columns: MatrixColumn[] = [...usedSources]
    .filter((id): id is string => id !== null)
    .map((id) => ({
      sourceId: id,
      name: sources.get(id)?.name ?? id,
      reliability: sources.get(id)?.reliability ?? null,
    }))
    .sort((a, b) => a.name.localeCompare(b.name));
  if (usedSources.has(null)) columns.push({ sourceId: null, name: 'Unattributed', reliability: null });

  const rows = input.claims.map((claim): MatrixRow => {
    const cells: MatrixCell[] = columns.map((c) => ({
      sourceId: c.sourceId,
      asserts: 0,
      denies: 0,
      qualifies: 0,
      statements: [],
      vote: 0,
    }));
    const cellOf = new Map(cells.map((cell) => [cell.sourceId, cell]));
    for (const cs of input.claimStatements) {
      if (cs.claimId !== claim.id || !speakers.has(cs.statementId)) continue;
      const sourceId = speakers.get(cs.statementId) ?? null;
      const cell = cellOf.get(sourceId)!;
      const reliability = sourceId === null ? null : (sources.get(sourceId)?.reliability ?? null);
      const grade = credibility.get(cs.statementId)?.credibility ?? null;
      const { stance, disputes } = effectiveStance(
        claim.text,
        input.statementTexts?.get(cs.statementId),
        cs.stance,
      );
      const weight =
        STANCE_SIGN[stance] *
        (reliability ? RELIABILITY_WEIGHT[reliability] : UNGRADED_WEIGHT) *
        (grade !== null ? (CREDIBILITY_WEIGHT[grade] ?? UNGRADED_WEIGHT) : UNGRADED_WEIGHT);
      cell[stance]++;
      cell.statements.push({ statementId: cs.statementId, stance, credibility: grade, disputes, weight });
    }
    for (const cell of cells) {
      // "qualifies" is neutral: it neither adds to nor dilutes what the source asserts or denies.
      const taking = cell.statements.filter((x) => x.stance !== 'qualifies');
      if (taking.length) cell.vote = taking.reduce((s, x) => s + x.weight, 0) / taking.length;
    }
    const balance = cells.reduce((s, cell) => s + cell.vote, 0);
    const pivotalSourceIds = cells
      .filter((cell) => cell.statements.length > 0 && sign(balance - cell.vote) !== sign(balance))
      .map((cell) => cell.sourceId);
    return {
      claimId: claim.id,
      text: claim.text,
      cells,
      balance,
      sensitive: pivotalSourceIds.length > 0,
      pivotalSourceIds,
    };
  });
  return { columns, rows };
}
