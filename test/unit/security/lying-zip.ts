// Builds zip archives whose headers lie about the unpacked size: small declared, huge once inflated.
import { createDeflateRaw, crc32 } from 'node:zlib';

export interface ZipEntry {
  name: string;
  /** Stored as it is. */
  data?: Uint8Array;
  /** Deflated from `size` zero bytes, streamed (never held whole in memory). */
  zeros?: number;
  /** The uncompressed size the headers declare (the lie); the real one by default. */
  declaredSize?: number;
}

/** Raw deflate of `size` zero bytes, produced a megabyte at a time; returns the bytes and their CRC-32. */
async function deflateZeros(size: number): Promise<{ bytes: Buffer; crc: number }> {
  const chunk = Buffer.alloc(1 << 20);
  const out: Buffer[] = [];
  const deflater = createDeflateRaw({ level: 9 });
  deflater.on('data', (c: Buffer) => out.push(c));
  const done = new Promise((ok) => deflater.on('end', ok));
  let crc = 0;
  for (let left = size; left > 0; left -= chunk.length) {
    const piece = left >= chunk.length ? chunk : chunk.subarray(0, left);
    crc = crc32(piece, crc);
    if (!deflater.write(piece)) await new Promise((ok) => deflater.once('drain', ok));
  }
  deflater.end();
  await done;
  return { bytes: Buffer.concat(out), crc };
}

export async function lyingZip(entries: ZipEntry[]): Promise<Uint8Array> {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const e of entries) {
    const name = Buffer.from(e.name, 'utf8');
    const packed = e.zeros !== undefined ? await deflateZeros(e.zeros) : null;
    const body = packed ? packed.bytes : Buffer.from(e.data ?? new Uint8Array());
    const crc = packed ? packed.crc : crc32(body);
    const realSize = e.zeros ?? body.length;
    const declared = e.declaredSize ?? realSize;
    const method = packed ? 8 : 0;
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x0800, 6);
    local.writeUInt16LE(method, 8);
    local.writeUInt32LE(crc >>> 0, 14);
    local.writeUInt32LE(body.length, 18);
    local.writeUInt32LE(declared, 22);
    local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(0x0800, 8);
    central.writeUInt16LE(method, 10);
    central.writeUInt32LE(crc >>> 0, 16);
    central.writeUInt32LE(body.length, 20);
    central.writeUInt32LE(declared, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, body);
    centrals.push(central, name);
    offset += local.length + name.length + body.length;
  }
  const dir = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(dir.length, 12);
  end.writeUInt32LE(offset, 16);
  return new Uint8Array(Buffer.concat([...locals, dir, end]));
}

const CONTENT_TYPES =
  '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
  '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
  '<Default Extension="xml" ContentType="application/xml"/>' +
  '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>';
const RELS =
  '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
  '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>';

/** A .docx whose main document declares `declaredSize` bytes and inflates to `realSize` zero bytes. */
export function lyingDocx(realSize: number, declaredSize = 4096): Promise<Uint8Array> {
  const enc = new TextEncoder();
  return lyingZip([
    { name: '[Content_Types].xml', data: enc.encode(CONTENT_TYPES) },
    { name: '_rels/.rels', data: enc.encode(RELS) },
    { name: 'word/document.xml', zeros: realSize, declaredSize },
  ]);
}
