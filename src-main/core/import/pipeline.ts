// The import pipeline for one file: bytes → detected format → normalised text → statements.
// Runs inside the import worker (and directly in the CLI); pure Node, no Electron.
import { createHash } from 'node:crypto';
import { analyzeText } from '../../shared/analysis';
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
