// A dossier in, the bytes of one export format out: validation and rendering, the same in the export worker and
// in any test that compares the worker's bytes with an export made in this thread.
import { validateDossier, type DossierError } from '../../shared/dossier';
import { AppError } from '../../shared/errors';
import type { RenderedFormat } from '../../shared/formats';
import { EXPORTERS } from './index';
import { ExportCancelled } from './progress';
import type { ExportOptions } from './types';

/** Lists schema errors with their JSON paths: the first few in full, then a count. */
export function describeErrors(errors: DossierError[], limit = 5): string {
  const shown = errors.slice(0, limit).map((e) => `${e.path}: ${e.message}`);
  const more = errors.length > limit ? `; and ${errors.length - limit} more` : '';
  return `${shown.join('; ')}${more}`;
}

/** Validates what the renderer sent as the workspace, then renders it; refusals and cancels are AppErrors. */
export async function renderExportBytes(
  dossier: unknown,
  format: RenderedFormat,
  opts: ExportOptions = {},
): Promise<Uint8Array<ArrayBuffer>> {
  const checked = validateDossier(dossier);
  if (!checked.ok)
    throw new AppError(
      'invalid-input',
      `the workspace is not a valid dossier (${checked.errors.length} error(s)): ${describeErrors(checked.errors)}`,
    );
  try {
    const output = await EXPORTERS[format](checked.dossier, opts);
    // A copy gives a plain ArrayBuffer-backed array, which the IPC contract's bytes type requires.
    return typeof output === 'string' ? new TextEncoder().encode(output) : new Uint8Array(output);
  } catch (err) {
    if (err instanceof ExportCancelled) throw new AppError('cancelled', 'export cancelled');
    throw err;
  }
}
