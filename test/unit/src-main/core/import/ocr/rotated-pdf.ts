// A PDF whose text is turned every way (pages /Rotate 90, 180, 270; text through a turned text matrix or a
// turned CTM), built like PDFBox's PDFBOX-2984-rotations.pdf: it has a text layer on every page.

const TURN: Record<number, string> = { 90: '0 1 -1 0', 180: '-1 0 0 -1', 270: '0 -1 1 0' };

export const ROTATED_LINES = [90, 180, 270].flatMap((degrees) => [
  ['Corroborate reads turned text', `${degrees} degree text matrix`],
  ['Corroborate reads turned text', `${degrees} degree ctm`],
]);

export function makeRotatedTextPdf(): Uint8Array {
  const objects = ['<< /Type /Catalog /Pages 2 0 R >>', ''];
  const add = (body: string): number => objects.push(body);
  const font = add('<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>');
  const kids: number[] = [];
  ROTATED_LINES.forEach(([first, second], index) => {
    const degrees = [90, 180, 270][Math.floor(index / 2)]!;
    const turn = TURN[degrees]!;
    const lines = `(${first}) Tj 0 -20 Td (${second}) Tj`;
    const content =
      index % 2 === 0
        ? `BT /F1 14 Tf ${turn} 300 420 Tm ${lines} ET`
        : `q ${turn} 300 420 cm BT /F1 14 Tf 0 0 Td ${lines} ET Q`;
    const stream = add(`<< /Length ${content.length} >>\nstream\n${content}\nendstream`);
    kids.push(
      add(
        `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Rotate ${degrees} /Contents ${stream} 0 R /Resources << /Font << /F1 ${font} 0 R >> >> >>`,
      ),
    );
  });
  objects[1] = `<< /Type /Pages /Kids [${kids.map((id) => `${id} 0 R`).join(' ')}] /Count ${kids.length} >>`;
  let pdf = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((body, i) => {
    offsets.push(pdf.length);
    pdf += `${i + 1} 0 obj\n${body}\nendobj\n`;
  });
  const xref = pdf.length;
  pdf += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const offset of offsets) pdf += `${String(offset).padStart(10, '0')} 00000 n \n`;
  pdf += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return new TextEncoder().encode(pdf);
}
