// The read queries the screens use: the library, an article and its statements, sources, tags.
import type { Article, Source, Statement, Tag } from '../../../src-main/shared/domain';
import { db as appDb } from './app-db';
import type { CorroborateDB } from './db';
import { type ArticleSummary, librarySummaries, libraryReader } from './library-reader';
import { sourceCounts } from './source-counts';
import { statementsBySpeaker } from './source-articles';

export type { ArticleSummary };

/**
 * The library in import order, read whole from the derived rows (the screens read it through `libraryReader`,
 * which reads only what changed since its last read). Only current versions: an article replaced by a newer
 * version is reached through that version's history.
 */
export async function listArticles(db: CorroborateDB): Promise<ArticleSummary[]> {
  return librarySummaries(await db.articleRows.orderBy('importedAt').toArray());
}

/** The app's library reader: shared by every screen that lists articles. */
const appLibrary = libraryReader(appDb);

export async function getArticle(db: CorroborateDB, id: string | null): Promise<Article | null> {
  return id ? ((await db.articles.get(id)) ?? null) : null;
}

export async function statementsOf(db: CorroborateDB, articleId: string | null): Promise<Statement[]> {
  if (!articleId) return [];
  return db.statements.where('[articleId+index]').between([articleId, 0], [articleId, Infinity]).toArray();
}

export async function allSources(db: CorroborateDB): Promise<Source[]> {
  return db.sources.orderBy('name').toArray();
}

export interface IndexedSources {
  /** By name. */
  list: Source[];
  byId: Map<string, Source>;
}

export const NO_SOURCES: IndexedSources = { list: [], byId: new Map() };

/** Every source, by name and by id (a fresh map per read, never changed afterwards). */
export async function sourcesIndexed(db: CorroborateDB): Promise<IndexedSources> {
  const list = await allSources(db);
  return { list, byId: new Map(list.map((s) => [s.id, s])) };
}

export interface SourceCount {
  source: Source;
  statements: number;
}

/** Sources with the number of statements they speak, most quoted first (counts kept by the derived tables). */
export async function sourcesWithCounts(db: CorroborateDB): Promise<SourceCount[]> {
  return (await sourceCounts(db))
    .map(({ source, speaking }) => ({ source, statements: speaking }))
    .sort((a, b) => b.statements - a.statements || a.source.name.localeCompare(b.source.name));
}

/** The codebook, tags with shortcut keys first (in key order), then by name. */
export async function allTags(db: CorroborateDB): Promise<Tag[]> {
  const tags = await db.tags.toArray();
  return tags.sort((a, b) => (a.shortcut ?? 99) - (b.shortcut ?? 99) || a.name.localeCompare(b.name));
}

/** The same reads on the app's workspace database, for the screens. */
export const library = {
  articles: () => appLibrary.read(),
  article: (id: string | null) => getArticle(appDb, id),
  statementsOf: (articleId: string | null) => statementsOf(appDb, articleId),
  sources: () => allSources(appDb),
  sourcesIndexed: () => sourcesIndexed(appDb),
  sourcesWithCounts: () => sourcesWithCounts(appDb),
  tags: () => allTags(appDb),
  statementsBySpeaker: (sourceId: string | null, articleLimit?: number) =>
    statementsBySpeaker(appDb, sourceId, articleLimit),
};
