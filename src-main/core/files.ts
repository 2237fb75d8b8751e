// Small file-system helpers for the data folder: atomic writes and names that cannot escape it.
import { mkdir, rename, writeFile, rm } from 'node:fs/promises';
import { basename, dirname, join, resolve, sep } from 'node:path';

/** Write to a temporary name next to the target, then rename: a reader never sees half a file. */
export async function writeFileAtomic(path: string, data: string | Uint8Array): Promise<void> {
  await mkdir(dirname(path), { recursive: true });
  const tmp = join(dirname(path), `.${basename(path)}.${process.pid}.${Date.now()}.tmp`);
  try {
    await writeFile(tmp, data);
    await rename(tmp, path);
  } catch (err) {
    await rm(tmp, { force: true });
    throw err;
  }
}

/** A file name safe on every OS: no separators, no control or bidi characters, bounded length. */
export function safeFileName(name: string, fallback = 'file'): string {
  const cleaned = name
    .normalize('NFC')
    .replace(/[\u0000-\u001f\u007f\u202a-\u202e\u2066-\u2069/\\:*?"<>|]/g, '_')
    .replace(/^\.+/, '_')
    .trim()
    .slice(0, 180);
  return cleaned || fallback;
}

/** Join a name under a folder, refusing anything that would land outside it. */
export function safeJoin(dir: string, name: string): string {
  const root = resolve(dir);
  const target = resolve(root, safeFileName(name));
  if (target !== root && !target.startsWith(root + sep)) throw new Error(`refusing path outside ${root}`);
  return target;
}
