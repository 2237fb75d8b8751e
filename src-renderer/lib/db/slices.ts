// Work done on the page's thread in slices: results are handed on (written) whenever a slice has taken its
// budget, so no single task runs long while an import computes records for dozens of articles at once.

/** Main-thread time (ms) a slice may take before its results are handed on; the page gets the thread back between. */
export const SLICE_MS = 25;

/** Resolves in a later task: whatever waits on it lets the page draw and handle input first. */
export function nextTask(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}

/**
 * Runs `work` on each item and hands the results (those not null) to `flush` whenever the slice has taken
 * `budgetMs`, and once at the end; each flush is awaited before the next slice starts. Resolves with every result.
 * Not for use inside a Dexie transaction (an await with no request behind it may let the transaction commit).
 */
export async function inSlices<T, R>(
  items: Iterable<T>,
  work: (item: T) => R | null,
  flush: (results: R[]) => Promise<unknown>,
  budgetMs = SLICE_MS,
  clock: () => number = () => performance.now(),
): Promise<R[]> {
  const all: R[] = [];
  let slice: R[] = [];
  let started = clock();
  for (const item of items) {
    const result = work(item);
    if (result !== null) slice.push(result);
    if (clock() - started >= budgetMs) {
      if (slice.length) await flush(slice);
      else await nextTask();
      all.push(...slice);
      slice = [];
      started = clock();
    }
  }
  if (slice.length) await flush(slice);
  all.push(...slice);
  return all;
}
