// The CLI's import pool: outcomes come in the order of the files whatever order the workers finish in, one file's
// failure stays its own, and a batch that costs its worker is imported again file by file.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { DEFAULT_LIMITS } from '../../../../../src-main/core/import/limits';
import {
  batchFiles,
  ImportWorkerPool,
  mapInOrder,
  poolSize,
} from '../../../../../src-main/core/import/worker-pool';
import { ImportWorkerHost } from '../../../../../src-main/core/import/worker-host';
import { AppError } from '../../../../../src-main/shared/errors';

const SEED = readFileSync(resolve(import.meta.dirname, '../../../../fixtures/car-dec-2020.txt'));
const OTHER = readFileSync(resolve(import.meta.dirname, '../../../../fixtures/car-second-outlet.txt'));

const sleep = (ms: number) => new Promise((ok) => setTimeout(ok, ms));

async function collect<T>(
  outcomes: AsyncIterable<PromiseSettledResult<T>>,
): Promise<PromiseSettledResult<T>[]> {
  const all: PromiseSettledResult<T>[] = [];
  for await (const outcome of outcomes) all.push(outcome);
  return all;
}

describe('mapInOrder', () => {
  it('gives the outcomes in the order of the items, though later items finish first', async () => {
    const finished: number[] = [];
    // Item i takes longer the earlier it comes, so the workers finish them in reverse order.
    const items = [0, 1, 2, 3, 4, 5, 6, 7];
    const outcomes = await collect(
      mapInOrder(['a', 'b', 'c'], items, async (_worker, item) => {
        await sleep((items.length - item) * 5);
        finished.push(item);
        return item * 10;
      }),
    );
    expect(finished).not.toEqual(items);
    expect(outcomes).toEqual(items.map((item) => ({ status: 'fulfilled', value: item * 10 })));
  });

  it('runs each worker on one item at a time, every item once, and keeps a failure to its item', async () => {
    const busy = new Set<string>();
    const seen: number[] = [];
    let overlap = false;
    const outcomes = await collect(
      mapInOrder(['a', 'b'], [1, 2, 3, 4, 5, 6], async (worker, item) => {
        if (busy.has(worker)) overlap = true;
        busy.add(worker);
        seen.push(item);
        await sleep(item % 3);
        busy.delete(worker);
        if (item === 4) throw new Error('four refused');
        return item;
      }),
    );
    expect(overlap).toBe(false);
    expect([...seen].sort()).toEqual([1, 2, 3, 4, 5, 6]);
    expect(outcomes.map((o) => (o.status === 'fulfilled' ? o.value : (o.reason as Error).message))).toEqual([
      1,
      2,
      3,
      'four refused',
      5,
      6,
    ]);
  });

  it('starts no more items than the window beyond those taken', async () => {
    let started = 0;
    const outcomes = mapInOrder(
      ['a', 'b'],
      [1, 2, 3, 4, 5, 6, 7, 8],
      async (_w, item) => {
        started++;
        return item;
      },
      3,
    );
    await outcomes.next();
    await sleep(20);
    // One taken, so at most items 1 to 4 were started.
    expect(started).toBeLessThanOrEqual(4);
    expect((await collect(outcomes)).length).toBe(7);
    expect(started).toBe(8);
  });
});

describe('batches and pool size', () => {
  it('groups consecutive small files, keeping their order, and sends a big file alone', () => {
    const sizes = [10, 20, 2_000_000, 30, 40, 50];
    const batches = batchFiles(
      sizes.map((size, i) => ({ size, i })),
      { files: 2, bytes: 1024 * 1024 },
    );
    expect(batches.map((b) => b.map((f) => f.i))).toEqual([[0, 1], [2], [3, 4], [5]]);
  });

  it('leaves a core to the main thread, uses at least one worker and never more than there are files (none for none)', () => {
    expect(poolSize(1000, 2)).toBe(1);
    expect(poolSize(1000, 8)).toBe(7);
    expect(poolSize(3, 8)).toBe(3);
    expect(poolSize(1000, 1)).toBe(1);
    expect(poolSize(0, 8)).toBe(0);
  });
});

describe('the import pool with real workers', { timeout: 120_000 }, () => {
  const pool = new ImportWorkerPool(2);
  afterAll(() => pool.close());

  it('gives each file what importing it alone gives, in the order of the files', async () => {
    const files = [
      { name: 'seed.txt', bytes: SEED },
      { name: 'empty.txt', bytes: new Uint8Array(0) },
      { name: 'missing.txt', bytes: null },
      { name: 'other.txt', bytes: OTHER },
      { name: 'seed-again.txt', bytes: SEED },
    ];
    const outcomes = await collect(
      pool.importAll(
        files.map((f) => ({
          name: f.name,
          size: f.bytes?.byteLength ?? 0,
          read: async () => {
            if (!f.bytes) throw new AppError('not-found', 'no such file');
            return new Uint8Array(f.bytes);
          },
        })),
        DEFAULT_LIMITS,
      ),
    );
    expect(
      outcomes.map((o) => (o.status === 'fulfilled' ? o.value.fileName : (o.reason as Error).message)),
    ).toEqual(['seed.txt', 'the file is empty', 'no such file', 'other.txt', 'seed-again.txt']);
    const alone = new ImportWorkerHost();
    try {
      const seed = await alone.run('seed.txt', new Uint8Array(SEED), DEFAULT_LIMITS);
      expect(outcomes[0]).toEqual({ status: 'fulfilled', value: seed });
    } finally {
      await alone.close();
    }
  });
});

describe('a batch whose worker stops in the middle', { timeout: 120_000 }, () => {
  it('imports its files again one by one, so each keeps its own outcome', async () => {
    const host = new ImportWorkerHost();
    try {
      const batch = host.runBatch(
        [
          { name: 'seed.txt', bytes: new Uint8Array(SEED) },
          { name: 'empty.txt', bytes: new Uint8Array(0) },
          { name: 'other.txt', bytes: new Uint8Array(OTHER) },
        ],
        DEFAULT_LIMITS,
      );
      // The batch is posted within this turn of the event loop; the worker is still loading its code.
      await new Promise((ok) => setImmediate(ok));
      await host.close();
      const outcomes = await batch;
      expect(
        outcomes.map((o) => (o.status === 'fulfilled' ? o.value.fileName : (o.reason as Error).message)),
      ).toEqual(['seed.txt', 'the file is empty', 'other.txt']);
    } finally {
      await host.close();
    }
  });
});
