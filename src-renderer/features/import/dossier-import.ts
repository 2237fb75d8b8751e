// Dossier files dropped or picked (.json, .qdpx, .qdc): read and validated by main, then restored or merged here.
import type { MergeReport } from '../../../src-main/shared/dossier';
import { api } from '../../lib/api';
import { dossiers } from '../../lib/db';
import { plural } from '../../lib/plural';
import type { ReportRow } from './report-row';

/** The merge report as one line for the import report and the import history. */
export function describeMerge(mode: 'restored' | 'merged', report: MergeReport): string {
  if (mode === 'restored') return `restored into the empty workspace: ${plural(report.added, 'record')}`;
  const conflicts = report.conflicts.length
    ? `, ${plural(report.conflicts.length, 'conflict')} (newer kept, older in history)`
    : ', no conflicts';
  return `merged: ${report.added} added, ${report.updated} updated, ${report.unchanged} unchanged${conflicts}`;
}

export async function importDossierFile(name: string, bytes: Uint8Array<ArrayBuffer>): Promise<ReportRow> {
  const base = { fileName: name, format: 'dossier', statementCount: 0, articleId: null };
  const read = await api.importDossier({ name: name.split('/').pop() ?? name, bytes });
  if (!read.ok) return { ...base, outcome: 'refused', title: null, reason: read.message };
  const dossier = read.value;
  let result;
  try {
    result = await dossiers.import(dossier, `Import dossier “${name}”`);
  } catch (err) {
    return {
      ...base,
      outcome: 'refused',
      title: null,
      reason: `the workspace could not take it, nothing was changed (${(err as Error).message})`,
    };
  }
  const summary = describeMerge(result.mode, result.report);
  const changed = result.report.added + result.report.updated > 0;
  const what = `Dossier: ${plural(dossier.articles.length, 'article')}, ${plural(dossier.annotations.length, 'annotation')}`;
  return {
    ...base,
    outcome: changed ? 'imported' : 'duplicate',
    title: `${what} — ${summary}`,
    statementCount: dossier.statements.length,
    reason: changed ? summary : `nothing new: ${summary}`,
    articleId: result.articleIds[0] ?? null,
  };
}
