// The workspace ⇄ dossier bridge on a real (fake-indexeddb) database: exact restore, merge, re-import, clear.
import 'fake-indexeddb/auto';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { normaliseDossier, validateDossier, type Dossier } from '../../../../../src-main/shared/dossier';
import { importBytes } from '../../../../../src-main/core/import/pipeline';
import { openDatabase } from '../../../../../src-renderer/lib/db/db';
import { seedIfNew } from '../../../../../src-renderer/lib/db/workspace';
import { toggleStatementTag } from '../../../../../src-renderer/lib/db/tags';
import {
  clearWorkspace,
  importDossierIntoWorkspace,
  isWorkspaceEmpty,
  readWorkspaceDossier,
  replaceWorkspace,
} from '../../../../../src-renderer/lib/db/dossier';

const seedBytes = new Uint8Array(readFileSync('test/fixtures/car-dec-2020.txt'));
const gold = JSON.parse(readFileSync('test/fixtures/statements.gold.json', 'utf8')) as {
  statements: { text: string }[];
};
let n = 0;
const freshDb = () => openDatabase(`dossier-ui-${Date.now()}-${n++}`);
/** The records only: what a restore must reproduce (the header says when and by whom it was written). */
const records = (d: Dossier) => {
  const { exportedAt: _at, exportedBy: _by, ...rest } = normaliseDossier(d);
  return rest;
};

/** The seed article with the starter codebook, and statement 2 tagged with shortcut 1 (as in the E2E). */
async function annotatedWorkspace() {
  const db = freshDb();
  await seedIfNew(db, async () => [await importBytes(seedBytes, 'car-dec-2020.txt')]);
  const article = (await db.articles.toArray())[0]!;
  const statements = await db.statements.where('articleId').equals(article.id).sortBy('index');
  const tag = (await db.tags.filter((t) => t.shortcut === 1).first())!;
  await toggleStatementTag(db, article, statements[1]!, tag, 'Tester');
  return { db, article, statements, tag };
}

describe('workspace → dossier → workspace', () => {
  it('reads every table into a valid dossier holding the seed, its statements and the tag', async () => {
    const { db, statements, tag } = await annotatedWorkspace();
    const d = await readWorkspaceDossier(db, 'Corroborate test');
    const checked = validateDossier(JSON.parse(JSON.stringify(d)));
    expect(checked.ok).toBe(true);
    expect(d.statements).toHaveLength(gold.statements.length);
    expect(d.annotations).toHaveLength(1);
    expect(d.annotations[0]!.tagIds).toEqual([tag.id]);
    expect(d.annotations[0]!.statementIds).toEqual([statements[1]!.id]);
    expect(d.tags.length).toBeGreaterThanOrEqual(4);
  });

  it('restores a JSON round trip into an empty workspace exactly', async () => {
    const { db } = await annotatedWorkspace();
    const before = await readWorkspaceDossier(db, 'A');
    const target = freshDb();
    expect(await isWorkspaceEmpty(target)).toBe(true);
    const result = await importDossierIntoWorkspace(target, JSON.parse(JSON.stringify(before)), 'import');
    expect(result.mode).toBe('restored');
    const total =
      before.articles.length +
      before.statements.length +
      before.sources.length +
      before.annotations.length +
      before.tags.length +
      before.imports.length;
    expect(result.report.added).toBe(total);
    expect(records(await readWorkspaceDossier(target, 'B'))).toEqual(records(before));
  });

  it('merges an independently imported copy of the same article under the workspace’s ids', async () => {
    const { db, article } = await annotatedWorkspace();
    const other = freshDb();
    await seedIfNew(other, async () => [await importBytes(seedBytes, 'copy.txt')]);
    const theirs = await readWorkspaceDossier(other, 'colleague');
    expect(theirs.articles[0]!.id).not.toBe(article.id);
    const before = await readWorkspaceDossier(db, 'A');
    const result = await importDossierIntoWorkspace(db, theirs, 'Import copy');
    expect(await db.articles.count()).toBe(1); // matched by content hash, not duplicated
    expect(await db.statements.count()).toBe(gold.statements.length);
    expect(result.articleIds).toEqual([(await db.articles.toArray())[0]!.id]);
    // The tag on statement 2 still points at a statement that exists.
    const annotation = (await db.annotations.toArray())[0]!;
    expect(await db.statements.get(annotation.statementIds[0]!)).toBeDefined();
    expect(before.annotations).toHaveLength(1);
    // Both workspaces started from the starter codebook: its tags are matched by name, not doubled.
    const names = (await db.tags.toArray()).map((t) => t.name);
    expect(names).toHaveLength(new Set(names).size);
    expect(result.report.conflicts.filter((c) => c.table === 'tags')).toEqual([]);
  });

  it('re-importing the same dossier into the workspace changes nothing', async () => {
    const { db } = await annotatedWorkspace();
    const before = await readWorkspaceDossier(db, 'A');
    const historyBefore = await db.history.count();
    const result = await importDossierIntoWorkspace(db, structuredClone(before), 'again');
    expect(result.mode).toBe('merged');
    expect(result.report.added + result.report.updated).toBe(0);
    expect(result.report.conflicts).toEqual([]);
    expect(records(await readWorkspaceDossier(db, 'A'))).toEqual(records(before));
    expect(await db.history.count()).toBe(historyBefore); // no empty undo step either
  });

  it('merges a colleague’s newer note into a non-empty workspace in one undoable step', async () => {
    const { db } = await annotatedWorkspace();
    const theirs = await readWorkspaceDossier(db, 'colleague');
    const annotation = theirs.annotations[0]!;
    annotation.note = 'Confirmed by a second source.';
    annotation.updatedAt = new Date(Date.now() + 60_000).toISOString();
    const result = await importDossierIntoWorkspace(db, theirs, 'Import dossier');
    expect(result.report.updated).toBe(1);
    expect((await db.annotations.get(annotation.id))?.note).toBe('Confirmed by a second source.');
    // The replaced version is kept in the dossier history, so it travels with the next export.
    const after = await readWorkspaceDossier(db, 'A');
    expect(after.history.map((h) => h.record.id)).toContain(annotation.id);
    const { undo } = await import('../../../../../src-renderer/lib/db/history');
    expect(await undo(db)).toBe('Import dossier');
    expect((await db.annotations.get(annotation.id))?.note).toBe('');
  });

  it('clears every table, and a backup restore brings the workspace back', async () => {
    const { db } = await annotatedWorkspace();
    const before = await readWorkspaceDossier(db, 'A');
    await clearWorkspace(db);
    expect(await isWorkspaceEmpty(db)).toBe(true);
    expect(await db.history.count()).toBe(0);
    await replaceWorkspace(db, before);
    expect(records(await readWorkspaceDossier(db, 'A'))).toEqual(records(before));
  });
});
