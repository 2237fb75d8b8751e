// Versions as one article with a history: the old version's library row is marked as replaced (and freed
// again by undo), the history lists both, source counts come from the current version, a version titled by
// its opening words keeps the article's title, an orphan is re-attached to a chosen span, and a workspace
// written before the mark existed gets it on upgrade.
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { acceptVersionIn, versionHistoryIn } from '../../../../../src-renderer/lib/db/versions';
import { reattachAnnotation } from '../../../../../src-renderer/lib/db/annotations';
import { sourceOverview } from '../../../../../src-renderer/lib/db/sources';
import { articlesOfSource, statementsOfSource } from '../../../../../src-renderer/lib/db/source-articles';
import { openDatabase } from '../../../../../src-renderer/lib/db/db';
import { toggleStatementTag, starterTags } from '../../../../../src-renderer/lib/db/tags';
import { undo } from '../../../../../src-renderer/lib/db/history';
import { syncCorroborationIndexIn } from '../../../../../src-renderer/lib/db/corroboration';
import { freshDb, gold, seedText, store } from '../../../helpers/compare-workspace';

const dropped = gold.statements.findIndex((s) => s.text.startsWith('The degree of Russian involvement'));
const revised = seedText
  .replace('roughly 9,000 militants', 'roughly 8,000 militants')
  .replace(gold.statements[dropped]!.text + ' ', '');
const TITLE = 'CAR accuses Bozize of coup attempt';

describe('an article with a version history', () => {
  it('lists one current version, keeps the title, counts sources once, and undo restores both entries', async () => {
    const db = freshDb();
    const seed = await store(db, seedText, 'seed.txt');
    await db.articles.put({ ...seed.article, title: TITLE });
    const copy = await store(db, revised, 'revised.txt');
    await acceptVersionIn(db, copy.article.id, seed.article.id);
    expect((await db.articleRows.get(seed.article.id))?.supersededBy).toBe(copy.article.id);
    expect((await db.articleRows.get(copy.article.id))?.supersededBy ?? null).toBeNull();
    expect(await db.articleRows.where('supersededBy').above('').primaryKeys()).toEqual([seed.article.id]);
    expect((await db.articles.get(copy.article.id))?.title).toBe(TITLE);
    expect((await versionHistoryIn(db, seed.article.id)).map((r) => r.id)).toEqual([
      seed.article.id,
      copy.article.id,
    ]);
    // Counts come from the current version only: each speaker as often as the new version quotes them.
    const expected = new Map<string, number>();
    for (const st of copy.statements)
      if (st.speakerId) expected.set(st.speakerId, (expected.get(st.speakerId) ?? 0) + 1);
    expect(seed.statements.some((st) => st.speakerId)).toBe(true); // the old version's speakers must not count
    for (const o of await sourceOverview(db)) expect(o.speaking).toBe(expected.get(o.source.id) ?? 0);
    // A source quoted only by the old version has nothing to list or link in its detail pane.
    const oldSpeaker = seed.statements.find((st) => st.speakerId)!.speakerId!;
    expect(await statementsOfSource(db, oldSpeaker)).toEqual([]);
    expect(await articlesOfSource(db, oldSpeaker)).toEqual({ total: 0, articles: [] });

    await undo(db);
    expect((await db.articleRows.get(seed.article.id))?.supersededBy ?? null).toBeNull();
    expect(await db.articleRows.where('supersededBy').above('').count()).toBe(0);
  });

  it('re-attaches an orphan to a chosen span with new W3C selectors, undoably', async () => {
    const db = freshDb();
    const tag = starterTags()[0]!;
    await db.tags.add(tag);
    const seed = await store(db, seedText, 'seed.txt');
    await toggleStatementTag(db, seed.article, seed.statements[dropped]!, tag, 'me');
    const copy = await store(db, revised, 'revised.txt');
    const { orphaned } = await acceptVersionIn(db, copy.article.id, seed.article.id);
    expect(orphaned).toHaveLength(1);
    const orphan = orphaned[0]!.annotation;
    const st = copy.statements[3]!;
    await reattachAnnotation(db, orphan.id, copy.article, {
      start: st.start,
      end: st.end,
      statementIds: [st.id],
    });
    const moved = (await db.annotations.get(orphan.id))!;
    expect(moved.orphaned).toBe(false);
    expect(moved.quote.exact).toBe(revised.slice(st.start, st.end));
    expect(moved.position).toEqual({ start: st.start, end: st.end });
    expect(moved.statementIds).toEqual([st.id]);
    expect(moved.tagIds).toEqual([tag.id]);
    await undo(db);
    expect((await db.annotations.get(orphan.id))?.orphaned).toBe(true);
  });

  it('leaves an old version out of the corroboration index (it does not corroborate its own article)', async () => {
    const db = freshDb();
    const seed = await store(db, seedText, 'seed.txt');
    const copy = await store(db, revised, 'revised.txt');
    await syncCorroborationIndexIn(db);
    expect(await db.corroborationKeys.where('articleId').equals(seed.article.id).count()).toBeGreaterThan(0);
    await acceptVersionIn(db, copy.article.id, seed.article.id);
    expect((await syncCorroborationIndexIn(db)).removedArticleIds).toEqual([seed.article.id]);
    expect(await db.corroborationKeys.where('articleId').equals(seed.article.id).count()).toBe(0);
    await undo(db);
    const back = await syncCorroborationIndexIn(db);
    expect(new Set(back.added.map((r) => r.articleId))).toEqual(new Set([seed.article.id]));
  });

  it('marks an old version that arrives after its newer version (as a sync may deliver them)', async () => {
    const db = freshDb();
    const seed = await store(db, seedText, 'seed.txt');
    const copy = await store(db, revised, 'revised.txt');
    await db.articles.delete(seed.article.id);
    await db.articles.put({ ...copy.article, versionOf: seed.article.id });
    expect(await db.articleRows.get(seed.article.id)).toBeUndefined();
    await db.articles.put(seed.article);
    expect((await db.articleRows.get(seed.article.id))?.supersededBy).toBe(copy.article.id);
  });

  it('marks old versions when a version 4 workspace is upgraded', async () => {
    const name = `versions-upgrade-${Date.now()}`;
    const v4 = openDatabase(name, 4);
    const seed = await store(v4, seedText, 'seed.txt');
    const copy = await store(v4, revised, 'revised.txt');
    await v4.articles.put({ ...copy.article, versionOf: seed.article.id });
    await v4.articleRows.update(seed.article.id, { supersededBy: undefined });
    v4.close();
    const v5 = openDatabase(name);
    await v5.open();
    expect((await v5.articleRows.get(seed.article.id))?.supersededBy).toBe(copy.article.id);
    expect((await v5.articleRows.get(copy.article.id))?.supersededBy).toBeNull();
    v5.close();
  });
});
