// Handlers for dossier export (validate, render, save or hand back the bytes) and dossier import (.json, .qdpx,
// .qdc); both run in the dossier worker (core/export/worker.ts).
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { Handlers } from '../../shared/contract';
import { AppError } from '../../shared/errors';
import { EXPORT_EXTENSIONS, withoutExportExtension, type ExportFormat } from '../../shared/formats';
import { safeFileName, safeJoin, writeFileAtomic } from '../export';
import type { ExportRunOptions, ExportWorkerHost } from '../export/worker-host';
import type { Jobs } from '../jobs';
import type { HandlerDeps } from './deps';
import { DIR_MODE } from '../files';
import type { PdfPrinter } from '../print-pdf';

/** The user's suggested name, made safe and given the format's extension (replacing any other one). */
export function exportFileName(suggestedName: string, format: ExportFormat): string {
  const base = withoutExportExtension(safeFileName(suggestedName, 'dossier'));
  return `${base || 'dossier'}${EXPORT_EXTENSIONS[format]}`;
}

/**
 * Renders a dossier (validated in the export worker) in a format, off this thread; PDF is the HTML export,
 * printed by the shell's printer.
 */
export async function renderDossier(
  dossier: unknown,
  format: ExportFormat,
  printPdf: PdfPrinter,
  exporter: ExportWorkerHost,
  opts: ExportRunOptions = {},
): Promise<Uint8Array<ArrayBuffer>> {
  if (format !== 'pdf') return exporter.render(dossier, format, opts);
  const html = new TextDecoder().decode(await exporter.render(dossier, 'html', opts));
  return new Uint8Array(await printPdf(html));
}

/** What the dossier handlers share with the others: the running jobs (progress, cancel) and the export worker. */
export interface DossierHandlerContext {
  jobs: Jobs;
  exporter: ExportWorkerHost;
  /** A dossier file is read in the worker under the same time limit as an imported file. */
  timeoutMs: number;
}

export function createDossierHandlers(
  deps: HandlerDeps,
  { jobs, exporter, timeoutMs }: DossierHandlerContext,
): Pick<Handlers, 'exportDossier' | 'importDossier'> {
  const exportsDir = join(deps.dataDir, 'exports');
  return {
    async exportDossier({ dossier, format, title, author, suggestedName, jobId }) {
      // Rendered in the worker; a cancel stops it before any file is written, and the copy below is written
      // under a temporary name and renamed, so exports/ never holds half a file.
      const bytes = await jobs.track(jobId, async (options) => {
        const rendered = await renderDossier(dossier, format, deps.printPdf, exporter, {
          title,
          author,
          ...options,
        });
        // Printing a PDF happens after the worker: a cancel that came meanwhile still means no file.
        if (options.signal?.aborted) throw new AppError('cancelled', 'export cancelled');
        return rendered;
      });
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
      return exporter.readDossier(name, bytes, timeoutMs);
    },
  };
}
