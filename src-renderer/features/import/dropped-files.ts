// Turn a drop (files and folders) or a file picker selection into a flat list of files; what a folder holds
// that cannot be imported is listed too, with the reason, so the import report accounts for every file.
import { extensionOf, IMPORTABLE_EXTENSIONS, isImportableName } from '../../../src-main/shared/formats';

export interface PickedFile {
  file: File;
  /** Path inside a dropped folder ("reports/2020/a.pdf"), or the bare name. */
  relativePath: string;
  /** True when found by walking a folder. */
  fromFolder: boolean;
  /** Why a file found in a folder is not imported; it is reported as refused and never read. */
  skipped?: string;
}

const IMPORTED_KINDS = IMPORTABLE_EXTENSIONS.map((ext) => `.${ext}`).join(', ');

/** Why a file inside a folder is skipped, or null when it is imported. Single files are always tried. */
export function skipReason(name: string, kind: 'file' | 'folder' = 'file'): string | null {
  if (name.startsWith('.')) return `skipped: hidden ${kind} inside the dropped folder`;
  if (kind === 'folder' || isImportableName(name)) return null;
  const ext = extensionOf(name);
  return `skipped: ${ext ? `.${ext} files are` : 'a file without an extension is'} not imported (the kinds imported are ${IMPORTED_KINDS})`;
}

function inFolderFile(file: File, relativePath: string): PickedFile {
  const reason = skipReason(file.name);
  return reason
    ? { file, relativePath, fromFolder: true, skipped: reason }
    : { file, relativePath, fromFolder: true };
}

function readAll(reader: FileSystemDirectoryReader): Promise<FileSystemEntry[]> {
  return new Promise((resolve, reject) => {
    const out: FileSystemEntry[] = [];
    const next = () =>
      reader.readEntries((batch) => {
        if (batch.length === 0) resolve(out);
        else {
          out.push(...batch);
          next();
        }
      }, reject);
    next();
  });
}

async function walk(
  entry: FileSystemEntry,
  prefix: string,
  out: PickedFile[],
  inFolder: boolean,
): Promise<void> {
  if (entry.isFile) {
    const file = await new Promise<File>((res, rej) => (entry as FileSystemFileEntry).file(res, rej));
    const relativePath = prefix + file.name;
    out.push(inFolder ? inFolderFile(file, relativePath) : { file, relativePath, fromFolder: false });
  } else if (entry.isDirectory) {
    const hidden = inFolder ? skipReason(entry.name, 'folder') : null;
    if (hidden) {
      // One row for the whole hidden folder (.git, .cache…), whose files are neither read nor listed.
      const placeholder = new File([], entry.name);
      out.push({
        file: placeholder,
        relativePath: `${prefix}${entry.name}/`,
        fromFolder: true,
        skipped: hidden,
      });
      return;
    }
    const children = await readAll((entry as FileSystemDirectoryEntry).createReader());
    children.sort((a, b) => a.name.localeCompare(b.name));
    for (const child of children) await walk(child, `${prefix}${entry.name}/`, out, true);
  }
}

/** Files of a drop, walking dropped folders recursively. */
export async function filesFromDrop(dt: DataTransfer): Promise<PickedFile[]> {
  const entries = [...dt.items]
    .filter((i) => i.kind === 'file')
    .map((i) => (typeof i.webkitGetAsEntry === 'function' ? i.webkitGetAsEntry() : null));
  if (entries.length > 0 && entries.every((e) => e !== null)) {
    const out: PickedFile[] = [];
    for (const e of entries) await walk(e!, '', out, false);
    return out;
  }
  return [...dt.files].map((file) => ({ file, relativePath: file.name, fromFolder: false }));
}

export function filesFromInput(list: FileList | null): PickedFile[] {
  return [...(list ?? [])].map((file) =>
    file.webkitRelativePath
      ? inFolderFile(file, file.webkitRelativePath)
      : { file, relativePath: file.name, fromFolder: false },
  );
}
