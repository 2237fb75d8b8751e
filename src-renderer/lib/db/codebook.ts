// The codebook: hierarchical tags edited undoably (create, edit, re-parent, merge, delete) with
// usage counts, and the tags of an imported REFI-QDA codebook added without duplicates.
import type { Annotation, Tag } from '../../../src-main/shared/domain';
import { emptyDossier, type Dossier } from '../../../src-main/shared/dossier';
import { type CorroborateDB, newId, now } from './db';
import { applyEdit, type EditOp } from './history';
import { descendantsOf } from '../tag-tree';
import { db as appDb } from './app-db';

export const TAG_COLOURS = [
  '#d9534f',
  '#6f42c1',
  '#e8a33d',
  '#2c7fb8',
  '#2e7d32',
  '#c2185b',
  '#00838f',
  '#795548',
];

/** What happens to a deleted tag's annotations. */
export type DeleteMode = 'remove' | 'parent' | 'delete-orphans';

export interface TagUsage {
  /** Annotations carrying this tag. */
  own: number;
  /** Annotations carrying this tag or any tag below it, each counted once. */
  total: number;
}

/** Usage counts per tag from the annotations' tag lists (including child tags, without double counting). */
export function tagUsage(
  tags: Pick<Tag, 'id' | 'parentId'>[],
  annotations: { tagIds: string[] }[],
): Map<string, TagUsage> {
  const parent = new Map(tags.map((t) => [t.id, t.parentId]));
  const usage = new Map<string, TagUsage>(tags.map((t) => [t.id, { own: 0, total: 0 }]));
  for (const a of annotations) {
    const ancestors = new Set<string>();
    for (const id of a.tagIds) {
      const u = usage.get(id);
      if (u) u.own++;
      // Walk up; the seen-set also stops a corrupt cycle.
      for (let at: string | null | undefined = id; at && !ancestors.has(at); at = parent.get(at))
        ancestors.add(at);
    }
    for (const id of ancestors) {
      const u = usage.get(id);
      if (u) u.total++;
    }
  }
  return usage;
}

export interface Codebook {
  tags: Tag[];
  usage: Map<string, TagUsage>;
}

/** Every tag (by name) with its usage counts. */
export async function readCodebook(db: CorroborateDB): Promise<Codebook> {
  return db.transaction('r', db.tags, db.annotations, async () => {
    const tags = (await db.tags.toArray()).sort((a, b) => a.name.localeCompare(b.name));
    // Only the tag lists are needed; reading keys of the multi-entry index avoids loading notes and quotes.
    const annotations: { tagIds: string[] }[] = [];
    const byId = new Map<string, string[]>();
    await db.annotations
      .where('tagIds')
      .anyOf(tags.map((t) => t.id))
      .eachKey((tagId, cursor) => {
        const id = String(cursor.primaryKey);
        const list = byId.get(id);
        if (list) list.push(String(tagId));
        else {
          const fresh = [String(tagId)];
          byId.set(id, fresh);
          annotations.push({ tagIds: fresh });
        }
      });
    return { tags, usage: tagUsage(tags, annotations) };
  });
}

const tagOp = (tag: Tag): EditOp => ({ table: 'tags', id: tag.id, after: tag });

function uniqueName(tags: Tag[], parentId: string | null, wanted: string): string {
  const taken = new Set(tags.filter((t) => t.parentId === parentId).map((t) => t.name.toLowerCase()));
  if (!taken.has(wanted.toLowerCase())) return wanted;
  for (let n = 2; ; n++) if (!taken.has(`${wanted} ${n}`.toLowerCase())) return `${wanted} ${n}`;
}

/**
 * A new tag under `parentId` (null: at the root) with the next unused colour, built from the tags
 * the caller already holds, so the UI can show and focus it before it is written.
 */
export function draftTag(
  tags: readonly Tag[],
  input: { name: string; parentId: string | null; colour?: string; description?: string },
): Tag {
  const parent = input.parentId ? tags.find((t) => t.id === input.parentId) : undefined;
  const at = now();
  return {
    id: newId(),
    name: uniqueName([...tags], input.parentId, input.name.trim() || 'New tag'),
    colour: input.colour ?? parent?.colour ?? TAG_COLOURS[tags.length % TAG_COLOURS.length]!,
    parentId: parent ? parent.id : null,
    description: input.description ?? '',
    shortcut: null,
    createdAt: at,
    updatedAt: at,
  };
}

/** Write a drafted tag (undoable). */
export async function addTag(db: CorroborateDB, tag: Tag): Promise<Tag> {
  await applyEdit(db, `Create tag “${tag.name}”`, [tagOp(tag)]);
  return tag;
}

/** A new tag under `parentId` (null: at the root), with the next unused colour. */
export async function createTag(
  db: CorroborateDB,
  input: { name: string; parentId: string | null; colour?: string; description?: string },
): Promise<Tag> {
  return addTag(db, draftTag(await db.tags.toArray(), input));
}

export type TagChange = Partial<Pick<Tag, 'name' | 'colour' | 'description' | 'shortcut'>>;

/** Edit a tag; a shortcut key already held by another tag moves to this one (keys stay unique). */
export async function updateTag(db: CorroborateDB, id: string, change: TagChange): Promise<void> {
  const tags = await db.tags.toArray();
  const tag = tags.find((t) => t.id === id);
  if (!tag) return;
  const at = now();
  const next: Tag = { ...tag, ...change, updatedAt: at };
  if (change.name !== undefined) next.name = change.name.trim() || tag.name;
  const ops = [tagOp(next)];
  if (change.shortcut) {
    for (const other of tags)
      if (other.id !== id && other.shortcut === change.shortcut)
        ops.push(tagOp({ ...other, shortcut: null, updatedAt: at }));
  }
  const what =
    change.name !== undefined && change.name !== tag.name
      ? `Rename tag “${tag.name}”`
      : `Edit tag “${tag.name}”`;
  await applyEdit(db, what, ops);
}

/** Whether `id` may move under `parentId` (not under itself or one of its own children). */
export function canMove(tags: Pick<Tag, 'id' | 'parentId'>[], id: string, parentId: string | null): boolean {
  return parentId === null || !descendantsOf(tags, id).has(parentId);
}

/** Re-parent a tag (null: to the root). Returns false when the move would make a cycle. */
export async function moveTag(db: CorroborateDB, id: string, parentId: string | null): Promise<boolean> {
  const tags = await db.tags.toArray();
  const tag = tags.find((t) => t.id === id);
  if (!tag || !canMove(tags, id, parentId) || tag.parentId === parentId) return false;
  if (parentId && !tags.some((t) => t.id === parentId)) return false;
  const target = parentId ? tags.find((t) => t.id === parentId)!.name : 'the top level';
  await applyEdit(db, `Move tag “${tag.name}” under ${target}`, [
    tagOp({ ...tag, parentId, updatedAt: now() }),
  ]);
  return true;
}

/** An annotation's tags with `from` replaced by `to` (or dropped when `to` is null), without duplicates. */
export function replaceTag(tagIds: string[], from: string, to: string | null): string[] {
  const out: string[] = [];
  for (const id of tagIds) {
    const next = id === from ? to : id;
    if (next && !out.includes(next)) out.push(next);
  }
  return out;
}

const isEmptyAnnotation = (a: Annotation) =>
  a.tagIds.length === 0 && a.note.trim() === '' && a.credibility === null;

/**
 * Merge `sourceId` into `targetId`: its annotations and child tags move to the target, then it is deleted.
 * The target keeps its own shortcut, or takes the source's when it has none.
 */
export async function mergeTags(db: CorroborateDB, sourceId: string, targetId: string): Promise<boolean> {
  if (sourceId === targetId) return false;
  const tags = await db.tags.toArray();
  const source = tags.find((t) => t.id === sourceId);
  const target = tags.find((t) => t.id === targetId);
  if (!source || !target) return false;
  const at = now();
  // Merging a tag into its own descendant would orphan that branch: lift the target to the source's place first.
  const targetParent = descendantsOf(tags, sourceId).has(targetId) ? source.parentId : target.parentId;
  const ops: EditOp[] = [
    tagOp({ ...target, parentId: targetParent, shortcut: target.shortcut ?? source.shortcut, updatedAt: at }),
  ];
  for (const child of tags)
    if (child.parentId === sourceId && child.id !== targetId)
      ops.push(tagOp({ ...child, parentId: targetId, updatedAt: at }));
  const annotations = await db.annotations.where('tagIds').equals(sourceId).toArray();
  for (const a of annotations)
    ops.push({
      table: 'annotations',
      id: a.id,
      after: { ...a, tagIds: replaceTag(a.tagIds, sourceId, targetId), updatedAt: at },
    });
  ops.push({ table: 'tags', id: sourceId, after: null });
  await applyEdit(db, `Merge tag “${source.name}” into “${target.name}”`, ops);
  return true;
}

/** How many annotations carry the tag itself (what a delete affects). */
export function annotationsWithTag(db: CorroborateDB, id: string): Promise<number> {
  return db.annotations.where('tagIds').equals(id).count();
}

/**
 * Delete a tag; its child tags move up to its parent. Its annotations: `remove` takes the tag off them,
 * `parent` puts the parent tag in its place, `delete-orphans` also deletes those left with no tag and no note.
 * Annotations left with nothing at all (no tag, note or grade) are deleted in every mode, as in the reader.
 */
export async function deleteTag(db: CorroborateDB, id: string, mode: DeleteMode): Promise<boolean> {
  const tags = await db.tags.toArray();
  const tag = tags.find((t) => t.id === id);
  if (!tag) return false;
  const at = now();
  const ops: EditOp[] = [];
  for (const child of tags)
    if (child.parentId === id) ops.push(tagOp({ ...child, parentId: tag.parentId, updatedAt: at }));
  const replacement = mode === 'parent' ? tag.parentId : null;
  for (const a of await db.annotations.where('tagIds').equals(id).toArray()) {
    const next = { ...a, tagIds: replaceTag(a.tagIds, id, replacement), updatedAt: at };
    const orphan = next.tagIds.length === 0 && next.note.trim() === '';
    const drop = isEmptyAnnotation(next) || (mode === 'delete-orphans' && orphan);
    ops.push({ table: 'annotations', id: a.id, after: drop ? null : next });
  }
  ops.push({ table: 'tags', id, after: null });
  await applyEdit(db, `Delete tag “${tag.name}”`, ops);
  return true;
}

/** A dossier holding only the codebook, for the .qdc export. */
export function codebookDossier(tags: Tag[], exportedAt: string, exportedBy = 'Corroborate'): Dossier {
  const d = emptyDossier(exportedAt, exportedBy);
  d.tags = tags.map((t) => ({ ...t }));
  d.scope = { whole: false, articleIds: [], tagIds: tags.map((t) => t.id), claimIds: [] };
  return d;
}

const pathKey = (names: string[]) => names.map((n) => n.trim().toLowerCase()).join('\u0000');

function pathsOf(tags: Pick<Tag, 'id' | 'parentId' | 'name'>[]): Map<string, string[]> {
  const byId = new Map(tags.map((t) => [t.id, t]));
  const paths = new Map<string, string[]>();
  for (const t of tags) {
    const names: string[] = [];
    const seen = new Set<string>();
    for (
      let at: typeof t | undefined = t;
      at && !seen.has(at.id);
      at = at.parentId ? byId.get(at.parentId) : undefined
    ) {
      seen.add(at.id);
      names.unshift(at.name);
    }
    paths.set(t.id, names);
  }
  return paths;
}

/**
 * Add the tags of an imported codebook that the workspace lacks (same name under the same parent path
 * counts as present), keeping their ids where free. Returns the tags added (one undoable edit).
 */
export async function importCodebookTags(
  db: CorroborateDB,
  incoming: Tag[],
  label = 'Import codebook',
): Promise<Tag[]> {
  const existing = await db.tags.toArray();
  const existingIds = new Set(existing.map((t) => t.id));
  const byPath = new Map<string, string>();
  for (const [id, names] of pathsOf(existing)) byPath.set(pathKey(names), id);
  const usedKeys = new Set(existing.map((t) => t.shortcut).filter((k): k is number => k !== null));
  const incomingPaths = pathsOf(incoming);
  // Parents before children, so each child's parent id is already resolved.
  const ordered = [...incoming].sort(
    (a, b) => (incomingPaths.get(a.id)?.length ?? 0) - (incomingPaths.get(b.id)?.length ?? 0),
  );
  const idFor = new Map<string, string>();
  const added: Tag[] = [];
  const at = now();
  for (const t of ordered) {
    const key = pathKey(incomingPaths.get(t.id) ?? [t.name]);
    const present = byPath.get(key);
    if (present) {
      idFor.set(t.id, present);
      continue;
    }
    const id = existingIds.has(t.id) ? newId() : t.id;
    const shortcut = t.shortcut && !usedKeys.has(t.shortcut) ? t.shortcut : null;
    if (shortcut) usedKeys.add(shortcut);
    const tag: Tag = {
      ...t,
      id,
      parentId: t.parentId ? (idFor.get(t.parentId) ?? null) : null,
      shortcut,
      createdAt: t.createdAt || at,
      updatedAt: at,
    };
    existingIds.add(id);
    idFor.set(t.id, id);
    byPath.set(key, id);
    added.push(tag);
  }
  await applyEdit(db, label, added.map(tagOp));
  return added;
}

// Bound to the app's database, for components.
export const codebook = {
  read: () => readCodebook(appDb),
  create: (input: Parameters<typeof createTag>[1]) => createTag(appDb, input),
  add: (tag: Tag) => addTag(appDb, tag),
  update: (id: string, change: TagChange) => updateTag(appDb, id, change),
  move: (id: string, parentId: string | null) => moveTag(appDb, id, parentId),
  merge: (sourceId: string, targetId: string) => mergeTags(appDb, sourceId, targetId),
  remove: (id: string, mode: DeleteMode) => deleteTag(appDb, id, mode),
  annotationsWithTag: (id: string) => annotationsWithTag(appDb, id),
  importTags: (tags: Tag[], label?: string) => importCodebookTags(appDb, tags, label),
  all: () => appDb.tags.toArray(),
};
