// Progress reporting and cancellation for long exports: checks the signal and yields to the event loop.

export class ExportCancelled extends Error {
  constructor() {
    super('Export cancelled');
    this.name = 'ExportCancelled';
  }
}

/**
 * Reports `done/total` at most every `every` items (waiting for the report if it returns a promise), lets other
 * work (and the cancel) run, and throws if aborted.
 */
export function progressTicker(
  total: number,
  onProgress?: (done: number, total: number) => unknown,
  signal?: AbortSignal,
  every = 25,
) {
  let done = 0;
  const check = () => {
    if (signal?.aborted) throw new ExportCancelled();
  };
  check();
  onProgress?.(0, total);
  return {
    async tick(): Promise<void> {
      done++;
      if (done % every === 0 || done === total) {
        const held = onProgress?.(done, total);
        if (held instanceof Promise) await held;
        await new Promise<void>((resolve) => setTimeout(resolve, 0));
        check();
      }
    },
    finish(): void {
      check();
      if (done !== total) onProgress?.(total, total);
    },
  };
}
