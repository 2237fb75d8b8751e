// `corroborate export | import | merge | validate`: argument parsing and wiring onto the dossier core and exporters.
import { basename } from 'node:path';
import { mergeDossiers, type Dossier } from '../shared/dossier';
import { AppError } from '../shared/errors';
import { EXPORT_FORMATS, isDossierName, isExportFormat } from '../shared/formats';
import { writeFileAtomic } from '../core/files';
import type { ExportProgress } from '../shared/contract';
import { parseFlags, type ParsedArgs } from '../shared/cli-args';
import { cliImporter, cliLimits } from './input';
import { CliError, formatMergeReport, mergeCommand, readDossier, validateCommand } from './dossier-commands';
import { DossierBuilder } from './dossier-from-files';
import { IncrementalJson } from './json-text';

export const DOSSIER_COMMANDS = ['export', 'import', 'merge', 'validate'] as const;

export const DOSSIER_HELP = `  corroborate export DOSSIER.json --format ${EXPORT_FORMATS.join('|')} --out FILE
                       [--title T] [--author A]    a dossier for readers or for other tools
  corroborate import FILE… --out DOSSIER.json      build a dossier from source files (and dossiers)
                       [--workers N]               import workers (default: the cores but one)
  corroborate merge A.json B.json --out C.json     merge B into A without loss; prints the report
  corroborate validate DOSSIER.json                schema errors with their JSON paths (exit 1)`;

export interface CliIo {
  /** Results (stdout). */
  out: (line: string) => void;
  /** Progress and errors (stderr). */
  err: (line: string) => void;
}
/**
 * Progress lines waiting to be written: gathered for a tenth of a second and written at once (a line per file
 * written one by one blocks the main thread on a slow terminal or pipe while the import workers wait for work).
 */
let pendingErr: string[] = [];
let errTimer: NodeJS.Timeout | undefined;
function flushErr(): void {
  clearTimeout(errTimer);
  errTimer = undefined;
  if (pendingErr.length === 0) return;
  process.stderr.write(`${pendingErr.join('\n')}\n`);
  pendingErr = [];
}
const consoleIo: CliIo = {
  out: (l) => {
    flushErr();
    console.log(l);
  },
  err: (l) => {
    pendingErr.push(l);
    errTimer ??= setTimeout(flushErr, 100);
  },
};

const VALUE_FLAGS = new Set(['--format', '--out', '--title', '--author', '--workers']);

/** Splits `--flag value` pairs from positional arguments; an unknown flag or a missing value is an error. */
export function parseArgs(args: string[]): ParsedArgs {
  return parseFlags(args, VALUE_FLAGS, (message) => new CliError(message));
}

function requireOut(flags: Map<string, string>, usage: string): string {
  const out = flags.get('--out');
  if (!out) throw new CliError(`--out FILE is required\nusage: ${usage}`);
  return out;
}

/** `export`: any export format (pdf is the HTML export printed by the system Chromium). */
async function exportDossierCommand(args: string[], io: CliIo): Promise<number> {
  const usage = 'corroborate export DOSSIER.json --format F --out FILE';
  const { positional, flags } = parseArgs(args);
  const [input, ...extra] = positional;
  if (!input || extra.length) throw new CliError(`export takes one dossier\nusage: ${usage}`);
  const format = flags.get('--format');
  if (!format || !isExportFormat(format))
    throw new CliError(
      `--format must be one of: ${EXPORT_FORMATS.join(', ')}${format ? ` (not "${format}")` : ''}`,
    );
  const outPath = requireOut(flags, usage);
  const dossier = await readDossier(input);
  let lastTenth = -1;
  const opts = {
    title: flags.get('--title'),
    author: flags.get('--author'),
    onProgress: ({ done, total }: ExportProgress) => {
      const tenth = total === 0 ? 10 : Math.floor((done / total) * 10);
      if (tenth > lastTenth) {
        lastTenth = tenth;
        io.err(`exporting ${format}: ${tenth * 10}%`);
      }
    },
  };
  // The exporters are loaded only for this command. The same export worker as the app's: the bytes are written
  // (atomically) only once the export is whole.
  const [{ renderDossier }, { ExportWorkerHost }, { printWithChromium }] = await Promise.all([
    import('../core/handlers/dossier'),
    import('../core/export/worker-host'),
    import('../core/print-pdf'),
  ]);
  const exporter = new ExportWorkerHost();
  try {
    await writeFileAtomic(outPath, await renderDossier(dossier, format, printWithChromium, exporter, opts));
  } finally {
    await exporter.close();
  }
  io.err(`wrote ${outPath}`);
  return 0;
}

/**
 * `import`: source files go through the app's pipeline (import workers on the other cores; results taken in the order of
 * the files, so the dossier is the same whatever finishes first); dossier files among them are merged in.
 */
async function importCommand(args: string[], io: CliIo): Promise<number> {
  const usage = 'corroborate import FILE… --out DOSSIER.json';
  const { positional, flags } = parseArgs(args);
  if (positional.length === 0) throw new CliError(`import needs at least one file\nusage: ${usage}`);
  const outPath = requireOut(flags, usage);
  const workers = flags.has('--workers') ? Number(flags.get('--workers')) : undefined;
  if (workers !== undefined && !(Number.isInteger(workers) && workers >= 1 && workers <= 64))
    throw new CliError(`--workers takes a whole number from 1 to 64 (not "${flags.get('--workers')}")`);
  const builder = new DossierBuilder();
  // Each article's records are turned into text as it comes, while the workers go on with the next files; unless
  // dossiers are to be merged in (which needs the records), the records are let go once they are text.
  const merging = positional.some((path) => isDossierName(path));
  const text = new IncrementalJson(builder.dossier, ['articles', 'statements', 'imports'], !merging);
  const dossiers: Dossier[] = [];
  let refused = 0;
  const sourceFiles = positional.filter((path) => !isDossierName(path));
  const importer = cliImporter(sourceFiles.length, cliLimits(), workers);
  try {
    const outcomes = importer.importAll(sourceFiles);
    for (const path of positional) {
      if (isDossierName(path)) {
        dossiers.push(await readDossier(path));
        continue;
      }
      const outcome = (await outcomes.next()).value!;
      if (outcome.status === 'fulfilled') {
        builder.add(outcome.value);
        text.flush();
        io.err(`imported ${path}`);
      } else {
        const err = outcome.reason as unknown;
        const reason = err instanceof AppError || err instanceof Error ? err.message : String(err);
        builder.refuse({ fileName: basename(path), reason });
        refused++;
        io.err(`refused ${path}: ${reason}`);
      }
    }
  } finally {
    await importer.close();
  }
  let dossier = builder.finish();
  let bytes: string | Buffer;
  let counts: { articles: number; statements: number };
  if (!merging) {
    bytes = text.bytes();
    counts = { articles: text.count('articles'), statements: text.count('statements') };
  } else {
    for (const other of dossiers) {
      const merged = mergeDossiers(dossier, other);
      dossier = merged.dossier;
      io.err(formatMergeReport(merged.report));
    }
    bytes = `${JSON.stringify(dossier, null, 1)}\n`;
    counts = { articles: dossier.articles.length, statements: dossier.statements.length };
  }
  await writeFileAtomic(outPath, bytes);
  io.out(
    `wrote ${outPath}: ${counts.articles} article(s), ${counts.statements} statement(s)` +
      (refused ? `, ${refused} file(s) refused` : ''),
  );
  return refused > 0 && builder.added === 0 && dossiers.length === 0 ? 1 : 0;
}

async function mergeCli(args: string[], io: CliIo): Promise<number> {
  const usage = 'corroborate merge A.json B.json --out C.json';
  const { positional, flags } = parseArgs(args);
  if (positional.length !== 2) throw new CliError(`merge takes exactly two dossiers\nusage: ${usage}`);
  return mergeCommand(positional[0]!, positional[1]!, requireOut(flags, usage), io.err);
}

async function validateCli(args: string[], io: CliIo): Promise<number> {
  const { positional } = parseArgs(args);
  if (positional.length === 0) throw new CliError('usage: corroborate validate DOSSIER.json…');
  let worst = 0;
  for (const path of positional) worst = Math.max(worst, await validateCommand(path, io.out));
  return worst;
}

/** Runs one dossier command; returns the process exit code (0 ok, 1 failed, 2 usage error). */
export async function runDossierCommand(
  command: string,
  args: string[],
  io: CliIo = consoleIo,
): Promise<number> {
  try {
    switch (command) {
      case 'export':
        return await exportDossierCommand(args, io);
      case 'import':
        return await importCommand(args, io);
      case 'merge':
        return await mergeCli(args, io);
      case 'validate':
        return await validateCli(args, io);
      default:
        throw new CliError(`unknown dossier command "${command}"`);
    }
  } catch (err) {
    if (err instanceof CliError) {
      io.err(`corroborate ${command}: ${err.message}`);
      return err.exitCode;
    }
    const e = err as NodeJS.ErrnoException;
    io.err(`corroborate ${command}: ${e.code === 'ENOENT' ? `no such file: ${e.path}` : e.message}`);
    return 1;
  } finally {
    flushErr();
  }
}
