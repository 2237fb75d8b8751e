// Workspace-wide reads: search documents (statements, notes, tag names) with the records changed by
// each committed write, so the search index is updated incrementally; and the annotations view rows.
import { backgroundTurn, foreground, startLoad } from './priority';
import Dexie, { type ObservabilitySet } from 'dexie';
import { changedKeysIn } from './mutation-keys';
import type { Annotation, Article, Statement, Tag } from '../../../src-main/shared/domain';
import { docId, type SearchDoc, type SearchHit } from '../search/docs';
import type { SavedShard, ShardSnapshot } from '../search/shards';
import { type CorroborateDB, keysWithAny, recordsWithAny } from './db';
import { CHANGE_LOG_PREFIX, GENERATION_KEY } from './search-log';
import { db as appDb } from './app-db';

/** Tables whose records feed the index. */
const WATCHED = ['statements', 'annotations', 'tags', 'articles', 'sources'] as const;
type Watched = (typeof WATCHED)[number];

// The text of a document, in one place: what the index is built from and what a hit drawn shows.
/** A statement's text: its span of the article's text. */
const statementText = (articleText: string, span: { start: number; end: number }) =>
  articleText.slice(span.start, span.end);
const noteText = (a: Annotation) => a.note;
const tagText = (t: Tag) => (t.description ? `${t.name} — ${t.description}` : t.name);

function statementDocs(statements: Statement[], texts: Map<string, string>, speakers: Map<string, string>) {
  const docs: SearchDoc[] = [];
  for (const st of statements) {
    const text = texts.get(st.articleId);
    if (text === undefined) continue;
    docs.push({
      id: docId('statement', st.id),
      kind: 'statement',
      refId: st.id,
      articleId: st.articleId,
      start: st.start,
      end: st.end,
      text: statementText(text, st),
      speaker: (st.speakerId && speakers.get(st.speakerId)) || '',
    });
  }
  return docs;
}

export const noteDoc = (a: Annotation): SearchDoc => ({
  id: docId('note', a.id),
  kind: 'note',
  refId: a.id,
  articleId: a.articleId,
  start: a.position.start,
  end: a.position.end,
  text: noteText(a),
  speaker: '',
});

export const tagDoc = (t: Tag): SearchDoc => ({
  id: docId('tag', t.id),
  kind: 'tag',
  refId: t.id,
  articleId: null,
  start: 0,
  end: 0,
  text: tagText(t),
  speaker: '',
});

/** Names of the given sources only (a workspace has thousands; a batch of statements names a few). */
async function speakerNames(db: CorroborateDB, ids: Iterable<string | null>): Promise<Map<string, string>> {
  const unique = [...new Set([...ids].filter((id): id is string => !!id))];
  const sources = await db.sources.bulkGet(unique);
  return new Map(sources.filter((s) => !!s).map((s) => [s!.id, s!.name]));
}

/** The speaker name each source was last indexed under: a source that only gained an alias is not re-indexed. */
const indexedNames = new Map<string, string>();

async function articleTexts(db: CorroborateDB, ids: Iterable<string>): Promise<Map<string, string>> {
  const unique = [...new Set(ids)];
  const articles = await db.articles.bulkGet(unique);
  const texts = new Map<string, string>();
  for (const a of articles) if (a) texts.set(a.id, a.text);
  return texts;
}

/** What a hit needs to find its text again. */
export type HitRef = Pick<SearchHit, 'id' | 'kind' | 'refId' | 'articleId' | 'start' | 'end'>;

/**
 * The texts of these hits by document id (the index stores none), in one read: the distinct articles of the
 * statements, the annotations of the notes, the tags. A record gone since the index saw it gives ''.
 */
export async function hitTexts(db: CorroborateDB, hits: HitRef[]): Promise<Map<string, string>> {
  const ofKind = (kind: SearchHit['kind']) => hits.filter((h) => h.kind === kind);
  const statements = ofKind('statement');
  const notes = ofKind('note');
  const tagHits = ofKind('tag');
  return db.transaction('r', [db.articles, db.annotations, db.tags], async () => {
    const articles = await articleTexts(
      db,
      statements.map((h) => h.articleId ?? ''),
    );
    const annotations = await db.annotations.bulkGet(notes.map((h) => h.refId));
    const tags = await db.tags.bulkGet(tagHits.map((h) => h.refId));
    const texts = new Map<string, string>();
    for (const h of statements) {
      const text = articles.get(h.articleId ?? '');
      texts.set(h.id, text === undefined ? '' : statementText(text, h));
    }
    notes.forEach((h, i) => texts.set(h.id, annotations[i] ? noteText(annotations[i]) : ''));
    tagHits.forEach((h, i) => texts.set(h.id, tags[i] ? tagText(tags[i]) : ''));
    return texts;
  });
}

/** Statements read per request when the index takes in a batch of changes. */
const READ_PIECE = 200;

/** Articles read per page while the index is built from scratch. */
const BUILD_PAGE = 200;

/**
 * Every document of the workspace, a page of articles at a time (keyset paging, one short read each), for
 * building the index from scratch without holding the workspace in memory: `done` of `total` articles so far.
 */
export async function* searchDocPages(
  db: CorroborateDB,
): AsyncGenerator<{ docs: SearchDoc[]; done: number; total: number }> {
  const total = await db.articles.count();
  const speakers = new Map((await db.sources.toArray()).map((s) => [s.id, s.name]));
  for (const [id, name] of speakers) indexedNames.set(id, name);
  let done = 0;
  for (let last: string | null = null; ;) {
    const page: Article[] = await (
      last === null ? db.articles.toCollection() : db.articles.where(':id').above(last)
    )
      .limit(BUILD_PAGE)
      .toArray();
    if (page.length === 0) break;
    last = page.at(-1)!.id;
    const statements = await db.statements
      .where('articleId')
      .anyOf(page.map((a) => a.id))
      .toArray();
    done += page.length;
    yield {
      docs: statementDocs(statements, new Map(page.map((a) => [a.id, a.text])), speakers),
      done,
      total,
    };
  }
  const annotations = await db.annotations.filter((a) => a.note.trim() !== '').toArray();
  const tags = await db.tags.toArray();
  yield { docs: [...annotations.map(noteDoc), ...tags.map(tagDoc)], done, total };
}

/** Per table: the primary keys written since the last batch, or 'all' after a range write (clear, bulk delete). */
export type ChangedKeys = Partial<Record<Watched, Set<string> | 'all'>>;

export interface IndexUpdate {
  /** Documents to add or replace. */
  upsert: SearchDoc[];
  /** Document ids to remove. */
  remove: string[];
  /** A range was cleared: rebuild from scratch instead. */
  rebuild: boolean;
}

/** Adds the keys of one storage mutation (Dexie's observability parts) to `into`. */
export function collectChanges(dbName: string, parts: ObservabilitySet, into: ChangedKeys): void {
  for (const table of WATCHED) {
    if (!parts[`idb://${dbName}/${table}/`]) continue;
    into[table] = changedKeysIn(
      parts,
      dbName,
      table,
      (into[table] as Set<string> | 'all' | undefined) ?? new Set(),
    );
  }
}

/** The index changes for the records that changed: docs of records still there, removals for the rest. */
export async function updatesFor(db: CorroborateDB, changed: ChangedKeys): Promise<IndexUpdate> {
  if (Object.values(changed).includes('all')) return { upsert: [], remove: [], rebuild: true };
  const keys = (t: Watched) => [...((changed[t] as Set<string> | undefined) ?? [])];
  return db.transaction('r', [db.statements, db.articles, db.sources, db.annotations, db.tags], async () => {
    const upsert: SearchDoc[] = [];
    const remove: string[] = [];
    // Statements changed themselves, or their speaker was renamed, or their article was replaced.
    const statementIds = new Set(keys('statements'));
    const renamed = await db.sources.bulkGet(keys('sources'));
    const sourceIds = renamed.filter((s) => s && indexedNames.get(s.id) !== s.name).map((s) => s!.id);
    for (const s of renamed) if (s) indexedNames.set(s.id, s.name);
    for (const id of await keysWithAny(db.statements, 'speakerId', sourceIds)) statementIds.add(id);
    // The statements of changed articles (an import's new ones) are read by article, one request each; only the
    // other changed statements are read key by key (IndexedDB serves each key of a bulkGet as its own request).
    const present = await recordsWithAny(db.statements, 'articleId', keys('articles'));
    for (const s of present) statementIds.add(s.id);
    const byArticle = new Set(present.map((s) => s.id));
    const rest = [...statementIds].filter((id) => !byArticle.has(id));
    // In pieces: each record read is handed over on the main thread.
    for (let i = 0; i < rest.length; i += READ_PIECE)
      for (const s of await db.statements.bulkGet(rest.slice(i, i + READ_PIECE))) if (s) present.push(s);
    const ids = [...statementIds];
    const speakers = await speakerNames(
      db,
      present.map((s) => s.speakerId),
    );
    const texts = await articleTexts(
      db,
      present.map((s) => s.articleId),
    );
    const docs = statementDocs(present, texts, speakers);
    upsert.push(...docs);
    const kept = new Set(docs.map((d) => d.refId));
    for (const id of ids) if (!kept.has(id)) remove.push(docId('statement', id));

    const annotationIds = keys('annotations');
    const annotations = await db.annotations.bulkGet(annotationIds);
    annotationIds.forEach((id, i) => {
      const a = annotations[i];
      if (a && a.note.trim()) upsert.push(noteDoc(a));
      else remove.push(docId('note', id));
    });

    const tagIds = keys('tags');
    const tags = await db.tags.bulkGet(tagIds);
    tagIds.forEach((id, i) => {
      const t = tags[i];
      if (t) upsert.push(tagDoc(t));
      else remove.push(docId('tag', id));
    });
    return { upsert, remove, rebuild: false };
  });
}

/**
 * Calls `onChange` with the keys written by each committed transaction (this window's and other
 * windows'), batched per animation frame. Returns the unsubscribe function.
 */
export function watchChanges(db: CorroborateDB, onChange: (changed: ChangedKeys) => void): () => void {
  let pending: ChangedKeys | null = null;
  const listener = (parts: ObservabilitySet) => {
    const next = pending ?? {};
    collectChanges(db.name, parts, next);
    if (Object.keys(next).length === 0) return;
    if (!pending) {
      pending = next;
      setTimeout(() => {
        const batch = pending!;
        pending = null;
        onChange(batch);
      }, 30);
    }
  };
  Dexie.on('storagemutated', listener);
  return () => Dexie.on.storagemutated.unsubscribe(listener);
}

/**
 * Characters per stored chunk of the saved index: no single huge record, and the longest a read someone waits for
 * queues behind while the index loads (`savedShard` reads a chunk per transaction).
 */
const CHUNK = 500_000;

/** The generation the workspace is at: it changes with every write to a table the index reads. */
export async function indexGeneration(db: CorroborateDB): Promise<string | null> {
  return ((await db.searchIndex.get(GENERATION_KEY))?.value as string | undefined) ?? null;
}

const shardPrefix = (key: number) => `shard:${key}:`;
/**
 * The generation of the last save made by this version: writes since are in the log, and it never saves an index
 * still being built. A saved index without it (an earlier version's) is rebuilt once. Its name is the saved
 * format's version: 'logged' marked saves whose documents stored their texts (version 2 stores none).
 */
const LOGGED_KEY = 'logged:2';

/** Changed records beyond which a start rebuilds the index rather than catching up from the change log. */
const CATCH_UP_LIMIT = 200_000;

/** What a start loads: the shards saved at `savedAt`, then the writes logged since (none when current). */
export interface SavedIndexPlan {
  savedAt: string;
  keys: number[];
  pending: ChangedKeys | null;
}

/** The changes logged since the index was saved, or null when a range was deleted or too many records changed. */
async function loggedChanges(db: CorroborateDB): Promise<ChangedKeys | null> {
  const pending: ChangedKeys = {};
  let count = 0;
  for (const row of await db.searchIndex.where('key').startsWith(CHANGE_LOG_PREFIX).toArray()) {
    const { table, keys } = JSON.parse(row.value) as { table: string; keys: string[] | 'all' };
    if (!(WATCHED as readonly string[]).includes(table) || keys === 'all') return null;
    const set = (pending[table as Watched] as Set<string> | undefined) ?? new Set<string>();
    for (const key of keys) set.add(key);
    pending[table as Watched] = set;
    count += keys.length;
    if (count > CATCH_UP_LIMIT) return null;
  }
  return pending;
}

/**
 * The saved index: its shards' keys (read one at a time with `savedShard`) and the writes made since it was
 * saved; null when none was saved or it cannot be caught up with (then it is rebuilt).
 */
export async function savedIndexPlan(db: CorroborateDB): Promise<SavedIndexPlan | null> {
  return db.transaction('r', db.searchIndex, async () => {
    const [saved, current, list, logged] = await db.searchIndex.bulkGet([
      'saved',
      GENERATION_KEY,
      'shards',
      LOGGED_KEY,
    ]);
    if (!saved || !current || !list) return null;
    // Saves of earlier versions are not trusted: they logged no writes, and could be made mid-build (partial).
    if (logged?.value !== saved.value) return null;
    let pending: ChangedKeys | null = null;
    if (saved.value !== current.value) {
      pending = await loggedChanges(db);
      if (!pending) return null;
    }
    return { savedAt: saved.value, keys: JSON.parse(list.value) as number[], pending };
  });
}

/** Characters of the saved index read per transaction while it loads: a read someone waits for waits this long. */
const READ_BUDGET = 2_000_000;

/**
 * One saved shard, if it is still the one saved at `savedAt` (a save in between makes the plan stale). Its chunks
 * are read a few per transaction (up to `READ_BUDGET` characters) and `between` is awaited before each: a read
 * someone waits for (an article opening) queues behind that much at most, not behind a whole shard (some 20 MB at
 * 10,000 articles).
 */
export async function savedShard(
  db: CorroborateDB,
  key: number,
  savedAt: string,
  between: () => Promise<void> = () => Promise.resolve(),
): Promise<SavedShard | null> {
  const prefix = shardPrefix(key);
  /** The rows under these keys, in one transaction (one round trip), or null if the index was saved again. */
  const read = async (keys: string[]): Promise<string[] | null> => {
    await between();
    const [saved, ...rows] = await db.searchIndex.bulkGet(['saved', ...keys]);
    if (saved?.value !== savedAt || rows.some((r) => !r)) return null;
    return rows.map((r) => r!.value);
  };
  await between();
  const listed = await db.transaction('r', db.searchIndex, async () =>
    (await db.searchIndex.get('saved'))?.value === savedAt
      ? await db.searchIndex.where('key').startsWith(prefix).primaryKeys()
      : null,
  );
  if (!listed?.includes(`${prefix}meta`)) return null;
  const keys = listed
    .filter((k) => k !== `${prefix}meta`)
    .map((k) => Number(k.slice(prefix.length)))
    .sort((x, y) => x - y)
    .map((n) => `${prefix}${n}`);
  // The article list with the first chunk, whose length says how many chunks make up a read (saves of earlier
  // versions have larger chunks).
  const first = await read([`${prefix}meta`, ...keys.slice(0, 1)]);
  if (!first) return null;
  const [meta, ...chunks] = first;
  const perRead = Math.max(1, Math.floor(READ_BUDGET / Math.max(1, chunks[0]?.length ?? 1)));
  for (let at = 1; at < keys.length; at += perRead) {
    const more = await read(keys.slice(at, at + perRead));
    // The index was saved again meanwhile: the chunks read so far may be of another save.
    if (!more) return null;
    chunks.push(...more);
  }
  return { key, json: chunks.join(''), articles: JSON.parse(meta!) as string[] };
}

/**
 * Saves the shards that changed as of `generation` (the others are saved already) and forgets the ones that
 * no longer exist; does nothing (returns false) if the workspace has moved on since.
 */
export async function saveIndex(
  db: CorroborateDB,
  snapshot: ShardSnapshot,
  generation: string | null,
): Promise<boolean> {
  return db.transaction('rw', db.searchIndex, async () => {
    if (generation === null || (await indexGeneration(db)) !== generation) return false;
    const listed = await db.searchIndex.get('shards');
    const before = listed ? (JSON.parse(listed.value) as number[]) : [];
    const keep = new Set(snapshot.keys);
    for (const key of before)
      if (!keep.has(key)) await db.searchIndex.where('key').startsWith(shardPrefix(key)).delete();
    // The single-blob index and the format marker of earlier versions, if any.
    await db.searchIndex.where('key').startsWith('chunk:').delete();
    await db.searchIndex.delete('logged');
    for (const shard of snapshot.changed) {
      await db.searchIndex.where('key').startsWith(shardPrefix(shard.key)).delete();
      const rows = [{ key: `${shardPrefix(shard.key)}meta`, value: JSON.stringify(shard.articles) }];
      for (let i = 0; i * CHUNK < shard.json.length; i++)
        rows.push({
          key: `${shardPrefix(shard.key)}${i}`,
          value: shard.json.slice(i * CHUNK, (i + 1) * CHUNK),
        });
      await db.searchIndex.bulkPut(rows);
    }
    // A shard not changed since the last save must have been saved then: otherwise the saved index is partial.
    const present = new Set(before);
    for (const shard of snapshot.changed) present.add(shard.key);
    if (snapshot.keys.some((k) => !present.has(k))) return false;
    await db.searchIndex.bulkPut([
      { key: 'shards', value: JSON.stringify(snapshot.keys) },
      { key: 'saved', value: generation },
      { key: LOGGED_KEY, value: generation },
    ]);
    // The generation has not moved since the snapshot's: the index holds every logged change.
    await db.searchIndex.where('key').startsWith(CHANGE_LOG_PREFIX).delete();
    return true;
  });
}

// Bound to the app's database.
export const searchSource = {
  pages: () => searchDocPages(appDb),
  generation: () => indexGeneration(appDb),
  savedPlan: () => savedIndexPlan(appDb),
  /** Marks the index's load at a start: work nobody waits for (a full backup) comes after it. */
  startLoad,
  /** A saved shard, read a chunk at a time when no read someone waits for is in flight (background work). */
  savedShard: (key: number, savedAt: string) => savedShard(appDb, key, savedAt, () => backgroundTurn()),
  save: (snapshot: ShardSnapshot, generation: string | null) => saveIndex(appDb, snapshot, generation),
  updatesFor: (changed: ChangedKeys) => updatesFor(appDb, changed),
  /** The texts of the hits drawn, by document id: a read someone waits for (background loads hold their turn). */
  texts: (hits: HitRef[]) => foreground(() => hitTexts(appDb, hits)),
  watch: (onChange: (changed: ChangedKeys) => void) => watchChanges(appDb, onChange),
};
