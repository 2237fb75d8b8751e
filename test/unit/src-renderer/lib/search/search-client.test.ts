// The search client's save guard: the index is never saved while it is being loaded or built (it then holds only
// part of the workspace, and that part would become the saved index a later start loads). The decision as a pure
// function, and once through the client with a fake worker and a fake database whose build can be held midway.
import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  createSearchClient,
  saveMayRun,
  type SearchSource,
  type WorkerFactory,
} from '../../../../../src-renderer/lib/search/search-client.svelte';
import MiniSearch from 'minisearch';
import { handleSearchMessage, type IndexHolder } from '../../../../../src-renderer/lib/search/index-core';
import { INDEX_OPTIONS, type SearchDoc } from '../../../../../src-renderer/lib/search/docs';
import type { SavedShard, ShardSnapshot } from '../../../../../src-renderer/lib/search/shards';
import type { ChangedKeys } from '../../../../../src-renderer/lib/db';

const quiet = { building: null, updating: 0, startedBefore: 3, startedNow: 3 };

describe('saveMayRun', () => {
  it('lets a save run only when no load, build or update is under way', () => {
    expect(saveMayRun(quiet)).toBe(true);
    expect(saveMayRun({ ...quiet, building: 0 })).toBe(false);
    expect(saveMayRun({ ...quiet, building: 0.95 })).toBe(false);
    expect(saveMayRun({ ...quiet, updating: 1 })).toBe(false);
    expect(saveMayRun({ ...quiet, startedNow: 4 })).toBe(false);
  });
});

const statement = (id: string, articleId: string, text: string, speaker: string): SearchDoc => ({
  id: `s:${id}`,
  kind: 'statement',
  refId: id,
  articleId,
  start: 0,
  end: text.length,
  text,
  speaker,
});

/** The hits for `query` in an index loaded from what a save wrote (as the next start would load it). */
function hitsInSaved(snapshot: ShardSnapshot, query: string): string[] {
  const loaded: IndexHolder = { current: null };
  handleSearchMessage(loaded, { type: 'load', shards: snapshot.changed });
  const reply = handleSearchMessage(loaded, { type: 'query', id: 1, query, limit: 10 });
  return reply?.type === 'results' ? reply.hits.map((h) => h.refId) : [];
}

describe('the search client', () => {
  beforeEach(() => vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] }));
  afterEach(() => vi.useRealTimers());

  it('asked to save while the index is still being built, saves only once the whole workspace is in', async () => {
    let releaseSecondPage = () => {};
    const secondPage = new Promise<void>((resolve) => (releaseSecondPage = resolve));
    const saved: ShardSnapshot[] = [];
    const source: SearchSource = {
      // Nothing saved yet: the index is built from the workspace, a page of articles at a time.
      savedPlan: () => Promise.resolve(null),
      savedShard: () => Promise.resolve(null),
      texts: () => Promise.resolve(new Map()),
      startLoad: (load) => load(),
      async *pages() {
        yield {
          docs: [statement('st1', 'a1', 'The ministry denied the report.', 'Bogdanov')],
          done: 1,
          total: 2,
        };
        await secondPage;
        yield {
          docs: [statement('st2', 'a2', 'The convoy reached Bambari.', 'Zakharov')],
          done: 2,
          total: 2,
        };
      },
      generation: () => Promise.resolve('generation-1'),
      save: (snapshot) => {
        saved.push(snapshot);
        return Promise.resolve(true);
      },
      updatesFor: () => Promise.resolve({ upsert: [], remove: [], rebuild: false }),
      watch: () => () => undefined,
    };
    const client = createSearchClient(source, fakeWorker());
    client.start();
    await vi.advanceTimersByTimeAsync(50);
    expect(client.building).toBe(0.5);

    const asked = client.save();
    await vi.advanceTimersByTimeAsync(5_000);
    expect(saved).toEqual([]);
    expect(client.building).toBe(0.5);

    releaseSecondPage();
    await vi.advanceTimersByTimeAsync(10_000);
    await asked;
    expect(client.building).toBeNull();
    expect(client.count).toBe(2);
    expect(saved.length).toBeGreaterThan(0);
    // Every save holds the whole workspace: the next start finds the second page's speaker too.
    for (const snapshot of saved) {
      expect(hitsInSaved(snapshot, 'Zakharv')).toEqual(['st2']);
      expect(hitsInSaved(snapshot, 'Bogdanov')).toEqual(['st1']);
    }
    client.stop();
  });
});

/** A worker that answers as the real one does (the same message handling), a tick later. */
function fakeWorker(): WorkerFactory {
  const index: IndexHolder = { current: null };
  return (onReply) => ({
    postMessage: (msg) =>
      setTimeout(() => {
        const reply = handleSearchMessage(index, msg);
        if (reply) onReply(reply);
      }, 0),
    terminate: () => undefined,
  });
}

/** A shard as a save writes it, holding these documents. */
function savedShardOf(key: number, docs: SearchDoc[]): SavedShard {
  const mini = new MiniSearch<SearchDoc>(INDEX_OPTIONS);
  mini.addAll(docs);
  return { key, json: JSON.stringify(mini), articles: [...new Set(docs.map((d) => d.articleId ?? ''))] };
}

/** A workspace whose saved index is two shards, the second held back until `release`; texts reads are recorded. */
function twoShardWorkspace() {
  let release = () => {};
  const held = new Promise<void>((resolve) => (release = resolve));
  const first = [statement('st1', 'a1', 'Bogdanov denied the report.', 'Bogdanov')];
  const second = [statement('st2', 'a2', 'Bogdanov reached Bambari.', 'Zakharov')];
  const texts = new Map([...first, ...second].map((d) => [d.id, d.text]));
  const reads: string[][] = [];
  const source: SearchSource = {
    savedPlan: () => Promise.resolve({ savedAt: 'g1', keys: [0, 1], pending: null }),
    async savedShard(key) {
      if (key === 0) return savedShardOf(0, first);
      await held;
      return savedShardOf(1, second);
    },
    texts(hits) {
      reads.push(hits.map((h) => h.id));
      return Promise.resolve(new Map(hits.map((h) => [h.id, texts.get(h.id) ?? ''])));
    },
    startLoad: (load) => load(),
    // eslint-disable-next-line require-yield
    async *pages() {
      throw new Error('not rebuilt: the saved index loads');
    },
    generation: () => Promise.resolve('g1'),
    save: () => Promise.resolve(true),
    updatesFor: () => Promise.resolve({ upsert: [], remove: [], rebuild: false }),
    watch: () => () => undefined,
  };
  return { source, release, reads, texts };
}

describe('a search while the saved index loads', () => {
  beforeEach(() => vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] }));
  afterEach(() => vi.useRealTimers());

  it('is answered from the shards loaded so far, marked partial; once the last is in, from all', async () => {
    const ws = twoShardWorkspace();
    const client = createSearchClient(ws.source, fakeWorker());
    client.start();
    await vi.advanceTimersByTimeAsync(50);
    expect(client.building).toBe(0.5);

    const early = client.query('Bogdanv');
    await vi.advanceTimersByTimeAsync(10);
    const partial = await early;
    expect(partial.hits.map((h) => h.refId)).toEqual(['st1']);
    expect(partial.partial).toBe(true);

    ws.release();
    await vi.advanceTimersByTimeAsync(50);
    expect(client.building).toBeNull();
    const whole = client.query('Bogdanv');
    await vi.advanceTimersByTimeAsync(10);
    const answer = await whole;
    expect(answer.hits.map((h) => h.refId).sort()).toEqual(['st1', 'st2']);
    expect(answer.partial).toBe(false);
    client.stop();
  });

  it('reads the texts of hits once: asked again (the next keystroke), they come without a read', async () => {
    const ws = twoShardWorkspace();
    ws.release();
    const client = createSearchClient(ws.source, fakeWorker());
    client.start();
    await vi.advanceTimersByTimeAsync(50);
    const asked = client.query('Bogdanov');
    await vi.advanceTimersByTimeAsync(10);
    const { hits } = await asked;
    expect(hits).toHaveLength(2);

    const first = await client.texts(hits.slice(0, 1));
    expect(first.get(hits[0]!.id)).toBe(ws.texts.get(hits[0]!.id));
    const both = await client.texts(hits);
    expect([...both.values()].sort()).toEqual([...ws.texts.values()].sort());
    await client.texts(hits);
    // One read for the first hit, one for the second only, none for the third call.
    expect(ws.reads).toEqual([[hits[0]!.id], [hits[1]!.id]]);
    client.stop();
  });

  it('reads a hit text again once its article or statement has changed', async () => {
    const ws = twoShardWorkspace();
    ws.release();
    let onChange: (changed: ChangedKeys) => void = () => {};
    const client = createSearchClient(
      {
        ...ws.source,
        watch: (listener) => {
          onChange = listener;
          return () => undefined;
        },
      },
      fakeWorker(),
    );
    client.start();
    await vi.advanceTimersByTimeAsync(50);
    const asked = client.query('Bogdanov');
    await vi.advanceTimersByTimeAsync(10);
    const { hits } = await asked;
    const a1 = hits.find((h) => h.articleId === 'a1')!;
    const a2 = hits.find((h) => h.articleId === 'a2')!;
    await client.texts(hits);
    onChange({ articles: new Set(['a1']) });
    await client.texts(hits);
    onChange({ statements: new Set([a2.refId]) });
    await client.texts(hits);
    onChange({ tags: 'all' });
    await client.texts(hits);
    const both = [a1.id, a2.id].sort();
    expect(ws.reads.map((r) => [...r].sort())).toEqual([both, [a1.id], [a2.id], both]);
    client.stop();
  });
});
