// The library list read incrementally (re-read about once a second by every screen that lists articles during an
// import) must always equal a whole read of the library rows, and after an import read only the new rows.
import 'fake-indexeddb/auto';
import { type DBCore, liveQuery, type Middleware } from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import type { AnalyzedStatement } from '../../../../../src-main/shared/extraction';
import { storeExtractedArticle, storeExtractedArticles } from '../../../../../src-renderer/lib/db/articles';
import { type CorroborateDB, openDatabase } from '../../../../../src-renderer/lib/db/db';
import { libraryReader, type LibraryReader } from '../../../../../src-renderer/lib/db/library-reader';
import { listArticles } from '../../../../../src-renderer/lib/db/queries';
import { extractedArticle, saidBy } from './extracted-article';

/** A small seeded generator (mulberry32), so a failing sequence can be replayed. */
function random(seed: number) {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

let serial = 0;
function article(statements = 2) {
  const n = serial++;
  const parts: string[] = [];
  const found: AnalyzedStatement[] = [];
  let at = 0;
  for (let i = 0; i < statements; i++) {
    const sentence = `Speaker ${n}-${i} said the bridge ${n} would open in week ${i}.`;
    found.push(saidBy(`Speaker ${n}-${i}`, sentence, at));
    parts.push(sentence);
    at += sentence.length + 1;
  }
  return extractedArticle(parts.join(' '), found, { sha: `sha-${n}`, title: `Bridge ${n}` });
}

/** Counts the library rows handed up by reads of the database (records, not requests). */
function countRowsRead(db: CorroborateDB): { rows: number } {
  const seen = { rows: 0 };
  const counter: Middleware<DBCore> = {
    stack: 'dbcore',
    name: 'count-library-rows',
    create: (down) => ({
      ...down,
      table: (name) => {
        const table = down.table(name);
        if (name !== 'articleRows') return table;
        return {
          ...table,
          get: (req) =>
            table.get(req).then((r) => {
              if (r) seen.rows++;
              return r;
            }),
          getMany: (req) =>
            table.getMany(req).then((r) => {
              seen.rows += r.filter(Boolean).length;
              return r;
            }),
          query: (req) =>
            table.query(req).then((r) => {
              if (req.values) seen.rows += r.result.length;
              return r;
            }),
        };
      },
    }),
  };
  db.use(counter);
  return seen;
}

let reader: LibraryReader | null = null;
afterEach(() => reader?.stop());

describe('the incremental library read', () => {
  it.each([17, 42])('equals a whole read after every kind of write (seed %i)', async (seed) => {
    const db = openDatabase(`library-reader-${seed}-${Date.now()}`);
    await db.open();
    reader = libraryReader(db);
    const next = random(seed);
    const ids = () => db.articles.toCollection().primaryKeys();
    for (let step = 0; step < 60; step++) {
      const r = next();
      const known = await ids();
      const pick = () => known[Math.floor(next() * known.length)]!;
      if (r < 0.35 || known.length === 0)
        await storeExtractedArticles(
          db,
          Array.from({ length: 1 + Math.floor(next() * 4) }, () => article()),
        );
      else if (r < 0.5) await storeExtractedArticle(db, article(), { versionOf: pick() });
      else if (r < 0.65) await db.articles.update(pick(), { title: `Renamed ${step}` });
      else if (r < 0.75) await db.articles.delete(pick());
      else if (r < 0.85) {
        // A statement more or fewer changes a row's count without touching its article.
        const s = await db.statements.where('articleId').equals(pick()).first();
        if (s) await db.statements.delete(s.id);
      } else if (r < 0.88) await db.articles.clear();
      // Several writes between two reads, as during an import.
      if (next() < 0.6) expect(await reader.read(), `step ${step}`).toEqual(await listArticles(db));
    }
    expect(await reader.read()).toEqual(await listArticles(db));
  });

  it('after an import reads only the new rows, and keeps the objects of the rows that did not change', async () => {
    const db = openDatabase(`library-reader-new-${Date.now()}`);
    const seen = countRowsRead(db);
    await db.open();
    reader = libraryReader(db);
    await storeExtractedArticles(
      db,
      Array.from({ length: 40 }, () => article()),
    );
    const first = await reader.read();
    expect(first).toHaveLength(40);
    await storeExtractedArticles(db, [article(), article(), article()]);
    const before = seen.rows;
    const second = await reader.read();
    expect(seen.rows - before).toBe(3);
    expect(second).toEqual(await listArticles(db));
    expect(second.slice(0, 40).every((s, i) => s === first[i])).toBe(true);
  });

  it('as a live query, wakes up for a write to an old row it did not read again', async () => {
    const db = openDatabase(`library-reader-live-${Date.now()}`);
    await db.open();
    reader = libraryReader(db);
    await storeExtractedArticles(db, [article(), article()]);
    const titles: string[][] = [];
    const sub = liveQuery(() => reader!.read()).subscribe((list) => titles.push(list.map((a) => a.title)));
    try {
      await expect.poll(() => titles.length).toBe(1);
      // The second read is incremental: it reads the new row, not the old ones.
      await storeExtractedArticles(db, [article()]);
      await expect.poll(() => titles.at(-1)?.length).toBe(3);
      const [oldest] = await db.articleRows.orderBy('importedAt').primaryKeys();
      await db.articles.update(oldest!, { title: 'Bridge renamed' });
      await expect.poll(() => titles.at(-1)?.[0]).toBe('Bridge renamed');
    } finally {
      sub.unsubscribe();
    }
  });
});
