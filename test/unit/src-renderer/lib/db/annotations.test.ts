// Annotation edits on the workspace database: create by tagging a span, note, grade, delete,
// source reliability — each undoable and redoable, empty annotations removed.
import 'fake-indexeddb/auto';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { openDatabase, type CorroborateDB } from '../../../../../src-renderer/lib/db/db';
import { storeExtractedArticle } from '../../../../../src-renderer/lib/db/articles';
import { starterTags } from '../../../../../src-renderer/lib/db/tags';
import { undo, redo } from '../../../../../src-renderer/lib/db/history';
import {
  annotationForSpan,
  annotationsOfArticle,
  annotationsOfStatements,
  deleteAnnotation,
  getAuthor,
  setAuthor,
  setSourceReliability,
  setSpanCredibility,
  setSpanNote,
  toggleSpanTag,
  updateAnnotation,
  type Span,
} from '../../../../../src-renderer/lib/db/annotations';
import { statementsInSpan } from '../../../../../src-renderer/features/reader/spans';
import { importBytes } from '../../../../../src-main/core/import/pipeline';

const seedBytes = new Uint8Array(readFileSync('test/fixtures/car-dec-2020.txt'));
const gold = JSON.parse(readFileSync('test/fixtures/statements.gold.json', 'utf8')) as {
  statements: { text: string; via: string | null }[];
};

async function seeded() {
  const db: CorroborateDB = openDatabase('annotations-' + Math.random());
  const extracted = await importBytes(seedBytes, 'car-dec-2020.txt');
  const stored = await storeExtractedArticle(db, extracted);
  if (stored.outcome !== 'imported') throw new Error('seed not imported');
  await db.tags.bulkAdd(starterTags());
  const article = stored.article;
  const statements = await db.statements.where('articleId').equals(article.id).sortBy('index');
  const tags = await db.tags.toArray();
  const phrase = 'Russia and Rwanda had deployed military forces';
  const start = article.text.indexOf(phrase);
  const span: Span = {
    start,
    end: start + phrase.length,
    statementIds: statementsInSpan(statements, start, start + phrase.length).map((s) => s.id),
  };
  return { db, article, statements, tag: tags.find((t) => t.shortcut === 1)!, span, phrase };
}

describe('annotations', () => {
  it('creates an annotation with W3C selectors when a span is tagged, and undo/redo remove and restore it', async () => {
    const { db, article, statements, tag, span, phrase } = await seeded();
    expect(span.statementIds).toEqual([statements[0]!.id]);
    expect(await toggleSpanTag(db, article, span, tag, 'Ana')).toBe('added');
    const a = (await annotationForSpan(db, article.id, span))!;
    expect(a.quote.exact).toBe(phrase);
    expect(article.text.slice(0, span.start).endsWith(a.quote.prefix)).toBe(true);
    expect(article.text.slice(span.end).startsWith(a.quote.suffix)).toBe(true);
    expect(a.position).toEqual({ start: span.start, end: span.end });
    expect(a.tagIds).toEqual([tag.id]);
    expect(a.author).toBe('Ana');

    expect(await undo(db)).toMatch(/Add tag/);
    expect(await db.annotations.count()).toBe(0);
    await redo(db);
    expect((await annotationForSpan(db, article.id, span))?.tagIds).toEqual([tag.id]);
  });

  it("reads an article's annotations whole as its statements' would be read one by one", async () => {
    const { db, article, statements, tag, span } = await seeded();
    await toggleSpanTag(db, article, span, tag, 'Ana');
    const last = statements.at(-1)!;
    await toggleSpanTag(
      db,
      article,
      { start: last.start, end: last.end, statementIds: [last.id] },
      tag,
      'Ana',
    );
    const whole = await annotationsOfArticle(db, article.id);
    expect(whole.map((a) => a.position.start).sort((x, y) => x - y)).toEqual([span.start, last.start]);
    const byStatement = await annotationsOfStatements(
      db,
      statements.map((s) => s.id),
    );
    expect(new Set(whole.map((a) => a.id))).toEqual(new Set(byStatement.map((a) => a.id)));
    expect(await annotationsOfArticle(db, 'another article')).toEqual([]);
  });

  it('edits note and credibility on the same annotation, each step undoable', async () => {
    const { db, article, tag, span } = await seeded();
    await toggleSpanTag(db, article, span, tag, 'Ana');
    await setSpanNote(db, article, span, 'A **bold** claim', 'Ana');
    await setSpanCredibility(db, article, span, 2, 'Ana');
    expect(await db.annotations.count()).toBe(1);
    let a = (await annotationForSpan(db, article.id, span))!;
    expect([a.note, a.credibility, a.tagIds]).toEqual(['A **bold** claim', 2, [tag.id]]);
    expect(a.updatedAt >= a.createdAt).toBe(true);

    await undo(db);
    a = (await annotationForSpan(db, article.id, span))!;
    expect([a.note, a.credibility]).toEqual(['A **bold** claim', null]);
    await undo(db);
    expect((await annotationForSpan(db, article.id, span))!.note).toBe('');
    await redo(db);
    await redo(db);
    expect((await annotationForSpan(db, article.id, span))!.credibility).toBe(2);
  });

  it('deletes an annotation left without tag, note or grade, and restores it on undo', async () => {
    const { db, article, tag, span } = await seeded();
    await toggleSpanTag(db, article, span, tag, 'Ana');
    expect(await toggleSpanTag(db, article, span, tag, 'Ana')).toBe('removed');
    expect(await db.annotations.count()).toBe(0);
    await undo(db);
    expect(await db.annotations.count()).toBe(1);

    const a = (await annotationForSpan(db, article.id, span))!;
    await updateAnnotation(db, a.id, { credibility: 5 });
    await deleteAnnotation(db, a.id);
    expect(await db.annotations.count()).toBe(0);
    expect(await undo(db)).toBe('Delete annotation');
    expect((await db.annotations.get(a.id))?.credibility).toBe(5);
  });

  it('annotates a span across statements with every covered statement', async () => {
    const { db, article, statements, tag } = await seeded();
    const start = statements[0]!.end - 10;
    const end = statements[2]!.start + 5;
    const span = { start, end, statementIds: statementsInSpan(statements, start, end).map((s) => s.id) };
    await toggleSpanTag(db, article, span, tag, 'Ana');
    const covering = await db.annotations.where('statementIds').equals(statements[1]!.id).toArray();
    expect(covering).toHaveLength(1);
    expect(covering[0]!.statementIds).toEqual(statements.slice(0, 3).map((s) => s.id));
  });

  it('sets a source reliability undoably, and keeps the author preference', async () => {
    const { db } = await seeded();
    const relay = (await db.sources.toArray()).find((s) => /Radio Free Europe/.test(s.name));
    expect(relay, `a source for ${gold.statements[1]!.via}`).toBeTruthy();
    await setSourceReliability(db, relay!.id, 'B');
    expect((await db.sources.get(relay!.id))!.reliability).toBe('B');
    await undo(db);
    expect((await db.sources.get(relay!.id))!.reliability).toBeNull();

    expect(await getAuthor(db)).toBe('Analyst');
    await setAuthor(db, '  M. Ekwueme ');
    expect(await getAuthor(db)).toBe('M. Ekwueme');
  });
});
