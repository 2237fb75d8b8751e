// While an import runs, the indexes it looks up most (similarity bands, source match keys) are answered from
// memory: the same answers as IndexedDB's after imports, deletions, renames, merges and an aborted batch, and no
// index request for a batch's version check.
import 'fake-indexeddb/auto';
import type { DBCore } from 'dexie';
import { describe, expect, it } from 'vitest';
import type { AnalyzedStatement } from '../../../../../src-main/shared/extraction';
import { keysForEach, openDatabase, type CorroborateDB } from '../../../../../src-renderer/lib/db/db';
import { storeExtractedArticles } from '../../../../../src-renderer/lib/db/articles';
import { holdIndexMirrors, indexMirrorsLoaded } from '../../../../../src-renderer/lib/db/index-mirror';
import { findVersionCandidatesIn } from '../../../../../src-renderer/lib/db/versions';
import { mergeSources, updateSource } from '../../../../../src-renderer/lib/db/sources';
import { extractedArticle, saidBy } from './extracted-article';

const PEOPLE = ['Maria Lopez', 'Jean Dupont', 'Aiko Tanaka', 'Kwame Mensah', 'Lena Novak', 'Omar Haddad'];
const WORDS = 'harbour council budget bridge ferry strike vote tariff grain storm port river'.split(' ');

/** Article `n`: a text that shares most of its wording with its neighbours (so bands are shared), two speakers. */
function article(n: number, variant = 0) {
  const sentences: string[] = [];
  const statements: AnalyzedStatement[] = [];
  let at = 0;
  for (let i = 0; i < 12; i++) {
    const who = PEOPLE[(n + i) % PEOPLE.length]!;
    const topic = `${WORDS[(Math.floor(n / 3) + i) % WORDS.length]} ${WORDS[(i * 5) % WORDS.length]}`;
    const sentence =
      i === 11 && variant
        ? `${who} added a late remark number ${variant} about the ${topic}.`
        : `${who} said the ${topic} plan of week ${Math.floor(n / 3)} line ${i} was on track.`;
    if (i < 2) statements.push(saidBy(who, sentence, at));
    sentences.push(sentence);
    at += sentence.length + 1;
  }
  return extractedArticle(sentences.join(' '), statements, {
    sha: `sha-${n}-${variant}`,
    title: `Report ${n}`,
  });
}

/** Every value the two mirrored indexes hold, plus a few no record holds. */
async function allValues(db: CorroborateDB) {
  const bands = new Set<string>(['0:absent']);
  for (const s of await db.articleSketches.toArray()) s.bands.forEach((b) => bands.add(b));
  const keys = new Set<string>(['absent person']);
  for (const r of await db.sourceRows.toArray()) r.matchKeys.forEach((k) => keys.add(k));
  return { bands: [...bands], keys: [...keys] };
}

/** Counts the index queries that reach IndexedDB, per table. */
function countQueries(db: CorroborateDB): Record<string, number> {
  const counts: Record<string, number> = {};
  db.use({
    stack: 'dbcore',
    name: 'test-count-queries',
    level: -200,
    create: (down: DBCore) => ({
      ...down,
      table: (name: string) => {
        const table = down.table(name);
        return {
          ...table,
          query: (req) => {
            if (req.query.index.name) counts[name] = (counts[name] ?? 0) + 1;
            return table.query(req);
          },
        };
      },
    }),
  });
  return counts;
}

describe('index look-ups held in memory during an import', () => {
  it('answer as IndexedDB does after imports, deletions, renames, a merge and an aborted batch', async () => {
    const db = openDatabase(`mirror-${Date.now()}`);
    const queries = countQueries(db);
    await db.open();
    await storeExtractedArticles(
      db,
      [0, 1, 2, 3].map((n) => article(n)),
    );
    const release = holdIndexMirrors(db);
    await indexMirrorsLoaded(db);

    await storeExtractedArticles(
      db,
      [4, 5, 6].map((n) => article(n)),
    );
    await storeExtractedArticles(db, [article(7), article(3, 1), article(4, 2)]);
    const [first] = await db.articles.orderBy('importedAt').primaryKeys();
    await db.articles.delete(first!);
    const sources = await db.sources.toArray();
    await updateSource(db, sources[0]!.id, { name: 'Maria Lopez-Garcia', aliases: ['M. Lopez'] });
    await mergeSources(db, sources[1]!.id, [sources[2]!.id]);
    // A batch whose transaction fails after its writes: nothing of it may remain in the answers.
    await db
      .transaction('rw', db.tables, async () => {
        await storeExtractedArticles(db, [article(20), article(21)]);
        throw new Error('abort');
      })
      .catch(() => undefined);

    const { bands, keys } = await allValues(db);
    const [sketchQueries, sourceQueries] = [queries.articleSketches, queries.sourceRows];
    const held = {
      bands: await keysForEach(db.articleSketches, 'bands', bands),
      keys: await keysForEach(db.sourceRows, 'matchKeys', keys),
    };
    // Answered from memory: the copies were kept through all of the above.
    expect([queries.articleSketches, queries.sourceRows]).toEqual([sketchQueries, sourceQueries]);
    release();
    const asked = {
      bands: await keysForEach(db.articleSketches, 'bands', bands),
      keys: await keysForEach(db.sourceRows, 'matchKeys', keys),
    };
    expect(held).toEqual(asked);
    // The look-ups found something: shared bands and speakers quoted more than once.
    expect(asked.bands.some((ids) => ids.length > 1)).toBe(true);
    expect(asked.keys.flat().length).toBeGreaterThan(3);
    db.close();
  });

  it('send no index request for the version check of a batch', async () => {
    const db = openDatabase(`mirror-requests-${Date.now()}`);
    const queries = countQueries(db);
    await db.open();
    await storeExtractedArticles(
      db,
      [0, 1, 2].map((n) => article(n)),
    );
    const release = holdIndexMirrors(db);
    await indexMirrorsLoaded(db);
    const outcomes = await storeExtractedArticles(db, [article(0, 1), article(1, 1), article(9)]);
    const batch = outcomes.map((o) => (o instanceof Error ? null : o.article)).filter((a) => !!a);
    queries.articleSketches = 0;
    const found = await findVersionCandidatesIn(db, batch);
    expect(queries.articleSketches).toBe(0);
    release();
    // The same answer from IndexedDB, one request per band.
    const again = await findVersionCandidatesIn(db, batch);
    expect(found).toEqual(again);
    expect(found.filter((c) => c?.reason === 'text')).toHaveLength(2);
    expect(queries.articleSketches).toBeGreaterThan(30);
    db.close();
  });
});
