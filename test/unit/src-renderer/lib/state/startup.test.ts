import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

describe('work put off until the library is on screen', () => {
  beforeEach(() => {
    vi.useFakeTimers();
    vi.resetModules();
  });
  afterEach(() => vi.useRealTimers());

  it('waits for the library, and starts as soon as it is drawn', async () => {
    const startup = await import('../../../../../src-renderer/lib/state/startup');
    let started = false;
    void startup.afterStartup().then(() => (started = true));
    await vi.advanceTimersByTimeAsync(startup.STARTUP_WAIT_MAX_MS / 2);
    expect(started).toBe(false);
    startup.markLibraryShown();
    await vi.advanceTimersByTimeAsync(0);
    expect(started).toBe(true);
  });

  it('starts anyway when the library never shows', async () => {
    const startup = await import('../../../../../src-renderer/lib/state/startup');
    let started = false;
    void startup.afterStartup().then(() => (started = true));
    await vi.advanceTimersByTimeAsync(startup.STARTUP_WAIT_MAX_MS - 1);
    expect(started).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    expect(started).toBe(true);
  });
});
