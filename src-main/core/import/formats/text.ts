// Plain-text importer: the decoded text, normalised; the title is the first line.
import { bareDocument, type ExtractedDocument } from '../../../shared/extraction';
import type { DecodedText } from '../decode';
import { normalizeText } from '../normalize';

export function importText(decoded: DecodedText): ExtractedDocument {
  const warnings =
    decoded.encoding === 'utf-8' || decoded.encoding.startsWith('utf-16')
      ? []
      : [`read as ${decoded.encoding} (the file is not UTF-8)`];
  return bareDocument('txt', normalizeText(decoded.text), warnings);
}
