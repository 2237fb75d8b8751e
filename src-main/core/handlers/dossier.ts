// Handlers for dossier export (validate, render, save or hand back the bytes) and dossier import (.json, .qdpx, .qdc).
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { Handlers } from '../../shared/contract';
import { emptyDossier, validateDossier, type Dossier, type DossierError } from '../../shared/dossier';
import { AppError } from '../../shared/errors';
import {
  EXPORT_EXTENSIONS,
  extensionOf,
  withoutExportExtension,
  type ExportFormat,
} from '../../shared/formats';
import {
  EXPORTERS,
  ExportCancelled,
  importQdpx,
  parseQdc,
  safeFileName,
  safeJoin,
  writeFileAtomic,
  type ExportOptions,
} from '../export';
import type { HandlerDeps } from '../handlers';
import { DIR_MODE } from '../files';
import type { PdfPrinter } from '../print-pdf';

/** The user's suggested name, made safe and given the format's extension (replacing any other one). */
export function exportFileName(suggestedName: string, format: ExportFormat): string {
  const base = withoutExportExtension(safeFileName(suggestedName, 'dossier'));
  return `${base || 'dossier'}${EXPORT_EXTENSIONS[format]}`;
}

/** Lists schema errors with their JSON paths: the first few in full, then a count. */
export function describeErrors(errors: DossierError[], limit = 5): string {
  const shown = errors.slice(0, limit).map((e) => `${e.path}: ${e.message}`);
  const more = errors.length > limit ? `; and ${errors.length - limit} more` : '';
  return `${shown.join('; ')}${more}`;
}

/** Renders a validated dossier in a format; PDF is the HTML export, printed by the shell's printer. */
export async function renderDossier(
  dossier: Dossier,
  format: ExportFormat,
  printPdf: PdfPrinter,
  opts: ExportOptions = {},
): Promise<Uint8Array<ArrayBuffer>> {
  const output =
    format === 'pdf'
      ? await printPdf(String(await EXPORTERS.html(dossier, opts)))
      : await EXPORTERS[format](dossier, opts);
  // A copy gives a plain ArrayBuffer-backed array, which the IPC contract's bytes type requires.
  return typeof output === 'string' ? new TextEncoder().encode(output) : new Uint8Array(output);
}

/** Reads a dossier file's bytes by its extension; throws an AppError a person can act on. */
export function readDossierBytes(name: string, bytes: Uint8Array, now = new Date().toISOString()): Dossier {
  const extension = extensionOf(name);
  if (extension === 'qdpx') {
    try {
      return importQdpx(bytes, now);
    } catch (err) {
      throw new AppError('refused', `${name}: ${(err as Error).message}`);
    }
  }
  if (extension === 'qdc') {
    try {
      const dossier = emptyDossier(now, 'REFI-QDA codebook');
      dossier.tags = parseQdc(new TextDecoder().decode(bytes), now);
      return dossier;
    } catch (err) {
      throw new AppError('refused', `${name}: not a REFI-QDA codebook (${(err as Error).message})`);
    }
  }
  if (extension !== 'json')
    throw new AppError('unsupported', `${name}: a dossier is a .json, .qdpx or .qdc file`);
  let json: unknown;
  try {
    json = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes).replace(/^\uFEFF/, ''));
  } catch (err) {
    throw new AppError('refused', `${name} is not readable JSON (${(err as Error).message})`);
  }
  const checked = validateDossier(json);
  if (!checked.ok) {
    const looksLikeDossier = typeof json === 'object' && json !== null && 'format' in json;
    throw new AppError(
      'refused',
      looksLikeDossier
        ? `${name} is not a valid dossier (${checked.errors.length} error(s)): ${describeErrors(checked.errors)}`
        : `${name} is JSON but not a Corroborate dossier (${describeErrors(checked.errors, 2)})`,
    );
  }
  return checked.dossier;
}

export function createDossierHandlers(deps: HandlerDeps): Pick<Handlers, 'exportDossier' | 'importDossier'> {
  const exportsDir = join(deps.dataDir, 'exports');
  return {
    async exportDossier({ dossier, format, title, author, suggestedName }) {
      const checked = validateDossier(dossier);
      if (!checked.ok)
        throw new AppError(
          'invalid-input',
          `the workspace is not a valid dossier (${checked.errors.length} error(s)): ${describeErrors(checked.errors)}`,
        );
      let bytes: Uint8Array<ArrayBuffer>;
      try {
        bytes = await renderDossier(checked.dossier, format, deps.printPdf, { title, author });
      } catch (err) {
        if (err instanceof ExportCancelled) throw new AppError('cancelled', 'export cancelled');
        throw err;
      }
      const fileName = exportFileName(suggestedName, format);
      // A copy always stays in the data folder, so an export can be found again after a download is lost.
      await mkdir(exportsDir, { recursive: true, mode: DIR_MODE });
      const copy = safeJoin(exportsDir, fileName);
      await writeFileAtomic(copy, bytes);
      if (deps.chooseSavePath) {
        const target = await deps.chooseSavePath(fileName);
        if (!target) return { saved: false, path: null, fileName, data: null };
        await writeFileAtomic(target, bytes);
        return { saved: true, path: target, fileName, data: null };
      }
      return { saved: true, path: copy, fileName, data: bytes };
    },

    async importDossier({ name, bytes }) {
      return readDossierBytes(name, bytes);
    },
  };
}
