// Turn a drop (files and folders) or a file picker selection into a flat list of files.
export interface PickedFile {
  file: File;
  /** Path inside a dropped folder ("reports/2020/a.pdf"), or the bare name. */
  relativePath: string;
  /** True when found by walking a folder: unsupported kinds are skipped silently there. */
  fromFolder: boolean;
}

export const SUPPORTED_EXTENSIONS = [
  'txt',
  'text',
  'md',
  'markdown',
  'html',
  'htm',
  'pdf',
  'docx',
  'eml',
  'json',
  'qdpx',
];

export function isSupportedName(name: string): boolean {
  const ext = name.toLowerCase().split('.').pop() ?? '';
  return SUPPORTED_EXTENSIONS.includes(ext);
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
  if (entry.name.startsWith('.') && inFolder) return;
  if (entry.isFile) {
    const file = await new Promise<File>((res, rej) => (entry as FileSystemFileEntry).file(res, rej));
    if (!inFolder || isSupportedName(file.name))
      out.push({ file, relativePath: prefix + file.name, fromFolder: inFolder });
  } else if (entry.isDirectory) {
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
  return [...(list ?? [])].map((file) => ({
    file,
    relativePath: file.webkitRelativePath || file.name,
    fromFolder: Boolean(file.webkitRelativePath) && true,
  }));
}
