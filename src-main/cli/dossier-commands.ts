// CLI commands for dossiers (export, merge, validate); the lead wires them into `corroborate`.
import { readFile } from 'node:fs/promises';
import { readBoundedFile } from './input';
import { extname } from 'node:path';
import { mergeDossiers, validateDossier, type Dossier, type MergeReport } from '../shared/dossier';
import { EXPORT_FORMATS, EXPORTERS, importQdpx, writeFileAtomic, type ExportFormat } from '../core/export';

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

/** Reads a dossier from .json (validated) or .qdpx (converted); throws a CliError listing schema errors. */
export async function readDossierFile(path: string): Promise<Dossier> {
  // Sized with stat before reading: a huge file is refused without being read into memory.
  const bytes = Buffer.from(await readBoundedFile(path));
  if (extname(path).toLowerCase() === '.qdpx') return importQdpx(new Uint8Array(bytes));
  let json: unknown;
  try {
    json = JSON.parse(bytes.toString('utf8').replace(/^\uFEFF/, ''));
  } catch (error) {
    throw new CliError(`${path} is not JSON: ${(error as Error).message}`);
  }
  const result = validateDossier(json);
  if (!result.ok) {
    const lines = result.errors.slice(0, 20).map((e) => `  ${e.path}: ${e.message}`);
    const more = result.errors.length > 20 ? `\n  … and ${result.errors.length - 20} more` : '';
    throw new CliError(
      `${path} is not a valid dossier (${result.errors.length} error(s)):\n${lines.join('\n')}${more}`,
    );
  }
  return result.dossier;
}

/** `corroborate export DOSSIER --format F --out FILE`. */
export async function exportCommand(
  dossierPath: string,
  format: string,
  outPath: string,
  print: Print = console.error,
): Promise<number> {
  if (format === 'pdf')
    throw new CliError(
      "pdf is printed by the lead's printer: export html, then print it (not wired into this command yet)",
    );
  if (!(EXPORT_FORMATS as readonly string[]).includes(format))
    throw new CliError(`Unknown format "${format}". Use one of: ${EXPORT_FORMATS.join(', ')}, pdf`);
  const dossier = await readDossierFile(dossierPath);
  let lastPercent = -1;
  const output = await EXPORTERS[format as ExportFormat](dossier, {
    onProgress: (done, total) => {
      const percent = total === 0 ? 100 : Math.floor((done / total) * 100);
      if (percent >= lastPercent + 10 || percent === 100) {
        lastPercent = percent;
        print(`exporting ${format}: ${percent}%`);
      }
    },
  });
  await writeFileAtomic(outPath, output);
  print(`wrote ${outPath}`);
  return 0;
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
  const [a, b] = await Promise.all([readDossierFile(aPath), readDossierFile(bPath)]);
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
