// Annotations on spans of an article (tags, Markdown note, credibility), source reliability and
// the author preference. Every edit goes through applyEdit, so it is undoable across reloads.
import type {
  Annotation,
  Article,
  Reliability,
  Source,
  Statement,
  Tag,
} from '../../../src-main/shared/domain';
import { selectorsFor } from '../../../src-main/shared/selectors';
import { type CorroborateDB, newId, now } from './db';
import { applyEdit } from './history';
import { getMeta, setMeta } from './workspace';
import { db as appDb } from './app-db';
import { toggleStatementTag } from './tags';

/** A span of an article's text and the statements it covers (in reading order). */
export interface Span {
  start: number;
  end: number;
  statementIds: string[];
}

export type AnnotationChange = Partial<Pick<Annotation, 'note' | 'tagIds' | 'credibility'>>;

const isEmpty = (a: Pick<Annotation, 'tagIds' | 'note' | 'credibility'>) =>
  a.tagIds.length === 0 && a.note.trim() === '' && a.credibility === null;

/** The annotation on exactly this span, if any (looked up through the first covered statement). */
export async function annotationForSpan(
  db: CorroborateDB,
  articleId: string,
  span: Span,
): Promise<Annotation | undefined> {
  const first = span.statementIds[0];
  const candidates = first
    ? db.annotations.where('statementIds').equals(first)
    : db.annotations.where('articleId').equals(articleId);
  return candidates
    .filter(
      (a) => a.articleId === articleId && a.position.start === span.start && a.position.end === span.end,
    )
    .first();
}

/** The annotations covering a statement, oldest first. */
export function annotationsOfStatement(db: CorroborateDB, statementId: string): Promise<Annotation[]> {
  return db.annotations.where('statementIds').equals(statementId).sortBy('createdAt');
}

/**
 * The annotations covering any of these statements (the reader's visible window). A live query
 * on these keys re-runs only when an annotation on them changes, not for every edit in the article.
 * One index lookup per statement, all issued at once: IndexedDB serves them as a batch, where
 * `anyOf().distinct()` walks a cursor one round trip per key and per record (tens of ms per window).
 */
export function annotationsOfStatements(db: CorroborateDB, statementIds: string[]): Promise<Annotation[]> {
  if (statementIds.length === 0) return Promise.resolve([]);
  return db.transaction('r', db.annotations, async () => {
    const perStatement = await Promise.all(
      statementIds.map((id) => db.annotations.where('statementIds').equals(id).toArray()),
    );
    const byId = new Map<string, Annotation>();
    for (const list of perStatement) for (const a of list) byId.set(a.id, a);
    return [...byId.values()];
  });
}

/**
 * An article's annotations: one index read, for a reader window that is the whole article (where one lookup per
 * statement was some forty requests per open).
 */
export function annotationsOfArticle(db: CorroborateDB, articleId: string): Promise<Annotation[]> {
  return db.annotations.where('articleId').equals(articleId).toArray();
}

/** How many annotations an article has (an index count: nothing is read). */
export function countAnnotations(db: CorroborateDB, articleId: string | null): Promise<number> {
  return articleId ? db.annotations.where('articleId').equals(articleId).count() : Promise.resolve(0);
}

export function draftAnnotation(article: Article, span: Span, author: string): Annotation {
  const at = now();
  return {
    id: newId(),
    articleId: article.id,
    statementIds: [...span.statementIds],
    ...selectorsFor(article.text, span.start, span.end),
    note: '',
    tagIds: [],
    credibility: null,
    author,
    orphaned: false,
    createdAt: at,
    updatedAt: at,
  };
}

/** What an edit of a span left in the database: the annotation's id (null if there was none) and its record. */
export interface SpanEdit {
  id: string | null;
  /** The annotation as stored, or null when it was deleted (or never created). */
  stored: Annotation | null;
}

/**
 * Change the annotation on a span, creating it if there is none; an annotation left with no
 * tag, note or grade is deleted. The label may depend on the annotation found, so that a toggle
 * reads it once, in the same transaction.
 */
export async function editSpanRecord(
  db: CorroborateDB,
  article: Article,
  span: Span,
  author: string,
  label: string | ((existing: Annotation | undefined) => string),
  change: (a: Annotation) => AnnotationChange,
): Promise<SpanEdit> {
  return db.transaction('rw', [db.annotations, db.history], async () => {
    const existing = await annotationForSpan(db, article.id, span);
    const text = typeof label === 'string' ? label : label(existing);
    const base = existing ?? draftAnnotation(article, span, author);
    const next: Annotation = { ...base, ...change(base), updatedAt: now() };
    if (isEmpty(next)) {
      if (existing) await applyEdit(db, text, [{ table: 'annotations', id: existing.id, after: null }]);
      return { id: existing?.id ?? null, stored: null };
    }
    await applyEdit(db, text, [{ table: 'annotations', id: next.id, after: next }]);
    return { id: next.id, stored: next };
  });
}

/** editSpanRecord's annotation as stored (null when deleted). */
export async function editSpan(
  db: CorroborateDB,
  article: Article,
  span: Span,
  author: string,
  label: string,
  change: (a: Annotation) => AnnotationChange,
): Promise<Annotation | null> {
  return (await editSpanRecord(db, article, span, author, label, change)).stored;
}

/** Toggle a tag on the span's annotation; also says what was stored, so the reader can show it at once. */
export async function toggleSpanTagRecord(
  db: CorroborateDB,
  article: Article,
  span: Span,
  tag: { id: string; name: string },
  author: string,
): Promise<SpanEdit & { change: 'added' | 'removed' }> {
  let has = false;
  const edit = await editSpanRecord(
    db,
    article,
    span,
    author,
    (existing) => {
      has = !!existing?.tagIds.includes(tag.id);
      return `${has ? 'Remove' : 'Add'} tag “${tag.name}”`;
    },
    (a) => ({ tagIds: has ? a.tagIds.filter((t) => t !== tag.id) : [...a.tagIds, tag.id] }),
  );
  return { ...edit, change: has ? 'removed' : 'added' };
}

export async function toggleSpanTag(
  db: CorroborateDB,
  article: Article,
  span: Span,
  tag: { id: string; name: string },
  author: string,
): Promise<'added' | 'removed'> {
  return (await toggleSpanTagRecord(db, article, span, tag, author)).change;
}

export function setSpanNote(db: CorroborateDB, article: Article, span: Span, note: string, author: string) {
  return editSpan(db, article, span, author, note.trim() ? 'Edit note' : 'Clear note', () => ({ note }));
}

export function setSpanCredibility(
  db: CorroborateDB,
  article: Article,
  span: Span,
  credibility: number | null,
  author: string,
) {
  const label = credibility ? `Grade credibility ${credibility}` : 'Clear credibility';
  return editSpan(db, article, span, author, label, () => ({ credibility }));
}

/** Change an existing annotation by id (inspector edits). */
export async function updateAnnotation(
  db: CorroborateDB,
  id: string,
  change: AnnotationChange,
  label = 'Edit annotation',
): Promise<void> {
  const existing = await db.annotations.get(id);
  if (!existing) return;
  await applyEdit(db, label, [
    { table: 'annotations', id, after: { ...existing, ...change, updatedAt: now() } },
  ]);
}

export async function deleteAnnotation(db: CorroborateDB, id: string): Promise<void> {
  if (!(await db.annotations.get(id))) return;
  await applyEdit(db, 'Delete annotation', [{ table: 'annotations', id, after: null }]);
}

/**
 * Re-attach an annotation (an orphan a new version could not place) to a span the user chose in the
 * article's text: its W3C selectors (TextQuote, TextPosition) and statements are rewritten. One undoable edit.
 */
export async function reattachAnnotation(
  db: CorroborateDB,
  id: string,
  article: Pick<Article, 'id' | 'text'>,
  span: Span,
): Promise<void> {
  const existing = await db.annotations.get(id);
  if (!existing) return;
  const after: Annotation = {
    ...existing,
    articleId: article.id,
    statementIds: span.statementIds,
    ...selectorsFor(article.text, span.start, span.end),
    orphaned: false,
    updatedAt: now(),
  };
  await applyEdit(db, 'Re-attach annotation', [{ table: 'annotations', id, after }]);
}

export async function setSourceReliability(
  db: CorroborateDB,
  sourceId: string,
  reliability: Reliability | null,
): Promise<Source | null> {
  const source = await db.sources.get(sourceId);
  if (!source) return null;
  const next: Source = { ...source, reliability, userEdited: true, updatedAt: now() };
  const label = reliability
    ? `Set reliability of “${source.name}” to ${reliability}`
    : `Clear reliability of “${source.name}”`;
  await applyEdit(db, label, [{ table: 'sources', id: source.id, after: next }]);
  return next;
}

export const DEFAULT_AUTHOR = 'Analyst';

export function getAuthor(db: CorroborateDB): Promise<string> {
  return getMeta(db, 'author', DEFAULT_AUTHOR);
}

/** The author name is a preference, not a workspace edit: it is not part of undo. */
export async function setAuthor(db: CorroborateDB, name: string): Promise<string> {
  const clean = name.trim().slice(0, 80) || DEFAULT_AUTHOR;
  await setMeta(db, 'author', clean);
  return clean;
}

/** The same operations bound to the app's workspace database (for components). */
export const annotations = {
  toggleSpanTag: (article: Article, span: Span, tag: { id: string; name: string }, author: string) =>
    toggleSpanTagRecord(appDb, article, span, tag, author),
  setSpanNote: (article: Article, span: Span, note: string, author: string) =>
    setSpanNote(appDb, article, span, note, author),
  setSpanCredibility: (article: Article, span: Span, credibility: number | null, author: string) =>
    setSpanCredibility(appDb, article, span, credibility, author),
  ofStatements: (statementIds: string[]) => annotationsOfStatements(appDb, statementIds),
  ofArticle: (articleId: string) => annotationsOfArticle(appDb, articleId),
  count: (articleId: string | null) => countAnnotations(appDb, articleId),
  ofStatement: (statementId: string) => annotationsOfStatement(appDb, statementId),
  annotationForSpan: (articleId: string, span: Span) => annotationForSpan(appDb, articleId, span),
  update: (id: string, change: AnnotationChange, label?: string) =>
    updateAnnotation(appDb, id, change, label),
  remove: (id: string) => deleteAnnotation(appDb, id),
  reattach: (id: string, article: Pick<Article, 'id' | 'text'>, span: Span) =>
    reattachAnnotation(appDb, id, article, span),
  setSourceReliability: (sourceId: string, reliability: Reliability | null) =>
    setSourceReliability(appDb, sourceId, reliability),
  /** Tag or untag a whole statement (undoable). */
  toggleStatementTag: (article: Article, st: Statement, tag: Tag, author: string) =>
    toggleStatementTag(appDb, article, st, tag, author),
  getAuthor: () => getAuthor(appDb),
  setAuthor: (name: string) => setAuthor(appDb, name),
};
