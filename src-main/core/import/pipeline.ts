// The import pipeline for one file: bytes → detected format → normalised text → statements.
// Runs inside the import worker (and directly in the CLI); pure Node, no Electron.
import { createHash } from 'node:crypto';
import { analyzeText } from '../../shared/analysis';
import { AppError, type Result } from '../../shared/errors';
import type { ExtractedArticle } from '../../shared/extraction';
import { extractDocument, DEFAULT_LIMITS, type ImportHooks, type ImportLimits } from './registry';

export function sha256(data: Uint8Array | string): string {
  return createHash('sha256').update(data).digest('hex');
}

export async function importBytes(
  bytes: Uint8Array,
  fileName: string,
  limits: ImportLimits = DEFAULT_LIMITS,
  hooks: ImportHooks = {},
): Promise<ExtractedArticle> {
  const doc = await extractDocument(bytes, fileName, limits, hooks);
  const statements = analyzeText(doc.text);
  return {
    ...doc,
    fileName,
    fileSize: bytes.byteLength,
    fileSha256: sha256(bytes),
    textSha256: sha256(doc.text),
    statements,
  };
}

/**
 * `importBytes` as an outcome, never a throw: a refusal keeps its code and reason, and anything else the pipeline
 * throws is this file's refusal too (as the import worker reports it to the app and the CLI).
 */
export async function importOutcome(
  bytes: Uint8Array,
  fileName: string,
  limits: ImportLimits = DEFAULT_LIMITS,
  hooks: ImportHooks = {},
): Promise<Result<ExtractedArticle>> {
  try {
    return { ok: true, value: await importBytes(bytes, fileName, limits, hooks) };
  } catch (err) {
    if (err instanceof AppError) return { ok: false, code: err.code, message: err.message };
    return {
      ok: false,
      code: 'refused',
      message: `the importer failed on this file (${(err as Error)?.message ?? err})`,
    };
  }
}
