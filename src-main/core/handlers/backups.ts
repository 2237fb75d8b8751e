// Handlers for the rolling backups of the workspace: save one in pieces (a full backup, or a delta that extends
// the newest full one), list the restorable points, read one back. The newest N points are kept, with the full
// backup and earlier deltas each kept delta needs.
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, open, readdir, readFile, rename, rm, stat, unlink, type FileHandle } from 'node:fs/promises';
import { join } from 'node:path';
import { DELTA_BACKUP_NAME, FULL_BACKUP_NAME, type BackupEntry, type Handlers } from '../../shared/contract';
import { AppError } from '../../shared/errors';
import { DIR_MODE, FILE_MODE, safeJoin } from '../files';
import type { HandlerDeps } from './deps';

/** A backup file's place: its full backup's time stamp and its position in that chain (0 for the full one). */
interface Point {
  name: string;
  stamp: string;
  seq: number;
}

function pointOf(name: string): Point | null {
  if (FULL_BACKUP_NAME.test(name))
    return { name, stamp: name.slice('backup-'.length, -'.json'.length), seq: 0 };
  if (DELTA_BACKUP_NAME.test(name)) {
    const m = /^backup-([0-9TZ-]+)\.d([0-9]{4})\.json$/.exec(name)!;
    return { name, stamp: m[1]!, seq: Number(m[2]) };
  }
  return null;
}

const fullName = (stamp: string) => `backup-${stamp}.json`;
const deltaName = (stamp: string, seq: number) => `backup-${stamp}.d${String(seq).padStart(4, '0')}.json`;
/** Newest first: by full backup, then by place in its chain. */
const newestFirst = (a: Point, b: Point) =>
  a.stamp === b.stamp ? b.seq - a.seq : a.stamp < b.stamp ? 1 : -1;

/**
 * The points that can be restored, newest first: every full backup, and each delta whose full backup and
 * earlier deltas are all there (a chain with a hole stops at the hole).
 */
function restorable(names: string[]): Point[] {
  const points = names.map(pointOf).filter((p): p is Point => p !== null);
  const fulls = new Set(points.filter((p) => p.seq === 0).map((p) => p.stamp));
  const seqs = new Map<string, Set<number>>();
  for (const p of points) if (p.seq > 0) seqs.set(p.stamp, (seqs.get(p.stamp) ?? new Set()).add(p.seq));
  const whole = (p: Point) => {
    if (!fulls.has(p.stamp)) return false;
    for (let s = 1; s < p.seq; s++) if (!seqs.get(p.stamp)!.has(s)) return false;
    return true;
  };
  return points.filter(whole).sort(newestFirst);
}

/** The backups folder: its restorable points, the next delta's name, the rotation. */
function backupFolder(backupsDir: string, kept: number) {
  async function points(): Promise<Point[]> {
    await mkdir(backupsDir, { recursive: true, mode: DIR_MODE });
    return restorable(await readdir(backupsDir));
  }
  async function listBackups(): Promise<BackupEntry[]> {
    const entries: BackupEntry[] = [];
    for (const p of await points()) {
      const s = await stat(join(backupsDir, p.name));
      entries.push({
        name: p.name,
        at: s.mtime.toISOString(),
        size: s.size,
        ...(p.seq === 0 ? { kind: 'full' } : { kind: 'delta', base: fullName(p.stamp), seq: p.seq }),
      });
    }
    return entries;
  }

  /** The name a delta `seq` of `base` is committed under; refused unless it continues the newest chain. */
  async function nextDelta(delta: { base: string; seq: number }): Promise<string> {
    const all = await points();
    const newestFull = all.find((p) => p.seq === 0);
    const base = pointOf(delta.base);
    if (!newestFull || newestFull.name !== delta.base || !base)
      throw new AppError('refused', `backup ${delta.base} is not the newest full backup`);
    const last = all.find((p) => p.stamp === base.stamp)!.seq;
    if (delta.seq !== last + 1)
      throw new AppError('refused', `delta ${delta.seq} does not follow delta ${last} of ${delta.base}`);
    return deltaName(base.stamp, delta.seq);
  }

  /** The newest `kept` points, the full backups and earlier deltas they need; everything else goes. */
  async function rotate(): Promise<void> {
    const names = (await readdir(backupsDir)).filter((n) => pointOf(n) !== null);
    const newest = restorable(names).slice(0, kept);
    const keep = new Set(newest.map((p) => p.name));
    for (const p of newest) {
      keep.add(fullName(p.stamp));
      for (let s = 1; s < p.seq; s++) keep.add(deltaName(p.stamp, s));
    }
    for (const name of names) if (!keep.has(name)) await unlink(join(backupsDir, name));
  }

  return { listBackups, nextDelta, rotate };
}

export function createBackupHandlers(
  deps: HandlerDeps,
): Pick<Handlers, 'backupSave' | 'backupList' | 'backupLoad'> {
  const backupsDir = join(deps.dataDir, 'backups');
  const { listBackups, nextDelta, rotate } = backupFolder(backupsDir, deps.backupsKept ?? 10);

  /** The one backup being written: pieces go to a private temporary file until it is committed. */
  let pending: {
    writeId: string;
    tmp: string;
    file: FileHandle;
    size: number;
    next: number;
    delta: { base: string; seq: number } | null;
  } | null = null;

  async function drop(): Promise<void> {
    if (!pending) return;
    const { file, tmp } = pending;
    pending = null;
    await file.close().catch(() => undefined);
    await rm(tmp, { force: true });
  }

  async function begin(writeId: string, delta: { base: string; seq: number } | null) {
    await drop();
    await mkdir(backupsDir, { recursive: true, mode: DIR_MODE });
    // A delta that cannot join its chain is refused before any byte of it is written.
    if (delta) await nextDelta(delta);
    // Temporaries a crash left behind (names that never match a backup's) go first.
    for (const name of await readdir(backupsDir))
      if (name.startsWith('.backup-') && name.endsWith('.tmp'))
        await rm(join(backupsDir, name), { force: true });
    const tmp = join(backupsDir, `.backup-${randomBytes(6).toString('hex')}.tmp`);
    pending = { writeId, tmp, file: await open(tmp, 'wx', FILE_MODE), size: 0, next: 0, delta };
    return pending;
  }

  async function commit(): Promise<BackupEntry> {
    const { file, tmp, size, delta } = pending!;
    pending = null;
    await file.sync();
    await file.close();
    const at = new Date();
    let name: string;
    try {
      name = delta ? await nextDelta(delta) : `backup-${at.toISOString().replace(/[:.]/g, '-')}.json`;
    } catch (err) {
      await rm(tmp, { force: true });
      throw err;
    }
    await rename(tmp, join(backupsDir, name));
    await rotate();
    return delta
      ? { name, at: at.toISOString(), size, kind: 'delta', base: delta.base, seq: delta.seq }
      : { name, at: at.toISOString(), size, kind: 'full' };
  }

  return {
    async backupSave({ writeId, piece, chunk, end, delta }) {
      if (end === 'abort') {
        if (pending?.writeId === writeId) await drop();
        return { entry: null };
      }
      const write = piece === 0 ? await begin(writeId, delta ?? null) : pending;
      // A piece out of order, or of a write a newer one abandoned, would leave a file with a hole in it.
      if (write?.writeId !== writeId || write.next !== piece)
        throw new AppError('refused', `backup piece ${piece} does not continue the backup being written`);
      write.next++;
      try {
        const bytes = Buffer.from(chunk, 'utf8');
        await write.file.write(bytes);
        write.size += bytes.length;
        return { entry: end === 'commit' ? await commit() : null };
      } catch (err) {
        await drop();
        throw err;
      }
    },

    async backupList() {
      return listBackups();
    },

    async backupLoad({ name }) {
      const path = safeJoin(backupsDir, name);
      if (!existsSync(path)) throw new AppError('not-found', `backup ${name} does not exist`);
      return { json: await readFile(path, 'utf8') };
    },
  };
}
