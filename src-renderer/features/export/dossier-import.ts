// Dossier files dropped or picked (.json, .qdpx, .qdc): read by main, merged into the workspace.
// (Placeholder until the dossier work lands: refuses with a clear reason.)
import type { ReportRow } from '../import/import-queue.svelte';

export function isDossierFile(name: string): boolean {
  return /\.(json|qdpx|qdc)$/i.test(name);
}

export async function importDossierFile(name: string, bytes: Uint8Array<ArrayBuffer>): Promise<ReportRow> {
  void bytes;
  return {
    fileName: name,
    outcome: 'refused',
    title: null,
    format: 'dossier',
    statementCount: 0,
    reason: 'dossier import is not available yet',
    articleId: null,
  };
}
