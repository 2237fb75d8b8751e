// Work a cold start can put off until the library is on screen. Loading the search and corroboration indexes
// reads hundreds of megabytes from IndexedDB at 10,000 articles, and IndexedDB serves one origin's requests
// largely one after another: started at once, they queue the library's own reads behind them.

/** The longest a start waits for the library before the deferred work begins anyway. */
export const STARTUP_WAIT_MAX_MS = 3_000;

let shown: () => void = () => {};
const libraryShown = new Promise<void>((resolve) => (shown = resolve));

/** Called once the library has drawn its first rows (or found the workspace empty). */
export function markLibraryShown(): void {
  shown();
}

/** Resolves once the library is on screen, or after `STARTUP_WAIT_MAX_MS` whatever happens. */
export function afterStartup(): Promise<void> {
  return Promise.race([
    libraryShown,
    new Promise<void>((resolve) => setTimeout(resolve, STARTUP_WAIT_MAX_MS)),
  ]);
}
