// New versions of an article: find an earlier article the import revises (same URL or nearly the same text),
// and on the user's word record it and carry the old annotations over, re-anchored on the new text.
import type { Annotation, Article } from '../../../src-main/shared/domain';
import { reanchorAnnotations, type AnchorStatus } from '../../../src-main/shared/compare/reanchor';
import { selectorsFor } from '../../../src-main/shared/selectors';
import { type CorroborateDB, keysForEach, newId, now } from './db';
import type { ArticleRow } from './derived';
import { applyEdit, type EditOp } from './history';
import { db } from './app-db';
import { sketchBands } from './match-keys';
import { inSlices, nextTask } from './slices';

/** Words compared by the cheap first check: a revision keeps its opening mostly intact. */
export const HEAD_WORDS = 400;
const SHINGLE = 3;
export const HEAD_THRESHOLD = 0.5;
export const CONFIRM_THRESHOLD = 0.6;

function words(text: string, limit = Infinity): string[] {
  const out: string[] = [];
  for (const m of text.toLowerCase().matchAll(/[\p{L}\p{N}]+/gu)) {
    out.push(m[0]);
    if (out.length >= limit) break;
  }
  return out;
}

/** Word 3-grams: two texts share most of them only if they share most of their wording in order. */
export function shingles(text: string, limit = Infinity): Set<string> {
  const w = words(text, limit);
  const out = new Set<string>();
  if (w.length < SHINGLE) {
    if (w.length) out.add(w.join(' '));
    return out;
  }
  for (let i = 0; i + SHINGLE <= w.length; i++) out.add(w.slice(i, i + SHINGLE).join(' '));
  return out;
}

export function jaccard(a: Set<string>, b: Set<string>): number {
  if (a.size === 0 && b.size === 0) return 1;
  let shared = 0;
  for (const x of a) if (b.has(x)) shared++;
  return shared / (a.size + b.size - shared);
}

/** Whole-text resemblance of two articles (0..1), after a cheap check on their openings. */
export function textResemblance(a: string, b: string): number {
  return resemblanceTo(b)(a);
}

/** `textResemblance` to `text`, its word 3-grams worked out once for all the texts it is compared with. */
function resemblanceTo(text: string): (other: string) => number {
  const head = shingles(text, HEAD_WORDS);
  let whole: Set<string> | null = null;
  return (other) => {
    if (jaccard(shingles(other, HEAD_WORDS), head) < HEAD_THRESHOLD) return 0;
    whole ??= shingles(text);
    return jaccard(shingles(other), whole);
  };
}

export interface VersionCandidate {
  previous: Pick<Article, 'id' | 'title' | 'importedAt'>;
  reason: 'url' | 'text';
  similarity: number;
}

/** At most this many articles sharing similarity bands are compared in full (those sharing the most bands). */
export const MAX_TEXT_CANDIDATES = 8;

/** Articles sharing a similarity band with `article`'s text, or its URL: the only ones worth comparing. */
export async function versionCandidateIds(db: CorroborateDB, article: Article): Promise<string[]> {
  return (await versionCandidateIdsOf(db, [article]))[0]!;
}

/**
 * `versionCandidateIds` of each of `articles` (an import batch): their bands are looked up together, in turns,
 * instead of one transaction and one burst of look-ups per article.
 */
async function versionCandidateIdsOf(db: CorroborateDB, articles: Article[]): Promise<string[][]> {
  // The sketches written with the articles, when they are stored (they always are after an import).
  const sketches = await db.articleSketches.bulkGet(articles.map((a) => a.id));
  const bandsOf = articles.map((a, i) => sketches[i]?.bands ?? sketchBands(a.text));
  const bands = [...new Set(bandsOf.flat())];
  const lists = await keysForEach(db.articleSketches, 'bands', bands);
  const holders = new Map(bands.map((band, i) => [band, lists[i]!]));
  const byUrl = await Promise.all(
    articles.map((a) => (a.url ? db.articles.where('url').equals(a.url).primaryKeys() : [])),
  );
  return articles.map((article, i) => {
    // An article comes back once per band it shares; the count of shared bands estimates the resemblance, to
    // rank the candidates.
    const hits = new Map<string, number>();
    for (const band of bandsOf[i]!)
      for (const id of holders.get(band) ?? []) if (id !== article.id) hits.set(id, (hits.get(id) ?? 0) + 1);
    const byText = [...hits]
      .sort((a, b) => b[1] - a[1])
      .slice(0, MAX_TEXT_CANDIDATES)
      .map(([id]) => id);
    return [...new Set([...byUrl[i]!, ...byText])].filter((id) => id !== article.id);
  });
}

/** The earlier article this one most likely revises, or null. Articles that are already versions of it are skipped. */
export async function findVersionCandidateIn(
  db: CorroborateDB,
  article: Article,
): Promise<VersionCandidate | null> {
  return (await findVersionCandidatesIn(db, [article]))[0]!;
}

/**
 * `findVersionCandidateIn` for each of `articles` (an import batch): candidates looked up and read together,
 * then compared article by article in slices of main-thread time (see inSlices), so the comparisons of a batch
 * never hold the page for long.
 */
export async function findVersionCandidatesIn(
  db: CorroborateDB,
  articles: Article[],
): Promise<(VersionCandidate | null)[]> {
  const idsOf = await versionCandidateIdsOf(db, articles);
  const ids = [...new Set(idsOf.flat())];
  const read = await db.articles.bulkGet(ids);
  const byId = new Map(ids.map((id, i) => [id, read[i]]));
  const best: (VersionCandidate | null)[] = articles.map(() => null);
  await inSlices(
    articles.keys(),
    (i) =>
      (best[i] = bestCandidate(
        articles[i]!,
        idsOf[i]!.map((id) => byId.get(id)),
      )),
    nextTask,
  );
  return best;
}

/** The candidate `article` most likely revises (see findVersionCandidateIn), among the articles read. */
function bestCandidate(article: Article, candidates: (Article | undefined)[]): VersionCandidate | null {
  let best: VersionCandidate | null = null;
  const resemblance = resemblanceTo(article.text);
  for (const other of candidates) {
    if (!other || other.versionOf === article.id) continue;
    const similarity = resemblance(other.text);
    const sameUrl = !!article.url && other.url === article.url;
    if (!sameUrl && similarity < CONFIRM_THRESHOLD) continue;
    const candidate: VersionCandidate = {
      previous: { id: other.id, title: other.title, importedAt: other.importedAt },
      reason: sameUrl ? 'url' : 'text',
      similarity,
    };
    // Prefer the newest of equally good matches: a third version revises the second.
    if (
      !best ||
      candidate.similarity > best.similarity ||
      (candidate.similarity === best.similarity && other.importedAt > best.previous.importedAt)
    )
      best = candidate;
  }
  return best;
}

export interface CarriedAnnotation {
  annotation: Annotation;
  /** The annotation it was copied from, on the previous version. */
  fromId: string;
  status: AnchorStatus;
}

export interface VersionResult {
  carried: CarriedAnnotation[];
  placed: number;
  orphaned: CarriedAnnotation[];
}

/**
 * Record `newId` as a new version of `previousId` and copy every annotation of the previous version onto it:
 * re-anchored where its quote can be found, otherwise kept with `orphaned: true` and its old quote. One undoable edit.
 */
export async function acceptVersionIn(
  db: CorroborateDB,
  newArticleId: string,
  previousId: string,
): Promise<VersionResult> {
  const [next, previous] = await Promise.all([db.articles.get(newArticleId), db.articles.get(previousId)]);
  if (!next || !previous) throw new Error('One of the two articles is no longer in the workspace.');
  const [annotations, statements] = await Promise.all([
    db.annotations.where('articleId').equals(previousId).toArray(),
    db.statements.where('articleId').equals(newArticleId).toArray(),
  ]);
  const results = reanchorAnnotations(annotations, previous.text, next.text);
  const at = now();
  const carried: CarriedAnnotation[] = annotations.map((old, i) => {
    const r = results[i]!;
    const orphaned = r.status === 'orphaned';
    // A statement-wide annotation follows its statement; a span follows the statements it overlaps.
    const covering = orphaned
      ? []
      : statements.filter((s) => s.start < Math.max(r.end, r.start + 1) && s.end > r.start).map((s) => s.id);
    const selectors = orphaned
      ? { quote: old.quote, position: { start: r.start, end: Math.max(r.start, r.end) } }
      : selectorsFor(next.text, r.start, r.end);
    return {
      fromId: old.id,
      status: r.status,
      annotation: {
        ...old,
        id: newId(),
        articleId: next.id,
        statementIds: covering,
        ...selectors,
        orphaned,
        createdAt: old.createdAt,
        updatedAt: at,
      },
    };
  });
  // A version titled by its own opening words (a plain-text file has no title) keeps the article's title.
  const title = opensWith(next.text, next.title) ? previous.title : next.title;
  const ops: EditOp[] = [
    { table: 'articles', id: next.id, after: { ...next, title, versionOf: previous.id, updatedAt: at } },
    ...carried.map((c) => ({ table: 'annotations' as const, id: c.annotation.id, after: c.annotation })),
  ];
  await applyEdit(db, `Record “${next.title}” as a new version`, ops);
  const orphaned = carried.filter((c) => c.annotation.orphaned);
  return { carried, placed: carried.length - orphaned.length, orphaned };
}

/** True when `title` is only the first words of `text` (how a file without a title is named). */
function opensWith(text: string, title: string): boolean {
  const head = title.replace(/[\s.…]+$/u, '');
  return head.length > 0 && text.trimStart().startsWith(head);
}

/**
 * Every version of the article `articleId` belongs to, oldest first, from the library rows: back along
 * `versionOf`, forward along `supersededBy` (the last one is the current version).
 */
export async function versionHistoryIn(db: CorroborateDB, articleId: string | null): Promise<ArticleRow[]> {
  const first = articleId ? await db.articleRows.get(articleId) : undefined;
  if (!first) return [];
  const out = [first];
  const seen = new Set([first.id]);
  for (let r = first; r.versionOf && !seen.has(r.versionOf);) {
    const older = await db.articleRows.get(r.versionOf);
    if (!older) break;
    seen.add(older.id);
    out.unshift((r = older));
  }
  for (let r = first; r.supersededBy && !seen.has(r.supersededBy);) {
    const newer = await db.articleRows.get(r.supersededBy);
    if (!newer) break;
    seen.add(newer.id);
    out.push((r = newer));
  }
  return out;
}

/** Orphaned annotations of an article (those a new version could not place), for listing. */
export async function orphanedAnnotationsIn(
  db: CorroborateDB,
  articleId: string | null,
): Promise<Annotation[]> {
  if (!articleId) return [];
  return db.annotations
    .where('articleId')
    .equals(articleId)
    .filter((a) => a.orphaned)
    .toArray();
}

/** The same operations on the app's workspace database, for the screens. */
export const versions = {
  findCandidate: (article: Article) => findVersionCandidateIn(db, article),
  findCandidates: (articles: Article[]) => findVersionCandidatesIn(db, articles),
  accept: (newArticleId: string, previousId: string) => acceptVersionIn(db, newArticleId, previousId),
  history: (articleId: string | null) => versionHistoryIn(db, articleId),
};
