// The claim matrix verdict in words, from matrices built by the real matrix code.
import { describe, expect, it } from 'vitest';
import { buildClaimMatrix, type MatrixInput } from '../../../../../src-main/shared/compare/matrix';
import { verdictWords } from '../../../../../src-renderer/features/claims/verdict-words';

function rowFor(stances: [string, 'asserts' | 'denies' | 'qualifies', 'A' | 'C' | null][]) {
  const input: MatrixInput = {
    claims: [{ id: 'c', text: 'The convoy crossed the border on Monday' }],
    claimStatements: stances.map(([, stance], i) => ({ claimId: 'c', statementId: `s${i}`, stance })),
    statements: stances.map(([src], i) => ({ id: `s${i}`, speakerId: src })),
    sources: stances.map(([src, , reliability]) => ({ id: src, name: src.toUpperCase(), reliability })),
  };
  const m = buildClaimMatrix(input);
  return verdictWords(m.rows[0]!, (id) => m.columns.find((c) => c.sourceId === id)?.name ?? 'Unattributed');
}

describe('verdict in words', () => {
  it('says that one asserting and one denying source leave it to whom you trust', () => {
    const w = rowFor([
      ['ministry', 'asserts', null],
      ['envoy', 'denies', null],
    ]);
    expect(w.tone).toBe('disputed');
    expect(`${w.headline}: ${w.detail}`).toBe(
      'Sources disagree: 1 asserts, 1 denies — the verdict depends on whom you trust',
    );
  });

  it('calls a claim with only asserting sources supported and names the source it rests on', () => {
    const w = rowFor([['agency', 'asserts', 'A']]);
    expect(w.headline).toBe('Supported');
    expect(w.detail).toBe('1 source asserts it, none denies');
    expect(w.fragility).toBe('Rests on a single source: without AGENCY the verdict would change');
  });

  it('lets the better-graded side lean the verdict and says so', () => {
    const w = rowFor([
      ['agency', 'asserts', 'A'],
      ['blog', 'denies', 'C'],
    ]);
    expect(w.headline).toBe('Leans towards true');
    expect(w.detail).toContain('the better-graded side weighs more');
  });

  it('says no source takes a side when every statement only qualifies', () => {
    expect(rowFor([['paper', 'qualifies', null]]).headline).toBe('No source takes a side');
  });
});
