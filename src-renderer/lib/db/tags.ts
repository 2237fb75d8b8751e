// The codebook (hierarchical tags) and tagging of whole statements.
import type { Annotation, Article, Statement, Tag } from '../../../src-main/shared/domain';
import { selectorsFor } from '../../../src-main/shared/selectors';
import { type CorroborateDB, newId, now } from './db';
import { applyEdit } from './history';

/** A starter codebook for a new workspace, with shortcut keys 1–4. */
export const STARTER_CODEBOOK: { name: string; colour: string; description: string }[] = [
  { name: 'Key claim', colour: '#d9534f', description: 'A central factual claim worth verifying.' },
  { name: 'Denial', colour: '#6f42c1', description: 'An actor denies or disputes something.' },
  { name: 'Figure', colour: '#e8a33d', description: 'A number, count or date that others may contradict.' },
  { name: 'Needs verification', colour: '#2c7fb8', description: 'Unconfirmed; check against other sources.' },
];

export function starterTags(): Tag[] {
  const at = now();
  return STARTER_CODEBOOK.map((t, i) => ({
    id: newId(),
    name: t.name,
    colour: t.colour,
    parentId: null,
    description: t.description,
    shortcut: i + 1,
    createdAt: at,
    updatedAt: at,
  }));
}

/** The annotation that covers exactly this statement, if any. */
export async function statementAnnotation(db: CorroborateDB, st: Statement): Promise<Annotation | undefined> {
  return db.annotations
    .where('statementIds')
    .equals(st.id)
    .filter((a) => a.position.start === st.start && a.position.end === st.end)
    .first();
}

/** Add or remove a tag on a whole statement (as an annotation spanning it), undoably. */
export async function toggleStatementTag(
  db: CorroborateDB,
  article: Article,
  st: Statement,
  tag: Tag,
  author: string,
): Promise<'added' | 'removed'> {
  const existing = await statementAnnotation(db, st);
  const at = now();
  if (existing) {
    const has = existing.tagIds.includes(tag.id);
    const tagIds = has ? existing.tagIds.filter((t) => t !== tag.id) : [...existing.tagIds, tag.id];
    const empty = tagIds.length === 0 && !existing.note && existing.credibility === null;
    await applyEdit(db, `${has ? 'Remove' : 'Add'} tag “${tag.name}”`, [
      { table: 'annotations', id: existing.id, after: empty ? null : { ...existing, tagIds, updatedAt: at } },
    ]);
    return has ? 'removed' : 'added';
  }
  const annotation: Annotation = {
    id: newId(),
    articleId: article.id,
    statementIds: [st.id],
    ...selectorsFor(article.text, st.start, st.end),
    note: '',
    tagIds: [tag.id],
    credibility: null,
    author,
    orphaned: false,
    createdAt: at,
    updatedAt: at,
  };
  await applyEdit(db, `Add tag “${tag.name}”`, [
    { table: 'annotations', id: annotation.id, after: annotation },
  ]);
  return 'added';
}
