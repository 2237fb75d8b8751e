// The one way the app unpacks a zip (.docx, .qdpx): first streamed through fflate a slice at a time, counting
// the bytes inflation actually produces (kept nowhere) and stopping at the limit; declared sizes are checked
// against them, never trusted. Only an archive that passed is unpacked, and only the entries asked for.
import { Unzip, UnzipInflate, unzipSync, type UnzipFile } from 'fflate';
import { AppError } from '../../shared/errors';
import { formatBytes } from '../../shared/sizes';

/** Compressed bytes handed to the inflater at a time: at deflate's 1:1032 ratio, at most ~16 MB out per step. */
const SLICE = 16 * 1024;

export interface ZipDirectoryEntry {
  name: string;
  declaredSize: number;
}

export interface GuardedZip {
  /** The central directory (what other zip readers such as mammoth's go by). */
  directory: ZipDirectoryEntry[];
  /** Entries asked for with `keep`, unpacked. */
  kept: Map<string, Uint8Array>;
}

export interface InflateOptions {
  /** What the archive is, for messages ("the Word document", "the REFI-QDA project"). */
  what: string;
  maxTotalBytes: number;
  keep: (name: string) => boolean;
}

/** The central directory only; nothing is inflated. Throws when the archive cannot be read as a zip. */
export function readZipDirectory(bytes: Uint8Array): ZipDirectoryEntry[] {
  const directory: ZipDirectoryEntry[] = [];
  unzipSync(bytes, {
    filter(file) {
      directory.push({ name: file.name, declaredSize: file.originalSize });
      return false;
    },
  });
  return directory;
}

interface Tally {
  total: number;
  over: boolean;
  damaged: boolean;
  sizes: Map<string, number>;
}

function watchEntry(file: UnzipFile, tally: Tally, opts: InflateOptions): void {
  if (tally.over || tally.damaged) return; // not started: its bytes are skipped
  let size = 0;
  file.ondata = (err, chunk, final) => {
    if (err) {
      tally.damaged = true;
      return;
    }
    size += chunk.length;
    tally.total += chunk.length;
    if (tally.total > opts.maxTotalBytes) {
      tally.over = true;
      file.terminate();
      return;
    }
    if (final) tally.sizes.set(file.name, size);
  };
  file.start();
}

/** Streams every entry through the inflater, counting; the refusal says in words what was wrong. */
export function inflateGuarded(bytes: Uint8Array, opts: InflateOptions): GuardedZip {
  const directory = readZipDirectory(bytes);
  const declared = directory.reduce((sum, e) => sum + e.declaredSize, 0);
  const limit = formatBytes(opts.maxTotalBytes);
  if (declared > opts.maxTotalBytes)
    throw new AppError(
      'too-large',
      `${opts.what} would unpack to ${formatBytes(declared)}; the limit is ${limit} (zip bomb?)`,
    );
  const tally: Tally = { total: 0, over: false, damaged: false, sizes: new Map() };
  const unzip = new Unzip((file) => watchEntry(file, tally, opts));
  unzip.register(UnzipInflate);
  try {
    for (let at = 0; at < bytes.length && !tally.over && !tally.damaged; at += SLICE)
      unzip.push(bytes.subarray(at, at + SLICE), at + SLICE >= bytes.length);
  } catch {
    tally.damaged = true;
  }
  if (tally.over)
    throw new AppError(
      'too-large',
      `${opts.what} unpacks to more than ${limit}, the limit, although its zip headers declare ${formatBytes(declared)} (a zip bomb); unpacking was stopped there`,
    );
  if (tally.damaged)
    throw new AppError('refused', `${opts.what} is damaged (its compressed contents cannot be unpacked)`);
  checkAgainstDirectory(directory, tally.sizes, opts.what);
  // Sizes are now known to be true, so the allocations unzipSync makes from them are bounded too.
  let kept: Record<string, Uint8Array>;
  try {
    kept = unzipSync(bytes, { filter: (file) => opts.keep(file.name) });
  } catch {
    throw new AppError('refused', `${opts.what} is damaged (its compressed contents cannot be unpacked)`);
  }
  return { directory, kept: new Map(Object.entries(kept)) };
}

/** Every directory entry must be an entry we unpacked, of the size it declares: other readers trust it. */
function checkAgainstDirectory(directory: ZipDirectoryEntry[], sizes: Map<string, number>, what: string) {
  if (directory.length !== sizes.size)
    throw new AppError(
      'refused',
      `${what}'s zip headers are inconsistent: its directory lists ${directory.length} entries, its contents hold ${sizes.size} (hostile or damaged file)`,
    );
  for (const { name, declaredSize } of directory) {
    const real = sizes.get(name);
    if (real === undefined || real !== declaredSize)
      throw new AppError(
        'refused',
        `${what}'s zip headers are inconsistent: ${name} declares ${formatBytes(declaredSize)} but unpacks to ${real === undefined ? 'nothing' : formatBytes(real)} (hostile or damaged file)`,
      );
  }
}
