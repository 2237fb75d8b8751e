// The renderer's handle on the search worker (the app's instance, bound to its database and worker, is in
// app-search.ts; tests give it a fake of each): loads the saved index (or builds it from the workspace when
// none is current), feeds it the changed records after every write, saves it again a few seconds after
// the last change, and answers queries (latest query wins).
import type { ChangedKeys, SavedIndexPlan, searchSource } from '../db';
import { docId, type SearchHit } from './docs';
import { handleSearchMessage, type IndexHolder, type WorkerReply, type WorkerRequest } from './index-core';
import type { ShardSnapshot } from './shards';

export interface SearchAnswer {
  hits: SearchHit[];
  total: number;
  ms: number;
  /** Answered before the index was whole (being loaded or built, or not begun): the hits are from the part in. */
  partial: boolean;
}

/** Texts of hits kept once read (an LRU by document id): a query refined keystroke by keystroke reads few again. */
export const TEXT_CACHE = 2_000;

/** A cached hit text, with what it was read from (to drop it when that record changes). */
interface CachedText {
  text: string;
  articleId: string | null;
}

/** The cache entries a write makes stale: the changed records' documents, and the statements of changed articles. */
function staleTexts(cache: Map<string, CachedText>, changed: ChangedKeys): string[] {
  if (Object.values(changed).includes('all')) return [...cache.keys()];
  const keys = (table: keyof ChangedKeys) => (changed[table] as Set<string> | undefined) ?? new Set<string>();
  const ids = new Set([
    ...[...keys('statements')].map((id) => docId('statement', id)),
    ...[...keys('annotations')].map((id) => docId('note', id)),
    ...[...keys('tags')].map((id) => docId('tag', id)),
  ]);
  const articles = keys('articles');
  return [...cache]
    .filter(([id, c]) => ids.has(id) || (c.articleId && articles.has(c.articleId)))
    .map(([id]) => id);
}

/** Where the index's documents come from and where it is saved (the app's database; a fake in tests). */
export type SearchSource = typeof searchSource;

/** The worker as the client uses it: messages in, replies and a start failure reported to the callbacks. */
export type SearchWorker = Pick<Worker, 'postMessage' | 'terminate'>;
export type WorkerFactory = (
  onReply: (reply: WorkerReply) => void,
  onError: (message: string) => void,
) => SearchWorker;

/** What a save waiting to run sees: the index's build state and the updates in flight. */
export interface SaveState {
  /** The share of a load or build from scratch done so far; null when none runs. */
  building: number | null;
  /** Updates being read from the database. */
  updating: number;
  /** Updates started in all when the save began, and now. */
  startedBefore: number;
  startedNow: number;
}

/**
 * Whether a save may write the index now; if not it waits and tries again. Never while the index is being
 * loaded or built: it then holds only part of the workspace, and a save under the current generation would make
 * that part the saved index (at 10,000 articles one shard of twenty was). Nor while an update is on its way.
 */
export function saveMayRun(s: SaveState): boolean {
  return s.building === null && s.updating === 0 && s.startedBefore === s.startedNow;
}

class SearchClient {
  /** Documents in the index; null until the first build is done. */
  count = $state<number | null>(null);
  /** While the index is loaded or built from scratch: the share done so far (0–1); null otherwise. */
  building = $state<number | null>(null);
  /** Whether `building` is loading the saved index (else it is building one from the workspace). */
  loadingSaved = $state(false);
  private worker: SearchWorker | null = null;
  private nextId = 1;
  private waiting = new Map<number, (a: SearchAnswer) => void>();
  private stopWatching: (() => void) | null = null;
  /** Changes seen before the first load or build was sent: replayed after it. */
  private queued: ChangedKeys[] | null = [];
  /** Updates being read from the database; and how many have started in all (to notice new ones). */
  private updating = 0;
  private updatesStarted = 0;
  private saveTimer: ReturnType<typeof setTimeout> | null = null;
  private snapshots = new Map<number, (snapshot: ShardSnapshot | null) => void>();
  /** Called with the worker's next 'ready' (a load, reset or update done). */
  private readyWaiters: (() => void)[] = [];
  private textCache = new Map<string, CachedText>();
  /** Bumped when cached texts go stale: a read begun before then is not cached. */
  private textEpoch = 0;

  constructor(
    private source: SearchSource,
    private createWorker: WorkerFactory,
  ) {}

  /** Start the worker and build the index (idempotent). */
  start(): void {
    if (this.worker) return;
    try {
      this.worker = this.createWorker(
        (reply) => this.onReply(reply),
        // A shell that refuses workers (some file:// setups) still gets search, on this thread.
        (message) => {
          console.warn('[corroborate] search worker unavailable, indexing on the main thread', message);
          this.worker = this.inThread();
          void this.rebuild().then(() => this.scheduleSave());
        },
      );
    } catch {
      this.worker = this.inThread();
    }
    this.queued = [];
    // Watch first, so nothing written while the workspace is read is missed (replays are harmless).
    this.stopWatching = this.source.watch((changed) => void this.update(changed));
    void this.initialise();
  }

  /**
   * The saved index, caught up with the writes logged since it was saved (no rebuild from every statement at
   * start); a fresh build when there is none or the log cannot say what changed.
   */
  private async initialise() {
    const { plan, loaded } = await this.source.startLoad(async () => {
      const plan = await this.source.savedPlan().catch(() => null);
      const loaded = plan ? await this.loadSaved(plan).catch(() => false) : false;
      if (!loaded) await this.rebuild();
      return { plan, loaded };
    });
    const queued = [...(loaded && plan?.pending ? [plan.pending] : []), ...(this.queued ?? [])];
    this.queued = null;
    for (const changed of queued) await this.update(changed);
    if (!loaded) this.scheduleSave();
  }

  /**
   * Sends the saved shards to the worker one at a time (at 10,000 articles they are some 400 MB of JSON: never
   * all in this thread, nor in one message); search says how far it is until the last is in. False when a
   * shard is missing or a save came in between: the index is then rebuilt.
   */
  private async loadSaved(plan: SavedIndexPlan): Promise<boolean> {
    this.building = 0;
    this.loadingSaved = true;
    this.count = null;
    let parsed: Promise<unknown> = this.nextReady();
    this.post({ type: 'reset', docs: [] });
    try {
      // The next shard is read while the worker parses this one, and sent once it has: a query asked meanwhile
      // is answered from the shards in so far (not after every shard queued), and no more than one shard's JSON
      // waits in the worker's queue.
      for (const [i, key] of plan.keys.entries()) {
        const shard = await this.source.savedShard(key, plan.savedAt);
        if (!shard) return false;
        await parsed;
        parsed = this.nextReady();
        this.post({ type: 'load', shards: [shard] });
        void parsed.then(() => {
          if (this.building !== null) this.building = (i + 1) / plan.keys.length;
        });
      }
      await parsed;
      return true;
    } finally {
      this.building = null;
      this.loadingSaved = false;
      this.post({ type: 'update', upsert: [], remove: [] });
    }
  }

  /** Saves the index a few seconds after the last change (in chunks, under the workspace's generation). */
  private scheduleSave(delay = 3000) {
    if (this.saveTimer) clearTimeout(this.saveTimer);
    this.saveTimer = setTimeout(() => void this.save(), delay);
  }

  /** Saves the changed shards now, or as soon as no load, build or update runs (see `saveMayRun`). */
  async save(): Promise<void> {
    if (this.saveTimer) clearTimeout(this.saveTimer);
    this.saveTimer = null;
    const generation = await this.source.generation();
    const started = this.updatesStarted;
    // A write committed just before the generation was read reaches `update` within a few ms: wait for it.
    await new Promise((r) => setTimeout(r, 300));
    const state = {
      building: this.building,
      updating: this.updating,
      startedBefore: started,
      startedNow: this.updatesStarted,
    };
    if (!saveMayRun(state)) return this.scheduleSave();
    const id = this.nextId++;
    const snapshot = await new Promise<ShardSnapshot | null>((resolve) => {
      this.snapshots.set(id, resolve);
      this.post({ type: 'snapshot', id });
    });
    if (!snapshot || started !== this.updatesStarted) return;
    const written = await this.source.save(snapshot, generation).catch(() => false);
    // Only shards a save wrote are clean; the others stay changed and go with the next save.
    if (written)
      this.post({ type: 'saved', versions: snapshot.changed.map(({ key, version }) => ({ key, version })) });
  }

  /** The same index and messages without a worker. */
  private inThread(): SearchWorker {
    const index: IndexHolder = { current: null };
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
    if (this.saveTimer) clearTimeout(this.saveTimer);
    this.stopWatching?.();
    this.worker?.terminate();
    this.worker = null;
    this.count = null;
  }

  private post(msg: WorkerRequest) {
    this.worker?.postMessage(msg);
  }

  /**
   * Builds the index from scratch a page of articles at a time: no copy of the workspace in memory or in one
   * message. Search says it is building (with how far) until the last page is in.
   */
  private async rebuild() {
    this.building = 0;
    this.count = null;
    try {
      this.post({ type: 'reset', docs: [] });
      for await (const { docs, done, total } of this.source.pages()) {
        this.post({ type: 'update', upsert: docs, remove: [] });
        this.building = total ? done / total : 1;
      }
    } catch (err) {
      console.error('[corroborate] search index could not be built', err);
    } finally {
      this.building = null;
      this.post({ type: 'update', upsert: [], remove: [] });
    }
  }

  private async update(changed: ChangedKeys) {
    const stale = staleTexts(this.textCache, changed);
    if (stale.length) {
      this.textEpoch++;
      for (const id of stale) this.textCache.delete(id);
    }
    if (this.queued) {
      this.queued.push(changed);
      return;
    }
    this.updating++;
    this.updatesStarted++;
    try {
      const u = await this.source.updatesFor(changed);
      if (u.rebuild) await this.rebuild();
      else if (u.upsert.length || u.remove.length)
        this.post({ type: 'update', upsert: u.upsert, remove: u.remove });
    } catch (err) {
      console.error('[corroborate] search index update failed', err);
    } finally {
      this.updating--;
      this.scheduleSave();
    }
  }

  /** Resolves when the worker has handled the messages sent so far up to its next 'ready'. */
  private nextReady(): Promise<void> {
    return new Promise((resolve) => this.readyWaiters.push(resolve));
  }

  private onReply(reply: WorkerReply) {
    if (reply.type === 'ready') {
      this.count = this.building === null ? reply.count : null;
      for (const resolve of this.readyWaiters.splice(0)) resolve();
    } else if (reply.type === 'snapshot') {
      this.snapshots.get(reply.id)?.(reply.snapshot);
      this.snapshots.delete(reply.id);
    } else {
      const done = this.waiting.get(reply.id);
      this.waiting.delete(reply.id);
      // Not yet whole: loading or building, or not even begun (a query can come first and start the client).
      done?.({ hits: reply.hits, total: reply.total, ms: reply.ms, partial: this.count === null });
    }
  }

  /**
   * The texts of hits about to be drawn, by document id (the index keeps none): those read lately from the cache,
   * the others in one read (none when every one is cached).
   */
  async texts(hits: SearchHit[]): Promise<Map<string, string>> {
    const found: [string, string][] = [];
    const missing: SearchHit[] = [];
    for (const hit of hits) {
      const cached = this.textCache.get(hit.id);
      if (!cached) {
        missing.push(hit);
        continue;
      }
      found.push([hit.id, cached.text]);
      // Most recently used last: the first entries are the ones dropped.
      this.textCache.delete(hit.id);
      this.textCache.set(hit.id, cached);
    }
    if (!missing.length) return new Map(found);
    const epoch = this.textEpoch;
    const read = await this.source.texts(missing);
    for (const hit of missing) {
      const text = read.get(hit.id) ?? '';
      found.push([hit.id, text]);
      if (epoch === this.textEpoch) this.textCache.set(hit.id, { text, articleId: hit.articleId });
    }
    for (const id of this.textCache.keys()) {
      if (this.textCache.size <= TEXT_CACHE) break;
      this.textCache.delete(id);
    }
    return new Map(found);
  }

  /**
   * Search the workspace; resolves with the hits (best first), without their texts (see `texts`). Asked while the
   * index loads or is built, it is answered from the part in so far (`partial`).
   */
  query(query: string, limit = 80): Promise<SearchAnswer> {
    this.start();
    const id = this.nextId++;
    return new Promise((resolve) => {
      this.waiting.set(id, resolve);
      this.post({ type: 'query', id, query, limit });
    });
  }
}

/** A search client on this source and worker (the app's: app-search.ts). */
export function createSearchClient(source: SearchSource, createWorker: WorkerFactory): SearchClient {
  return new SearchClient(source, createWorker);
}
