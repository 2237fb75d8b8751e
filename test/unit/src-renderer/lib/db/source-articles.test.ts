// A source's articles, its statements in the detail pane and the reader's speaker filter are read a page at a
// time: each page, its order and its totals equal what reading every statement gives, and listing a source's
// articles reads no statement at all (at 10,000 articles the most quoted source has some 40,000).
import 'fake-indexeddb/auto';
import type { DBCore, Middleware } from 'dexie';
import { describe, expect, it } from 'vitest';
import type { AnalyzedStatement, SpeakerRef } from '../../../../../src-main/shared/extraction';
import { type CorroborateDB, openDatabase } from '../../../../../src-renderer/lib/db/db';
import { storeExtractedArticle } from '../../../../../src-renderer/lib/db/articles';
import {
  articlesOfSource,
  statementsBySpeaker,
  statementsOfSource,
} from '../../../../../src-renderer/lib/db/source-articles';
import { extractedArticle } from './extracted-article';

const ref = (name: string): SpeakerRef => ({ name, kind: 'person', aliases: [] });
const SPEAKERS = ['Maria Lopez', 'Jean Dupont', null] as const;

/** Article `i`: four sentences whose speakers and relays vary with `i`, so sources meet in some articles only. */
function articleNo(i: number) {
  const sentences = [0, 1, 2, 3].map((k) => `Article ${i} sentence ${k} reports figure ${i * 10 + k}.`);
  const text = sentences.join(' ');
  let at = 0;
  const statements: AnalyzedStatement[] = sentences.map((s, k) => {
    const start = text.indexOf(s, at);
    at = start + s.length;
    const speaker = SPEAKERS[(i + k) % 3] ?? null;
    const via = (i * 7 + k) % 5 === 0 ? [ref('Harbour Radio')] : [];
    return {
      start,
      end: start + s.length,
      kind: speaker ? 'reported' : 'narrative',
      speaker: speaker ? ref(speaker) : null,
      cue: speaker ? 'said' : null,
      via,
      entities: [],
    };
  });
  return extractedArticle(text, statements, { sha: `sha-${i}`, title: `Article ${i}` });
}

/** A database counting the statement records each read hands back. */
function countingDb(): { db: CorroborateDB; read: () => number } {
  const db = openDatabase(`source-articles-${Math.random()}`);
  let read = 0;
  const counter: Middleware<DBCore> = {
    stack: 'dbcore',
    name: 'count-statement-reads',
    create: (down) => ({
      ...down,
      table(name) {
        const table = down.table(name);
        if (name !== 'statements') return table;
        return {
          ...table,
          get: (req) => table.get(req).then((r) => ((read += r ? 1 : 0), r)),
          getMany: (req) => table.getMany(req).then((r) => ((read += r.filter(Boolean).length), r)),
          query: (req) => table.query(req).then((r) => ((read += r.result.length), r)),
          openCursor: (req) =>
            table.openCursor(req).then((cursor) => {
              if (cursor) read += 1; // a cursor walk is reported as its first record: any is too many here
              return cursor;
            }),
        };
      },
    }),
  };
  db.use(counter);
  return { db, read: () => read };
}

/** The brute-force answers: every statement read, current articles in import order (ties by id). */
async function oracle(db: CorroborateDB, sourceId: string) {
  const rows = new Map((await db.articleRows.toArray()).map((r) => [r.id, r]));
  const statements = await db.statements.toArray();
  const order = (ids: Iterable<string>) =>
    [...new Set(ids)]
      .map((id) => rows.get(id)!)
      .filter((r) => !r.supersededBy)
      .sort((a, b) => a.importedAt.localeCompare(b.importedAt) || a.id.localeCompare(b.id))
      .map((r) => r.id);
  const spoken = statements.filter((s) => s.speakerId === sourceId);
  const either = statements.filter((s) => s.speakerId === sourceId || s.viaIds.includes(sourceId));
  return {
    appearsIn: order(either.map((s) => s.articleId)),
    speaksIn: order(spoken.map((s) => s.articleId)),
    spoken: spoken.filter((s) => !rows.get(s.articleId)!.supersededBy),
    either,
  };
}

describe("a source's articles and statements, a page at a time", () => {
  it('match the brute-force lists, order and totals, reading no statement to list the articles', async () => {
    const { db, read } = countingDb();
    for (let i = 0; i < 24; i++) await storeExtractedArticle(db, articleNo(i));
    const sources = await db.sources.toArray();
    expect(sources.map((s) => s.name).sort()).toEqual(['Harbour Radio', 'Jean Dupont', 'Maria Lopez']);
    for (const source of sources) {
      const truth = await oracle(db, source.id);
      expect(truth.appearsIn.length).toBeGreaterThan(3);
      expect(read(), 'the counter sees the brute-force read').toBeGreaterThan(0);
      for (const limit of [1, 3, 10, Number.POSITIVE_INFINITY]) {
        const before = read();
        const page = await articlesOfSource(db, source.id, limit);
        expect(read() - before, 'statements read to list the articles').toBe(0);
        expect(page.total).toBe(truth.appearsIn.length);
        expect(page.articles.map((a) => a.id)).toEqual(truth.appearsIn.slice(0, limit));
        expect(page.articles[0]?.title).toBe((await db.articles.get(truth.appearsIn[0]!))?.title);
      }
      // The detail pane: the statements of the first articles only, in that order and by position.
      const shown = truth.appearsIn.slice(0, 3);
      const before = read();
      const detail = await statementsOfSource(db, source.id, 3);
      const perArticle = (await db.articleRows.bulkGet(shown)).reduce((n, r) => n + r!.statementCount, 0);
      expect(read() - before).toBeLessThanOrEqual(perArticle);
      expect(detail.map((s) => s.statement.id)).toEqual(
        truth.either
          .filter((s) => shown.includes(s.articleId))
          .sort((a, b) => shown.indexOf(a.articleId) - shown.indexOf(b.articleId) || a.index - b.index)
          .map((s) => s.id),
      );
    }
  });

  it("page the reader's speaker filter with the speaker's totals, through a merge and its undo", async () => {
    const { db } = countingDb();
    for (let i = 0; i < 12; i++) await storeExtractedArticle(db, articleNo(i));
    const lopez = (await db.sources.where('name').equals('Maria Lopez').first())!;
    const check = async () => {
      const truth = await oracle(db, lopez.id);
      const page = await statementsBySpeaker(db, lopez.id, 2);
      expect(page.articles).toBe(truth.speaksIn.length);
      expect(page.statements).toBe(truth.spoken.length);
      expect(page.groups.map((g) => g.article.id)).toEqual(truth.speaksIn.slice(0, 2));
      for (const g of page.groups)
        expect(g.statements.map((s) => s.id)).toEqual(
          truth.spoken
            .filter((s) => s.articleId === g.article.id)
            .sort((a, b) => a.index - b.index)
            .map((s) => s.id),
        );
      const all = await statementsBySpeaker(db, lopez.id);
      expect(all.groups.flatMap((g) => g.statements)).toHaveLength(truth.spoken.length);
    };
    await check();
    const { mergeSources } = await import('../../../../../src-renderer/lib/db/sources');
    const { undo } = await import('../../../../../src-renderer/lib/db/history');
    const dupont = (await db.sources.where('name').equals('Jean Dupont').first())!;
    await mergeSources(db, lopez.id, [dupont.id]);
    await check();
    await undo(db);
    await check();
    // An article replaced by a newer version leaves the page and the totals.
    const [first] = (await oracle(db, lopez.id)).speaksIn;
    const newer = (await db.articles.toArray()).find((a) => a.id !== first)!;
    await db.articles.put({ ...newer, versionOf: first! });
    expect((await db.articleRows.get(first!))?.supersededBy).toBe(newer.id);
    expect((await oracle(db, lopez.id)).speaksIn).not.toContain(first);
    await check();
    expect(await statementsBySpeaker(db, null)).toEqual({ groups: [], articles: 0, statements: 0 });
  });
});
