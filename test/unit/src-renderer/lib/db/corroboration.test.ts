// The persisted corroboration index in the workspace database: the version 3 upgrade, indexing new articles and
// forgetting deleted ones, accepting a candidate as a claim with stances, and remembered dismissals.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { freshDb, seedText, statementStarting, store } from '../../../helpers/compare-workspace';
import Dexie, { type ObservabilitySet } from 'dexie';
import { openDatabase } from '../../../../../src-renderer/lib/db/db';
import { LATEST_VERSION } from '../../../../../src-renderer/lib/db/schema';
import {
  acceptCandidateIn,
  dismissCandidateIn,
  dismissedCandidatesIn,
  readCorroborationIndexIn,
  syncCorroborationIndexIn,
} from '../../../../../src-renderer/lib/db/corroboration';
import { matrixDataIn } from '../../../../../src-renderer/lib/db/claims';
import { CorroborationIndex } from '../../../../../src-main/shared/compare/corroboration/matchIndex';
import { buildClaimMatrix } from '../../../../../src-main/shared/compare/matrix';
import type { CorroborationRecord } from '../../../../../src-main/shared/compare/corroboration/signature';

const ownReport = readFileSync('test/fixtures/corroboration/car-own-report.txt', 'utf8');

describe('corroboration index in the workspace', () => {
  it('upgrades a version 2 workspace and fills the index from its statements', async () => {
    const name = `corr-upgrade-${Date.now()}`;
    const v2 = openDatabase(name, 2);
    await store(v2, seedText, 'seed.txt');
    v2.close();
    const v3 = openDatabase(name);
    await v3.open();
    expect(v3.verno).toBeGreaterThanOrEqual(3);
    expect(await v3.corroborationKeys.count()).toBe(0);
    const changes = await syncCorroborationIndexIn(v3);
    expect(changes.added.length).toBe(await v3.statements.count());
    const records: CorroborationRecord[] = [];
    await readCorroborationIndexIn(v3, (chunk) => records.push(...chunk));
    expect(records.filter((r) => r.keys.includes('q:personnel')).length).toBeGreaterThan(0);
    v3.close();
  });

  it('upgrades a version 10 workspace to one without the unused index of keys, its records kept', async () => {
    const name = `corr-upgrade-11-${Date.now()}`;
    const v10 = openDatabase(name, 10);
    await store(v10, seedText, 'seed.txt');
    await syncCorroborationIndexIn(v10);
    const before: CorroborationRecord[] = [];
    await readCorroborationIndexIn(v10, (chunk) => before.push(...chunk));
    expect(v10.backendDB().objectStoreNames.contains('corroborationKeys')).toBe(true);
    const indexesAt10 = [
      ...v10.backendDB().transaction('corroborationKeys').objectStore('corroborationKeys').indexNames,
    ];
    v10.close();
    const v11 = openDatabase(name);
    await v11.open();
    expect(v11.verno).toBe(LATEST_VERSION);
    const indexes = [
      ...v11.backendDB().transaction('corroborationKeys').objectStore('corroborationKeys').indexNames,
    ];
    expect(indexesAt10).toContain('keys');
    expect(indexes).toEqual(['articleId']);
    const after: CorroborationRecord[] = [];
    await readCorroborationIndexIn(v11, (chunk) => after.push(...chunk));
    expect(after).toEqual(before);
    expect(before.length).toBe(await v11.statements.count());
    v11.close();
  });

  it("reports the catch-up's large writes as one change of the index table, not key by key", async () => {
    const db = freshDb();
    await store(db, seedText, 'seed.txt');
    const { added } = await syncCorroborationIndexIn(db);
    // Each live query merges every range it is told of into its own set of changes: one range, not 120 keys.
    type Node = { from?: unknown; l?: Node | null; r?: Node | null } | null | undefined;
    const count = (n: Node): number => (n && n.from !== undefined ? 1 + count(n.l) + count(n.r) : 0);
    const ranges: number[] = [];
    const listener = (parts: ObservabilitySet) => {
      const set = parts[`idb://${db.name}/corroborationKeys/`];
      if (set) ranges.push(count(set as Node));
    };
    Dexie.on('storagemutated', listener);
    await db
      .transaction('rw', db.corroborationKeys, () =>
        db.corroborationKeys.bulkPut(
          Array.from({ length: 120 }, (_, i) => ({ ...added[0]!, statementId: `extra-${i}` })),
        ),
      )
      .finally(() => Dexie.on.storagemutated.unsubscribe(listener));
    expect(ranges).toEqual([1]);
    expect(await db.corroborationKeys.count()).toBe(added.length + 120);
  });

  it('hands the records of newly imported articles on as each slice is written', async () => {
    const db = freshDb();
    await store(db, seedText, 'seed.txt');
    await syncCorroborationIndexIn(db);
    const a = await store(db, ownReport, 'own.txt');
    const b = await store(db, seedText.replace('Tass', 'Reuters'), 'third.txt');
    const heard: CorroborationRecord[][] = [];
    const changes = await syncCorroborationIndexIn(db, undefined, (slice) => heard.push(slice));
    expect(heard.length).toBeGreaterThan(0);
    expect(heard.flat()).toEqual(changes.added);
    expect(new Set(changes.added.map((r) => r.articleId))).toEqual(new Set([a.article.id, b.article.id]));
  });

  it('indexes a newly imported article once and forgets a deleted one', async () => {
    const db = freshDb();
    const seed = await store(db, seedText, 'seed.txt');
    await syncCorroborationIndexIn(db);
    const other = await store(db, ownReport, 'own.txt');
    const changes = await syncCorroborationIndexIn(db);
    expect(changes.added.map((r) => r.articleId)).toEqual(other.statements.map(() => other.article.id));
    expect((await syncCorroborationIndexIn(db)).added).toEqual([]);

    const index = new CorroborationIndex();
    await readCorroborationIndexIn(db, (records: CorroborationRecord[]) =>
      records.forEach((r) => index.add(r)),
    );
    const figure = statementStarting(seed, 'Russian state news agency Tass numbered');
    const found = index.matches(figure.id).map((m) => m.statementId);
    expect(found[0]).toBe(statementStarting(other, 'The rebel alliance has about 2,000 fighters').id);

    // Told which articles the index holds (the worker's in-memory index, not a cursor over the store), it takes
    // that list: an article it names that the library no longer has is forgotten too.
    await db.articles.delete(other.article.id);
    expect(
      (await syncCorroborationIndexIn(db, [...index.articleIds(), 'gone'])).removedArticleIds.sort(),
    ).toEqual([other.article.id, 'gone'].sort());
    expect(await syncCorroborationIndexIn(db, [seed.article.id])).toEqual({
      added: [],
      removedArticleIds: [],
    });
    expect(await db.corroborationKeys.where('articleId').equals(other.article.id).count()).toBe(0);
  });

  it('accepts a candidate as a claim whose matrix has both sources, and remembers dismissals', async () => {
    const db = freshDb();
    const seed = await store(db, seedText, 'seed.txt');
    const other = await store(db, ownReport, 'own.txt');
    const tass = statementStarting(seed, 'Russian state news agency Tass numbered');
    const un = statementStarting(other, 'The rebel alliance has about 2,000 fighters');
    const claim = await acceptCandidateIn(db, 'The rebel coalition numbers roughly 9,000 militants', [
      { statementId: tass.id, stance: 'asserts' },
      { statementId: un.id, stance: 'asserts' },
    ]);
    const { input } = await matrixDataIn(db);
    const row = buildClaimMatrix(input).rows.find((r) => r.claimId === claim.id)!;
    const stances = row.cells.flatMap((c) => c.statements.map((s) => [s.statementId, s.stance]));
    // Attached as asserting, the 2,000 statement disputes the claim's figure: it counts as denying it.
    expect(Object.fromEntries(stances)).toEqual({ [tass.id]: 'asserts', [un.id]: 'denies' });

    await dismissCandidateIn(db, 'x+y');
    expect([...(await dismissedCandidatesIn(db))]).toEqual(['x+y']);
  });
});
