// Claim × source matrix and sensitivity, with the seed's government claim and Bogdanov's denials.
import { describe, expect, it } from 'vitest';
import { buildClaimMatrix, type MatrixInput } from '../../../../../src-main/shared/compare/matrix';
import { seedColumn, statementWith } from './fixtures';

const now = '2026-11-29T00:00:00Z';
const sources: MatrixInput['sources'] = [
  { id: 'gov', name: 'Government of the Central African Republic', reliability: 'B' },
  { id: 'bogdanov', name: 'Mikhail Bogdanov', reliability: 'C' },
  { id: 'rferl', name: 'Radio Free Europe Radio Liberty', reliability: 'B' },
  { id: 'rwanda', name: 'Rwandan military', reliability: 'B' },
];
const govClaim = seedColumn.statements[0]!.id;
const bogdanovDenial = statementWith(seedColumn, 'Bogdanov explicitly denied');
const notSendingTroops = statementWith(seedColumn, 'We are not sending troops');
const peoplThere = statementWith(seedColumn, 'So our people are there');
const rwandaConfirms = statementWith(seedColumn, 'Rwanda, for its part');
const narrative = statementWith(seedColumn, 'degree of Russian involvement');
const statements: MatrixInput['statements'] = [
  { id: govClaim, speakerId: 'gov' },
  { id: bogdanovDenial, speakerId: 'bogdanov' },
  { id: notSendingTroops, speakerId: 'bogdanov' },
  { id: peoplThere, speakerId: 'bogdanov' },
  { id: rwandaConfirms, speakerId: 'rwanda' },
  { id: narrative, speakerId: null },
];
const claims = [
  { id: 'russia', text: 'Russia deployed forces in CAR' },
  { id: 'rwanda', text: 'Rwanda deployed troops in CAR' },
];
const link = (claimId: string, statementId: string, stance: 'asserts' | 'denies' | 'qualifies') => ({
  claimId,
  statementId,
  stance,
});

describe('buildClaimMatrix', () => {
  const input: MatrixInput = {
    claims,
    statements,
    sources,
    claimStatements: [
      link('russia', govClaim, 'asserts'),
      link('russia', bogdanovDenial, 'denies'),
      link('russia', notSendingTroops, 'denies'),
      link('russia', peoplThere, 'qualifies'),
      link('russia', narrative, 'qualifies'),
      link('rwanda', govClaim, 'asserts'),
      link('rwanda', rwandaConfirms, 'asserts'),
    ],
  };
  const matrix = buildClaimMatrix(input);
  const cell = (claimId: string, sourceId: string | null) =>
    matrix.rows.find((r) => r.claimId === claimId)!.cells.find((c) => c.sourceId === sourceId)!;

  it('has a column per source that spoke on a claim, and one for unattributed statements', () => {
    expect(matrix.columns.map((c) => c.sourceId).sort()).toEqual(['bogdanov', 'gov', 'rwanda', null].sort());
    expect(matrix.columns.at(-1)!.sourceId).toBeNull();
    expect(matrix.columns.find((c) => c.sourceId === 'bogdanov')!.reliability).toBe('C');
  });

  it('shows the government asserting and Bogdanov denying the Russian deployment', () => {
    expect(cell('russia', 'gov')).toMatchObject({ asserts: 1, denies: 0, qualifies: 0 });
    expect(cell('russia', 'bogdanov')).toMatchObject({ asserts: 0, denies: 2, qualifies: 1 });
    expect(
      cell('russia', 'bogdanov')
        .statements.map((s) => s.statementId)
        .sort(),
    ).toEqual([bogdanovDenial, notSendingTroops, peoplThere].sort());
    expect(cell('russia', null).qualifies).toBe(1);
    expect(cell('russia', 'rwanda').statements).toEqual([]);
  });

  it('marks a claim that hangs on one source as sensitive, and one with independent support as not', () => {
    const russia = matrix.rows.find((r) => r.claimId === 'russia')!;
    expect(russia.sensitive).toBe(true);
    expect(russia.pivotalSourceIds.length).toBeGreaterThan(0);
    const rwanda = matrix.rows.find((r) => r.claimId === 'rwanda')!;
    expect(rwanda.balance).toBeGreaterThan(0);
    expect(rwanda.sensitive).toBe(false);
  });

  it('weighs a more credible denial more, which can flip the balance', () => {
    const graded = (credibility: number) =>
      buildClaimMatrix({
        ...input,
        annotations: [
          { statementIds: [bogdanovDenial, notSendingTroops], credibility: 6, updatedAt: '2026-01-01' },
          { statementIds: [bogdanovDenial, notSendingTroops], credibility, updatedAt: now },
        ],
      }).rows.find((r) => r.claimId === 'russia')!;
    expect(graded(1).balance).toBeLessThan(graded(5).balance);
    expect(Math.sign(graded(1).balance)).not.toBe(Math.sign(graded(5).balance));
    const denial = graded(2).cells.find((c) => c.sourceId === 'bogdanov')!.statements[0]!;
    expect(denial.credibility).toBe(2);
  });

  it('a source repeating itself does not outweigh another source', () => {
    const repeated = buildClaimMatrix({
      ...input,
      sources: sources.map((s) => ({ ...s, reliability: 'B' as const })),
      claimStatements: [
        link('russia', govClaim, 'asserts'),
        link('russia', bogdanovDenial, 'denies'),
        link('russia', notSendingTroops, 'denies'),
      ],
    }).rows[0]!;
    expect(repeated.balance).toBeCloseTo(0);
    expect(repeated.sensitive).toBe(true);
  });
});
