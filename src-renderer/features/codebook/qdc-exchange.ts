// Codebook exchange with QDA tools: export the tags as a REFI-QDA .qdc file, import one back.
import { api } from '../../lib/api';
import { codebook, codebookDossier } from '../../lib/db';
import { downloadBytes } from '../../lib/download';

/** Exports the codebook; returns a line for the user. */
export async function exportCodebook(): Promise<string> {
  const tags = await codebook.all();
  if (tags.length === 0) return 'The codebook is empty: nothing to export.';
  const result = await api.exportDossier({
    dossier: codebookDossier(tags, new Date().toISOString()),
    format: 'qdc',
    suggestedName: 'codebook',
  });
  if (!result.ok)
    return result.code === 'cancelled' ? 'Export cancelled' : `Export failed: ${result.message}`;
  const { saved, fileName, data, path } = result.value;
  if (!saved) return 'Export not saved';
  if (data) downloadBytes(data, fileName, 'qdc');
  // The browser shell hands the bytes over as a download; Electron wrote the file where the user chose.
  return `Codebook exported as ${data ? fileName : (path ?? fileName)} (${tags.length} tags)`;
}

/** Imports a .qdc file's tags that the workspace lacks; returns a line for the user. */
export async function importCodebook(file: File): Promise<string> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  const read = await api.importDossier({ name: file.name, bytes });
  if (!read.ok) return `Could not import ${file.name}: ${read.message}`;
  const added = await codebook.importTags(read.value.tags, `Import codebook “${file.name}”`);
  const known = read.value.tags.length - added.length;
  return `${file.name}: ${added.length} tag${added.length === 1 ? '' : 's'} added${known ? `, ${known} already in the codebook` : ''}`;
}
