// Rolling backups: after edits (at most every 30 s) what changed goes to main, retried with backoff until it is
// written (none while an import runs; the import's end writes a full one). A full backup is the workspace as a
// JSON dossier; a delta is only the records written or deleted since the previous point of that full backup's
// chain, learnt from Dexie's write notifications and read back by key. A point restores the full backup plus
// its chain's deltas up to it, also at start when this browser's store is empty or belongs to another data
// folder (the data folder is the source of truth).
import Dexie, { type ObservabilitySet } from 'dexie';
import { emptyDossier, RECORD_TABLES } from '../../../src-main/shared/dossier';
import type { BackupEntry } from '../../../src-main/shared/contract';
import {
  listBackups,
  readBackupPoint,
  readDelta,
  trackChanges,
  type ChangeTracker,
  type Changes,
} from './backup-delta';
import { api } from '../api';
import { db } from './app-db';
import { mergeHistoryOf, replaceWorkspace } from './dossier';
import { hasRecords, type CorroborateDB } from './db';
import { getMeta, setMeta } from './workspace';
import { backgroundTurn, idleTurn } from './priority';
import { WORKSPACE_GENERATION_KEY } from './workspace-generation';

export const BACKUP_INTERVAL_MS = 30_000;
/** Edits usually come in bursts (typing a note); wait for a short pause before writing. */
export const BACKUP_QUIET_MS = 2_000;
/** A failed save is tried again after 1 s, 2 s, 4 s… up to this, until one succeeds. */
export const BACKUP_RETRY_MAX_MS = 30_000;

/**
 * A fingerprint that changes whenever the workspace does: the generation every write to a table a dossier holds
 * renews in its own transaction (`workspace-generation.ts`); one read, whatever the workspace's size.
 */
export async function workspaceSignature(target: CorroborateDB): Promise<string> {
  return getMeta<string>(target, WORKSPACE_GENERATION_KEY, '');
}

/**
 * The workspace signature at the last backup written and where its chain stood, kept in the store itself: a
 * start that finds the workspace unchanged since goes on with that chain (deltas), not with a full backup.
 */
const BACKED_UP_KEY = 'backedUp';
interface BackedUp {
  signature: string;
  chain: Chain | null;
}

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
  /** `forced`: a flush (someone asked for this backup, or a restore waits for it), not a timed backup. */
  save: (forced: boolean) => Promise<void>,
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
    saving = save(force).then(
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

/** Records read per query and characters sent per call by a full backup: a turn is taken before each (`saveFull`). */
const BACKUP_PAGE = 500;
// A quarter of a megabyte: each piece is encoded and handed to fetch in one task (a megabyte took 100–350 ms
// of the page on a loaded machine, right after an import's report).
const BACKUP_PIECE = 256 * 1024;

/** A new full backup replaces the chain of deltas after this many deltas… */
export const DELTA_CHAIN_MAX = 50;
/** …or once the chain's deltas together weigh this share of its full backup… */
export const DELTA_SHARE_MAX = 0.25;
/** …or this long after the full backup. */
export const FULL_BACKUP_EVERY_MS = 60 * 60_000;

/**
 * The workspace as dossier JSON, produced a page of records at a time (keyset paging on the primary key), so
 * a backup of 10,000 articles never holds the workspace in memory, as objects or as one string. `between` is
 * awaited before each page: a read someone waits for (an article opening) queues behind one page at most.
 */
export async function* dossierJson(
  target: CorroborateDB,
  exportedBy: string,
  between: () => Promise<void> = () => Promise.resolve(),
): AsyncGenerator<string> {
  const { format, formatVersion, exportedAt, scope } = emptyDossier(new Date().toISOString(), exportedBy);
  yield JSON.stringify({ format, formatVersion, exportedAt, exportedBy, scope }).slice(0, -1);
  for (const table of RECORD_TABLES) {
    yield `,${JSON.stringify(table)}:[`;
    let last: string | null = null;
    for (let first = true; ; first = false) {
      await between();
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

/** The workspace changed while a backup was being read: it is thrown away and taken again. */
class BackupOvertaken extends Error {}

/** Main refused a delta: the chain it would extend is not the newest any more (another window, a restart). */
class ChainBroken extends Error {}

/**
 * Sends one backup file to main in pieces of at most BACKUP_PIECE characters (never splitting a surrogate
 * pair); `check` runs before each piece and the commit (it throws to abandon the write).
 */
async function sendBackup(
  parts: AsyncIterable<string> | Iterable<string>,
  delta: { base: string; seq: number } | undefined,
  check: () => void = () => undefined,
  between: () => Promise<void> = () => Promise.resolve(),
): Promise<BackupEntry> {
  const writeId = crypto.randomUUID();
  let piece = 0;
  const send = async (chunk: string, end: 'more' | 'commit') => {
    const result = await api.backupSave({ writeId, piece: piece++, chunk, end, ...(delta ? { delta } : {}) });
    if (!result.ok) {
      if (delta && result.code === 'refused') throw new ChainBroken(result.message);
      throw new Error(result.message);
    }
    return result.value.entry;
  };
  try {
    let buffer = '';
    for await (const part of parts) {
      check();
      buffer += part;
      while (buffer.length >= BACKUP_PIECE) {
        let cut = BACKUP_PIECE;
        const code = buffer.charCodeAt(cut - 1);
        if (code >= 0xd800 && code <= 0xdbff) cut--; // a high surrogate stays with its low one
        await between();
        await send(buffer.slice(0, cut), 'more');
        buffer = buffer.slice(cut);
      }
    }
    check();
    const entry = await send(buffer, 'commit');
    if (!entry) throw new Error('the backup was not committed');
    return entry;
  } catch (err) {
    if (piece > 0) await api.backupSave({ writeId, piece, chunk: '', end: 'abort' }).catch(() => undefined);
    throw err;
  }
}

/**
 * Sends the whole workspace to main as a full backup, in pieces. The pages are read in several transactions; a
 * write to any record table meanwhile makes the backup a mix of two states, so it is abandoned and the schedule
 * tries again.
 */
async function saveFull(
  target: CorroborateDB,
  exportedBy: string,
  tracker: ChangeTracker,
  urgent = false,
): Promise<BackupEntry> {
  const version = tracker.version;
  // A timed backup also lets the start's loads go first; one someone waits for, only the reads someone waits for.
  const turn = urgent ? () => backgroundTurn() : () => idleTurn();
  const check = () => {
    if (tracker.version !== version)
      throw new BackupOvertaken('the workspace changed while it was backed up');
  };
  return sendBackup(dossierJson(target, exportedBy, turn), undefined, check, turn);
}

/** Where the current chain stands: its full backup, the last delta written, and what decides the next full. */
export interface Chain {
  base: string;
  seq: number;
  fullAt: number;
  fullBytes: number;
  deltaBytes: number;
}

export interface BackupWriter {
  /**
   * Writes what changed since the last point: a delta, or a full backup when one is due; null if nothing did.
   * `urgent`: someone waits for it, so a full backup does not wait for the start's loads (`idleTurn`).
   */
  save(exportedBy: string, urgent?: boolean): Promise<BackupEntry | null>;
  /** Makes the next save a full backup (the end of an import, "Back up now"). */
  wantFull(): void;
  /** Makes the next save write a point even when nothing changed (before a restore or a clear replaces it all). */
  wantPoint(): void;
  /** True when changes are waiting to be backed up. */
  readonly pending: boolean;
  /** Where the chain stands after the last save (kept with the workspace, so the next session can go on with it). */
  readonly chain: Chain | null;
  /**
   * Goes on with an earlier session's chain, for a workspace that has not changed since that chain's last point;
   * nothing if this writer has begun a chain of its own.
   */
  resume(chain: Chain): void;
  stop(): void;
}

/**
 * Backs `target` up incrementally: a full backup, then deltas, until the chain is long or heavy or old enough for
 * a new full backup. The first save is a full backup unless the writer `resume`s an earlier session's chain.
 */
export function backupWriter(
  target: CorroborateDB,
  opts: {
    now?: () => number;
    chainMax?: number;
    shareMax?: number;
    fullEveryMs?: number;
  } = {},
): BackupWriter {
  const now = opts.now ?? (() => Date.now());
  const chainMax = opts.chainMax ?? DELTA_CHAIN_MAX;
  const shareMax = opts.shareMax ?? DELTA_SHARE_MAX;
  const fullEvery = opts.fullEveryMs ?? FULL_BACKUP_EVERY_MS;
  const { tracker, stop } = trackChanges(target);
  let chain: Chain | null = null;
  let point = false;

  async function writeDelta(c: Chain, taken: Changes, exportedBy: string): Promise<BackupEntry> {
    let changes = taken;
    try {
      // A write committed between taking the changes and reading them would be half in this delta: read again
      // with its keys added until a read sees no new write (the read itself is one transaction).
      for (let attempt = 0; ; attempt++) {
        const version = tracker.version;
        const { parts } = await readDelta(target, changes, { base: c.base, seq: c.seq + 1, exportedBy });
        if (tracker.version === version) return await sendBackup(parts, { base: c.base, seq: c.seq + 1 });
        tracker.giveBack(changes);
        changes = tracker.take();
        if (changes.all || attempt >= 5)
          throw new BackupOvertaken('the workspace kept changing while the delta was read');
      }
    } catch (err) {
      tracker.giveBack(changes);
      throw err;
    }
  }

  async function save(exportedBy: string, urgent = false): Promise<BackupEntry | null> {
    const changes = tracker.take();
    const full =
      changes.all ||
      chain === null ||
      chain.seq >= chainMax ||
      now() - chain.fullAt >= fullEvery ||
      chain.deltaBytes > shareMax * chain.fullBytes;
    try {
      if (full) {
        const entry = await saveFull(target, exportedBy, tracker, urgent);
        chain = { base: entry.name, seq: 0, fullAt: now(), fullBytes: entry.size, deltaBytes: 0 };
        point = false;
        return entry;
      }
      if (changes.keys.size === 0 && !point) return null;
      const c = chain!;
      const entry = await writeDelta(c, changes, exportedBy);
      point = false;
      c.seq++;
      c.deltaBytes += entry.size;
      return entry;
    } catch (err) {
      tracker.giveBack(changes);
      if (err instanceof ChainBroken) chain = null;
      throw err;
    }
  }

  return {
    save,
    wantFull: () => tracker.markAll(),
    wantPoint: () => void (point = true),
    get pending() {
      return tracker.pending;
    },
    get chain() {
      return chain && { ...chain };
    },
    resume(earlier) {
      chain ??= { ...earlier };
    },
    stop,
  };
}

/** Watches the workspace and keeps rolling backups while the app runs; returns the schedule (call stop()). */
function startRollingBackups(
  exportedBy: () => string,
  onSaved?: (entry: BackupEntry) => void,
): BackupSchedule {
  const writer = backupWriter(db);
  /** The last save's failure (the schedule retries it), for "Back up now" to tell. */
  let failure: unknown = null;
  const schedule = backupSchedule(async (forced) => {
    try {
      const signature = await workspaceSignature(db);
      const entry = await writer.save(exportedBy(), forced);
      await setMeta(db, BACKED_UP_KEY, { signature, chain: writer.chain } satisfies BackedUp);
      failure = null;
      if (entry) onSaved?.(entry);
    } catch (err) {
      failure = err;
      throw err;
    }
  });
  // Changes the last run could not back up (the back end was down, then the page was reloaded) count too.
  void Promise.all([workspaceSignature(db), getMeta<BackedUp | null>(db, BACKED_UP_KEY, null)]).then(
    ([now, saved]) => {
      if (saved && now === saved.signature) {
        if (saved.chain) writer.resume(saved.chain);
        return;
      }
      writer.wantFull();
      schedule.changed();
    },
  );
  const unwatch = watchRecordTables(() => schedule.changed());
  const handle: ActiveBackups = {
    changed: () => schedule.changed(),
    // A flush comes before a restore or a clear: the state they replace gets a point of its own.
    flush: () => {
      writer.wantPoint();
      return schedule.flush();
    },
    flushFull: async () => {
      writer.wantFull();
      await schedule.flush();
      if (failure) throw failure instanceof Error ? failure : new Error(String(failure));
    },
    pause: () => schedule.pause(),
    resume: () => schedule.resume(),
    stop: () => {
      unwatch();
      writer.stop();
      schedule.stop();
      if (active === handle) active = null;
    },
  };
  active = handle;
  return handle;
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

interface ActiveBackups extends BackupSchedule {
  /** Writes a full backup now (after an import, or when asked for); rejects if it failed (it is retried). */
  flushFull(): Promise<void>;
}

let active: ActiveBackups | null = null;

/** Called when an import starts: no timed backup while it runs. */
function holdBackupsDuringImport(): void {
  active?.pause();
}

/** Called when an import ends: its articles go to the data folder now, as a full backup. */
function backupAfterImport(): void {
  active?.resume();
  void active?.flushFull().catch(() => undefined); // retried by the schedule
}

/** "Back up now": a full backup, through the rolling backups when they run (so their chain starts from it). */
async function backupNow(exportedBy: string): Promise<void> {
  if (active) return active.flushFull();
  const { tracker, stop } = trackChanges(db);
  try {
    await saveFull(db, exportedBy, tracker, true);
  } finally {
    stop();
  }
}

/** Replaces the workspace by a backup's point, after checking it is a valid dossier. */
async function restoreBackup(name: string): Promise<number> {
  return replaceWorkspace(db, await readBackupPoint(name));
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
  const empty = !(await hasRecords(db.articles));
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
  save: backupNow,
  startRolling: startRollingBackups,
  holdDuringImport: holdBackupsDuringImport,
  afterImport: backupAfterImport,
  list: listBackups,
  restore: restoreBackup,
  followDataFolder,
};
