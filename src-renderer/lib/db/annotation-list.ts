// The workspace-wide annotations view's reads. The list is laid out from the per-article annotation counts
// (one small row per annotated article) in library order, so switching to the view reads no annotation: only
// the articles in view have their annotations read, with the speakers of their statements. A filter other than
// article or orphans finds its annotations through the indexes (tag, speaker) where one exists, and reads the
// records it needs (all of them only for credibility or text alone) a page at a time.
import type { Annotation } from '../../../src-main/shared/domain';
import { db as appDb } from './app-db';
import type { CorroborateDB } from './db';

/** One annotation as the annotations view draws it. */
export interface AnnotationRow {
  id: string;
  articleId: string;
  start: number;
  end: number;
  exact: string;
  note: string;
  tagIds: string[];
  credibility: number | null;
  /** The statements it covers (their speakers are read with `speakersOf`). */
  statementIds: string[];
  orphaned: boolean;
}

/** One article's part of the list. */
export interface ListGroup {
  articleId: string;
  count: number;
  /** The matching annotations in text order; null for all of the article's annotations (or its orphans). */
  ids: string[] | null;
  orphansOnly: boolean;
  /** Tells this group's rows from another list's rows of the same article. */
  key: string;
}

/** An article's group of all its annotations, or of its orphans (`count` -1 while not known). */
export const articleGroup = (articleId: string, orphansOnly: boolean, count = -1): ListGroup => ({
  articleId,
  count,
  ids: null,
  orphansOnly,
  key: `${articleId}:${orphansOnly ? 'orphans' : 'all'}`,
});

/** Per annotated article: how many annotations it has and how many of them are orphaned. */
export interface ArticleAnnotationCount {
  annotations: number;
  orphans: number;
}

/** Per-article counts of annotations and orphans (the derived rows, one per annotated article). */
export async function annotationCounts(db: CorroborateDB): Promise<Map<string, ArticleAnnotationCount>> {
  return new Map((await db.annotationCounts.toArray()).map((r) => [r.id, r]));
}

/** The list with no filter but article and orphans: the library's articles with annotations, in its order. */
export function countedGroups(
  order: readonly string[],
  counts: Map<string, ArticleAnnotationCount>,
  articleId: string | null,
  orphansOnly: boolean,
): ListGroup[] {
  const out: ListGroup[] = [];
  for (const id of articleId ? order.filter((a) => a === articleId) : order) {
    const c = counts.get(id);
    const count = c ? (orphansOnly ? c.orphans : c.annotations) : 0;
    if (count > 0) out.push(articleGroup(id, orphansOnly, count));
  }
  return out;
}

/**
 * The list drawn before the per-article counts are read (a read of the whole counts table, one row per annotated
 * article): the first screen's articles whose annotations have been read, counted from those rows. The view
 * switches on these; the counts, read right after, lay out the rest.
 */
export function earlyGroups(
  firstScreen: readonly ListGroup[],
  rows: ReadonlyMap<string, readonly AnnotationRow[]>,
): ListGroup[] {
  const out: ListGroup[] = [];
  for (const g of firstScreen) {
    const read = rows.get(g.key)?.length ?? 0;
    if (read > 0) out.push({ ...g, count: read });
  }
  return out;
}

/**
 * The filters that need the annotations themselves. `tagIds` is a tag with its child tags; each entry of
 * `speakers` is a set of speakers one of whom must speak a statement the annotation covers (the chosen speaker;
 * the speakers of the chosen reliability).
 */
export interface MatchFilter {
  articleId: string | null;
  tagIds: string[] | null;
  speakers: string[][];
  credibility: number | null;
  orphaned: boolean;
  text: string;
}

/** Whether the filter needs `matchingGroups` (article and orphans alone are answered by the counts). */
export const needsMatching = (f: MatchFilter) =>
  !!f.tagIds || f.speakers.length > 0 || f.credibility !== null || !!f.text.trim();

/** Records read per page when a filter reads annotations: one short task each, however large the workspace. */
const PAGE = 1000;

/**
 * Primary keys of the records under any of these keys of an index: one key look-up each, all issued at once
 * (IndexedDB answers them as a batch, where `anyOf` walks a cursor one round trip per record).
 */
async function keysUnder(
  table: CorroborateDB['annotations'] | CorroborateDB['statements'],
  index: string,
  keys: readonly string[],
): Promise<string[]> {
  const lists = await Promise.all(keys.map((k) => table.where(index).equals(k).primaryKeys()));
  return [...new Set(lists.flat())];
}

/** Statements of a speaker set up to which their annotations are looked up by statement; beyond, by record. */
const SPEAKER_LOOKUPS = 500;

/**
 * The annotations covering statements of these speakers: their ids when the speakers' statements are few enough
 * to look up one by one, else the statements, for the records read to be tested against.
 */
async function ofSpeakers(
  db: CorroborateDB,
  speakerIds: string[],
): Promise<{ ids: string[] } | { statements: Set<string> }> {
  const statementIds = await keysUnder(db.statements, 'speakerId', speakerIds);
  if (statementIds.length > SPEAKER_LOOKUPS) return { statements: new Set(statementIds) };
  return { ids: await keysUnder(db.annotations, 'statementIds', statementIds) };
}

/** The annotations with these ids, or all of them, a page at a time. */
async function eachPage(
  db: CorroborateDB,
  ids: string[] | null,
  visit: (page: Annotation[]) => void,
): Promise<void> {
  if (ids) {
    for (let i = 0; i < ids.length; i += PAGE)
      visit((await db.annotations.bulkGet(ids.slice(i, i + PAGE))).filter((a): a is Annotation => !!a));
    return;
  }
  for (let after: string | null = null; ;) {
    const page: Annotation[] = await (
      after === null ? db.annotations.orderBy(':id') : db.annotations.where(':id').above(after)
    )
      .limit(PAGE)
      .toArray();
    visit(page);
    if (page.length < PAGE) return;
    after = page[page.length - 1]!.id;
  }
}

/**
 * The annotations matching every filter, grouped by article in library order (`order`: current versions only)
 * and in text order within each article. Tag and speaker filters are answered by the indexes; the records read
 * are only theirs, or every annotation's when credibility or text is the only filter.
 */
export async function matchingGroups(
  db: CorroborateDB,
  f: MatchFilter,
  order: readonly string[],
): Promise<ListGroup[]> {
  const [tagged, inArticle, ...spoken] = await Promise.all([
    f.tagIds ? keysUnder(db.annotations, 'tagIds', f.tagIds) : null,
    f.articleId ? db.annotations.where('articleId').equals(f.articleId).primaryKeys() : null,
    ...f.speakers.map((ids) => ofSpeakers(db, ids)),
  ]);
  let candidates: string[] | null = null;
  const bySpeaker: Set<string>[] = [];
  for (const s of spoken) if ('statements' in s) bySpeaker.push(s.statements);
  for (const set of [tagged, inArticle, ...spoken.map((s) => ('ids' in s ? s.ids : null))]) {
    if (!set) continue;
    const keep: Set<string> = new Set(set);
    candidates = candidates ? candidates.filter((id) => keep.has(id)) : [...keep];
  }
  const position = new Map(order.map((id, i) => [id, i]));
  const needle = f.text.trim().toLowerCase();
  const found: Pick<Annotation, 'id' | 'articleId' | 'position'>[] = [];
  await eachPage(db, candidates, (page) => {
    for (const a of page)
      if (
        position.has(a.articleId) &&
        (f.credibility === null || a.credibility === f.credibility) &&
        (!f.orphaned || a.orphaned) &&
        bySpeaker.every((st) => a.statementIds.some((id) => st.has(id))) &&
        (!needle || a.quote.exact.toLowerCase().includes(needle) || a.note.toLowerCase().includes(needle))
      )
        found.push({ id: a.id, articleId: a.articleId, position: a.position });
  });
  found.sort(
    (x, y) =>
      position.get(x.articleId)! - position.get(y.articleId)! ||
      x.position.start - y.position.start ||
      x.position.end - y.position.end ||
      (x.id < y.id ? -1 : 1),
  );
  const out: ListGroup[] = [];
  for (const a of found) {
    const last = out[out.length - 1];
    if (last?.articleId === a.articleId) last.ids!.push(a.id);
    else out.push({ articleId: a.articleId, count: 0, ids: [a.id], orphansOnly: false, key: '' });
  }
  for (const g of out) {
    g.count = g.ids!.length;
    g.key = g.ids!.join(',');
  }
  return out;
}

const byText = (x: Annotation, y: Annotation) =>
  x.position.start - y.position.start || x.position.end - y.position.end || (x.id < y.id ? -1 : 1);

/** The rows of these groups in full (the ones in view), in text order; keyed by the group's key. */
export async function groupRows(
  db: CorroborateDB,
  groups: ListGroup[],
): Promise<Map<string, AnnotationRow[]>> {
  return db.transaction('r', db.annotations, async () => {
    const lists = await Promise.all(
      groups.map(async (g) => {
        if (g.ids) return (await db.annotations.bulkGet(g.ids)).filter((a): a is Annotation => !!a);
        const all = await db.annotations.where('articleId').equals(g.articleId).toArray();
        return (g.orphansOnly ? all.filter((a) => a.orphaned) : all).sort(byText);
      }),
    );
    const out = new Map<string, AnnotationRow[]>();
    groups.forEach((g, i) =>
      out.set(
        g.key,
        lists[i]!.map((a) => ({
          id: a.id,
          articleId: a.articleId,
          start: a.position.start,
          end: a.position.end,
          exact: a.quote.exact,
          note: a.note,
          tagIds: a.tagIds,
          credibility: a.credibility,
          statementIds: a.statementIds,
          orphaned: a.orphaned,
        })),
      ),
    );
    return out;
  });
}

/** The speaker of each of these statements that has one (the rows in view), by statement id. */
export async function speakersOf(db: CorroborateDB, statementIds: string[]): Promise<Map<string, string>> {
  const statements = await db.statements.bulkGet(statementIds);
  const out = new Map<string, string>();
  for (const s of statements) if (s?.speakerId) out.set(s.id, s.speakerId);
  return out;
}

/**
 * The speakers of annotated statements (the speaker filter offers only those); annotations and statements are
 * read a page at a time. Read when the speaker filter is reached for.
 */
export async function annotatedSpeakers(db: CorroborateDB): Promise<Set<string>> {
  const ids = new Set<string>();
  await eachPage(db, null, (page) => {
    for (const a of page) for (const id of a.statementIds) ids.add(id);
  });
  const statementIds = [...ids];
  const speakers = new Set<string>();
  for (let i = 0; i < statementIds.length; i += PAGE) {
    const page = await db.statements.bulkGet(statementIds.slice(i, i + PAGE));
    for (const s of page) if (s?.speakerId) speakers.add(s.speakerId);
  }
  return speakers;
}

/** The same reads on the app's workspace database, for the annotations view. */
export const annotationList = {
  counts: () => annotationCounts(appDb),
  matching: (f: MatchFilter, order: readonly string[]) => matchingGroups(appDb, f, order),
  rows: (groups: ListGroup[]) => groupRows(appDb, groups),
  speakersOf: (statementIds: string[]) => speakersOf(appDb, statementIds),
  speakers: () => annotatedSpeakers(appDb),
};
