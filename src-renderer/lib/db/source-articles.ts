// A source's articles and statements a page at a time, in import order: read from the per-(source, article)
// rows (source-articles-derived.ts) and counted on their indexes, never through every statement the source
// speaks or relays. Only the statements of the articles on the page are read.
import Dexie from 'dexie';
import type { Article, Statement } from '../../../src-main/shared/domain';
import type { CorroborateDB } from './db';
import { supersededIds } from './source-counts';
import type { SourceArticle } from './source-articles-derived';

/** The first rows of a source's current articles in import order, and how many there are in all. */
interface RowPage {
  total: number;
  rows: SourceArticle[];
  /** The source's rows of superseded articles (left out of the page and the total). */
  old: SourceArticle[];
}

/**
 * `speaking`: only the articles the source speaks in (else those it speaks or is relayed in). Reads at most
 * `limit` rows plus the few superseded articles, which old versions' rows are taken from, and one count.
 */
async function rowPage(
  db: CorroborateDB,
  sourceId: string,
  limit: number,
  speaking: boolean,
): Promise<RowPage> {
  const range = () =>
    speaking
      ? db.sourceArticles
          .where('[sourceId+speaks+importedAt]')
          .between([sourceId, 1, Dexie.minKey], [sourceId, 1, Dexie.maxKey])
      : db.sourceArticles
          .where('[sourceId+importedAt]')
          .between([sourceId, Dexie.minKey], [sourceId, Dexie.maxKey]);
  const old = await supersededIds(db);
  const page = Number.isFinite(limit) ? range().limit(limit + old.length) : range();
  const [count, rows, oldRows] = await Promise.all([
    range().count(),
    page.toArray(),
    db.sourceArticles.bulkGet(old.map((id): [string, string] => [sourceId, id])),
  ]);
  const superseded = new Set(old);
  const oldHere = oldRows.filter((r): r is SourceArticle => !!r && (!speaking || r.spoken > 0));
  return {
    total: Math.max(0, count - oldHere.length),
    rows: rows.filter((r) => !superseded.has(r.articleId)).slice(0, limit),
    old: oldHere,
  };
}

export interface ArticlesOfSource {
  /** The current articles the source speaks or is relayed in. */
  total: number;
  /** The first `limit` of them, oldest import first. */
  articles: { id: string; title: string }[];
}

/** The current articles a source speaks or relays in, oldest import first: the first `limit` and the total. */
export async function articlesOfSource(
  db: CorroborateDB,
  sourceId: string | null,
  limit = Number.POSITIVE_INFINITY,
): Promise<ArticlesOfSource> {
  if (!sourceId) return { total: 0, articles: [] };
  const { total, rows } = await rowPage(db, sourceId, limit, false);
  const found = await db.articleRows.bulkGet(rows.map((r) => r.articleId));
  return { total, articles: found.filter((r) => !!r).map((r) => ({ id: r.id, title: r.title })) };
}

/** The articles of `rows` with the statements of each that `keep` picks, in the rows' order, by position. */
async function statementsIn<T>(
  db: CorroborateDB,
  rows: SourceArticle[],
  keep: (s: Statement) => boolean,
  shape: (article: Article, statements: Statement[]) => T[],
): Promise<T[]> {
  const ids = rows.map((r) => r.articleId);
  const [articles, lists] = await Promise.all([
    db.articles.bulkGet(ids),
    Promise.all(
      ids.map((id) => db.statements.where('[articleId+index]').between([id, 0], [id, Infinity]).toArray()),
    ),
  ]);
  return articles.flatMap((article, i) => (article ? shape(article, lists[i]!.filter(keep)) : []));
}

export interface SourceStatement {
  statement: Statement;
  articleTitle: string;
  text: string;
  role: 'speaker' | 'via';
}

/**
 * The statements a source speaks or relays, with their text, for the detail pane and splitting, in the first
 * `articleLimit` of its articles (oldest import first, as the articles it appears in): only those articles and
 * their statements are read (at 10,000 articles reading all the source's statements took seconds).
 */
export async function statementsOfSource(
  db: CorroborateDB,
  sourceId: string | null,
  articleLimit = Number.POSITIVE_INFINITY,
): Promise<SourceStatement[]> {
  if (!sourceId) return [];
  const { rows } = await rowPage(db, sourceId, articleLimit, false);
  return statementsIn(
    db,
    rows,
    (s) => s.speakerId === sourceId || s.viaIds.includes(sourceId),
    (article, statements) =>
      statements.map((statement) => ({
        statement,
        articleTitle: article.title,
        text: article.text.slice(statement.start, statement.end),
        role: statement.speakerId === sourceId ? ('speaker' as const) : ('via' as const),
      })),
  );
}

export interface SpeakerStatements {
  article: Article;
  statements: Statement[];
}

export interface SpeakerPage {
  /** The first `articleLimit` articles the source speaks in (oldest import first), with what it says there. */
  groups: SpeakerStatements[];
  /** All the current articles it speaks in, and all the statements it speaks in them (from the counts). */
  articles: number;
  statements: number;
}

/** The statements a source speaks, grouped by article, a page of articles at a time. */
export async function statementsBySpeaker(
  db: CorroborateDB,
  sourceId: string | null,
  articleLimit = Number.POSITIVE_INFINITY,
): Promise<SpeakerPage> {
  if (!sourceId) return { groups: [], articles: 0, statements: 0 };
  const [{ total, rows, old }, counts] = await Promise.all([
    rowPage(db, sourceId, articleLimit, true),
    db.sourceRows.get(sourceId),
  ]);
  // The source's counts include what old versions say: that is taken off again.
  const oldSpoken = old.reduce((n, r) => n + r.spoken, 0);
  const groups = await statementsIn(
    db,
    rows,
    (s) => s.speakerId === sourceId,
    (article, statements) => [{ article, statements }],
  );
  return { groups, articles: total, statements: Math.max(0, (counts?.statements ?? 0) - oldSpoken) };
}
