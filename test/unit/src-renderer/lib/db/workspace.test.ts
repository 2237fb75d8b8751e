// The workspace database in Node (fake-indexeddb): schema upgrades keep data, imports are
// atomic and de-duplicated, sources merge by alias, tags survive and undo/redo work.
import 'fake-indexeddb/auto';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../../../../src-renderer/lib/db/db';
import { LATEST_VERSION } from '../../../../../src-renderer/lib/db/schema';
import { storeExtractedArticle } from '../../../../../src-renderer/lib/db/articles';
import { seedIfNew } from '../../../../../src-renderer/lib/db/workspace';
import { toggleStatementTag, statementAnnotation } from '../../../../../src-renderer/lib/db/tags';
import { EditRefused, refuseEdits, undo, redo } from '../../../../../src-renderer/lib/db/history';
import { importBytes } from '../../../../../src-main/core/import/pipeline';
import { selectorsFor } from '../../../../../src-main/shared/selectors';

const seedBytes = new Uint8Array(readFileSync('test/fixtures/car-dec-2020.txt'));
let n = 0;
const freshDb = (upTo?: number) => openDatabase(`test-${Date.now()}-${n++}`, upTo);

describe('workspace database', () => {
  it('keeps the undo log usable across the upgrade to version 2', async () => {
    const name = `undo-upgrade-${Date.now()}`;
    const v1 = openDatabase(name, 1);
    await seedIfNew(v1, async () => [await importBytes(seedBytes, 'car-dec-2020.txt')]);
    const article = (await v1.articles.toArray())[0]!;
    const st = (await v1.statements.where('articleId').equals(article.id).sortBy('index'))[0]!;
    const tag = (await v1.tags.toArray())[0]!;
    // What version 1 wrote for an edit: the record and an undo entry (no `undone` index yet).
    const ann = {
      id: 'ann-1',
      articleId: article.id,
      statementIds: [st.id],
      ...selectorsFor(article.text, st.start, st.end),
      note: '',
      tagIds: [tag.id],
      credibility: null,
      author: 'Tester',
      orphaned: false,
      createdAt: article.importedAt,
      updatedAt: article.importedAt,
    };
    await v1.annotations.add(ann);
    await v1.history.add({
      at: ann.createdAt,
      label: 'Add tag',
      changes: [{ table: 'annotations', id: ann.id, before: null, after: ann }],
      undone: 0,
    });
    v1.close();
    const v2 = openDatabase(name);
    expect(await undo(v2)).toMatch(/Add tag/);
    expect(await statementAnnotation(v2, st)).toBeUndefined();
    expect(await redo(v2)).toMatch(/Add tag/);
    v2.close();
  });

  it('keeps every record through each schema upgrade', async () => {
    for (let v = 1; v <= LATEST_VERSION; v++) {
      const name = `upgrade-${v}-${Date.now()}`;
      const old = openDatabase(name, v);
      const article = await importBytes(seedBytes, 'seed.txt');
      await storeExtractedArticle(old, article);
      const counts = {
        articles: await old.articles.count(),
        statements: await old.statements.count(),
        sources: await old.sources.count(),
      };
      old.close();
      const latest = openDatabase(name);
      await latest.open();
      expect(latest.verno).toBe(LATEST_VERSION);
      expect({
        articles: await latest.articles.count(),
        statements: await latest.statements.count(),
        sources: await latest.sources.count(),
      }).toEqual(counts);
      latest.close();
    }
  });

  it('stores an imported article in one go and refuses the same text twice', async () => {
    const db = freshDb();
    const article = await importBytes(seedBytes, 'seed.txt');
    const first = await storeExtractedArticle(db, article);
    expect(first.outcome).toBe('imported');
    expect(await db.statements.count()).toBe(article.statements.length);
    const again = await storeExtractedArticle(db, { ...article, fileName: 'copy.txt' });
    expect(again.outcome).toBe('duplicate');
    expect(again.article.id).toBe(first.article.id);
    expect(await db.articles.count()).toBe(1);
  });

  it('writes nothing when the transaction fails half-way', async () => {
    const db = freshDb();
    const article = await importBytes(seedBytes, 'seed.txt');
    // The statements write fails after the article row was added: nothing may remain.
    const origAdd = db.statements.bulkAdd.bind(db.statements);
    db.statements.bulkAdd = (() => Promise.reject(new Error('disk full'))) as never;
    await expect(storeExtractedArticle(db, article)).rejects.toThrow('disk full');
    db.statements.bulkAdd = origAdd;
    expect(await db.articles.count()).toBe(0);
    expect(await db.sources.count()).toBe(0);
  });

  it('seeds the sample dossier and starter codebook once', async () => {
    const db = freshDb();
    const load = async () => [await importBytes(seedBytes, 'car-dec-2020.txt')];
    expect(await seedIfNew(db, load)).toBe(true);
    expect(await seedIfNew(db, load)).toBe(false);
    expect(await db.articles.count()).toBe(1);
    expect((await db.tags.toArray()).map((t) => t.shortcut).sort()).toEqual([1, 2, 3, 4]);
  });

  it('tags a statement, and undo/redo remove and restore the tag', async () => {
    const db = freshDb();
    await seedIfNew(db, async () => [await importBytes(seedBytes, 'car-dec-2020.txt')]);
    const article = (await db.articles.toArray())[0]!;
    const st = (await db.statements.where('articleId').equals(article.id).sortBy('index'))[0]!;
    const tag = (await db.tags.filter((t) => t.shortcut === 1).first())!;
    expect(await toggleStatementTag(db, article, st, tag, 'Tester')).toBe('added');
    const ann = await statementAnnotation(db, st);
    expect(ann?.tagIds).toEqual([tag.id]);
    expect(ann?.quote.exact).toBe(article.text.slice(st.start, st.end));
    expect(await undo(db)).toMatch(/Add tag/);
    expect(await statementAnnotation(db, st)).toBeUndefined();
    expect(await redo(db)).toMatch(/Add tag/);
    expect((await statementAnnotation(db, st))?.tagIds).toEqual([tag.id]);
    expect(await redo(db)).toBeNull();
  });

  it("refuses a reader's edit with the reason given, and takes edits again afterwards", async () => {
    const db = freshDb();
    await seedIfNew(db, async () => [await importBytes(seedBytes, 'car-dec-2020.txt')]);
    const article = (await db.articles.toArray())[0]!;
    const st = (await db.statements.where('articleId').equals(article.id).sortBy('index'))[0]!;
    const tag = (await db.tags.filter((t) => t.shortcut === 1).first())!;
    refuseEdits('readers cannot change this dossier');
    try {
      const refused = toggleStatementTag(db, article, st, tag, 'Rita');
      await expect(refused).rejects.toBeInstanceOf(EditRefused);
      await expect(refused).rejects.toThrow('readers cannot change this dossier');
      expect(await statementAnnotation(db, st)).toBeUndefined();
    } finally {
      refuseEdits(null);
    }
    expect(await toggleStatementTag(db, article, st, tag, 'Rita')).toBe('added');
  });

  it('merges speakers across articles into one source', async () => {
    const db = freshDb();
    await storeExtractedArticle(db, await importBytes(seedBytes, 'seed.txt'));
    const other = new TextEncoder().encode(
      '“We have no soldiers in the region,” Russian Deputy Foreign Minister Mikhail Bogdanov said.\n\nBogdanov added that talks would continue.\n',
    );
    await storeExtractedArticle(db, await importBytes(other, 'other.txt'));
    const named = (await db.sources.toArray()).filter((s) => /Bogdanov/.test(s.name));
    expect(named).toHaveLength(1);
  });
});
