// Builds PDFs whose pages are typed text or scanned images (1-bit, Flate), for the OCR tests and fixtures.
import { deflateSync } from 'node:zlib';
import type { PdfTextRun } from '../make-pdf';

/** A 1-bit page image: rows packed 8 pixels a byte, most significant bit first, 1 = black (as in PBM). */
export interface BitmapPage {
  width: number;
  height: number;
  bits: Uint8Array;
  dpi: number;
}

export type PageSpec = { text: PdfTextRun[] } | { image: BitmapPage };

const escapePdfString = (text: string): string => text.replace(/[\\()]/g, (c) => `\\${c}`);

/** A PDF of typed and scanned pages, Letter-sized for text pages and sized by dpi for scanned ones. */
export function mixedPdf(pages: PageSpec[]): Uint8Array {
  const chunks: Array<string | Uint8Array> = [];
  const objects: Array<Array<string | Uint8Array>> = [];
  const add = (...parts: Array<string | Uint8Array>): number => objects.push(parts);
  add('<< /Type /Catalog /Pages 2 0 R >>');
  add('');
  const font = add('<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>');
  const kids: number[] = [];
  for (const page of pages) {
    if ('text' in page) {
      const content = page.text
        .map((run) => `BT /F1 ${run.size ?? 11} Tf ${run.x} ${run.y} Td (${escapePdfString(run.text)}) Tj ET`)
        .join('\n');
      const stream = add(`<< /Length ${content.length} >>\nstream\n${content}\nendstream`);
      kids.push(
        add(
          `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents ${stream} 0 R /Resources << /Font << /F1 ${font} 0 R >> >> >>`,
        ),
      );
    } else {
      const { width, height, bits, dpi } = page.image;
      const data = deflateSync(bits, { level: 9 });
      const image = add(
        `<< /Type /XObject /Subtype /Image /Width ${width} /Height ${height} /ColorSpace /DeviceGray /BitsPerComponent 1 /Decode [1 0] /Filter /FlateDecode /Length ${data.length} >>\nstream\n`,
        data,
        '\nendstream',
      );
      const w = (width * 72) / dpi;
      const h = (height * 72) / dpi;
      const content = `q ${w.toFixed(2)} 0 0 ${h.toFixed(2)} 0 0 cm /Im0 Do Q`;
      const stream = add(`<< /Length ${content.length} >>\nstream\n${content}\nendstream`);
      kids.push(
        add(
          `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 ${w.toFixed(2)} ${h.toFixed(2)}] /Contents ${stream} 0 R /Resources << /XObject << /Im0 ${image} 0 R >> >> >>`,
        ),
      );
    }
  }
  objects[1] = [
    `<< /Type /Pages /Kids [${kids.map((id) => `${id} 0 R`).join(' ')}] /Count ${kids.length} >>`,
  ];
  const encoder = new TextEncoder();
  let length = 0;
  const push = (part: string | Uint8Array) => {
    chunks.push(part);
    length += typeof part === 'string' ? encoder.encode(part).length : part.length;
  };
  push('%PDF-1.4\n');
  const offsets: number[] = [];
  objects.forEach((parts, i) => {
    offsets.push(length);
    push(`${i + 1} 0 obj\n`);
    for (const part of parts) push(part);
    push('\nendobj\n');
  });
  const xref = length;
  push(`xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`);
  for (const offset of offsets) push(`${String(offset).padStart(10, '0')} 00000 n \n`);
  push(`trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`);
  const out = new Uint8Array(length);
  let at = 0;
  for (const part of chunks) {
    const bytes = typeof part === 'string' ? encoder.encode(part) : part;
    out.set(bytes, at);
    at += bytes.length;
  }
  return out;
}

/** Reads a binary PBM ("P4"), as ImageMagick writes it. */
export function readPbm(bytes: Uint8Array, dpi: number): BitmapPage {
  const header = new TextDecoder('latin1').decode(bytes.subarray(0, 64));
  const match = /^P4\s+(?:#[^\n]*\n\s*)*(\d+)\s+(\d+)\s/.exec(header);
  if (!match) throw new Error('not a binary PBM');
  const width = Number(match[1]);
  const height = Number(match[2]);
  return { width, height, dpi, bits: bytes.subarray(match[0].length) };
}
