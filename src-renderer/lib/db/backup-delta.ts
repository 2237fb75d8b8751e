// What a delta backup is made of: the keys of the records written or deleted since the previous backup, learnt
// from Dexie's notifications of committed writes (no query per edit), and those records read back by key; and
// how a point is read back (its full backup with the deltas up to it).
import Dexie, { type ObservabilitySet } from 'dexie';
import { RECORD_TABLES, type DossierTableName } from '../../../src-main/shared/dossier';
import {
  applyBackupDeltas,
  BACKUP_DELTA_FORMAT,
  BACKUP_DELTA_FORMAT_VERSION,
  readBackupDelta,
  type BackupDelta,
} from '../../../src-main/shared/backup-delta';
import { DELTA_BACKUP_NAME, type BackupEntry } from '../../../src-main/shared/contract';
import { validateDossier, type Dossier } from '../../../src-main/shared/dossier';
import { api } from '../api';
import type { CorroborateDB } from './db';
import { mergeHistoryOf } from './dossier';

/** More changed records than this between two backups are read as a full backup, not kept as keys. */
export const DELTA_KEYS_MAX = 20_000;

/** What changed since the last backup: the keys written or deleted per record table, or everything. */
export interface Changes {
  /** A range write, a clear, a bulk write Dexie did not itemise, or too many keys: only a full backup will do. */
  all: boolean;
  keys: Map<DossierTableName, Set<string>>;
}

/** The primary keys in a notification's range set (a tree of ranges), or null when it holds a range. */
function keysOf(set: unknown): string[] | null {
  const keys: string[] = [];
  const walk = (node: unknown): boolean => {
    if (!node || typeof node !== 'object') return true;
    const { from, to, l, r, d } = node as {
      from?: unknown;
      to?: unknown;
      l?: unknown;
      r?: unknown;
      d?: number;
    };
    if (d === 0) return true; // the empty set
    if (typeof from !== 'string' || from !== to) return false;
    keys.push(from);
    return walk(l) && walk(r);
  };
  return walk(set) ? keys : null;
}

/**
 * Collects, from Dexie's notifications of committed writes (this window's and other windows'), which records
 * of `target`'s record tables changed. `version` counts notifications, so a reader can tell one came in.
 */
export function trackChanges(target: CorroborateDB) {
  const tables = new Map(RECORD_TABLES.map((t) => [`idb://${target.name}/${t}/`, t]));
  let changes: Changes = { all: false, keys: new Map() };
  let size = 0;
  const tracker = {
    version: 0,
    /** Everything counts as changed (the next backup is a full one). */
    markAll() {
      changes.all = true;
      changes.keys.clear();
      size = 0;
    },
    /** The changes so far; the tracker starts again from none. */
    take(): Changes {
      const taken = changes;
      changes = { all: false, keys: new Map() };
      size = 0;
      return taken;
    },
    /** Changes a failed backup did not save are added back to the ones collected since. */
    giveBack(taken: Changes) {
      if (taken.all) return tracker.markAll();
      for (const [table, keys] of taken.keys) tracker.add(table, keys);
    },
    add(table: DossierTableName, keys: Iterable<string>) {
      if (changes.all) return;
      const set = changes.keys.get(table) ?? new Set<string>();
      changes.keys.set(table, set);
      for (const key of keys) {
        if (set.has(key)) continue;
        set.add(key);
        if (++size > DELTA_KEYS_MAX) return tracker.markAll();
      }
    },
    /** True when at least one change is waiting. */
    get pending() {
      return changes.all || size > 0;
    },
  };
  const listener = (parts: ObservabilitySet) => {
    let relevant = false;
    if ((parts as { all?: unknown }).all) {
      relevant = true;
      tracker.markAll();
    }
    for (const [part, set] of Object.entries(parts)) {
      const table = tables.get(part); // the primary key's part: `idb://db/table/` (index name '')
      if (table) {
        relevant = true;
        const keys = keysOf(set);
        if (keys === null) tracker.markAll();
        else tracker.add(table, keys);
      } else if ([...tables.keys()].some((p) => part.startsWith(p))) relevant = true;
    }
    if (relevant) tracker.version++;
  };
  Dexie.on('storagemutated', listener);
  return { tracker, stop: () => Dexie.on.storagemutated.unsubscribe(listener) };
}
export type ChangeTracker = ReturnType<typeof trackChanges>['tracker'];

/**
 * Reads the records `changes` names, in one transaction: those still there are upserts (as they are now), the
 * others deletes. Returns the delta's pieces of JSON.
 */
export async function readDelta(
  target: CorroborateDB,
  changes: Changes,
  header: { base: string; seq: number; exportedBy: string },
): Promise<{ parts: string[]; records: number }> {
  const parts: string[] = [];
  let records = 0;
  await target.transaction('r', [...RECORD_TABLES.map((t) => target.table(t)), target.meta], async () => {
    const head: Omit<BackupDelta, 'upserts' | 'deletes' | 'history'> = {
      format: BACKUP_DELTA_FORMAT,
      formatVersion: BACKUP_DELTA_FORMAT_VERSION,
      base: header.base,
      seq: header.seq,
      exportedAt: new Date().toISOString(),
      exportedBy: header.exportedBy,
    };
    const deletes: Partial<Record<DossierTableName, string[]>> = {};
    parts.push(`${JSON.stringify(head).slice(0, -1)},"upserts":{`);
    let firstTable = true;
    for (const table of RECORD_TABLES) {
      const ids = [...(changes.keys.get(table) ?? [])].sort();
      if (ids.length === 0) continue;
      const rows = (await target.table(table).bulkGet(ids)) as ({ id: string } | undefined)[];
      const found = rows.filter((r): r is { id: string } => r !== undefined);
      const gone = ids.filter((_, i) => rows[i] === undefined);
      records += ids.length;
      if (gone.length) deletes[table] = gone;
      if (found.length === 0) continue;
      parts.push(`${firstTable ? '' : ','}${JSON.stringify(table)}:[`);
      firstTable = false;
      for (let i = 0; i < found.length; i++) parts.push((i ? ',' : '') + JSON.stringify(found[i]));
      parts.push(']');
    }
    parts.push(
      `},"deletes":${JSON.stringify(deletes)},"history":${JSON.stringify(await mergeHistoryOf(target))}}`,
    );
  });
  return { parts, records };
}

export async function listBackups(): Promise<BackupEntry[]> {
  const result = await api.backupList({});
  if (!result.ok) throw new Error(result.message);
  return result.value;
}

async function loadJson(name: string): Promise<unknown> {
  const loaded = await api.backupLoad({ name });
  if (!loaded.ok) throw new Error(loaded.message);
  try {
    return JSON.parse(loaded.value.json) as unknown;
  } catch {
    throw new Error(`backup ${name} is not readable JSON`);
  }
}

/**
 * The workspace as it was at a point: a full backup as it is, a delta as its full backup with the chain's
 * deltas up to it applied in order; checked as any dossier before anything is replaced.
 */
export async function readBackupPoint(name: string): Promise<Dossier> {
  const entry = (await listBackups()).find((e) => e.name === name);
  let json: unknown;
  if (entry?.kind === 'delta' && entry.base && entry.seq) {
    const { base, seq } = entry;
    const full = await loadJson(base);
    const deltas: BackupDelta[] = [];
    for (let s = 1; s <= seq; s++) {
      const deltaName = `${base.slice(0, -'.json'.length)}.d${String(s).padStart(4, '0')}.json`;
      const read = readBackupDelta(await loadJson(deltaName), base, s);
      if (!read.ok) throw new Error(`backup ${deltaName} is damaged (${read.message})`);
      deltas.push(read.delta);
    }
    json = applyBackupDeltas(full, deltas);
  } else if (DELTA_BACKUP_NAME.test(name)) {
    throw new Error(`backup ${name} can no longer be restored (its full backup is gone)`);
  } else {
    json = await loadJson(name);
  }
  const checked = validateDossier(json);
  if (!checked.ok) {
    const first = checked.errors[0];
    throw new Error(`backup ${name} is damaged (${first?.path}: ${first?.message})`);
  }
  return checked.dossier;
}
