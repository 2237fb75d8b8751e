// The search index's message handling, separate from the worker shell so tests can drive it directly.
import type { SearchHit, SearchDoc } from './docs';
import { ShardedIndex, type SavedShard, type ShardSnapshot } from './shards';

export type WorkerRequest =
  | { type: 'reset'; docs: SearchDoc[] }
  /** Add saved shards to the index (a fresh one if there is none yet; a reset empties it). */
  | { type: 'load'; shards: SavedShard[] }
  /** Ask for the shards changed since the last save, to be saved. */
  | { type: 'snapshot'; id: number }
  /** The shards a save wrote, at the versions snapshotted. */
  | { type: 'saved'; versions: { key: number; version: number }[] }
  | { type: 'update'; upsert: SearchDoc[]; remove: string[] }
  | { type: 'query'; id: number; query: string; limit: number };

export type WorkerReply =
  | { type: 'ready'; count: number }
  | { type: 'snapshot'; id: number; snapshot: ShardSnapshot | null }
  | { type: 'results'; id: number; hits: SearchHit[]; total: number; ms: number };

/** The worker's state: no index until the first reset or load. */
export type IndexHolder = { current: ShardedIndex | null };

export function handleSearchMessage(index: IndexHolder, msg: WorkerRequest): WorkerReply | null {
  if (msg.type === 'reset') {
    index.current = new ShardedIndex();
    index.current.reset(msg.docs);
    return { type: 'ready', count: index.current.documentCount };
  }
  if (msg.type === 'load') {
    index.current ??= new ShardedIndex();
    index.current.load(msg.shards);
    return { type: 'ready', count: index.current.documentCount };
  }
  const shards = index.current;
  if (msg.type === 'snapshot') return { type: 'snapshot', id: msg.id, snapshot: shards?.snapshot() ?? null };
  if (msg.type === 'saved') {
    shards?.markSaved(msg.versions);
    return null;
  }
  if (msg.type === 'update') {
    if (!shards) return null;
    shards.update(msg.upsert, msg.remove);
    return { type: 'ready', count: shards.documentCount };
  }
  const started = performance.now();
  const { hits: best, total } = shards ? shards.search(msg.query, msg.limit) : { hits: [], total: 0 };
  const hits: SearchHit[] = best.map(({ id, score, terms, stored }) => ({
    id,
    kind: stored.kind as SearchHit['kind'],
    refId: stored.refId as string,
    articleId: (stored.articleId as string | null) ?? null,
    start: stored.start as number,
    end: stored.end as number,
    speaker: stored.speaker as string,
    score,
    terms,
  }));
  return { type: 'results', id: msg.id, hits, total, ms: performance.now() - started };
}
