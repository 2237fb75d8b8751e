// The one safe-files module: atomic private writes, the data folder's permissions and id, and file names
// that can neither escape their folder nor mean something else on Windows.
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { chmod, mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { basename, dirname, join, resolve, sep } from 'node:path';

/** Folders the app creates are readable by their owner only; so are its files. */
export const DIR_MODE = 0o700;
export const FILE_MODE = 0o600;

/**
 * Write to a temporary name next to the target, then rename: a reader never sees half a file. The file is
 * created owner-only (0600) and its folder, when created here, owner-only too (0700).
 */
export async function writeFileAtomic(path: string, data: string | Uint8Array): Promise<void> {
  await mkdir(dirname(path), { recursive: true, mode: DIR_MODE });
  const tmp = join(dirname(path), `.${basename(path)}.${randomBytes(6).toString('hex')}.tmp`);
  try {
    await writeFile(tmp, data, { flag: 'wx', mode: FILE_MODE });
    await rename(tmp, path);
  } catch (err) {
    await rm(tmp, { force: true });
    throw err;
  }
}

// Device names Windows reserves whatever the extension ("NUL.txt", "com1 .log" are devices too).
const WINDOWS_RESERVED = /^(?:con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³]|conin\$|conout\$)(?:[\s.].*)?$/i;

/**
 * A file name safe on every OS: no separators, no control or bidi characters, no leading or trailing dots
 * and spaces, never a Windows device name (rewritten with a leading "_"), bounded length.
 */
export function safeFileName(name: string, fallback = 'file'): string {
  let cleaned = name
    .normalize('NFC')
    .replace(/[\u0000-\u001f\u007f\u202a-\u202e\u2066-\u2069/\\:*?"<>|]/g, '_')
    .slice(0, 180)
    .replace(/^[.\s]+|[.\s]+$/g, '');
  if (WINDOWS_RESERVED.test(cleaned)) cleaned = `_${cleaned}`;
  return cleaned || fallback;
}

/** Join a name under a folder; the result is always a direct child of it. */
export function safeJoin(dir: string, name: string): string {
  const root = resolve(dir);
  const target = resolve(root, safeFileName(name));
  if (dirname(target) !== root || !target.startsWith(root + sep))
    throw new Error(`refusing a file name outside ${root}: ${name}`);
  return target;
}

const ID_FILE = 'data-folder-id';

/**
 * Create the data folder owner-only (0700, also tightened when it already exists) and return its id, a
 * random string kept in a file inside it: the renderer uses it to know which data folder its store belongs to.
 */
export async function prepareDataDir(dataDir: string): Promise<string> {
  await mkdir(dataDir, { recursive: true, mode: DIR_MODE });
  await chmod(dataDir, DIR_MODE);
  const idPath = join(dataDir, ID_FILE);
  if (existsSync(idPath)) {
    const id = (await readFile(idPath, 'utf8')).trim();
    if (/^[0-9a-f]{32}$/.test(id)) return id;
  }
  const id = randomBytes(16).toString('hex');
  await writeFileAtomic(idPath, id);
  return id;
}
