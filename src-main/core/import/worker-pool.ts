// Several import workers at once (one per core but the main thread's) for many files, as the CLI imports them:
// each worker takes the next file as soon as it is free, and results come back in the order of the files, so the
// output is the same whatever the number of workers and whichever file finishes first.
import { availableParallelism } from 'node:os';
import type { ExtractedArticle } from '../../shared/extraction';
import type { ImportLimits } from './registry';
import { ImportWorkerHost } from './worker-host';

/**
 * Runs `run(worker, item)` for every item, each worker on one item at a time, and yields the outcomes in the
 * order of `items` (one failing item does not stop the others). At most `window` items past the last one yielded
 * are started, so the results waiting to be taken stay bounded however slowly they are taken.
 */
export async function* mapInOrder<W, I, O>(
  workers: readonly W[],
  items: readonly I[],
  run: (worker: W, item: I) => Promise<O>,
  window = 4 * workers.length,
): AsyncGenerator<PromiseSettledResult<O>, void, undefined> {
  if (workers.length === 0 && items.length > 0) throw new Error('mapInOrder needs at least one worker');
  const outcomes = items.map(() => {
    let settle!: (outcome: PromiseSettledResult<O>) => void;
    const promise = new Promise<PromiseSettledResult<O>>((resolve) => (settle = resolve));
    return { promise, settle };
  });
  const idle = [...workers];
  let next = 0;
  let taken = 0;
  const pump = (): void => {
    while (idle.length > 0 && next < items.length && next < taken + Math.max(1, window)) {
      const worker = idle.shift()!;
      const index = next++;
      void Promise.resolve()
        .then(() => run(worker, items[index]!))
        .then(
          (value) => outcomes[index]!.settle({ status: 'fulfilled', value }),
          (reason: unknown) => outcomes[index]!.settle({ status: 'rejected', reason }),
        )
        .finally(() => {
          idle.push(worker);
          pump();
        });
    }
  };
  pump();
  for (; taken < items.length;) {
    const outcome = await outcomes[taken]!.promise;
    taken++;
    pump();
    // What the caller does with an outcome waits for the next turn of the event loop, after the worker that just
    // finished has been handed its next item (else that worker would wait for the caller's work).
    await new Promise((resolve) => setImmediate(resolve));
    yield outcome;
  }
}

/**
 * The workers to use for `files` files: one per core the process may use but one, left to the main thread, which
 * builds the dossier from the results meanwhile (on 2 cores a second worker costs more, in code loaded and warmed
 * up twice, than it gains: measured slower in 4 of 5 alternate runs of 1,000 files); at least one, never more
 * than there are files (none for none). `--workers N` overrides it.
 */
export function poolSize(files: number, cores = availableParallelism()): number {
  return Math.min(Math.max(1, cores - 1), files);
}

/** A file to import: its name (for the format and the article), its size, and how to read it when its turn comes. */
export interface PoolFile {
  name: string;
  /** Bytes on disk as far as known (0 if unknown): only used to group small files. */
  size: number;
  read: () => Promise<Uint8Array>;
}

/** Files sent to a worker in one message: at most 16 files, together at most 1 MB (a bigger file goes alone). */
export const BATCH = { files: 16, bytes: 1024 * 1024 };

/** Consecutive files grouped into batches within `BATCH`, in their order. */
export function batchFiles<F extends { size: number }>(files: readonly F[], limits = BATCH): F[][] {
  const batches: F[][] = [];
  let current: F[] = [];
  let bytes = 0;
  for (const file of files) {
    if (current.length > 0 && (current.length >= limits.files || bytes + file.size > limits.bytes)) {
      batches.push(current);
      current = [];
      bytes = 0;
    }
    current.push(file);
    bytes += file.size;
  }
  if (current.length > 0) batches.push(current);
  return batches;
}

/** A set of import workers, each with the app's per-file time limit and memory cap; close it when done. */
export class ImportWorkerPool {
  private readonly hosts: ImportWorkerHost[];

  constructor(size: number) {
    this.hosts = Array.from({ length: size }, () => new ImportWorkerHost());
    for (const host of this.hosts) host.start();
  }

  /**
   * Imports every file; outcomes in the order of `files`, each what importing that file alone gives. Small files
   * go to a worker in batches, and the next batches are read ahead, so a worker that finishes is handed more at
   * once.
   */
  async *importAll(
    files: readonly PoolFile[],
    limits: ImportLimits,
  ): AsyncGenerator<PromiseSettledResult<ExtractedArticle>, void, undefined> {
    const batches = batchFiles(files);
    const reads = new Map<number, Promise<PromiseSettledResult<Uint8Array>[]>>();
    const readBatch = (index: number) => {
      let read = reads.get(index);
      if (!read) {
        read = Promise.allSettled(batches[index]!.map((file) => file.read()));
        reads.set(index, read);
      }
      return read;
    };
    const indexes = batches.map((_, index) => index);
    const outcomes = mapInOrder(this.hosts, indexes, async (host, index) => {
      for (let next = index + 1; next <= index + this.hosts.length && next < batches.length; next++)
        void readBatch(next);
      const read = await readBatch(index);
      reads.delete(index);
      const batch = batches[index]!;
      const readable = batch.flatMap((file, i) => {
        const bytes = read[i]!;
        return bytes.status === 'fulfilled' ? [{ name: file.name, bytes: bytes.value }] : [];
      });
      const imported = readable.length > 0 ? await host.runBatch(readable, limits) : [];
      let next = 0;
      return read.map((bytes) => (bytes.status === 'fulfilled' ? imported[next++]! : bytes));
    });
    let index = 0;
    for await (const outcome of outcomes) {
      const batch = batches[index++]!;
      for (let i = 0; i < batch.length; i++) {
        yield outcome.status === 'fulfilled' ? outcome.value[i]! : outcome;
        // A turn of the event loop between files: a worker that finished its batch meanwhile is handed the next
        // one now, not once the caller has gone through every file of this batch.
        await new Promise((resolve) => setImmediate(resolve));
      }
    }
  }

  async close(): Promise<void> {
    await Promise.all(this.hosts.map((host) => host.close()));
  }
}
