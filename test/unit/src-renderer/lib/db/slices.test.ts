// Work in slices: while an import computes records for many articles, the results are written slice by slice, so
// the page gets its thread back between slices instead of being held for the whole batch.
import { describe, expect, it } from 'vitest';
import { inSlices } from '../../../../../src-renderer/lib/db/slices';

/** A clock each unit of work moves on by `cost` ms. */
function fakeClock(cost: number) {
  let t = 0;
  return { now: () => t, work: (x: number) => ((t += cost), x * 10) };
}

describe('inSlices', () => {
  it('hands results on whenever a slice has used its budget, and once at the end', async () => {
    const clock = fakeClock(10);
    const flushed: number[][] = [];
    const all = await inSlices(
      [1, 2, 3, 4, 5, 6, 7],
      clock.work,
      async (r) => void flushed.push(r),
      25,
      clock.now,
    );
    expect(flushed).toEqual([[10, 20, 30], [40, 50, 60], [70]]);
    expect(all).toEqual([10, 20, 30, 40, 50, 60, 70]);
  });

  it('starts the next slice only once the previous one is written', async () => {
    const clock = fakeClock(30);
    const events: string[] = [];
    await inSlices(
      [1, 2],
      (x) => (events.push(`work ${x}`), clock.work(x)),
      async (r) => {
        events.push(`write ${r.join()} begins`);
        await new Promise((resolve) => setTimeout(resolve, 5));
        events.push(`write ${r.join()} done`);
      },
      25,
      clock.now,
    );
    expect(events).toEqual([
      'work 1',
      'write 10 begins',
      'write 10 done',
      'work 2',
      'write 20 begins',
      'write 20 done',
    ]);
  });

  it('leaves out items with no result, and gives the thread back even for a slice with nothing to write', async () => {
    const clock = fakeClock(30);
    let timerRan = false;
    setTimeout(() => (timerRan = true), 0);
    const seenByWork: boolean[] = [];
    const all = await inSlices(
      [1, 2, 3],
      (x) => (seenByWork.push(timerRan), clock.work(x), x === 2 ? 2 : null),
      async () => undefined,
      25,
      clock.now,
    );
    expect(all).toEqual([2]);
    // The first slice (item 1) had nothing to write: the page still got a turn (the timer ran) before item 2.
    expect(seenByWork).toEqual([false, true, true]);
  });
});
