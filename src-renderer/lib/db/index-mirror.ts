// In-memory copies of two multiEntry indexes while an import runs: the version check's similarity bands
// (`articleSketches.bands`, 30 per article) and the sources' match keys (`sourceRows.matchKeys`). IndexedDB
// answers one index value per request, and a 1,000-file drop sent about 40,000 of them (4.2 s of a profiled
// drop's main thread in `getAllKeys`); held, `keysForEach` answers from memory with no request at all.
//
// A copy is read whole when an import holds it (pages of one read transaction) and then kept in step by a
// DBCore middleware that sees every write to its table on this connection: a record's values are replaced when it
// is written (those a bulk write refused excepted), dropped when it is deleted, and put back as they were if the
// transaction aborts. A clear, a write while the copy was being read, or a failure to read it turn the copy off
// for the rest of the hold: look-ups then go to IndexedDB as before. Released by the last holder, it is dropped.
import type Dexie from 'dexie';
import { type DBCore, type DBCoreMutateRequest, type Middleware } from 'dexie';

/** The mirrored indexes: table → multiEntry index of string values (primary key `id`, a string). */
export const MIRRORED: Readonly<Record<string, string>> = {
  articleSketches: 'bands',
  sourceRows: 'matchKeys',
};

/** Records read per page when a copy is loaded. */
const LOAD_PAGE = 1000;

class Mirror {
  /** Index value → primary keys holding it, in IndexedDB's order (ascending). */
  readonly byValue = new Map<string, string[]>();
  /** Primary key → its values. */
  readonly byKey = new Map<string, readonly string[]>();
  state: 'loading' | 'ready' | 'off' = 'loading';

  /** Sets `id`'s values; returns the values it had (for an undo). */
  set(id: string, values: readonly string[] | undefined): readonly string[] | undefined {
    const old = this.byKey.get(id);
    if (old) for (const v of old) this.unlink(v, id);
    if (values?.length) {
      const own = [...new Set(values)];
      this.byKey.set(id, own);
      for (const v of own) this.link(v, id);
    } else this.byKey.delete(id);
    return old;
  }

  private link(value: string, id: string): void {
    const ids = this.byValue.get(value);
    if (!ids) {
      this.byValue.set(value, [id]);
      return;
    }
    let lo = 0;
    let hi = ids.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (ids[mid]! < id) lo = mid + 1;
      else hi = mid;
    }
    if (ids[lo] !== id) ids.splice(lo, 0, id);
  }

  private unlink(value: string, id: string): void {
    const ids = this.byValue.get(value);
    if (!ids) return;
    const at = ids.indexOf(id);
    if (at >= 0) ids.splice(at, 1);
    if (!ids.length) this.byValue.delete(value);
  }
}

interface Mirrors {
  holds: number;
  tables: Map<string, Mirror>;
  loads: Promise<void>[];
}

const byDb = new WeakMap<Dexie, Mirrors>();

const mirrorsOf = (db: Dexie): Mirrors => {
  let m = byDb.get(db);
  if (!m) byDb.set(db, (m = { holds: 0, tables: new Map(), loads: [] }));
  return m;
};

/** The values `record` files under `index` (strings only, as the mirrored indexes hold). */
function valuesOf(record: unknown, index: string): string[] {
  const v = (record as Record<string, unknown> | null)?.[index];
  return Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [];
}

/** Undo logs of open transactions: the values each written record had before, in order. */
const undoLogs = new WeakMap<object, [Mirror, string, readonly string[] | undefined][]>();

function noteForUndo(trans: object, mirror: Mirror, id: string, old: readonly string[] | undefined): void {
  let log = undoLogs.get(trans);
  if (!log) {
    undoLogs.set(trans, (log = []));
    const target = trans as Partial<EventTarget>;
    target.addEventListener?.('abort', () => {
      for (const [m, key, values] of log!.reverse()) if (m.state === 'ready') m.set(key, values);
      undoLogs.delete(trans);
    });
    target.addEventListener?.('complete', () => undoLogs.delete(trans));
  }
  log.push([mirror, id, old]);
}

/** Applies a successful write of a mirrored table to its copy. */
function apply(mirror: Mirror, index: string, req: DBCoreMutateRequest, failures: Record<number, unknown>) {
  if (mirror.state === 'loading') {
    // The copy being read may or may not hold this write: it cannot be trusted.
    mirror.state = 'off';
    return;
  }
  if (mirror.state !== 'ready') return;
  if (req.type === 'deleteRange') {
    mirror.state = 'off';
    return;
  }
  if (req.type === 'delete') {
    for (const key of req.keys)
      if (typeof key === 'string') noteForUndo(req.trans, mirror, key, mirror.set(key, undefined));
    return;
  }
  req.values.forEach((value, i) => {
    if (i in failures) return;
    const key = req.keys?.[i] ?? (value as { id?: unknown } | null)?.id;
    if (typeof key !== 'string') {
      mirror.state = 'off';
      return;
    }
    noteForUndo(req.trans, mirror, key, mirror.set(key, valuesOf(value, index)));
  });
}

/** Registers the middleware that keeps held copies in step with every write of their tables. */
export function useIndexMirrors(db: Dexie): void {
  const middleware: Middleware<DBCore> = {
    stack: 'dbcore',
    name: 'corroborate-index-mirror',
    // Below the derived-table middleware, whose writes of these tables it must see.
    level: -50,
    create(down) {
      return {
        table(name) {
          const table = down.table(name);
          const index = MIRRORED[name];
          if (!index) return table;
          return {
            ...table,
            mutate(req) {
              return table.mutate(req).then((res) => {
                const mirror = byDb.get(db)?.tables.get(name);
                if (mirror) apply(mirror, index, req, res.failures ?? {});
                return res;
              });
            },
          };
        },
      };
    },
  };
  db.use(middleware);
}

async function load(db: Dexie, name: string, mirror: Mirror): Promise<void> {
  const index = MIRRORED[name]!;
  try {
    await db.transaction('r', name, async () => {
      const table = db.table(name);
      let last: string | null = null;
      for (;;) {
        const page: { id: string }[] = await (
          last === null ? table.toCollection() : table.where(':id').above(last)
        )
          .limit(LOAD_PAGE)
          .toArray();
        if (!page.length || mirror.state !== 'loading') return;
        for (const r of page) mirror.set(r.id, valuesOf(r, index));
        last = page.at(-1)!.id;
      }
    });
    if (mirror.state === 'loading') mirror.state = 'ready';
  } catch {
    mirror.state = 'off';
  }
}

/**
 * Keeps the mirrored indexes of `db` in memory until the returned function is called (an import holds them
 * from its start to its end). The copies are read in the background; look-ups go to IndexedDB until they are.
 */
export function holdIndexMirrors(db: Dexie): () => void {
  const m = mirrorsOf(db);
  if (m.holds++ === 0) {
    const names = new Set(db.tables.map((t) => t.name));
    for (const name of Object.keys(MIRRORED)) {
      if (!names.has(name)) continue;
      const mirror = new Mirror();
      m.tables.set(name, mirror);
      m.loads.push(load(db, name, mirror));
    }
  }
  let released = false;
  return () => {
    if (released) return;
    released = true;
    if (--m.holds === 0) {
      m.tables.clear();
      m.loads = [];
    }
  };
}

/** Resolves when the held copies have been read (or turned off): for tests. */
export async function indexMirrorsLoaded(db: Dexie): Promise<void> {
  await Promise.all(byDb.get(db)?.loads ?? []);
}

/** The held copy's answer for `keysForEach` (primary keys per value, in IndexedDB's order), or null. */
export function mirroredKeys(
  db: Dexie,
  table: string,
  index: string,
  values: readonly unknown[],
): string[][] | null {
  if (MIRRORED[table] !== index) return null;
  const mirror = byDb.get(db)?.tables.get(table);
  if (mirror?.state !== 'ready') return null;
  if (values.some((v) => typeof v !== 'string')) return null;
  return values.map((v) => [...(mirror.byValue.get(v as string) ?? [])]);
}
