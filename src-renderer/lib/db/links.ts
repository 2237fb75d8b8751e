// Links between statements of any two articles (corroborates, contradicts, repeats, elaborates), undoable.
import type { Article, Link, LinkType, Statement } from '../../../src-main/shared/domain';
import { type CorroborateDB, newId, now } from './db';
import { applyEdit } from './history';
import { db } from './app-db';

export const LINK_TYPES: LinkType[] = ['corroborates', 'contradicts', 'repeats', 'elaborates'];

/** A link seen from one of its statements: the statement at the other end and its article. */
export interface LinkFromStatement {
  link: Link;
  /** 'out' when the focused statement is the link's source. */
  direction: 'out' | 'in';
  other: Statement;
  otherArticle: Pick<Article, 'id' | 'title' | 'outlet'>;
  otherText: string;
}

export async function linksOfStatementIn(
  db: CorroborateDB,
  statementId: string,
): Promise<LinkFromStatement[]> {
  const [outgoing, incoming] = await Promise.all([
    db.links.where('fromStatementId').equals(statementId).toArray(),
    db.links.where('toStatementId').equals(statementId).toArray(),
  ]);
  const out: LinkFromStatement[] = [];
  const seen = new Set<string>();
  for (const [link, direction] of [
    ...outgoing.map((l) => [l, 'out'] as const),
    ...incoming.map((l) => [l, 'in'] as const),
  ]) {
    if (seen.has(link.id)) continue;
    seen.add(link.id);
    const other = await db.statements.get(direction === 'out' ? link.toStatementId : link.fromStatementId);
    if (!other) continue;
    const article = await db.articles.get(other.articleId);
    if (!article) continue;
    out.push({
      link,
      direction,
      other,
      otherArticle: { id: article.id, title: article.title, outlet: article.outlet },
      otherText: article.text.slice(other.start, other.end),
    });
  }
  return out.sort((a, b) => a.link.createdAt.localeCompare(b.link.createdAt));
}

/** Links with at least one end among the given statements. */
export async function linksTouchingIn(db: CorroborateDB, statementIds: string[]): Promise<Link[]> {
  if (statementIds.length === 0) return [];
  const [a, b] = await Promise.all([
    db.links.where('fromStatementId').anyOf(statementIds).toArray(),
    db.links.where('toStatementId').anyOf(statementIds).toArray(),
  ]);
  return [...new Map([...a, ...b].map((l) => [l.id, l])).values()];
}

export async function addLinkIn(
  db: CorroborateDB,
  fromStatementId: string,
  toStatementId: string,
  type: LinkType,
  note = '',
): Promise<Link> {
  if (fromStatementId === toStatementId) throw new Error('A statement cannot be linked to itself.');
  const at = now();
  const link: Link = {
    id: newId(),
    fromStatementId,
    toStatementId,
    type,
    note: note.trim(),
    createdAt: at,
    updatedAt: at,
  };
  await applyEdit(db, `Link statements (${type})`, [{ table: 'links', id: link.id, after: link }]);
  return link;
}

export async function deleteLinkIn(db: CorroborateDB, link: Link): Promise<void> {
  await applyEdit(db, `Remove link (${link.type})`, [{ table: 'links', id: link.id, after: null }]);
}

/** The same operations on the app's workspace database, for the screens. */
export const links = {
  ofStatement: (statementId: string | null) =>
    statementId ? linksOfStatementIn(db, statementId) : Promise.resolve([]),
  touching: (statementIds: string[]) => linksTouchingIn(db, statementIds),
  add: (from: string, to: string, type: LinkType, note?: string) => addLinkIn(db, from, to, type, note),
  remove: (link: Link) => deleteLinkIn(db, link),
};
