// Codebook edits on the workspace database: usage counts with child tags, unique shortcut keys,
// re-parenting without cycles, merging and deleting tags (annotations follow), .qdc round trip.
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import type { Annotation, Tag } from '../../../../../src-main/shared/domain';
import { openDatabase, type CorroborateDB } from '../../../../../src-renderer/lib/db/db';
import { starterTags, STARTER_CODEBOOK } from '../../../../../src-renderer/lib/db/tags';
import { undo } from '../../../../../src-renderer/lib/db/history';
import {
  codebookDossier,
  createTag,
  deleteTag,
  importCodebookTags,
  mergeTags,
  moveTag,
  readCodebook,
  updateTag,
} from '../../../../../src-renderer/lib/db/codebook';
import { exportQdc, parseQdc } from '../../../../../src-main/core/export/qdc';

const KEY_CLAIM = STARTER_CODEBOOK[0]!.name;
const DENIAL = STARTER_CODEBOOK[1]!.name;

function annotation(id: string, tagIds: string[], extra: Partial<Annotation> = {}): Annotation {
  return {
    id,
    articleId: 'a1',
    statementIds: ['s1'],
    quote: { exact: 'x', prefix: '', suffix: '' },
    position: { start: 0, end: 1 },
    note: '',
    tagIds,
    credibility: null,
    author: 'Analyst',
    orphaned: false,
    createdAt: '2026-01-01T00:00:00Z',
    updatedAt: '2026-01-01T00:00:00Z',
    ...extra,
  };
}

async function workspace() {
  const db: CorroborateDB = openDatabase('codebook-' + Math.random());
  await db.tags.bulkAdd(starterTags());
  const tags = await db.tags.toArray();
  const byName = (name: string) => tags.find((t) => t.name === name)!;
  return { db, keyClaim: byName(KEY_CLAIM), denial: byName(DENIAL) };
}

const tagNamed = async (db: CorroborateDB, name: string) =>
  (await db.tags.toArray()).find((t) => t.name === name);

describe('codebook', () => {
  it('counts annotations per tag including child tags, each annotation once', async () => {
    const { db, keyClaim } = await workspace();
    const child = await createTag(db, { name: 'Troop numbers', parentId: keyClaim.id });
    expect(child.parentId).toBe(keyClaim.id);
    await db.annotations.bulkAdd([
      annotation('n1', [keyClaim.id]),
      annotation('n2', [child.id]),
      annotation('n3', [keyClaim.id, child.id]),
    ]);
    const { usage } = await readCodebook(db);
    expect(usage.get(keyClaim.id)).toEqual({ own: 2, total: 3 });
    expect(usage.get(child.id)).toEqual({ own: 2, total: 2 });
  });

  it('keeps shortcut keys unique: giving a key moves it from the tag that held it', async () => {
    const { db, keyClaim, denial } = await workspace();
    await updateTag(db, denial.id, { shortcut: keyClaim.shortcut });
    expect((await db.tags.get(denial.id))!.shortcut).toBe(keyClaim.shortcut);
    expect((await db.tags.get(keyClaim.id))!.shortcut).toBeNull();
    expect(await undo(db)).toMatch(/Edit tag/);
    expect((await db.tags.get(keyClaim.id))!.shortcut).toBe(1);
  });

  it('re-parents by moving, refusing to move a tag under its own child', async () => {
    const { db, keyClaim, denial } = await workspace();
    const child = await createTag(db, { name: 'Sub', parentId: keyClaim.id });
    expect(await moveTag(db, keyClaim.id, child.id)).toBe(false);
    expect(await moveTag(db, child.id, denial.id)).toBe(true);
    expect((await db.tags.get(child.id))!.parentId).toBe(denial.id);
    expect(await moveTag(db, child.id, null)).toBe(true);
    expect((await db.tags.get(child.id))!.parentId).toBeNull();
  });

  it('merges two tags: annotations follow without duplicates, children move, undo restores', async () => {
    const { db, keyClaim, denial } = await workspace();
    const child = await createTag(db, { name: 'Sub', parentId: denial.id });
    await db.annotations.bulkAdd([annotation('n1', [denial.id]), annotation('n2', [denial.id, keyClaim.id])]);
    expect(await mergeTags(db, denial.id, keyClaim.id)).toBe(true);
    expect(await db.tags.get(denial.id)).toBeUndefined();
    expect((await db.annotations.get('n1'))!.tagIds).toEqual([keyClaim.id]);
    expect((await db.annotations.get('n2'))!.tagIds).toEqual([keyClaim.id]);
    expect((await db.tags.get(child.id))!.parentId).toBe(keyClaim.id);
    await undo(db);
    expect(await db.tags.get(denial.id)).toBeDefined();
    expect((await db.annotations.get('n2'))!.tagIds).toEqual([denial.id, keyClaim.id]);
  });

  it('deletes a tag with each choice of what happens to its annotations', async () => {
    const { db, keyClaim, denial } = await workspace();
    const setup = async () => {
      const child = await createTag(db, { name: 'Child ' + Math.random(), parentId: keyClaim.id });
      await db.annotations.bulkPut([
        annotation('only', [child.id]),
        annotation('noted', [child.id], { note: 'keep me' }),
        annotation('graded', [child.id], { credibility: 3 }),
        annotation('both', [child.id, denial.id]),
      ]);
      return child;
    };
    let child = await setup();
    await deleteTag(db, child.id, 'remove');
    expect(await db.annotations.get('only')).toBeUndefined(); // nothing left on it
    expect((await db.annotations.get('graded'))!.tagIds).toEqual([]);
    expect((await db.annotations.get('both'))!.tagIds).toEqual([denial.id]);

    child = await setup();
    await deleteTag(db, child.id, 'parent');
    expect((await db.annotations.get('only'))!.tagIds).toEqual([keyClaim.id]);
    expect((await db.annotations.get('both'))!.tagIds).toEqual([keyClaim.id, denial.id]);

    child = await setup();
    await deleteTag(db, child.id, 'delete-orphans');
    expect(await db.annotations.get('only')).toBeUndefined();
    expect(await db.annotations.get('graded')).toBeUndefined();
    expect((await db.annotations.get('noted'))!.note).toBe('keep me');
    expect((await db.annotations.get('both'))!.tagIds).toEqual([denial.id]);
    expect(await db.tags.get(child.id)).toBeUndefined();
  });

  it('exports the codebook as .qdc and imports only the tags the workspace lacks, keeping ids', async () => {
    const { db, keyClaim } = await workspace();
    const child = await createTag(db, { name: 'Troop numbers', parentId: keyClaim.id });
    const tags = await db.tags.toArray();
    const xml = await exportQdc(codebookDossier(tags, '2026-01-01T00:00:00Z'));
    const parsed = parseQdc(xml);
    expect(parsed.map((t) => t.name).sort()).toEqual(tags.map((t) => t.name).sort());

    expect(await importCodebookTags(db, parsed)).toEqual([]); // all present already

    const other: CorroborateDB = openDatabase('codebook-other-' + Math.random());
    await other.tags.bulkAdd(starterTags());
    const added = await importCodebookTags(other, parsed);
    expect(added.map((t) => t.name)).toEqual([child.name]);
    expect(added[0]!.id).toBe(child.id);
    const parent = await tagNamed(other, KEY_CLAIM);
    expect(added[0]!.parentId).toBe(parent!.id);
    expect(await other.tags.count()).toBe(tags.length);
  });

  it('adds an imported tag whose id is taken by another tag under a fresh id', async () => {
    const { db, keyClaim } = await workspace();
    const clash: Tag = { ...keyClaim, name: 'Something else' };
    const [added] = await importCodebookTags(db, [clash]);
    expect(added!.name).toBe('Something else');
    expect(added!.id).not.toBe(keyClaim.id);
    expect((await db.tags.get(keyClaim.id))!.name).toBe(KEY_CLAIM);
  });
});
