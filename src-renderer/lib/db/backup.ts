// Rolling backups: after edits (at most every 30 s) and when an import ends the workspace goes to main as
// a JSON dossier, retried with backoff until it is written (none while an import runs: each is a copy of the
// whole workspace, and the import's end writes one); a backup restores it, also at start when this
// browser's store is empty or belongs to another data folder (the data folder is the source of truth).
import Dexie, { type ObservabilitySet } from 'dexie';
import { emptyDossier, validateDossier } from '../../../src-main/shared/dossier';
import type { BackupEntry } from '../../../src-main/shared/contract';
import { api } from '../api';
import { db } from './app-db';
import { RECORD_TABLES } from '../../../src-main/shared/dossier';
import { mergeHistoryOf, replaceWorkspace } from './dossier';
import type { CorroborateDB } from './db';
import { getMeta, setMeta } from './workspace';

export const BACKUP_INTERVAL_MS = 30_000;
/** Edits usually come in bursts (typing a note); wait for a short pause before writing. */
export const BACKUP_QUIET_MS = 2_000;
/** A failed save is tried again after 1 s, 2 s, 4 s… up to this, until one succeeds. */
export const BACKUP_RETRY_MAX_MS = 30_000;

/**
 * A fingerprint that changes whenever the workspace does: record counts (imports, deletions) and the newest
 * undo entry with its state (every user edit, undo and redo goes through the history table).
 */
export async function workspaceSignature(target: CorroborateDB): Promise<string> {
  const counts = await Promise.all(RECORD_TABLES.map((t) => target.table(t).count()));
  // Keys and index counts only: an undo entry can hold thousands of records (a dossier import).
  const lastSeq = (await target.history.orderBy('seq').lastKey()) ?? 0;
  const undone = await target.history.where('undone').equals(1).count();
  return `${counts.join(',')}|${String(lastSeq)}|${undone}`;
}

/** The workspace signature at the last backup written, kept in the store itself. */
const BACKED_UP_KEY = 'backedUpSignature';

export interface BackupSchedule {
  /** Call when the workspace changed; the save happens after a quiet pause, no sooner than `intervalMs` after the last. */
  changed(): void;
  /** Writes a backup now (e.g. before a restore or a clear), whatever the schedule. */
  flush(): Promise<void>;
  /** Holds timed backups back (a long import is running) until `resume`; changes meanwhile are remembered. */
  pause(): void;
  /** Lets timed backups run again: one is scheduled if anything changed while paused. */
  resume(): void;
  stop(): void;
}

/** The throttle, free of Dexie and timers' owners so it can be tested with fake timers. */
export function backupSchedule(
  save: () => Promise<void>,
  opts: { intervalMs?: number; quietMs?: number; now?: () => number } = {},
): BackupSchedule {
  const interval = opts.intervalMs ?? BACKUP_INTERVAL_MS;
  const quiet = opts.quietMs ?? BACKUP_QUIET_MS;
  const now = opts.now ?? (() => Date.now());
  let lastSave = -Infinity;
  let timer: ReturnType<typeof setTimeout> | null = null;
  let dirty = false;
  let saving: Promise<void> | null = null;
  let failures = 0;
  let stopped = false;
  let paused = 0;

  /** `force`: a flush, which writes even while timed backups are paused. */
  const run = async (force = false) => {
    timer = null;
    if (!dirty || (paused > 0 && !force)) return;
    dirty = false;
    lastSave = now();
    saving = save().then(
      () => void (failures = 0),
      (err: unknown) => {
        // The back end may be down (a crash, a restart): try again with backoff, not only at the next edit.
        dirty = true;
        failures++;
        console.warn('[corroborate] backup failed; trying again', err);
        if (!stopped && !timer) {
          const wait = Math.min(BACKUP_RETRY_MAX_MS, 1000 * 2 ** (failures - 1));
          timer = setTimeout(() => void run(), wait);
        }
      },
    );
    await saving;
    saving = null;
  };
  const flush = async () => {
    if (timer) clearTimeout(timer);
    timer = null;
    if (saving) await saving;
    dirty = true;
    await run(true);
  };
  const changed = () => {
    dirty = true;
    if (timer) clearTimeout(timer);
    timer = null;
    if (paused > 0) return;
    const wait = Math.max(quiet, lastSave + interval - now());
    timer = setTimeout(() => void run(), wait);
  };
  return {
    changed,
    flush,
    pause() {
      paused++;
      if (timer) clearTimeout(timer);
      timer = null;
    },
    resume() {
      paused = Math.max(0, paused - 1);
      if (paused === 0 && dirty) changed();
    },
    stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      timer = null;
    },
  };
}

/** Records read per query while a backup is written, and characters sent per call. */
const BACKUP_PAGE = 500;
const BACKUP_PIECE = 4 * 1024 * 1024;

/**
 * The workspace as dossier JSON, produced a page of records at a time (keyset paging on the primary key), so
 * a backup of 10,000 articles never holds the workspace in memory, as objects or as one string.
 */
export async function* dossierJson(target: CorroborateDB, exportedBy: string): AsyncGenerator<string> {
  const { format, formatVersion, exportedAt, scope } = emptyDossier(new Date().toISOString(), exportedBy);
  yield JSON.stringify({ format, formatVersion, exportedAt, exportedBy, scope }).slice(0, -1);
  for (const table of RECORD_TABLES) {
    yield `,${JSON.stringify(table)}:[`;
    let last: string | null = null;
    for (let first = true; ; first = false) {
      const t = target.table(table);
      const page: { id: string }[] = await (last === null ? t.toCollection() : t.where(':id').above(last))
        .limit(BACKUP_PAGE)
        .toArray();
      if (page.length === 0) break;
      last = page.at(-1)!.id;
      yield (first ? '' : ',') + page.map((r) => JSON.stringify(r)).join(',');
    }
    yield ']';
  }
  yield `,"history":${JSON.stringify(await mergeHistoryOf(target))}}`;
}

/** Calls `onChange` after every committed write to a record table (this window's or another's); returns the stop. */
function watchRecordTables(onChange: () => void): () => void {
  const prefixes = RECORD_TABLES.map((t) => `idb://${db.name}/${t}/`);
  const listener = (parts: ObservabilitySet) => {
    if (Object.keys(parts).some((part) => prefixes.some((p) => part.startsWith(p)))) onChange();
  };
  Dexie.on('storagemutated', listener);
  return () => Dexie.on.storagemutated.unsubscribe(listener);
}

/** The workspace changed while a backup was being read: it is thrown away and taken again. */
class BackupOvertaken extends Error {}

/**
 * Sends the whole workspace to main as a backup, in pieces. The pages are read in several transactions; a
 * write to any record table meanwhile makes the backup a mix of two states, so it is abandoned and the
 * schedule tries again.
 */
async function saveBackup(exportedBy: string): Promise<BackupEntry> {
  const writeId = crypto.randomUUID();
  let changed = false;
  const unwatch = watchRecordTables(() => (changed = true));
  let piece = 0;
  const send = async (chunk: string, end: 'more' | 'commit' | 'abort') => {
    const result = await api.backupSave({ writeId, piece: piece++, chunk, end });
    if (!result.ok) throw new Error(result.message);
    return result.value.entry;
  };
  try {
    let buffer = '';
    for await (const part of dossierJson(db, exportedBy)) {
      if (changed) throw new BackupOvertaken('the workspace changed while it was backed up');
      buffer += part;
      if (buffer.length >= BACKUP_PIECE) {
        await send(buffer, 'more');
        buffer = '';
      }
    }
    if (changed) throw new BackupOvertaken('the workspace changed while it was backed up');
    const entry = await send(buffer, 'commit');
    if (!entry) throw new Error('the backup was not committed');
    return entry;
  } catch (err) {
    if (piece > 0) await api.backupSave({ writeId, piece, chunk: '', end: 'abort' }).catch(() => undefined);
    throw err;
  } finally {
    unwatch();
  }
}

/**
 * Watches the workspace and keeps rolling backups while the app runs; returns the schedule (call stop()).
 * Dexie reports the tables each committed write touched (this window's and other windows'); a write to a
 * record table is a change. No query runs per edit: re-counting every table (workspaceSignature) after
 * each keystroke competed with the reader's own reads.
 */
function startRollingBackups(
  exportedBy: () => string,
  onSaved?: (entry: BackupEntry) => void,
): BackupSchedule {
  const schedule = backupSchedule(async () => {
    const signature = await workspaceSignature(db);
    const entry = await saveBackup(exportedBy());
    await setMeta(db, BACKED_UP_KEY, signature);
    onSaved?.(entry);
  });
  // Changes the last run could not back up (the back end was down, then the page was reloaded) count too.
  void Promise.all([workspaceSignature(db), getMeta<string | null>(db, BACKED_UP_KEY, null)]).then(
    ([now, saved]) => now !== saved && schedule.changed(),
  );
  const unwatch = watchRecordTables(() => schedule.changed());
  const handle: BackupSchedule = {
    changed: () => schedule.changed(),
    flush: () => schedule.flush(),
    pause: () => schedule.pause(),
    resume: () => schedule.resume(),
    stop: () => {
      unwatch();
      schedule.stop();
      if (active === handle) active = null;
    },
  };
  active = handle;
  return handle;
}

let active: BackupSchedule | null = null;

/** Called when an import starts: no timed backup (a copy of the whole workspace) while it runs. */
function holdBackupsDuringImport(): void {
  active?.pause();
}

/** Called when an import ends: its articles go to the data folder now, not after the next pause. */
function backupAfterImport(): void {
  active?.resume();
  void active?.flush();
}

async function listBackups(): Promise<BackupEntry[]> {
  const result = await api.backupList({});
  if (!result.ok) throw new Error(result.message);
  return result.value;
}

/** Replaces the workspace by a backup, after checking it is a valid dossier. */
async function restoreBackup(name: string): Promise<number> {
  const loaded = await api.backupLoad({ name });
  if (!loaded.ok) throw new Error(loaded.message);
  let json: unknown;
  try {
    json = JSON.parse(loaded.value.json);
  } catch {
    throw new Error(`backup ${name} is not readable JSON`);
  }
  const checked = validateDossier(json);
  if (!checked.ok) {
    const first = checked.errors[0];
    throw new Error(`backup ${name} is damaged (${first?.path}: ${first?.message})`);
  }
  return replaceWorkspace(db, checked.dossier);
}

const DATA_FOLDER_KEY = 'dataFolderId';

/**
 * Makes this browser's workspace the data folder's: when the store is empty or belongs to another data folder
 * (another port is another origin, with its own store), the data folder's latest backup is restored. Returns
 * the one line to tell the person, or null when nothing changed.
 */
async function followDataFolder(): Promise<string | null> {
  const info = await api.appInfo({});
  if (!info.ok) return null;
  const folder = info.value.dataFolderId;
  const owner = await getMeta<string | null>(db, DATA_FOLDER_KEY, null);
  const empty = (await db.articles.count()) === 0;
  if (owner === folder && !empty) return null;
  // A store that never recorded its folder and holds articles predates this check: it is this folder's.
  const foreign = owner !== null && owner !== folder;
  let message: string | null = null;
  if (empty || foreign) {
    const latest = (await listBackups())[0];
    if (latest) {
      const records = await restoreBackup(latest.name);
      await setMeta(db, 'seeded', true);
      message = `Workspace restored from the data folder's latest backup (${new Date(latest.at).toLocaleString()}, ${records} records).`;
    } else if (foreign && !empty) {
      message =
        "This browser's workspace came from another data folder; it is kept and now backed up to this one.";
    }
  }
  await setMeta(db, DATA_FOLDER_KEY, folder);
  return message;
}

/** The backups of the app's workspace, for the screens. */
export const backups = {
  save: saveBackup,
  startRolling: startRollingBackups,
  holdDuringImport: holdBackupsDuringImport,
  afterImport: backupAfterImport,
  list: listBackups,
  restore: restoreBackup,
  followDataFolder,
};
