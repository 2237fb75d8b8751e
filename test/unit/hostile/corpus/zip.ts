// Hand-built .docx archives for the hostile corpus: ordinary, with external relationships, billion laughs, bombs.
import { deflateSync, strToU8, zipSync, type Zippable } from 'fflate';
import { constants, deflateRawSync } from 'node:zlib';

const CONTENT_TYPES =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>' +
  '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
  '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
  '<Default Extension="xml" ContentType="application/xml"/>' +
  '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>' +
  '</Types>';
const PACKAGE_RELS =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>' +
  '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
  '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>' +
  '</Relationships>';
const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';
const R = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

const escapeXml = (text: string): string =>
  text.replace(/[<>&"]/g, (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;' })[c]!);

/** word/document.xml with one paragraph per entry; `extraBody` is raw WordprocessingML appended to the body. */
export function documentXml(paragraphs: string[], extraBody = '', prolog = ''): string {
  const body = paragraphs.map((p) => `<w:p><w:r><w:t xml:space="preserve">${escapeXml(p)}</w:t></w:r></w:p>`);
  return (
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>${prolog}` +
    `<w:document xmlns:w="${W}" xmlns:r="${R}"><w:body>${body.join('')}${extraBody}</w:body></w:document>`
  );
}

/** A Word document made of the given parts (paths → XML); the package parts are added. */
export function buildDocx(parts: Record<string, string>): Uint8Array {
  const files: Zippable = {
    '[Content_Types].xml': strToU8(CONTENT_TYPES),
    '_rels/.rels': strToU8(PACKAGE_RELS),
  };
  for (const [path, xml] of Object.entries(parts)) files[path] = strToU8(xml);
  return zipSync(files, { level: 6 });
}

/** Relationships of word/document.xml, each an external target (URLs the importer must never fetch). */
export function externalRelationships(targets: Array<{ id: string; type: string; target: string }>): string {
  const rels = targets.map(
    (t) =>
      `<Relationship Id="${t.id}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/${t.type}" ` +
      `Target="${escapeXml(t.target)}" TargetMode="External"/>`,
  );
  return (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>' +
    `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${rels.join('')}</Relationships>`
  );
}

interface RawEntry {
  name: string;
  /** Deflated data as stored. */
  data: Uint8Array;
  crc: number;
  /** Sizes written into the headers, which a bomb may state falsely. */
  declaredSize: number;
}

/**
 * A zip written header by header, so the declared uncompressed sizes can be anything: an honest bomb
 * declares gigabytes, a lying one declares a few bytes for a part that inflates to far more.
 */
export function rawZip(entries: RawEntry[]): Uint8Array {
  const chunks: Uint8Array[] = [];
  const central: Uint8Array[] = [];
  let offset = 0;
  for (const entry of entries) {
    const name = strToU8(entry.name);
    const local = new DataView(new ArrayBuffer(30));
    local.setUint32(0, 0x04034b50, true);
    local.setUint16(4, 20, true);
    local.setUint16(8, 8, true); // deflate
    local.setUint32(14, entry.crc >>> 0, true);
    local.setUint32(18, entry.data.length, true);
    local.setUint32(22, entry.declaredSize >>> 0, true);
    local.setUint16(26, name.length, true);
    const header = new Uint8Array(local.buffer);
    const dir = new DataView(new ArrayBuffer(46));
    dir.setUint32(0, 0x02014b50, true);
    dir.setUint16(4, 20, true);
    dir.setUint16(6, 20, true);
    dir.setUint16(10, 8, true);
    dir.setUint32(16, entry.crc >>> 0, true);
    dir.setUint32(20, entry.data.length, true);
    dir.setUint32(24, entry.declaredSize >>> 0, true);
    dir.setUint16(28, name.length, true);
    dir.setUint32(42, offset, true);
    central.push(new Uint8Array(dir.buffer), name);
    chunks.push(header, name, entry.data);
    offset += header.length + name.length + entry.data.length;
  }
  const centralSize = central.reduce((n, c) => n + c.length, 0);
  const end = new DataView(new ArrayBuffer(22));
  end.setUint32(0, 0x06054b50, true);
  end.setUint16(8, entries.length, true);
  end.setUint16(10, entries.length, true);
  end.setUint32(12, centralSize, true);
  end.setUint32(16, offset, true);
  const all = [...chunks, ...central, new Uint8Array(end.buffer)];
  const out = new Uint8Array(all.reduce((n, c) => n + c.length, 0));
  let at = 0;
  for (const c of all) {
    out.set(c, at);
    at += c.length;
  }
  return out;
}

/**
 * A .docx whose document part inflates to about `inflatedBytes` of XML. Its headers state the true size,
 * or `declaredBytes` when given (a lying bomb that passes a check of the directory alone).
 */
export function docxBomb(inflatedBytes: number, declaredBytes?: number): Uint8Array {
  const head = strToU8(documentXml(['Zip bomb']).replace('</w:body></w:document>', '<w:p><w:r><w:t>'));
  // A megabyte of spaces deflates to ~1 KB; zlib's sync flush ends it on a byte boundary as a non-final
  // block, so the same kilobyte repeated is a valid stream of that many megabytes.
  const megabyte = deflateRawSync(Buffer.alloc(1 << 20, 0x20), {
    level: 9,
    finishFlush: constants.Z_SYNC_FLUSH,
  });
  const start = deflateRawSync(Buffer.from(head), { finishFlush: constants.Z_SYNC_FLUSH });
  const tail = '</w:t></w:r></w:p></w:body></w:document>';
  const end = deflateRawSync(Buffer.from(tail));
  const repeats = Math.max(1, Math.round(inflatedBytes / (1 << 20)));
  const trueSize = head.length + repeats * (1 << 20) + tail.length;
  const data = Buffer.concat([start, ...Array.from({ length: repeats }, () => megabyte), end]);
  return rawZip([
    ...['[Content_Types].xml', '_rels/.rels'].map((name) => {
      const part = strToU8(name === '_rels/.rels' ? PACKAGE_RELS : CONTENT_TYPES);
      return { name, data: deflateSync(part), crc: crc32([part]), declaredSize: part.length };
    }),
    // No true CRC: readers inflate before they could check one, which is exactly what a bomb relies on.
    {
      name: 'word/document.xml',
      data,
      crc: 0,
      declaredSize: Math.min(declaredBytes ?? trueSize, 0xffffffff),
    },
  ]);
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(parts: Uint8Array[]): number {
  let crc = 0xffffffff;
  for (const part of parts) for (const byte of part) crc = CRC_TABLE[(crc ^ byte) & 0xff]! ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}
