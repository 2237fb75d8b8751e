// Dexie live queries as Svelte 5 state: re-run when the database or the tracked inputs change (see watch.ts).
import { untrack } from 'svelte';
import { foreground } from './priority';
import { watch } from './watch';

export interface Live<T> {
  /** The value read for the current key (`initial` until it is read). */
  readonly current: T;
  /** Whether `current` is the answer for the current key (false from a key change until its first answer). */
  readonly loaded: boolean;
}

export interface LiveOptions<D> {
  /**
   * Whether a new key goes on from the previous one (a longer page or another window of the same list): the
   * value read for the previous key then stays, loaded, until the new key's is read. Without it a new key
   * shows `initial`, not loaded, until its own first answer.
   */
  continues?: (previous: D, next: D) => boolean;
}

/** Keys equal in content (arrays and plain objects compared member by member) are the same key. */
export function sameKey(a: unknown, b: unknown): boolean {
  if (Object.is(a, b)) return true;
  if (Array.isArray(a) && Array.isArray(b))
    return a.length === b.length && a.every((x, i) => sameKey(x, b[i]));
  if (!isPlain(a) || !isPlain(b)) return false;
  const ka = Object.keys(a);
  return ka.length === Object.keys(b).length && ka.every((k) => k in b && sameKey(a[k], b[k]));
}

const isPlain = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && Object.getPrototypeOf(v) === Object.prototype;

/**
 * `deps` is read inside an effect (so its reactive reads are tracked) and gives the key; `query` then runs as a
 * Dexie live query and re-runs whenever the tables it read change. A screen never shows one key's answer as
 * another's: when the key changes, `current` is `initial` and `loaded` false until the new key's first answer
 * (unless `options.continues` says the new key goes on from the previous one); a key equal in content to the
 * previous one is the same key: its value stays, and its query, already live, is not read again.
 */
export function live<D, T>(
  deps: () => D,
  query: (d: D) => Promise<T>,
  initial: T,
  options: LiveOptions<D> = {},
): Live<T> {
  let current = $state.raw(initial);
  let loaded = $state(false);
  let key: { d: D } | null = null;
  let stop: (() => void) | null = null;
  $effect(() => {
    const d = deps();
    untrack(() => {
      // The same key again (deps re-derived equal): its query is already live, and is not read again.
      if (key && sameKey(key.d, d)) return;
      if (key && !options.continues?.(key.d, d)) {
        current = initial;
        loaded = false;
      }
      stop?.();
      key = { d };
      stop = watch(() => foreground(() => query(d)), {
        next: (v) => {
          current = v;
          loaded = true;
        },
        error: (e: unknown) => console.error('[corroborate] live query failed', e),
      });
    });
  });
  $effect(() => () => {
    stop?.();
    stop = null;
    key = null;
  });
  return {
    get current() {
      return current;
    },
    get loaded() {
      return loaded;
    },
  };
}

/**
 * One live query shared by every component that shows it (the library is read by the sidebar, search,
 * the compare picker and others): one subscription and one re-read per write, however many readers.
 * Call the returned function during a component's initialisation.
 */
export function sharedLive<T>(query: () => Promise<T>, initial: T): () => Live<T> {
  let current = $state.raw(initial);
  let loaded = $state(false);
  let users = 0;
  let stop: (() => void) | null = null;
  const view: Live<T> = {
    get current() {
      return current;
    },
    get loaded() {
      return loaded;
    },
  };
  return () => {
    $effect(() => {
      if (users++ === 0)
        stop = watch(() => foreground(query), {
          next: (v) => {
            current = v;
            loaded = true;
          },
          error: (e: unknown) => console.error('[corroborate] live query failed', e),
        });
      return () => {
        if (--users > 0) return;
        stop?.();
        stop = null;
      };
    });
    return view;
  };
}

/** One key's shared live query: its value, and how many readers hold it. */
class SharedKey<T> {
  current: T = $state.raw() as T;
  loaded = $state(false);
  users = 0;
  stop: () => void = () => {};
  constructor(initial: T) {
    this.current = initial;
  }
}

/**
 * One live query per key, shared by every component showing that key (the open article is read by the reader and
 * by the inspector): one read and one subscription per key, however many readers. A reader switching key shows
 * `initial`, not loaded, until the new key's first answer, unless another reader already holds that key. Call the
 * returned function during a component's initialisation with the key to follow.
 */
export function sharedLiveBy<T>(
  query: (key: string | null) => Promise<T>,
  initial: T,
): (key: () => string | null) => Live<T> {
  /** The keys read, by key ('' for null): plain bookkeeping, not state the screens follow. */
  const held: Record<string, SharedKey<T>> = {};
  const slot = (k: string | null) => (k === null ? '' : `:${k}`);
  const acquire = (k: string | null): SharedKey<T> => {
    let entry = held[slot(k)];
    if (!entry) {
      const e = new SharedKey(initial);
      e.stop = watch(() => foreground(() => query(k)), {
        next: (v) => {
          e.current = v;
          e.loaded = true;
        },
        error: (err: unknown) => console.error('[corroborate] live query failed', err),
      });
      held[slot(k)] = entry = e;
    }
    entry.users++;
    return entry;
  };
  const release = (k: string | null, entry: SharedKey<T>) => {
    if (--entry.users > 0) return;
    entry.stop();
    delete held[slot(k)];
  };
  return (key) => {
    let mine = $state.raw<{ k: string | null; entry: SharedKey<T> } | null>(null);
    $effect(() => {
      const k = key();
      untrack(() => {
        if (mine && mine.k === k) return;
        // The new key is taken before the old one is let go: readers switching together share its read.
        const entry = acquire(k);
        if (mine) release(mine.k, mine.entry);
        mine = { k, entry };
      });
    });
    $effect(() => () => {
      if (mine) release(mine.k, mine.entry);
      mine = null;
    });
    return {
      get current() {
        return mine ? mine.entry.current : initial;
      },
      get loaded() {
        return mine ? mine.entry.loaded : false;
      },
    };
  };
}
