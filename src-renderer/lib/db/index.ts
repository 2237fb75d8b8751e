// The one database instance of the renderer and the read queries the screens use.
import type {
  Article,
  Source,
  Statement,
  Tag,
  Annotation,
  ImportRecord,
} from '../../../src-main/shared/domain';
import type { ExtractedArticle } from '../../../src-main/shared/extraction';
import Dexie from 'dexie';
import { newId, now, openDatabase } from './db';
import * as tags from './tags';
import * as history from './history';
import * as workspace from './workspace';
import * as articles from './articles';
import type { ArticleRow } from './derived';
import { sourceCounts } from './source-counts';

export const db = openDatabase();

/** A library row (no text): kept with its statement count by the derived tables; `version` counts from 1. */
export type ArticleSummary = ArticleRow & { version: number };

/**
 * The library in import order, read from the derived rows: one indexed read, whatever the workspace size.
 * Only current versions: an article replaced by a newer version is reached through that version's history.
 */
export async function listArticles(): Promise<ArticleSummary[]> {
  const rows = await db.articleRows.orderBy('importedAt').toArray();
  const byId = new Map(rows.map((r) => [r.id, r]));
  const versionOf = (r: ArticleRow) => {
    let n = 1;
    for (let o = r.versionOf; o && n <= rows.length; o = byId.get(o)?.versionOf ?? null) n++;
    return n;
  };
  return rows.filter((r) => !r.supersededBy).map((r) => ({ ...r, version: versionOf(r) }));
}

/** Ids of the articles a newer version replaces (few; read from the index only old versions are in). */
export function supersededIds(): Promise<string[]> {
  return db.articleRows.where('supersededBy').above('').primaryKeys();
}

export async function getArticle(id: string | null): Promise<Article | null> {
  return id ? ((await db.articles.get(id)) ?? null) : null;
}

export async function statementsOf(articleId: string | null): Promise<Statement[]> {
  if (!articleId) return [];
  return db.statements.where('[articleId+index]').between([articleId, 0], [articleId, Infinity]).toArray();
}

export async function annotationsOf(articleId: string | null): Promise<Annotation[]> {
  if (!articleId) return [];
  return db.annotations.where('articleId').equals(articleId).toArray();
}

export async function allSources(): Promise<Source[]> {
  return db.sources.orderBy('name').toArray();
}

export interface IndexedSources {
  /** By name. */
  list: Source[];
  byId: Map<string, Source>;
}

export const NO_SOURCES: IndexedSources = { list: [], byId: new Map() };

/** Every source, by name and by id (a fresh map per read, never changed afterwards). */
export async function sourcesIndexed(): Promise<IndexedSources> {
  const list = await allSources();
  return { list, byId: new Map(list.map((s) => [s.id, s])) };
}

export interface SourceCount {
  source: Source;
  statements: number;
}

/** Sources with the number of statements they speak, most quoted first (counts kept by the derived tables). */
export async function sourcesWithCounts(): Promise<SourceCount[]> {
  return (await sourceCounts(db))
    .map(({ source, speaking }) => ({ source, statements: speaking }))
    .sort((a, b) => b.statements - a.statements || a.source.name.localeCompare(b.source.name));
}

/** The report rows of one stored batch, written together. */
export async function recordImports(
  batchId: string,
  rows: Omit<ImportRecord, 'id' | 'batchId' | 'at'>[],
): Promise<void> {
  const at = now();
  await db.imports.bulkAdd(rows.map((row) => ({ id: newId(), batchId, ...row, at })));
}

/** The Imports view's filter: one outcome, or every record. */
export type ImportFilter = ImportRecord['outcome'] | 'all';

/** The range of the `[outcome+at]` index that holds one outcome's records. */
const outcomeRange = (outcome: ImportRecord['outcome']) =>
  db.imports.where('[outcome+at]').between([outcome, Dexie.minKey], [outcome, Dexie.maxKey]);

/** The newest `limit` import records (all, or of one outcome), read through an index: one page, never the table. */
export async function importHistory(limit = 200, filter: ImportFilter = 'all'): Promise<ImportRecord[]> {
  const range = filter === 'all' ? db.imports.orderBy('at') : outcomeRange(filter);
  return range.reverse().limit(limit).toArray();
}

/** How many import records there are, in all and of each outcome: counted on the indexes. */
export async function importCounts(): Promise<Record<ImportFilter, number>> {
  const [all, imported, duplicate, refused] = await Promise.all([
    db.imports.count(),
    outcomeRange('imported').count(),
    outcomeRange('duplicate').count(),
    outcomeRange('refused').count(),
  ]);
  return { all, imported, duplicate, refused };
}

/** The codebook, tags with shortcut keys first (in key order), then by name. */
export async function allTags(): Promise<Tag[]> {
  const tags = await db.tags.toArray();
  return tags.sort((a, b) => (a.shortcut ?? 99) - (b.shortcut ?? 99) || a.name.localeCompare(b.name));
}

/** Tag or untag a whole statement (undoable). */
export function toggleStatementTag(article: Article, st: Statement, tag: Tag, author: string) {
  return tags.toggleStatementTag(db, article, st, tag, author);
}
export const undo = () => history.undo(db);
export const redo = () => history.redo(db);
export const seedIfNew = (load: () => Promise<ExtractedArticle[]>) => workspace.seedIfNew(db, load);
export const storeExtractedArticle = (a: ExtractedArticle) => articles.storeExtractedArticle(db, a);
export const storeExtractedArticles = (batch: ExtractedArticle[]) =>
  articles.storeExtractedArticles(db, batch);
export const openWorkspace = () => db.open();
export type { StoreOutcome } from './articles';

export interface SpeakerStatements {
  article: Article;
  statements: Statement[];
}

/** Every statement a source speaks, across the workspace, grouped by article. */
export async function statementsBySpeaker(sourceId: string | null): Promise<SpeakerStatements[]> {
  if (!sourceId) return [];
  const [statements, old] = await Promise.all([
    db.statements.where('speakerId').equals(sourceId).toArray(),
    supersededIds().then((ids) => new Set(ids)),
  ]);
  const byArticle = new Map<string, Statement[]>();
  for (const st of statements)
    if (!old.has(st.articleId)) byArticle.set(st.articleId, [...(byArticle.get(st.articleId) ?? []), st]);
  const out: SpeakerStatements[] = [];
  for (const [articleId, list] of byArticle) {
    const article = await db.articles.get(articleId);
    if (article) out.push({ article, statements: list.sort((a, b) => a.index - b.index) });
  }
  return out.sort((a, b) => a.article.importedAt.localeCompare(b.article.importedAt));
}
