// Handlers for the rolling backups of the workspace: save one (keeping the newest N), list them, read one back.
import { existsSync } from 'node:fs';
import { mkdir, readdir, readFile, stat, unlink } from 'node:fs/promises';
import { join } from 'node:path';
import type { Handlers } from '../../shared/contract';
import { AppError } from '../../shared/errors';
import { DIR_MODE, safeJoin, writeFileAtomic } from '../files';
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

  return {
    async backupSave({ json }) {
      const at = new Date();
      const name = `backup-${at.toISOString().replace(/[:.]/g, '-')}.json`;
      await writeFileAtomic(join(backupsDir, name), json);
      const all = await listBackups();
      for (const old of all.slice(kept)) await unlink(join(backupsDir, old.name));
      return { name, at: at.toISOString(), size: Buffer.byteLength(json) };
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
