// Plain-text importer: the decoded text, normalised; the title is the first line.
import type { ExtractedDocument } from '../../../shared/extraction';
import type { DecodedText } from '../decode';
import { normalizeText } from '../normalize';

export function importText(decoded: DecodedText): ExtractedDocument {
  const warnings =
    decoded.encoding === 'utf-8' || decoded.encoding.startsWith('utf-16')
      ? []
      : [`read as ${decoded.encoding} (the file is not UTF-8)`];
  return {
    format: 'txt',
    title: '',
    outlet: null,
    authors: [],
    publishedAt: null,
    url: null,
    language: null,
    text: normalizeText(decoded.text),
    warnings,
  };
}
