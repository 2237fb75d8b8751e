// The renderer's handle on the search worker: builds the index from the workspace once, feeds it
// the changed records after every write, and answers queries (latest query wins).
import { searchSource } from '../db/search-source';
import type MiniSearch from 'minisearch';
import type { SearchDoc, SearchHit } from './docs';
import { handleSearchMessage, type WorkerReply, type WorkerRequest } from './index-core';

export interface SearchAnswer {
  hits: SearchHit[];
  total: number;
  ms: number;
}

class SearchClient {
  /** Documents in the index; null until the first build is done. */
  count = $state<number | null>(null);
  private worker: Pick<Worker, 'postMessage' | 'terminate'> | null = null;
  private nextId = 1;
  private waiting = new Map<number, (a: SearchAnswer) => void>();
  private stopWatching: (() => void) | null = null;

  /** Start the worker and build the index (idempotent). */
  start(): void {
    if (this.worker) return;
    try {
      const worker = new Worker(new URL('./search.worker.ts', import.meta.url), { type: 'module' });
      worker.onmessage = (e: MessageEvent<WorkerReply>) => this.onReply(e.data);
      // A shell that refuses workers (some file:// setups) still gets search, on this thread.
      worker.onerror = (e) => {
        e.preventDefault();
        console.warn('[corroborate] search worker unavailable, indexing on the main thread', e.message);
        this.worker = this.inThread();
        void this.rebuild();
      };
      this.worker = worker;
    } catch {
      this.worker = this.inThread();
    }
    // Watch first, so nothing written while the workspace is read is missed (replays are harmless).
    this.stopWatching = searchSource.watch((changed) => void this.update(changed));
    void this.rebuild();
  }

  /** The same index and messages without a worker. */
  private inThread(): Pick<Worker, 'postMessage' | 'terminate'> {
    const index = { current: null as MiniSearch<SearchDoc> | null };
    return {
      postMessage: (msg: WorkerRequest) =>
        setTimeout(() => {
          const reply = handleSearchMessage(index, msg);
          if (reply) this.onReply(reply);
        }, 0),
      terminate: () => undefined,
    };
  }

  stop(): void {
    this.stopWatching?.();
    this.worker?.terminate();
    this.worker = null;
    this.count = null;
  }

  private post(msg: WorkerRequest) {
    this.worker?.postMessage(msg);
  }

  private async rebuild() {
    try {
      this.post({ type: 'reset', docs: await searchSource.all() });
    } catch (err) {
      console.error('[corroborate] search index could not be built', err);
    }
  }

  private async update(changed: Parameters<typeof searchSource.updatesFor>[0]) {
    try {
      const u = await searchSource.updatesFor(changed);
      if (u.rebuild) await this.rebuild();
      else if (u.upsert.length || u.remove.length)
        this.post({ type: 'update', upsert: u.upsert, remove: u.remove });
    } catch (err) {
      console.error('[corroborate] search index update failed', err);
    }
  }

  private onReply(reply: WorkerReply) {
    if (reply.type === 'ready') this.count = reply.count;
    else {
      const done = this.waiting.get(reply.id);
      this.waiting.delete(reply.id);
      done?.({ hits: reply.hits, total: reply.total, ms: reply.ms });
    }
  }

  /** Search the workspace; resolves with the hits (best first). */
  query(query: string, limit = 80): Promise<SearchAnswer> {
    this.start();
    const id = this.nextId++;
    return new Promise((resolve) => {
      this.waiting.set(id, resolve);
      this.post({ type: 'query', id, query, limit });
    });
  }
}

export const search = new SearchClient();
