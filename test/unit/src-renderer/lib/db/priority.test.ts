// Loads that can wait take their turn after the reads someone waits for, and are never held back for good.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

describe('reads someone waits for come first', () => {
  beforeEach(() => {
    vi.useFakeTimers();
    vi.resetModules();
  });
  afterEach(() => vi.useRealTimers());

  it('holds a background turn while a foreground read is in flight and for a quiet spell after it', async () => {
    const priority = await import('../../../../../src-renderer/lib/db/priority');
    const seen: boolean[] = [];
    priority.onForeground((busy) => seen.push(busy));
    let turns = 0;
    await priority.backgroundTurn().then(() => turns++);
    expect(turns).toBe(1); // nothing in flight: at once

    let finish: (v: string) => void = () => {};
    const read = priority.foreground(() => new Promise<string>((r) => (finish = r)));
    void priority.backgroundTurn(10_000).then(() => turns++);
    await vi.advanceTimersByTimeAsync(500);
    expect(turns).toBe(1);
    finish('article');
    expect(await read).toBe('article');
    await vi.advanceTimersByTimeAsync(priority.QUIET_MS - 1);
    expect(turns).toBe(1);
    // Another read within the spell (the next article clicked) keeps the load waiting.
    await priority.foreground(() => Promise.resolve(null));
    await vi.advanceTimersByTimeAsync(priority.QUIET_MS - 1);
    expect(turns).toBe(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(turns).toBe(2);
    expect(seen).toEqual([true, false]);
  });

  it('gives the turn after its bound when a foreground read never ends, and counts overlapping reads', async () => {
    const priority = await import('../../../../../src-renderer/lib/db/priority');
    void priority.foreground(() => new Promise(() => {}));
    let done: () => void = () => {};
    const second = priority.foreground(() => new Promise<void>((r) => (done = r)));
    let turned = false;
    void priority.backgroundTurn(1_000).then(() => (turned = true));
    done();
    await second;
    await vi.advanceTimersByTimeAsync(999);
    expect(turned).toBe(false); // the first read is still in flight
    await vi.advanceTimersByTimeAsync(1);
    expect(turned).toBe(true);
  });

  it("lets work nobody waits for (a full backup) go on only after the start's loads, or after its bound", async () => {
    const priority = await import('../../../../../src-renderer/lib/db/priority');
    let finishLoad: () => void = () => {};
    const load = priority.startLoad(() => new Promise<string>((r) => (finishLoad = () => r('index'))));
    let steps = 0;
    void priority.idleTurn().then(() => steps++);
    // A background load (the index itself) still goes on meanwhile.
    let background = 0;
    void priority.backgroundTurn().then(() => background++);
    await vi.advanceTimersByTimeAsync(priority.IDLE_MAX_MS - 1);
    expect(background).toBe(1);
    expect(steps).toBe(0);
    finishLoad();
    expect(await load).toBe('index');
    await vi.advanceTimersByTimeAsync(0);
    expect(steps).toBe(1);

    // A load that never ends holds the work back for the bound only.
    void priority.startLoad(() => new Promise(() => {}));
    void priority.idleTurn().then(() => steps++);
    await vi.advanceTimersByTimeAsync(priority.IDLE_MAX_MS - 1);
    expect(steps).toBe(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(steps).toBe(2);
  });
});
