// Reads a dossier file (.json, .qdpx, .qdc) into a validated Dossier. Runs in the dossier worker for the app
// (a .qdpx is unpacked there, through the streaming zip guard and under the time limit) and directly in the CLI.
import { emptyDossier, validateDossier, type Dossier } from '../../shared/dossier';
import { AppError } from '../../shared/errors';
import { extensionOf } from '../../shared/formats';
import { parseQdc } from './qdc';
import { importQdpx } from './qdpx-import';
import { describeErrors } from './render';

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
