// The search index's message handling, separate from the worker shell so tests can drive it directly.
import MiniSearch from 'minisearch';
import { INDEX_OPTIONS, QUERY_OPTIONS, type SearchDoc, type SearchHit } from './docs';

export type WorkerRequest =
  | { type: 'reset'; docs: SearchDoc[] }
  /** Replace the index with a saved one (MiniSearch's JSON). */
  | { type: 'load'; json: string }
  /** Ask for the index as JSON, to be saved. */
  | { type: 'snapshot'; id: number }
  | { type: 'update'; upsert: SearchDoc[]; remove: string[] }
  | { type: 'query'; id: number; query: string; limit: number };

export type WorkerReply =
  | { type: 'ready'; count: number }
  | { type: 'snapshot'; id: number; json: string | null }
  | { type: 'results'; id: number; hits: SearchHit[]; total: number; ms: number };

export function handleSearchMessage(
  index: { current: MiniSearch<SearchDoc> | null },
  msg: WorkerRequest,
): WorkerReply | null {
  if (msg.type === 'reset') {
    const fresh = new MiniSearch<SearchDoc>(INDEX_OPTIONS);
    fresh.addAll(msg.docs);
    index.current = fresh;
    return { type: 'ready', count: fresh.documentCount };
  }
  if (msg.type === 'load') {
    index.current = MiniSearch.loadJSON<SearchDoc>(msg.json, INDEX_OPTIONS);
    return { type: 'ready', count: index.current.documentCount };
  }
  const mini = index.current;
  if (msg.type === 'snapshot')
    return { type: 'snapshot', id: msg.id, json: mini ? JSON.stringify(mini) : null };
  if (msg.type === 'update') {
    if (!mini) return null;
    // discard() is lazy and cheap; replacing a document is discard + add.
    for (const id of msg.remove) if (mini.has(id)) mini.discard(id);
    for (const doc of msg.upsert) {
      if (mini.has(doc.id)) mini.replace(doc);
      else mini.add(doc);
    }
    return { type: 'ready', count: mini.documentCount };
  }
  const started = performance.now();
  const raw = mini && msg.query.trim() ? mini.search(msg.query, QUERY_OPTIONS) : [];
  const hits: SearchHit[] = raw.slice(0, msg.limit).map((r) => ({
    id: String(r.id),
    kind: r.kind as SearchHit['kind'],
    refId: r.refId as string,
    articleId: (r.articleId as string | null) ?? null,
    start: r.start as number,
    end: r.end as number,
    text: r.text as string,
    speaker: r.speaker as string,
    score: r.score,
    terms: r.terms,
  }));
  return { type: 'results', id: msg.id, hits, total: raw.length, ms: performance.now() - started };
}
