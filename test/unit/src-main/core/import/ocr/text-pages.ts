// Lays out a plain text (title line, then paragraphs) as Helvetica PDF pages: the "typed" source of the OCR test set.
import { makePdf, type PdfTextRun } from '../make-pdf';

const LINE_CHARS = 84; // about 470 pt of 11 pt Helvetica, inside a Letter page's margins
const TOP = 720;
const BOTTOM = 72;

function wrap(paragraph: string): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of paragraph.split(/\s+/).filter(Boolean)) {
    if (line && line.length + 1 + word.length > LINE_CHARS) {
      lines.push(line);
      line = word;
    } else {
      line = line ? `${line} ${word}` : word;
    }
  }
  if (line) lines.push(line);
  return lines;
}

/** Pages of text runs for makePdf: the first paragraph as a 15 pt title, the rest at 11 pt. */
export function textPages(text: string): PdfTextRun[][] {
  const [title = '', ...paragraphs] = text.trim().split(/\n\s*\n/);
  const pages: PdfTextRun[][] = [[{ x: 72, y: TOP, size: 15, text: title.trim() }]];
  let y = TOP - 34;
  for (const paragraph of paragraphs) {
    for (const line of wrap(paragraph.trim())) {
      if (y < BOTTOM) {
        pages.push([]);
        y = TOP;
      }
      pages[pages.length - 1]!.push({ x: 72, y, size: 11, text: line });
      y -= 15;
    }
    y -= 9;
  }
  return pages;
}

/** A text PDF of the given plain text (WinAnsi: curly quotes become straight ones). */
export function textPdf(text: string): Uint8Array {
  const ascii = text.replace(/[“”]/g, '"').replace(/[‘’]/g, "'");
  return makePdf(textPages(ascii));
}
