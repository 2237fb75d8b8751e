// The library list read incrementally: the first read takes every library row; later reads take only the rows
// imported since (one range read on the import-time index) and the rows written since that are not new (a version
// replacing an old one, a renamed article, a deletion), learnt from the keys Dexie reports for each committed write.
// The library is re-read about once a second during an import by every screen that lists articles: whole, that
// read grew with the workspace.
import Dexie, { type DBCore, type Middleware, type ObservabilitySet } from 'dexie';
import { changedKeysIn } from './mutation-keys';
import type { CorroborateDB } from './db';
import type { ArticleRow } from './derived';

/** A library row (no text): kept with its statement count by the derived tables; `version` counts from 1. */
export type ArticleSummary = ArticleRow & { version: number };

/** Changed rows noted between two reads beyond which the next read takes the whole table again. */
const MAX_NOTED = 5000;

/** Per database name, who is told of each write to its library rows as it is made (before its commit). */
const rowWriteListeners = new Map<string, Set<(keys: string[] | 'all') => void>>();

/**
 * Registers, on a database about to be opened, the note-taker of library row writes: each write to `articleRows`
 * (the derived-table middleware's too: it sits below it) is told to the readers of that database as it is made.
 * A live query may be woken by a commit before the commit's keys reach any listener of Dexie's storagemutated
 * event; a write noted before its commit cannot be missed by the read that wakes up after it.
 */
export function noteLibraryWrites(db: Dexie): void {
  const noter: Middleware<DBCore> = {
    stack: 'dbcore',
    name: 'corroborate-library-notes',
    level: -50,
    create: (down) => ({
      ...down,
      table: (name) => {
        const table = down.table(name);
        if (name !== 'articleRows') return table;
        return {
          ...table,
          mutate: (req) => {
            const listeners = rowWriteListeners.get(db.name);
            if (listeners?.size) {
              const keys =
                req.type === 'deleteRange'
                  ? 'all'
                  : req.type === 'delete'
                    ? (req.keys as string[])
                    : ((req.keys ?? req.values.map((v: { id: string }) => v.id)) as string[]);
              for (const l of listeners) l(keys);
            }
            return table.mutate(req);
          },
        };
      },
    }),
  };
  db.use(noter);
}

/** The current versions in import order, each with its version number (old versions leave the lists). */
export function librarySummaries(
  rows: ArticleRow[],
  reuse: Map<string, ArticleSummary> = new Map(),
): ArticleSummary[] {
  const byId = new Map(rows.map((r) => [r.id, r]));
  const versionOf = (r: ArticleRow) => {
    let n = 1;
    for (let o = r.versionOf; o && n <= rows.length; o = byId.get(o)?.versionOf ?? null) n++;
    return n;
  };
  const out: ArticleSummary[] = [];
  for (const r of rows) {
    if (r.supersededBy) continue;
    const version = versionOf(r);
    const kept = reuse.get(r.id);
    // The same object for a row that did not change: keyed lists leave its item alone.
    out.push(kept && kept.version === version && sameRow(kept, r) ? kept : { ...r, version });
  }
  return out;
}

function sameRow(a: ArticleRow, b: ArticleRow): boolean {
  return (Object.keys(b) as (keyof ArticleRow)[]).every((k) => a[k] === b[k]);
}

const byImport = (a: ArticleRow, b: ArticleRow) =>
  a.importedAt < b.importedAt ? -1 : a.importedAt > b.importedAt ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0;

/**
 * `known` (the rows of an earlier read, in import order) brought up to date: the rows imported since the newest of
 * them, and the `changed` ones read again (gone when deleted); null when the result and the table's count disagree.
 */
async function rowsSince(
  db: CorroborateDB,
  known: ArticleRow[],
  changed: string[],
): Promise<ArticleRow[] | null> {
  const newest = known.at(-1)?.importedAt;
  return db.transaction('r', db.articleRows, async () => {
    const count = db.articleRows.count();
    const added = newest
      ? await db.articleRows.where('importedAt').above(newest).toArray()
      : await db.articleRows.toArray();
    const fresh = new Set(added.map((r) => r.id));
    const others = changed.filter((id) => !fresh.has(id));
    const reread = others.length ? await db.articleRows.bulkGet(others) : [];
    const replaced = new Map<string, ArticleRow | undefined>(others.map((id, i) => [id, reread[i]]));
    const next: ArticleRow[] = [];
    for (const r of known) {
      if (fresh.has(r.id)) continue;
      if (!replaced.has(r.id)) next.push(r);
      else {
        const now = replaced.get(r.id);
        replaced.delete(r.id);
        if (now) next.push(now);
      }
    }
    // Rows written since that are neither known nor newer than the newest (e.g. synced from elsewhere).
    for (const r of replaced.values()) if (r) next.push(r);
    next.push(...added);
    let sorted = true;
    for (let i = 1; i < next.length && sorted; i++) sorted = byImport(next[i - 1]!, next[i]!) <= 0;
    if (!sorted) next.sort(byImport);
    // A write the reader did not hear about (it cannot happen, but a wrong list would stay wrong): read whole.
    return next.length === (await count) ? next : null;
  });
}

export interface LibraryReader {
  /** The library in import order, current versions only: the same as a whole read of the library rows. */
  read(): Promise<ArticleSummary[]>;
  /** Stops noting writes (the reader then reads whole every time). */
  stop(): void;
}

/**
 * A reader of `db`'s library that reads whole only the first time, after a range write (clear, restore) or when
 * its rows and the table's count disagree; otherwise only the rows imported or written since its last read.
 * Inside a live query the table's count is read too, so any write to the library rows wakes the query.
 */
export function libraryReader(db: CorroborateDB): LibraryReader {
  /** The rows of the last read kept, and the number of writes heard of when it started. */
  let rows: ArticleRow[] | null = null;
  let rowsAt = -1;
  let last: ArticleSummary[] = [];
  /** Writes heard of; per row written since the kept read, the number of the last write to it. */
  let heard = 0;
  const noted = new Map<string, number>();
  /** Rows written by transactions not yet committed (or that failed): read again by every read until heard of. */
  const uncommitted = new Set<string>();
  /** A range write (clear, restore) not yet committed: reads are whole until one is heard of. */
  let rangePending = false;
  /** The number of the last range write heard of, or of the write that made the noted rows too many. */
  let wholeAt = 0;
  let listening = true;
  const onWrite = (keys: string[] | 'all') => {
    if (keys === 'all') rangePending = true;
    else for (const k of keys) uncommitted.add(k);
  };
  const onCommit = (parts: ObservabilitySet) => {
    const keys = changedKeysIn(parts, db.name, 'articleRows', new Set());
    if (keys !== 'all' && keys.size === 0) return;
    heard++;
    if (keys === 'all' || noted.size + keys.size > MAX_NOTED) {
      rangePending &&= keys !== 'all';
      wholeAt = heard;
      noted.clear();
      uncommitted.clear();
      return;
    }
    for (const k of keys) {
      uncommitted.delete(k);
      noted.set(k, heard);
    }
  };
  const writers = rowWriteListeners.get(db.name) ?? new Set();
  rowWriteListeners.set(db.name, writers);
  writers.add(onWrite);
  Dexie.on('storagemutated', onCommit);

  return {
    // Reads may overlap (each is right as of its start); only the latest started one is kept for the next.
    async read() {
      const at = heard;
      const incremental = rows && listening && !rangePending && wholeAt <= rowsAt;
      const next =
        (incremental ? await rowsSince(db, rows!, [...new Set([...noted.keys(), ...uncommitted])]) : null) ??
        (await db.transaction('r', db.articleRows, () => db.articleRows.orderBy('importedAt').toArray()));
      const list = librarySummaries(next, new Map(last.map((s) => [s.id, s])));
      if (at >= rowsAt) {
        rows = next;
        rowsAt = at;
        last = list;
        for (const [k, n] of noted) if (n <= at) noted.delete(k);
      }
      return list;
    },
    stop() {
      listening = false;
      writers.delete(onWrite);
      Dexie.on.storagemutated.unsubscribe(onCommit);
    },
  };
}
