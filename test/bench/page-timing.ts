// Timing helpers for the browser benchmarks: percentiles, and an action timed in the page until the
// DOM shows its result and the next frame is drawn.
import type { Page } from 'playwright-core';

/** p-th percentile (nearest rank) of the samples. */
export function percentile(samples: number[], p: number): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? NaN;
}

/**
 * Runs `act` in the page and resolves with the milliseconds until `done()` holds and the next frame
 * has been drawn. `done` is checked right after the action and on every DOM mutation (not once per
 * frame, which would round every figure up to the frame rate). Both are function bodies as strings,
 * so that the bundler's helpers never leak into the page.
 */
export async function timeInPage(
  page: Page,
  act: string,
  done: string,
  arg: unknown = null,
): Promise<number> {
  return page.evaluate(
    async ({ act, done, arg }) => {
      const run = new Function('arg', act) as (a: unknown) => unknown;
      const check = new Function('arg', done) as (a: unknown) => boolean;
      const t0 = performance.now();
      await run(arg);
      if (!check(arg))
        await new Promise<void>((resolve, reject) => {
          const observer = new MutationObserver(() => {
            if (!check(arg)) return;
            observer.disconnect();
            clearTimeout(timer);
            resolve();
          });
          observer.observe(document.body, {
            subtree: true,
            childList: true,
            attributes: true,
            characterData: true,
          });
          const timer = setTimeout(() => {
            observer.disconnect();
            reject(new Error(`timed out waiting for: ${done}`));
          }, 20_000);
        });
      await new Promise<void>((r) => requestAnimationFrame(() => r()));
      return performance.now() - t0;
    },
    { act, done, arg },
  );
}
