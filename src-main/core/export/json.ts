// JSON export: the lossless dossier itself, validated before it is written so a broken file never leaves.
import { validateDossier, type Dossier } from '../../shared/dossier';
import { progressTicker } from './progress';
import type { ExportOptions } from './types';

export async function exportJson(dossier: Dossier, opts: ExportOptions = {}): Promise<string> {
  const progress = progressTicker(1, opts.onProgress, opts.signal);
  const checked = validateDossier(dossier);
  if (!checked.ok) {
    const first = checked.errors[0]!;
    throw new Error(
      `The workspace is not a valid dossier (${checked.errors.length} error(s)); first: ${first.path}: ${first.message}`,
    );
  }
  const text = `${JSON.stringify(checked.dossier, null, 1)}\n`;
  await progress.tick();
  progress.finish();
  return text;
}
