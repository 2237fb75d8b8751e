// REFI-QDA codebook (.qdc): the tag hierarchy as nested codes, exported and imported.
import type { Tag } from '../../shared/domain';
import type { Dossier } from '../../shared/dossier';
import { attr, CODEBOOK_NS, codesXml, firstChild, parseXmlRoot, tagsFromCodes } from './refi-common';
import { ExportCancelled } from './progress';
import type { ExportOptions } from './types';

export async function exportQdc(dossier: Dossier, opts: ExportOptions = {}): Promise<string> {
  opts.onProgress?.(0, 1);
  if (opts.signal?.aborted) throw new ExportCancelled();
  const xml = `<?xml version="1.0" encoding="utf-8"?>\n<CodeBook xmlns="${CODEBOOK_NS}"${attr('origin', dossier.exportedBy)}>\n  <Codes>\n${codesXml(dossier.tags)}  </Codes>\n</CodeBook>\n`;
  opts.onProgress?.(1, 1);
  return xml;
}

/** Reads a .qdc codebook into tags (hierarchy via parentId). */
export function parseQdc(xml: string, now = new Date().toISOString()): Tag[] {
  const root = parseXmlRoot(xml, 'CodeBook');
  return tagsFromCodes(firstChild(root, 'Codes'), now);
}
