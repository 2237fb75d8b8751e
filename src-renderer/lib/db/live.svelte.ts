// Dexie live queries as Svelte 5 state: re-run when the database or the tracked inputs change (see watch.ts).
import { foreground } from './priority';
import { watch } from './watch';

export interface Live<T> {
  readonly current: T;
  readonly loaded: boolean;
}

/**
 * `deps` is read inside an effect (so its reactive reads are tracked); `query` then runs as a
 * Dexie live query and re-runs whenever the tables it read change.
 */
export function live<D, T>(deps: () => D, query: (d: D) => Promise<T>, initial: T): Live<T> {
  let current = $state.raw(initial);
  let loaded = $state(false);
  $effect(() => {
    const d = deps();
    return watch(() => foreground(() => query(d)), {
      next: (v) => {
        current = v;
        loaded = true;
      },
      error: (e: unknown) => console.error('[corroborate] live query failed', e),
    });
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
