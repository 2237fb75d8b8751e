// The dated schema history of the workspace database. One block per version, never edited
// once released; each later version adds its block, its upgrade function and an upgrade test.
import type Dexie from 'dexie';
import type { Transaction } from 'dexie';
import type { Annotation, Article, Source, Statement } from '../../../src-main/shared/domain';
import { annotationCountRows, articleRowOf, countAnnotations, relaysOf, sourceRowOf } from './derived';
import { sketchBands } from './match-keys';
import { fillSourceArticles } from './source-articles-derived';
import { CORROBORATION_VERSION, declareCorroborationVersion } from './corroboration-schema';

export const DB_NAME = 'corroborate';

/** Version 1 (2026-11-29): the first cut of the domain model. */
export const V1 = {
  articles: 'id, textSha256, fileSha256, importedAt, url, versionOf',
  statements: 'id, articleId, [articleId+index], speakerId, *viaIds',
  sources: 'id, name',
  annotations: 'id, articleId, *statementIds, *tagIds, updatedAt',
  tags: 'id, parentId, name',
  links: 'id, fromStatementId, toStatementId',
  claims: 'id',
  claimStatements: 'id, claimId, statementId',
  imports: 'id, batchId, at',
  alignments: 'id, aStatementId, bStatementId',
  history: '++seq, at',
  meta: 'key',
};

/**
 * Version 2 (2026-11-29): index the undo log by `undone`, so clearing the redo tail after an edit
 * does not read every entry (a dossier import can write one entry of 15,000 changes).
 */
export const V2 = { history: '++seq, at, undone, [undone+seq]' };

/**
 * Version 4 (2026-12-03): derived tables kept by `derived.ts` so nothing reads whole tables per import or
 * per list: library rows with statement counts, per-source counts and match keys, article text sketches
 * (similarity bands for version detection), and the persisted search index in chunks.
 */
export const V4 = {
  articleRows: 'id, importedAt',
  sourceRows: 'id, statements, *matchKeys',
  articleSketches: 'id, *bands',
  searchIndex: 'key',
};

/**
 * Version 5 (2026-12-07): library rows know the newer version that replaces them (`supersededBy`, indexed:
 * only old versions carry it), so lists show one entry per article and counts come from current versions.
 */
export const V5 = { articleRows: 'id, importedAt, supersededBy' };

/**
 * Version 6 (2026-12-07): import records indexed by outcome and time, so the Imports view reads one page of
 * one outcome, newest first, and counts each outcome on the index instead of reading the table.
 */
export const V6 = { imports: 'id, batchId, at, [outcome+at]' };

/**
 * Version 7 (2026-12-07): source rows also count the statements each source relays, so the Sources view
 * reads one row per source instead of every statement. No index changes; the upgrade fills the counts.
 */
export const V7 = { sourceRows: V4.sourceRows };

/**
 * Version 8 (2026-12-07): import records indexed by article, so a dossier merge that gives an article another
 * id finds its import records without reading the table. Only an index is added.
 */
export const V8 = { imports: 'id, batchId, at, [outcome+at], articleId' };

/**
 * Version 9 (2026-12-07): per-article annotation and orphan counts (a row only for articles with annotations),
 * so the annotations view lays out its list without reading the annotations and reads only those in view.
 */
export const V9 = { annotationCounts: 'id' };

/**
 * Version 10 (2026-12-07): per source and article, the statements the source speaks and relays there with the
 * article's import time (source-articles-derived.ts), so a source's articles and the statements it speaks are
 * read a page at a time in import order and counted on an index, not read whole through the speaker index.
 */
export const V10 = {
  sourceArticles: '[sourceId+articleId], [sourceId+importedAt], [sourceId+speaks+importedAt], articleId',
};

/**
 * Version 11 (2026-12-07): the corroboration records lose their multiEntry index on `keys`, never queried (the
 * corroboration worker reads the store whole and indexes it in memory): an import wrote about seven index entries
 * per statement for it. Only an index is dropped: existing rows need no upgrade function.
 */
export const V11 = { corroborationKeys: 'statementId, articleId' };

/** The newest schema version, for tests and for the dossier's provenance. */
export const LATEST_VERSION = 11;

/** Register the versions up to `upTo` (all by default) on a Dexie instance, oldest first. */
export function declareVersions(db: Dexie, upTo = LATEST_VERSION): void {
  db.version(1).stores(V1);
  // Only an index is added: existing rows need no upgrade function.
  if (upTo >= 2) db.version(2).stores(V2);
  if (upTo >= CORROBORATION_VERSION) declareCorroborationVersion(db);
  if (upTo >= 4) db.version(4).stores(V4).upgrade(fillDerivedTables);
  if (upTo >= 5) db.version(5).stores(V5).upgrade(markSupersededRows);
  // Only an index is added: existing rows need no upgrade function.
  if (upTo >= 6) db.version(6).stores(V6);
  if (upTo >= 7) db.version(7).stores(V7).upgrade(fillRelayCounts);
  // Only an index is added: existing rows need no upgrade function.
  if (upTo >= 8) db.version(8).stores(V8);
  if (upTo >= 9) db.version(9).stores(V9).upgrade(fillAnnotationCounts);
  if (upTo >= 10) db.version(10).stores(V10).upgrade(fillSourceArticles);
  // Only an index is dropped: existing rows need no upgrade function.
  if (upTo >= 11) db.version(11).stores(V11);
}

/** The V9 upgrade: one pass over the annotations counts each article's annotations and orphans. */
export async function fillAnnotationCounts(tx: Transaction): Promise<void> {
  const counts = countAnnotations(await tx.table<Annotation>('annotations').toArray());
  await tx.table('annotationCounts').bulkPut(annotationCountRows(counts.all.keys(), counts));
}

/** The V7 upgrade: one pass over the statements counts what each source relays. */
export async function fillRelayCounts(tx: Transaction): Promise<void> {
  const byRelay = new Map<string, number>();
  await tx.table<Statement>('statements').each((s) => {
    for (const id of relaysOf(s)) byRelay.set(id, (byRelay.get(id) ?? 0) + 1);
  });
  await tx
    .table('sourceRows')
    .toCollection()
    .modify((row: { id: string; relaying?: number }) => {
      row.relaying = byRelay.get(row.id) ?? 0;
    });
}

/** The V5 upgrade: every article that is a version of another marks the other's library row. */
export async function markSupersededRows(tx: Transaction): Promise<void> {
  const by = new Map<string, string>();
  await tx.table<Article>('articles').each((a) => {
    if (a.versionOf) by.set(a.versionOf, a.id);
  });
  await tx
    .table('articleRows')
    .toCollection()
    .modify((row: { id: string; supersededBy?: string | null }) => {
      row.supersededBy = by.get(row.id) ?? null;
    });
}

/** The V4 upgrade: one pass over articles, statements and sources fills the derived tables. */
export async function fillDerivedTables(tx: Transaction): Promise<void> {
  const byArticle = new Map<string, number>();
  const bySpeaker = new Map<string, number>();
  await tx.table<Statement>('statements').each((s) => {
    byArticle.set(s.articleId, (byArticle.get(s.articleId) ?? 0) + 1);
    if (s.speakerId) bySpeaker.set(s.speakerId, (bySpeaker.get(s.speakerId) ?? 0) + 1);
  });
  const rows: unknown[] = [];
  const sketches: unknown[] = [];
  await tx.table<Article>('articles').each((a) => {
    rows.push(articleRowOf(a, byArticle.get(a.id) ?? 0));
    sketches.push({ id: a.id, bands: sketchBands(a.text) });
  });
  await tx.table('articleRows').bulkPut(rows);
  await tx.table('articleSketches').bulkPut(sketches);
  const sources = await tx.table<Source>('sources').toArray();
  await tx.table('sourceRows').bulkPut(sources.map((s) => sourceRowOf(s, bySpeaker.get(s.id) ?? 0)));
}
