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
import { handleSearchMessage, type IndexHolder } from '../../../../../src-renderer/lib/search/index-core';
import type { SearchDoc } from '../../../../../src-renderer/lib/search/docs';
import type { ShardSnapshot } from '../../../../../src-renderer/lib/search/shards';

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
    // A worker that answers as the real one does (the same message handling), a tick later.
    const index: IndexHolder = { current: null };
    const fakeWorker: WorkerFactory = (onReply) => ({
      postMessage: (msg) =>
        setTimeout(() => {
          const reply = handleSearchMessage(index, msg);
          if (reply) onReply(reply);
        }, 0),
      terminate: () => undefined,
    });
    const client = createSearchClient(source, fakeWorker);
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
