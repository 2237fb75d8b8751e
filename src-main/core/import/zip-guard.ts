// Checks a .docx archive before mammoth opens it: a Word document inside, its real unpacked size under the
// limit (counted while inflating, headers checked against it), no DTDs.
import { AppError } from '../../shared/errors';
import { inflateGuarded, readZipDirectory } from './zip-inflate';

export interface DocxParts {
  /** The XML parts (decompressed) by path: what mammoth will read, plus docProps for the metadata. */
  xml: Map<string, Uint8Array>;
}

// XML parts mammoth parses (and docProps/core.xml, which we read): all XML except the big parts it never
// opens, so the DTD check does not unpack themes and font tables for nothing.
const UNREAD_PARTS =
  /^(?:word\/theme\/|word\/(?:settings|fontTable|webSettings|stylesWithEffects)\.xml$|customXml\/|docProps\/app\.xml$)/;
const isXmlPart = (name: string): boolean => /\.(?:xml|rels)$/i.test(name) && !UNREAD_PARTS.test(name);

/**
 * Refuse, with a reason, anything mammoth should not open: not a zip, not a Word document (saying what it is
 * instead), a zip bomb (declared or actually inflated size over the limit), headers that lie about sizes,
 * or XML with a DOCTYPE/ENTITY declaration (entity-expansion attacks such as "billion laughs").
 */
export function inspectDocx(bytes: Uint8Array, fileName: string, maxUncompressedBytes: number): DocxParts {
  const endsInDocx = /\.doc[xm]$/i.test(fileName.trim());
  const notWord = (what: string): AppError =>
    new AppError(
      'refused',
      endsInDocx
        ? `not a Word document although it ends in .docx; it is ${what}`
        : `not a supported format: this is ${what}`,
    );

  const entries = new Map<string, number>();
  try {
    for (const e of readZipDirectory(bytes)) entries.set(e.name, e.declaredSize);
  } catch {
    throw endsInDocx
      ? new AppError('refused', 'not a Word document although it ends in .docx (the ZIP archive is damaged)')
      : new AppError('refused', 'not a supported format: this is a damaged ZIP archive');
  }
  if (!entries.has('word/document.xml') && !entries.has('[Content_Types].xml')) {
    throw notWord(describeArchive(entries));
  }
  if (entries.has('xl/workbook.xml')) throw notWord('an Excel workbook');
  if (entries.has('ppt/presentation.xml')) throw notWord('a PowerPoint presentation');
  // Every entry is inflated here, counted, and checked against the directory mammoth will trust; only the
  // XML parts are kept. Past the limit, inflation stops: memory is bounded whatever the headers say.
  const xml = inflateGuarded(bytes, {
    what: 'Word document',
    maxTotalBytes: maxUncompressedBytes,
    keep: isXmlPart,
  }).kept;
  for (const [name, data] of xml) {
    if (declaresDtd(data)) {
      throw new AppError(
        'refused',
        `the Word document contains a DTD declaration in ${name}, which Word never writes (hostile file?)`,
      );
    }
  }
  if (!hasMainDocument(xml)) throw notWord('an Office archive without a main document');
  return { xml };
}

function describeArchive(entries: Map<string, number>): string {
  if (entries.size === 0) return 'an empty ZIP archive';
  if (entries.has('mimetype') && entries.has('META-INF/container.xml'))
    return 'an EPUB book or OpenDocument file';
  if (entries.has('mimetype')) return 'an OpenDocument file (.odt); save it as .docx';
  return 'a ZIP archive';
}

// A DOCTYPE can only sit in the prolog, before the root element: the first kilobytes are enough to look at.
function declaresDtd(data: Uint8Array): boolean {
  const head = new TextDecoder('latin1').decode(data.subarray(0, 4096));
  const utf16 =
    data[0] === 0xff || data[0] === 0xfe ? new TextDecoder('utf-16le').decode(data.subarray(0, 4096)) : '';
  return /<!(?:DOCTYPE|ENTITY)/i.test(head) || /<!(?:DOCTYPE|ENTITY)/i.test(utf16);
}

// The package relationships name the main part (word/document.xml in practice, other paths are allowed).
function hasMainDocument(xml: Map<string, Uint8Array>): boolean {
  const rels = xml.get('_rels/.rels');
  if (rels) {
    const text = new TextDecoder().decode(rels);
    const target =
      /<Relationship\b[^>]*Type="[^"]*\/officeDocument"[^>]*Target="\/?([^"]+)"/.exec(text)?.[1] ??
      /<Relationship\b[^>]*Target="\/?([^"]+)"[^>]*Type="[^"]*\/officeDocument"/.exec(text)?.[1];
    if (target) return xml.has(target);
  }
  return xml.has('word/document.xml');
}
