// Disk safety for exports: atomic writes (temp name, then rename) and names that cannot escape their folder.
import { randomBytes } from 'node:crypto';
import { rename, rm, writeFile } from 'node:fs/promises';
import { basename, dirname, join, resolve, sep } from 'node:path';

/** Writes to a temporary sibling and renames it, so a reader never sees a half-written file. */
export async function writeFileAtomic(path: string, data: string | Uint8Array): Promise<void> {
  const temp = join(dirname(path), `.${basename(path)}.${randomBytes(6).toString('hex')}.tmp`);
  try {
    await writeFile(temp, data, { flag: 'wx' });
    await rename(temp, path);
  } catch (error) {
    await rm(temp, { force: true });
    throw error;
  }
}

const WINDOWS_RESERVED = /^(con|prn|aux|nul|com\d|lpt\d)(\..*)?$/i;

/** A single safe file name derived from an untrusted one (separators, control characters and dots-only removed). */
export function safeFileName(name: string, fallback = 'file'): string {
  let cleaned = name
    .normalize('NFC')
    .replace(/[\u0000-\u001f\u007f<>:"/\\|?*]/g, '_')
    .replace(/^[.\s]+|[.\s]+$/g, '')
    .slice(0, 180);
  if (cleaned === '' || WINDOWS_RESERVED.test(cleaned))
    cleaned = `${fallback}${cleaned ? `_${cleaned}` : ''}`;
  return cleaned;
}

/** Joins a name from a dossier onto `dir`; the result is always a direct child of `dir`. */
export function safeJoin(dir: string, name: string): string {
  const root = resolve(dir);
  const target = resolve(root, safeFileName(name));
  if (dirname(target) !== root || !target.startsWith(root + sep))
    throw new Error(`Refused file name outside the folder: ${name}`);
  return target;
}
