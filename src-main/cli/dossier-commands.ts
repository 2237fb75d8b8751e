// CLI commands for dossiers (read, merge, validate); commands.ts wires them into `corroborate`.
import { readFile } from 'node:fs/promises';
import { readBoundedFile } from './input';
import { mergeDossiers, validateDossier, type Dossier, type MergeReport } from '../shared/dossier';
import { writeFileAtomic } from '../core/files';

export class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode = 2,
  ) {
    super(message);
    this.name = 'CliError';
  }
}

type Print = (line: string) => void;

/** Reads a dossier file (.json, .qdpx or .qdc) exactly as the app's import handler does. */
export async function readDossier(path: string): Promise<Dossier> {
  // Loaded when a dossier is read: the QDPX and codebook readers are not needed to import source files.
  const { readDossierBytes } = await import('../core/export/read-dossier');
  return readDossierBytes(path, await readBoundedFile(path));
}

export function formatMergeReport(report: MergeReport): string {
  const conflicts = report.conflicts.map((c) => `  ${c.table} ${c.id}: kept ${c.kept}`);
  return [
    `added ${report.added}, updated ${report.updated}, unchanged ${report.unchanged}, conflicts ${report.conflicts.length}`,
    ...conflicts,
  ].join('\n');
}

/** `corroborate merge A B --out C`: B merged into A; the report goes to `print`. */
export async function mergeCommand(
  aPath: string,
  bPath: string,
  outPath: string,
  print: Print = console.error,
): Promise<number> {
  const [a, b] = await Promise.all([readDossier(aPath), readDossier(bPath)]);
  const { dossier, report } = mergeDossiers(a, b);
  await writeFileAtomic(outPath, `${JSON.stringify(dossier, null, 1)}\n`);
  print(formatMergeReport(report));
  print(`wrote ${outPath}`);
  return 0;
}

/** `corroborate validate DOSSIER`: 0 when valid, 1 with every error and its JSON path otherwise. */
export async function validateCommand(dossierPath: string, print: Print = console.log): Promise<number> {
  let json: unknown;
  try {
    json = JSON.parse((await readFile(dossierPath, 'utf8')).replace(/^\uFEFF/, ''));
  } catch (error) {
    print(`${dossierPath}: not readable as JSON: ${(error as Error).message}`);
    return 1;
  }
  const result = validateDossier(json);
  if (result.ok) {
    const d = result.dossier;
    print(
      `${dossierPath}: valid dossier (format version ${d.formatVersion}; ${d.articles.length} articles, ${d.statements.length} statements, ${d.annotations.length} annotations)`,
    );
    return 0;
  }
  print(`${dossierPath}: ${result.errors.length} error(s)`);
  for (const e of result.errors) print(`  ${e.path}: ${e.message}`);
  return 1;
}
