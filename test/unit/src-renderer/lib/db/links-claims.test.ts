// Links and claims in the workspace: created, listed from either end, re-stanced, deleted and undone.
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import {
  addLinkIn,
  deleteLinkIn,
  linksOfStatementIn,
  linksTouchingIn,
} from '../../../../../src-renderer/lib/db/links';
import {
  attachStatementIn,
  claimEntriesIn,
  claimsOfStatementIn,
  createClaimIn,
  deleteClaimIn,
  listClaimsIn,
  matrixDataIn,
} from '../../../../../src-renderer/lib/db/claims';
import { undo } from '../../../../../src-renderer/lib/db/history';
import { buildClaimMatrix } from '../../../../../src-main/shared/compare/matrix';
import { combinedGrade } from '../../../../../src-main/shared/grades';
import {
  freshDb,
  gold,
  secondText,
  seedText,
  statementStarting,
  store,
} from '../../../helpers/compare-workspace';

const bogdanovDenial = gold.statements.find((s) => s.speaker === 'Mikhail Bogdanov' && s.cue === 'denied')!;

describe('links between statements', () => {
  it('shows a link on both statements, with the other end and its article, and undoes it', async () => {
    const db = freshDb();
    const seed = await store(db, seedText, 'seed.txt');
    const second = await store(db, secondText, 'second.txt');
    const government = seed.statements[0]!;
    const denial = statementStarting(second, 'Deputy Foreign Minister Mikhail Bogdanov denied');
    await addLinkIn(db, government.id, denial.id, 'contradicts', 'deployment denied');

    const fromGovernment = await linksOfStatementIn(db, government.id);
    expect(fromGovernment).toHaveLength(1);
    expect(fromGovernment[0]!.direction).toBe('out');
    expect(fromGovernment[0]!.otherArticle.id).toBe(second.article.id);
    expect(fromGovernment[0]!.otherText.startsWith('Deputy Foreign Minister Mikhail Bogdanov')).toBe(true);
    const fromDenial = await linksOfStatementIn(db, denial.id);
    expect(fromDenial.map((l) => [l.direction, l.link.type, l.link.note])).toEqual([
      ['in', 'contradicts', 'deployment denied'],
    ]);
    expect(
      await linksTouchingIn(
        db,
        second.statements.map((s) => s.id),
      ),
    ).toHaveLength(1);

    await expect(addLinkIn(db, government.id, government.id, 'repeats')).rejects.toThrow();
    await undo(db);
    expect(await linksOfStatementIn(db, government.id)).toEqual([]);
    await addLinkIn(db, government.id, denial.id, 'corroborates');
    const [again] = await linksOfStatementIn(db, denial.id);
    await deleteLinkIn(db, again!.link);
    expect(await db.links.count()).toBe(0);
  });
});

describe('claims', () => {
  it('attaches statements once each, lists them with speakers, and feeds the matrix', async () => {
    const db = freshDb();
    const seed = await store(db, seedText, 'seed.txt');
    const government = seed.statements[0]!;
    const denial = statementStarting(seed, bogdanovDenial.text.slice(0, 40));
    const claim = await createClaimIn(db, '  Russia deployed forces in CAR ');
    expect(claim.text).toBe('Russia deployed forces in CAR');
    await expect(createClaimIn(db, '   ')).rejects.toThrow();

    await attachStatementIn(db, claim.id, denial.id, 'qualifies');
    await attachStatementIn(db, claim.id, denial.id, 'denies'); // a change of mind, not a second attachment
    await attachStatementIn(db, claim.id, government.id, 'asserts');
    const [summary] = await listClaimsIn(db);
    expect([summary!.asserts, summary!.denies, summary!.qualifies]).toEqual([1, 1, 0]);

    const entries = await claimEntriesIn(db, claim.id);
    expect(entries.map((e) => e.link.stance)).toEqual(['asserts', 'denies']);
    expect(entries[1]!.speaker?.name).toMatch(/Bogdanov/);
    expect(entries[1]!.text).toBe(bogdanovDenial.text);
    expect((await claimsOfStatementIn(db, denial.id)).map((c) => c.claim.text)).toEqual([claim.text]);

    // Grades: the speaker's reliability and the latest credibility given to the statement make "B2".
    const bogdanov = (await db.sources.get(denial.speakerId!))!;
    await db.sources.put({ ...bogdanov, reliability: 'B' });
    const at = new Date().toISOString();
    const graded = {
      id: 'g1',
      articleId: seed.article.id,
      statementIds: [denial.id],
      quote: { exact: '', prefix: '', suffix: '' },
    };
    await db.annotations.bulkAdd([
      {
        ...graded,
        position: { start: denial.start, end: denial.end },
        note: '',
        tagIds: [],
        credibility: 4,
        author: 'a',
        orphaned: false,
        createdAt: at,
        updatedAt: '2020-01-01',
      },
      {
        ...graded,
        id: 'g2',
        position: { start: denial.start, end: denial.end },
        note: '',
        tagIds: [],
        credibility: 2,
        author: 'a',
        orphaned: false,
        createdAt: at,
        updatedAt: '2021-01-01',
      },
    ]);
    const gradedEntry = (await claimEntriesIn(db, claim.id)).find((e) => e.statement.id === denial.id)!;
    expect(combinedGrade(gradedEntry.speaker, gradedEntry.credibility)).toBe('B2');

    const { input } = await matrixDataIn(db);
    const matrix = buildClaimMatrix(input);
    const speakers = matrix.columns.map((c) => c.name);
    expect(speakers.some((n) => /Bogdanov/.test(n))).toBe(true);
    expect(speakers.some((n) => /government/i.test(n))).toBe(true);
    const row = matrix.rows[0]!;
    const bogdanovCell = row.cells[matrix.columns.findIndex((c) => /Bogdanov/.test(c.name))]!;
    expect(bogdanovCell.statements[0]!.credibility).toBe(2);
    expect(row.cells.reduce((n, c) => n + c.asserts, 0)).toBe(1);
    expect(row.cells.reduce((n, c) => n + c.denies, 0)).toBe(1);

    await deleteClaimIn(db, claim);
    expect(await db.claims.count()).toBe(0);
    expect(await db.claimStatements.count()).toBe(0);
    await undo(db);
    expect(await db.claims.count()).toBe(1);
    expect(await db.claimStatements.count()).toBe(2);
  });
});
