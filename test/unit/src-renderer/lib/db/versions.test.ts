// New versions: an edited copy is recognised (and a different article is not); recording it carries every
// annotation over, re-anchored on the new text or kept as an orphan with its old quote; undo takes it all back.
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import {
  acceptVersionIn,
  findVersionCandidateIn,
  findVersionCandidatesIn,
  orphanedAnnotationsIn,
  textResemblance,
} from '../../../../../src-renderer/lib/db/versions';
import { toggleStatementTag } from '../../../../../src-renderer/lib/db/tags';
import { undo } from '../../../../../src-renderer/lib/db/history';
import { starterTags } from '../../../../../src-renderer/lib/db/tags';
import { freshDb, gold, secondText, seedText, store } from '../../../helpers/compare-workspace';

const dropped = gold.statements.findIndex((s) => s.text.startsWith('The degree of Russian involvement'));
/** A few words changed and one sentence removed, as a newspaper's correction would. */
const revised = seedText
  .replace('roughly 9,000 militants', 'roughly 8,000 militants')
  .replace('on Monday announced', 'on Sunday announced')
  .replace('100 km away from the Bangui', '70 km away from Bangui')
  .replace(gold.statements[dropped]!.text + ' ', '');

describe('recognising a new version', () => {
  it('scores an edited copy as nearly the same text and another outlet’s report as different', () => {
    expect(textResemblance(seedText, revised)).toBeGreaterThan(0.8);
    expect(textResemblance(seedText, secondText)).toBeLessThan(0.3);
  });

  it('offers the seed as the earlier version of its edited copy, and nothing for another article', async () => {
    const db = freshDb();
    const seed = await store(db, seedText, 'seed.txt');
    const second = await store(db, secondText, 'second.txt');
    const copy = await store(db, revised, 'revised.txt');
    expect((await findVersionCandidateIn(db, copy.article))?.previous.id).toBe(seed.article.id);
    expect(await findVersionCandidateIn(db, second.article)).toBeNull();
    // The same address counts even when the wording changed a lot.
    const rewritten = { ...second.article, url: 'https://example.invalid/car' };
    await db.articles.put({ ...seed.article, url: 'https://example.invalid/car' });
    expect(await findVersionCandidateIn(db, rewritten)).toMatchObject({
      reason: 'url',
      previous: { id: seed.article.id },
    });
  });
});

describe('recognising new versions in an import batch', () => {
  it('gives each article of the batch its own earlier version, or none', async () => {
    const db = freshDb();
    const seed = await store(db, seedText, 'seed.txt');
    const second = await store(db, secondText, 'second.txt');
    const secondRevised = secondText.replace(/\bsaid\b/, 'stated');
    const batch = [
      (await store(db, 'An unrelated note about harbour traffic on Monday, officials said.', 'note.txt'))
        .article,
      (await store(db, revised, 'revised.txt')).article,
      (await store(db, secondRevised, 'second-revised.txt')).article,
    ];
    const found = await findVersionCandidatesIn(db, batch);
    expect(found.map((c) => c?.previous.id ?? null)).toEqual([null, seed.article.id, second.article.id]);
    // The same answers as asking article by article.
    for (const [i, article] of batch.entries())
      expect((await findVersionCandidateIn(db, article))?.previous.id ?? null).toBe(
        found[i]?.previous.id ?? null,
      );
  });
});

describe('recording a new version', () => {
  it('keeps every annotation: re-anchored on the same words, or orphaned with its old quote', async () => {
    const db = freshDb();
    const tag = starterTags()[0]!;
    await db.tags.add(tag);
    const seed = await store(db, seedText, 'seed.txt');
    const tagged = [0, 3, 4, dropped, 25];
    for (const i of tagged) await toggleStatementTag(db, seed.article, seed.statements[i]!, tag, 'me');
    const copy = await store(db, revised, 'revised.txt');

    const result = await acceptVersionIn(db, copy.article.id, seed.article.id);
    expect(result.carried).toHaveLength(tagged.length);
    expect((await db.articles.get(copy.article.id))?.versionOf).toBe(seed.article.id);
    const carried = await db.annotations.where('articleId').equals(copy.article.id).toArray();
    expect(carried).toHaveLength(tagged.length);
    expect(carried.every((a) => a.tagIds.includes(tag.id))).toBe(true);

    const orphans = await orphanedAnnotationsIn(db, copy.article.id);
    expect(orphans.map((o) => o.quote.exact)).toEqual([gold.statements[dropped]!.text]);
    for (const a of carried.filter((x) => !x.orphaned)) {
      // The placed quote is what the new text says there, and it is attached to the statement it lies in.
      expect(revised.slice(a.position.start, a.position.end)).toBe(a.quote.exact);
      const st = copy.statements.find((s) => s.id === a.statementIds[0]);
      expect(st && st.start <= a.position.start && st.end >= a.position.end).toBe(true);
    }
    // Unchanged statements are found word for word; an edited one lands on its edited wording.
    const unchanged = carried.find((a) => a.quote.exact === gold.statements[3]!.text);
    expect(unchanged?.orphaned).toBe(false);
    const edited = carried.find((a) => a.quote.exact.includes('8,000 militants'));
    expect(edited?.orphaned).toBe(false);
    // The previous version keeps its own annotations.
    expect(await db.annotations.where('articleId').equals(seed.article.id).count()).toBe(tagged.length);

    await undo(db);
    expect(await db.annotations.where('articleId').equals(copy.article.id).count()).toBe(0);
    expect((await db.articles.get(copy.article.id))?.versionOf).toBeNull();
  });
});
