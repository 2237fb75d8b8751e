// Rolling backups: after edits (at most every 30 s) the workspace goes to main as a JSON dossier; a backup restores it.
import Dexie, { type ObservabilitySet } from 'dexie';
import { validateDossier } from '../../../src-main/shared/dossier';
import type { BackupEntry } from '../../../src-main/shared/contract';
import { api } from '../api';
import { db } from './index';
import { RECORD_TABLES } from '../../../src-main/shared/dossier';
import { replaceWorkspace, readWorkspaceDossier } from './dossier';
import type { CorroborateDB } from './db';

export const BACKUP_INTERVAL_MS = 30_000;
/** Edits usually come in bursts (typing a note); wait for a short pause before writing. */
export const BACKUP_QUIET_MS = 2_000;

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

export interface BackupSchedule {
  /** Call when the workspace changed; the save happens after a quiet pause, no sooner than `intervalMs` after the last. */
  changed(): void;
  /** Writes a backup now (e.g. before a restore or a clear), whatever the schedule. */
  flush(): Promise<void>;
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

  const run = async () => {
    timer = null;
    if (!dirty) return;
    dirty = false;
    lastSave = now();
    saving = save().catch((err: unknown) => {
      dirty = true; // try again at the next change
      console.warn('[corroborate] backup failed', err);
    });
    await saving;
    saving = null;
  };
  return {
    changed() {
      dirty = true;
      if (timer) clearTimeout(timer);
      const wait = Math.max(quiet, lastSave + interval - now());
      timer = setTimeout(() => void run(), wait);
    },
    async flush() {
      if (timer) clearTimeout(timer);
      timer = null;
      if (saving) await saving;
      dirty = true;
      await run();
    },
    stop() {
      if (timer) clearTimeout(timer);
      timer = null;
    },
  };
}

/** Sends the whole workspace to main as a backup. */
export async function saveBackup(exportedBy: string): Promise<BackupEntry> {
  const dossier = await readWorkspaceDossier(db, exportedBy);
  const result = await api.backupSave({ json: JSON.stringify(dossier) });
  if (!result.ok) throw new Error(result.message);
  return result.value;
}

/**
 * Watches the workspace and keeps rolling backups while the app runs; returns the schedule (call stop()).
 * Dexie reports the tables each committed write touched (this window's and other windows'); a write to a
 * record table is a change. No query runs per edit: re-counting every table (workspaceSignature) after
 * each keystroke competed with the reader's own reads.
 */
export function startRollingBackups(
  exportedBy: () => string,
  onSaved?: (entry: BackupEntry) => void,
): BackupSchedule {
  const schedule = backupSchedule(async () => onSaved?.(await saveBackup(exportedBy())));
  const prefixes = RECORD_TABLES.map((t) => `idb://${db.name}/${t}/`);
  const listener = (parts: ObservabilitySet) => {
    if (Object.keys(parts).some((part) => prefixes.some((p) => part.startsWith(p)))) schedule.changed();
  };
  Dexie.on('storagemutated', listener);
  return {
    changed: () => schedule.changed(),
    flush: () => schedule.flush(),
    stop: () => {
      Dexie.on.storagemutated.unsubscribe(listener);
      schedule.stop();
    },
  };
}

export async function listBackups(): Promise<BackupEntry[]> {
  const result = await api.backupList({});
  if (!result.ok) throw new Error(result.message);
  return result.value;
}

/** Replaces the workspace by a backup, after checking it is a valid dossier. */
export async function restoreBackup(name: string): Promise<number> {
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
