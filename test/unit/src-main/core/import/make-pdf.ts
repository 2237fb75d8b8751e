// Builds small PDFs for tests (Helvetica text at given positions), including encrypted and image-only ones.

export interface PdfTextRun {
  x: number;
  y: number;
  size?: number;
  text: string;
}

export interface PdfOptions {
  info?: Record<string, string>;
  /** Add an /Encrypt dictionary whose user password is not empty, as a password-protected PDF has. */
  encrypted?: boolean;
}

const escapePdfString = (text: string): string => text.replace(/[\\()]/g, (c) => `\\${c}`);

/** One page per entry; a page with no runs gets a drawn line instead, like a scan without a text layer. */
export function makePdf(pages: PdfTextRun[][], options: PdfOptions = {}): Uint8Array {
  const objects: string[] = [];
  const add = (body: string): number => objects.push(body);
  const catalog = add('');
  const pageTree = add('');
  const font = add('<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>');
  const pageIds: number[] = [];
  for (const runs of pages) {
    const content = runs.length
      ? runs
          .map(
            (run) => `BT /F1 ${run.size ?? 11} Tf ${run.x} ${run.y} Td (${escapePdfString(run.text)}) Tj ET`,
          )
          .join('\n')
      : '0.5 w 72 72 m 500 700 l S';
    const stream = add(`<< /Length ${content.length} >>\nstream\n${content}\nendstream`);
    pageIds.push(
      add(
        `<< /Type /Page /Parent ${pageTree} 0 R /MediaBox [0 0 612 792] /Contents ${stream} 0 R /Resources << /Font << /F1 ${font} 0 R >> >> >>`,
      ),
    );
  }
  objects[catalog - 1] = `<< /Type /Catalog /Pages ${pageTree} 0 R >>`;
  objects[pageTree - 1] =
    `<< /Type /Pages /Kids [${pageIds.map((id) => `${id} 0 R`).join(' ')}] /Count ${pageIds.length} >>`;
  const info = options.info
    ? add(
        `<< ${Object.entries(options.info)
          .map(([key, value]) => `/${key} (${escapePdfString(value)})`)
          .join(' ')} >>`,
      )
    : null;
  const encrypt = options.encrypted
    ? add(
        `<< /Filter /Standard /V 1 /R 2 /Length 40 /P -4 /O <${'ab'.repeat(32)}> /U <${'cd'.repeat(32)}> >>`,
      )
    : null;

  let pdf = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((body, i) => {
    offsets.push(pdf.length);
    pdf += `${i + 1} 0 obj\n${body}\nendobj\n`;
  });
  const xref = pdf.length;
  pdf += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const offset of offsets) pdf += `${String(offset).padStart(10, '0')} 00000 n \n`;
  const extra = `${info ? ` /Info ${info} 0 R` : ''}${encrypt ? ` /Encrypt ${encrypt} 0 R /ID [<${'01'.repeat(16)}> <${'01'.repeat(16)}>]` : ''}`;
  pdf += `trailer\n<< /Size ${objects.length + 1} /Root ${catalog} 0 R${extra} >>\nstartxref\n${xref}\n%%EOF\n`;
  return new TextEncoder().encode(pdf);
}
