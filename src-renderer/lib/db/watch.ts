// Every live read of the screens goes through `watch`: a Dexie live query normally; while a long import holds
// them (`holdLiveQueries`), a plain re-read at most every REREAD_MS after writes, instead of a live query each.
//
// Why: Dexie hands the keys of every committed write (each statement, each index entry: thousands per import
// batch) to every live query, which merges them into its own range tree on the main thread before checking
// whether they concern it. With a dozen live queries open, each import batch cost seconds of main-thread time
// in that bookkeeping alone, however little each query read. During a hold one listener only notes that
// something was written; the queries are read again once per interval, and listen live again when the hold ends.
import Dexie, { liveQuery } from 'dexie';
import { nextTask } from './slices';

/** Shortest time between two re-reads of the held queries (the library count still moves during an import). */
export const REREAD_MS = 1000;

interface Handlers<T> {
  next: (value: T) => void;
  error: (err: unknown) => void;
}

interface Watcher {
  listen(): void;
  pause(): void;
  /** Reads the query again; resolves with what hands the answer on (nothing if a newer read or the stop came first). */
  reread(): Promise<() => void>;
}

class Watch<T> implements Watcher {
  private sub: { unsubscribe(): void } | null = null;
  /** Numbers the reads, so a slow re-read that finishes after a newer one is dropped. */
  private reads = 0;

  constructor(
    private readonly query: () => Promise<T>,
    private readonly on: Handlers<T>,
  ) {}

  listen(): void {
    this.reads++;
    this.sub = liveQuery(this.query).subscribe(this.on);
  }

  pause(): void {
    this.sub?.unsubscribe();
    this.sub = null;
  }

  async reread(): Promise<() => void> {
    const read = ++this.reads;
    let hand: () => void;
    try {
      const value = await this.query();
      hand = () => this.on.next(value);
    } catch (err) {
      hand = () => this.on.error(err);
    }
    return () => {
      if (read === this.reads && watches.has(this)) hand();
    };
  }
}

const watches = new Set<Watcher>();
let holds = 0;
let written = false;
let timer: ReturnType<typeof setTimeout> | null = null;
let rereading: Promise<unknown> | null = null;
let lastReread = 0;

function scheduleReread(): void {
  if (timer || rereading || !written) return;
  timer = setTimeout(
    () => {
      timer = null;
      written = false;
      rereading = rereadInTurn([...watches]).finally(() => {
        rereading = null;
        lastReread = performance.now();
        if (holds > 0) scheduleReread();
      });
    },
    Math.max(0, lastReread + REREAD_MS - performance.now()),
  );
}

/**
 * Reads the held queries again, all at once, and hands their answers on one task after another: the screen
 * updates each answer causes no longer come together in one long task while an import writes.
 */
async function rereadInTurn(list: Watcher[]): Promise<void> {
  const reads = list.map((w) => w.reread());
  for (const read of reads) {
    (await read)();
    await nextTask();
  }
}

const onWrite = () => {
  written = true;
  scheduleReread();
};

/**
 * Calls `next` with the query's result now and after every write that may change it; returns the stop. While
 * live queries are held, the result is read again at most every REREAD_MS after any write.
 */
export function watch<T>(query: () => Promise<T>, on: Handlers<T>): () => void {
  const w = new Watch(query, on);
  watches.add(w);
  if (holds > 0) void w.reread().then((hand) => hand());
  else w.listen();
  return () => {
    watches.delete(w);
    w.pause();
  };
}

/**
 * Holds every live query (see the top of this file) until the returned release is called; holds nest.
 * On release each query listens live again, starting with a fresh read.
 */
export function holdLiveQueries(): () => void {
  if (holds++ === 0) {
    for (const w of watches) w.pause();
    Dexie.on('storagemutated', onWrite);
  }
  let released = false;
  return () => {
    if (released) return;
    released = true;
    if (--holds > 0) return;
    Dexie.on.storagemutated.unsubscribe(onWrite);
    if (timer) clearTimeout(timer);
    timer = null;
    written = false;
    for (const w of watches) w.listen();
  };
}
