// A live query shows only its current key's answer: a screen that switches article (statement, claim…) never
// shows the previous one's data as loaded; pages that grow and keys equal in content keep what they show.
import 'fake-indexeddb/auto';
import { flushSync } from 'svelte';
import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  live,
  sharedLiveBy,
  type Live,
  type LiveOptions,
} from '../../../../../src-renderer/lib/db/live.svelte';

/** Queries answered by hand: `answer(key, value)` settles the read of that key. */
function readsByHand<K>() {
  const pending: { key: K; resolve: (v: string) => void }[] = [];
  return {
    query: (key: K) => new Promise<string>((resolve) => pending.push({ key, resolve })),
    async answer(key: K, value: string) {
      await vi.waitFor(() =>
        expect(pending.some((p) => JSON.stringify(p.key) === JSON.stringify(key))).toBe(true),
      );
      for (const p of pending.splice(0)) if (JSON.stringify(p.key) === JSON.stringify(key)) p.resolve(value);
    },
  };
}

const stops: (() => void)[] = [];
afterEach(() => stops.splice(0).forEach((stop) => stop()));

/** A live query on a key held in state, inside an effect root as a component would have it. */
function mount<K>(first: K, query: (k: K) => Promise<string>, options: LiveOptions<K> = {}) {
  const key = $state({ value: first });
  let view!: Live<string>;
  stops.push($effect.root(() => void (view = live(() => key.value, query, 'none', options))));
  flushSync();
  return { key, view: () => view };
}

const shown = (l: Live<string>) => ({ current: l.current, loaded: l.loaded });

describe('live()', () => {
  it("shows nothing loaded between a key change and the new key's first answer", async () => {
    const reads = readsByHand<string>();
    const { key, view } = mount<string>('article-a', reads.query);
    await reads.answer('article-a', 'text of a');
    await vi.waitFor(() => expect(shown(view())).toEqual({ current: 'text of a', loaded: true }));

    key.value = 'article-b';
    flushSync();
    expect(shown(view())).toEqual({ current: 'none', loaded: false });

    await reads.answer('article-b', 'text of b');
    await vi.waitFor(() => expect(shown(view())).toEqual({ current: 'text of b', loaded: true }));
  });

  it('keeps the value of a key equal in content (a list derived anew), and does not read it again', async () => {
    const reads = readsByHand<string[]>();
    let asked = 0;
    const { key, view } = mount<string[]>(['s1', 's2'], (k) => (asked++, reads.query(k)));
    await reads.answer(['s1', 's2'], 'two rows');
    await vi.waitFor(() => expect(view().loaded).toBe(true));
    expect(asked).toBe(1);

    key.value = ['s1', 's2'];
    flushSync();
    expect(shown(view())).toEqual({ current: 'two rows', loaded: true });
    await new Promise((r) => setTimeout(r, 50));
    expect(asked).toBe(1);
  });

  it('keeps showing a page while a longer page of the same list is read, when told the key goes on', async () => {
    const reads = readsByHand<[string, number]>();
    const { key, view } = mount<[string, number]>(['source-a', 50], reads.query, {
      continues: (a, b) => a[0] === b[0],
    });
    await reads.answer(['source-a', 50], 'first 50');
    await vi.waitFor(() => expect(view().loaded).toBe(true));

    key.value = ['source-a', 100];
    flushSync();
    expect(shown(view())).toEqual({ current: 'first 50', loaded: true });
    await reads.answer(['source-a', 100], 'first 100');
    await vi.waitFor(() => expect(view().current).toBe('first 100'));

    key.value = ['source-b', 50];
    flushSync();
    expect(shown(view())).toEqual({ current: 'none', loaded: false });
  });

  it('is read once per key for all the readers of that key (sharedLiveBy), and afresh for a new key', async () => {
    const reads = readsByHand<string | null>();
    const asked: (string | null)[] = [];
    const open = sharedLiveBy<string>((k) => (asked.push(k), reads.query(k)), 'none');
    const key = $state({ value: 'article-a' as string | null });
    let reader!: Live<string>;
    let inspector!: Live<string>;
    stops.push(
      $effect.root(() => {
        reader = open(() => key.value);
        inspector = open(() => key.value);
      }),
    );
    flushSync();
    await reads.answer('article-a', 'text of a');
    await vi.waitFor(() => expect(shown(inspector)).toEqual({ current: 'text of a', loaded: true }));
    expect(shown(reader)).toEqual({ current: 'text of a', loaded: true });

    key.value = 'article-b';
    flushSync();
    expect(shown(reader)).toEqual({ current: 'none', loaded: false });
    await reads.answer('article-b', 'text of b');
    await vi.waitFor(() => expect(shown(reader)).toEqual({ current: 'text of b', loaded: true }));
    expect(shown(inspector)).toEqual({ current: 'text of b', loaded: true });
    expect(asked).toEqual(['article-a', 'article-b']);
  });
});
