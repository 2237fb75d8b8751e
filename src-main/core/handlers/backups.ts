// Handlers for the rolling backups of the workspace: save one in pieces (keeping the newest N), list them,
// read one back.
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, open, readdir, readFile, rename, rm, stat, unlink, type FileHandle } from 'node:fs/promises';
import { join } from 'node:path';
import type { BackupEntry, Handlers } from '../../shared/contract';
import { AppError } from '../../shared/errors';
import { DIR_MODE, FILE_MODE, safeJoin } from '../files';
import type { HandlerDeps } from '../handlers';

export function createBackupHandlers(
  deps: HandlerDeps,
): Pick<Handlers, 'backupSave' | 'backupList' | 'backupLoad'> {
  const backupsDir = join(deps.dataDir, 'backups');
  const kept = deps.backupsKept ?? 10;

  async function listBackups() {
    await mkdir(backupsDir, { recursive: true, mode: DIR_MODE });
    const names = (await readdir(backupsDir)).filter((n) => /^backup-[0-9TZ-]+\.json$/.test(n)).sort();
    const entries = [];
    for (const name of names.reverse()) {
      const s = await stat(join(backupsDir, name));
      entries.push({ name, at: s.mtime.toISOString(), size: s.size });
    }
    return entries;
  }

  /** The one backup being written: pieces go to a private temporary file until it is committed. */
  let pending: { writeId: string; tmp: string; file: FileHandle; size: number; next: number } | null = null;

  async function drop(): Promise<void> {
    if (!pending) return;
    const { file, tmp } = pending;
    pending = null;
    await file.close().catch(() => undefined);
    await rm(tmp, { force: true });
  }

  async function begin(writeId: string) {
    await drop();
    await mkdir(backupsDir, { recursive: true, mode: DIR_MODE });
    // Temporaries a crash left behind (names that never match a backup's) go first.
    for (const name of await readdir(backupsDir))
      if (name.startsWith('.backup-') && name.endsWith('.tmp'))
        await rm(join(backupsDir, name), { force: true });
    const tmp = join(backupsDir, `.backup-${randomBytes(6).toString('hex')}.tmp`);
    pending = { writeId, tmp, file: await open(tmp, 'wx', FILE_MODE), size: 0, next: 0 };
    return pending;
  }

  async function commit(): Promise<BackupEntry> {
    const { file, tmp, size } = pending!;
    pending = null;
    await file.sync();
    await file.close();
    const at = new Date();
    const name = `backup-${at.toISOString().replace(/[:.]/g, '-')}.json`;
    await rename(tmp, join(backupsDir, name));
    const all = await listBackups();
    for (const old of all.slice(kept)) await unlink(join(backupsDir, old.name));
    return { name, at: at.toISOString(), size };
  }

  return {
    async backupSave({ writeId, piece, chunk, end }) {
      if (end === 'abort') {
        if (pending?.writeId === writeId) await drop();
        return { entry: null };
      }
      const write = piece === 0 ? await begin(writeId) : pending;
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
