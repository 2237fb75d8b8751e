// Reads someone is waiting for come first. IndexedDB serves an origin's requests largely one after another, so a
// page of a load that can wait (an index read whole after a start) issued just before an article opens delays
// the opening by that page's read. The live queries behind the screens count as waited for; background loads
// take their turn between pages, when none is in flight, and are never held back longer than a bound.

let inFlight = 0;
const listeners = new Set<(busy: boolean) => void>();
let idle: (() => void)[] = [];

function settle(busy: boolean): void {
  for (const listener of listeners) listener(busy);
  if (busy) return;
  const waiting = idle;
  idle = [];
  for (const resume of waiting) resume();
}

/** Runs `read` as a read someone waits for: background loads pause until it and every other such read is done. */
export async function foreground<T>(read: () => Promise<T>): Promise<T> {
  if (inFlight++ === 0) settle(true);
  try {
    return await read();
  } finally {
    if (--inFlight === 0) settle(false);
  }
}

/** Whether a read someone waits for is in flight. */
export function foregroundBusy(): boolean {
  return inFlight > 0;
}

/** Calls `listener` whenever reads someone waits for start (true) or are all done (false); returns the unsubscribe. */
export function onForeground(listener: (busy: boolean) => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** Resolves at once when no read someone waits for is in flight, else when they are done or `maxMs` has passed. */
export function backgroundTurn(maxMs = 1_000): Promise<void> {
  if (inFlight === 0) return Promise.resolve();
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, maxMs);
    idle.push(() => {
      clearTimeout(timer);
      resolve();
    });
  });
}
