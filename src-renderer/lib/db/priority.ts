// Reads someone is waiting for come first. IndexedDB serves an origin's requests largely one after another, so a
// page of a load that can wait (an index read whole after a start) issued just before an article opens delays
// the opening by that page's read. The live queries behind the screens count as waited for; background loads
// take their turn between pages once none has been in flight for a short quiet spell (someone clicking through
// articles gets them one after another), and are never held back longer than a bound.

/** How long no read someone waits for must have been in flight before background loads go on. */
export const QUIET_MS = 300;

let inFlight = 0;
let quiet = true;
let quietTimer: ReturnType<typeof setTimeout> | null = null;
const listeners = new Set<(busy: boolean) => void>();
let waiting: (() => void)[] = [];

function becomeQuiet(): void {
  quietTimer = null;
  quiet = true;
  for (const listener of listeners) listener(false);
  const resume = waiting;
  waiting = [];
  for (const go of resume) go();
}

/** Runs `read` as a read someone waits for: background loads pause until it and every other such read is done. */
export async function foreground<T>(read: () => Promise<T>): Promise<T> {
  if (inFlight++ === 0) {
    if (quietTimer) clearTimeout(quietTimer);
    quietTimer = null;
    if (quiet) {
      quiet = false;
      for (const listener of listeners) listener(true);
    }
  }
  try {
    return await read();
  } finally {
    if (--inFlight === 0) quietTimer = setTimeout(becomeQuiet, QUIET_MS);
  }
}

/** Calls `listener` when reads someone waits for begin (true) and when a quiet spell after them begins (false). */
export function onForeground(listener: (busy: boolean) => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** Resolves at once in a quiet spell, else when the next one begins or `maxMs` has passed. */
export function backgroundTurn(maxMs = 1_000): Promise<void> {
  if (quiet) return Promise.resolve();
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, maxMs);
    waiting.push(() => {
      clearTimeout(timer);
      resolve();
    });
  });
}

// The loads a start needs for the screens (the search index, the corroboration index) come before work nobody
// waits for at all (a full backup, which at 10,000 articles reads the whole workspace): such work takes its turns
// only once no start load runs, or after a long bound, so that it never holds a load back for good.

/** The longest work nobody waits for holds back for the start's loads before it goes on with one more step. */
export const IDLE_MAX_MS = 30_000;

let loads = 0;
let loadWaiters: (() => void)[] = [];

/** Marks `load` as one of the loads a start needs, until it settles. */
export async function startLoad<T>(load: () => Promise<T>): Promise<T> {
  loads++;
  try {
    return await load();
  } finally {
    if (--loads === 0) {
      const resume = loadWaiters;
      loadWaiters = [];
      for (const go of resume) go();
    }
  }
}

/** A turn for work nobody waits for: after the start's loads (or `maxMs`), then as `backgroundTurn`. */
export async function idleTurn(maxMs = IDLE_MAX_MS): Promise<void> {
  if (loads > 0)
    await new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, maxMs);
      loadWaiters.push(() => {
        clearTimeout(timer);
        resolve();
      });
    });
  await backgroundTurn();
}
