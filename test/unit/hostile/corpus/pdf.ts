// Hand-built PDFs for the hostile corpus: text pages plus whatever hostile catalog entries a case needs.

export interface HostilePdfOptions {
  /** Lines of text on the one page (Helvetica, top to bottom). */
  lines: string[];
  /** Extra entries for the document catalog, e.g. an /OpenAction with JavaScript; `{n}` is filled in. */
  catalogExtra?: (ref: (body: string) => number) => string;
  /** Extra entries for the page dictionary (annotations). */
  pageExtra?: (ref: (body: string) => number) => string;
  /** An /Encrypt dictionary whose user password is not empty: pdf.js must ask for a password. */
  encrypted?: boolean;
}

const latin1 = (text: string): Uint8Array => Uint8Array.from(text, (char) => char.charCodeAt(0) & 0xff);
const pdfString = (text: string): string => `(${text.replace(/[\\()]/g, (c) => `\\${c}`)})`;

/** A valid PDF 1.7 file with a correct cross-reference table. */
export function buildPdf(options: HostilePdfOptions): Uint8Array {
  const objects: string[] = [];
  const add = (body: string): number => objects.push(body);
  const catalog = add('');
  const pages = add('');
  const font = add('<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>');
  const content = options.lines
    .map((line, i) => `BT /F1 12 Tf 72 ${720 - i * 18} Td ${pdfString(line)} Tj ET`)
    .join('\n');
  const stream = add(`<< /Length ${content.length} >>\nstream\n${content}\nendstream`);
  const pageExtra = options.pageExtra?.(add) ?? '';
  const page = add(
    `<< /Type /Page /Parent ${pages} 0 R /MediaBox [0 0 612 792] /Contents ${stream} 0 R ` +
      `/Resources << /Font << /F1 ${font} 0 R >> >> ${pageExtra} >>`,
  );
  objects[pages - 1] = `<< /Type /Pages /Kids [${page} 0 R] /Count 1 >>`;
  objects[catalog - 1] = `<< /Type /Catalog /Pages ${pages} 0 R ${options.catalogExtra?.(add) ?? ''} >>`;
  const id = '<0123456789abcdef0123456789abcdef>';
  let trailerExtra = `/ID [${id} ${id}]`;
  if (options.encrypted) {
    // Revision 2 RC4 with a random /U: the empty user password does not match, so a password is required.
    const hex32 = (seed: number): string =>
      '<' +
      Array.from({ length: 32 }, (_, i) => ((seed * 31 + i * 17) & 0xff).toString(16).padStart(2, '0')).join(
        '',
      ) +
      '>';
    const encrypt = add(`<< /Filter /Standard /V 1 /R 2 /O ${hex32(7)} /U ${hex32(11)} /P -44 >>`);
    trailerExtra += ` /Encrypt ${encrypt} 0 R`;
  }
  let out = '%PDF-1.7\n%\xe2\xe3\xcf\xd3\n';
  const offsets: number[] = [];
  objects.forEach((body, i) => {
    offsets.push(out.length);
    out += `${i + 1} 0 obj\n${body}\nendobj\n`;
  });
  const xref = out.length;
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const offset of offsets) out += `${String(offset).padStart(10, '0')} 00000 n \n`;
  out += `trailer\n<< /Size ${objects.length + 1} /Root ${catalog} 0 R ${trailerExtra} >>\nstartxref\n${xref}\n%%EOF\n`;
  return latin1(out);
}

export { pdfString };
