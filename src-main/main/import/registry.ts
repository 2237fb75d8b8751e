// Importer registry: picks the importer for a file by content sniffing first, extension second.
// (Spine version: plain text only; the import issue adds the other formats behind this signature.)
import { AppError } from '../../shared/errors';
import type { ExtractedDocument } from '../../shared/extraction';

export interface ImportLimits {
  maxFileBytes: number;
  timeoutMs: number;
  maxDocxUncompressedBytes: number;
  maxHtmlDepth: number;
}

export const DEFAULT_LIMITS: ImportLimits = {
  maxFileBytes: 200 * 1024 * 1024,
  timeoutMs: 60_000,
  maxDocxUncompressedBytes: 500 * 1024 * 1024,
  maxHtmlDepth: 2_000,
};

/** Extract one document. Throws AppError('refused' | 'too-large', reason) for a file it cannot take. */
export async function extractDocument(
  bytes: Uint8Array,
  fileName: string,
  limits: ImportLimits = DEFAULT_LIMITS,
): Promise<ExtractedDocument> {
  if (bytes.byteLength > limits.maxFileBytes) {
    throw new AppError(
      'too-large',
      `file is ${Math.round(bytes.byteLength / 1048576)} MB; the limit is ${Math.round(limits.maxFileBytes / 1048576)} MB`,
    );
  }
  const text = new TextDecoder('utf-8').decode(bytes).normalize('NFC').replace(/\r\n?/g, '\n').trim();
  if (!text) throw new AppError('refused', 'the file is empty');
  const title = text.split('\n')[0]!.slice(0, 120);
  return {
    format: 'txt',
    title,
    outlet: null,
    authors: [],
    publishedAt: null,
    url: null,
    language: null,
    text,
    warnings: [],
  };
}
