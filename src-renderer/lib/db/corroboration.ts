// The persisted corroboration index (one record of rare keys per statement), dismissed candidate claims, and
// turning an accepted candidate into a claim with its statements and stances in one undoable edit.
import type { Article, Claim, Source, Stance, Statement } from '../../../src-main/shared/domain';
import {
  corroborationRecord,
  type CorroborationRecord,
} from '../../../src-main/shared/compare/corroboration/signature';
import { type CorroborateDB, newId, now, recordsWithAny } from './db';
import { applyEdit, type EditOp } from './history';
import { inSlices, nextTask } from './slices';
import { db } from './app-db';
import { watch } from './watch';

export interface IndexChanges {
  added: CorroborationRecord[];
  removedArticleIds: string[];
}

const READ_CHUNK = 2000;
/** Articles indexed per read and write when the index catches up with new articles (an import adds dozens). */
const INDEX_CHUNK = 10;
/** Records written at once: the fewest Dexie does not report key by key (observed-table.ts). */
const WRITE_AT = 50;

/**
 * Indexes the articles that have no index records yet and drops the records of deleted articles and of old
 * versions (an article's earlier version does not corroborate it). Compares the lists of article ids (keys
 * only, no records read), so an unchanged workspace costs three key scans; `indexedArticles`, the articles the index holds
 * as the caller knows them (the worker's in-memory index), spares the third, a cursor one round trip per article.
 * `onAdded` hears each slice of new records once it is written (the worker takes them in small messages: one
 * message of a 1,000-file import's records held the page for hundreds of milliseconds).
 */
export async function syncCorroborationIndexIn(
  db: CorroborateDB,
  indexedArticles?: readonly string[],
  onAdded?: (records: CorroborationRecord[]) => void,
): Promise<IndexChanges> {
  const [allIds, indexedIds, old] = await Promise.all([
    db.articles.toCollection().primaryKeys(),
    indexedArticles ?? db.corroborationKeys.orderBy('articleId').uniqueKeys(),
    db.articleRows.where('supersededBy').above('').primaryKeys(),
  ]);
  const superseded = new Set(old);
  const articleIds = allIds.filter((id) => !superseded.has(id));
  const present = new Set(articleIds);
  const indexed = new Set(indexedIds.map(String));
  const removedArticleIds = [...indexed].filter((id) => !present.has(id));
  if (removedArticleIds.length)
    await db.corroborationKeys.where('articleId').anyOf(removedArticleIds).delete();
  const added: CorroborationRecord[] = [];
  const missing = articleIds.filter((id) => !indexed.has(id));
  for (let i = 0; i < missing.length; i += INDEX_CHUNK) {
    const ids = missing.slice(i, i + INDEX_CHUNK);
    const [articles, statements] = await Promise.all([
      db.articles.bulkGet(ids),
      recordsWithAny(db.statements, 'articleId', ids),
    ]);
    const texts = new Map(articles.filter((a) => !!a).map((a) => [a.id, a.text]));
    // Worked out slice by slice: working out the records of ten articles' statements at once held the page for
    // hundreds of milliseconds during an import on a loaded machine. Written WRITE_AT at a time (a slice on a loaded
    // machine holds only a few dozen), so each write is reported as a change of the table (derived.ts).
    const unwritten: CorroborationRecord[] = [];
    const write = (records: CorroborationRecord[]) =>
      db.corroborationKeys.bulkPut(records).then(() => onAdded?.(records));
    const records = await inSlices(
      statements,
      (s) => {
        const text = texts.get(s.articleId);
        return text === undefined
          ? null
          : corroborationRecord(s.id, s.articleId, text.slice(s.start, s.end), s.entities, s.cue);
      },
      async (slice) => {
        unwritten.push(...slice);
        // Each write in a task of its own (IndexedDB copies every record on the page's thread as it is handed over).
        await nextTask();
        while (unwritten.length >= WRITE_AT) {
          await write(unwritten.splice(0, WRITE_AT));
          await nextTask();
        }
      },
    );
    if (unwritten.length) await write(unwritten.splice(0));
    added.push(...records);
  }
  return { added, removedArticleIds };
}

/** Every index record, in chunks (so the caller can hand them on without holding two copies). */
export async function readCorroborationIndexIn(
  db: CorroborateDB,
  onChunk: (records: CorroborationRecord[]) => void,
): Promise<void> {
  let last: string | null = null;
  for (;;) {
    const query =
      last === null
        ? db.corroborationKeys.orderBy('statementId')
        : db.corroborationKeys.where('statementId').above(last);
    const chunk: CorroborationRecord[] = await query.limit(READ_CHUNK).toArray();
    if (chunk.length === 0) return;
    onChunk(chunk);
    last = chunk.at(-1)!.statementId;
  }
}

export interface StatementCard {
  statement: Statement;
  article: Pick<Article, 'id' | 'title' | 'outlet'>;
  text: string;
  speaker: Source | null;
  negated: boolean;
}

/** What the screens show about statements found by the index: text, article, speaker. */
export async function statementCardsIn(
  db: CorroborateDB,
  ids: string[],
): Promise<Map<string, StatementCard>> {
  const statements = (await db.statements.bulkGet(ids)).filter((s): s is Statement => !!s);
  const articleIds = [...new Set(statements.map((s) => s.articleId))];
  const speakerIds = [...new Set(statements.map((s) => s.speakerId).filter((x): x is string => !!x))];
  const [articles, speakers, records] = await Promise.all([
    db.articles.bulkGet(articleIds),
    db.sources.bulkGet(speakerIds),
    db.corroborationKeys.bulkGet(statements.map((s) => s.id)),
  ]);
  const articleOf = new Map(articles.filter((a): a is Article => !!a).map((a) => [a.id, a]));
  const speakerOf = new Map(speakers.filter((s): s is Source => !!s).map((s) => [s.id, s]));
  const out = new Map<string, StatementCard>();
  statements.forEach((s, k) => {
    const article = articleOf.get(s.articleId);
    if (!article) return;
    out.set(s.id, {
      statement: s,
      article: { id: article.id, title: article.title, outlet: article.outlet },
      text: article.text.slice(s.start, s.end),
      speaker: s.speakerId ? (speakerOf.get(s.speakerId) ?? null) : null,
      negated: records[k]?.negated ?? false,
    });
  });
  return out;
}

export async function dismissedCandidatesIn(db: CorroborateDB): Promise<Set<string>> {
  return new Set((await db.candidateDismissals.toCollection().primaryKeys()).map(String));
}

export async function dismissCandidateIn(db: CorroborateDB, key: string): Promise<void> {
  await db.candidateDismissals.put({ key, at: now() });
}

/** Creates the claim with its statements attached at their stances, as one undoable edit. */
export async function acceptCandidateIn(
  db: CorroborateDB,
  text: string,
  members: { statementId: string; stance: Stance }[],
): Promise<Claim> {
  const trimmed = text.trim();
  if (!trimmed) throw new Error('A claim needs some words.');
  const at = now();
  const claim: Claim = { id: newId(), text: trimmed, note: '', createdAt: at, updatedAt: at };
  const ops: EditOp[] = [{ table: 'claims', id: claim.id, after: claim }];
  for (const m of members) {
    const id = newId();
    ops.push({
      table: 'claimStatements',
      id,
      after: {
        id,
        claimId: claim.id,
        statementId: m.statementId,
        stance: m.stance,
        createdAt: at,
        updatedAt: at,
      },
    });
  }
  await applyEdit(db, `Accept candidate claim “${trimmed}”`, ops);
  return claim;
}

/** The same operations on the app's workspace database, for the screens and the corroboration client. */
export const corroboration = {
  syncIndex: (indexedIds?: readonly string[], onAdded?: (records: CorroborationRecord[]) => void) =>
    syncCorroborationIndexIn(db, indexedIds, onAdded),
  readIndex: (onChunk: (records: CorroborationRecord[]) => void) => readCorroborationIndexIn(db, onChunk),
  /** Where the index is kept, for a worker to read it itself (`store-scan.ts`). */
  persisted: { database: db.name, store: 'corroborationKeys' },
  cards: (ids: string[]) => statementCardsIn(db, ids),
  dismissed: () => dismissedCandidatesIn(db),
  dismiss: (key: string) => dismissCandidateIn(db, key),
  accept: (text: string, members: { statementId: string; stance: Stance }[]) =>
    acceptCandidateIn(db, text, members),
  onArticleCountChange: (callback: (count: number) => void) => onArticleCountChange(db, callback),
};
/**
 * Calls back whenever the number of articles changes (an import or a deletion) or a version replaces another;
 * returns the unsubscribe.
 */
function onArticleCountChange(db: CorroborateDB, callback: (count: number) => void): () => void {
  return watch(
    // The library rows, one small row per article: counting the articles walks their texts.
    () => Promise.all([db.articleRows.count(), db.articleRows.where('supersededBy').above('').count()]),
    {
      next: ([count]) => callback(count),
      error: (e: unknown) => console.error('[corroborate] article count query failed', e),
    },
  );
}
