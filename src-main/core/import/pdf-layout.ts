// Rebuilds reading text from pdf.js text items: lines, then paragraphs, minus running headers and page numbers.

/** The parts of a pdf.js TextItem we use. */
export interface PdfTextItem {
  str: string;
  /** [a, b, c, d, x, y]: the text matrix; y grows upwards. */
  transform: number[];
  width: number;
  height: number;
  hasEOL: boolean;
}

export interface PdfLine {
  text: string;
  x: number;
  y: number;
  /** Right edge, to tell a short last line of a paragraph from a full one. */
  right: number;
  fontSize: number;
}

/** Group one page's items into lines (content-stream order, a new line when the baseline moves). */
export function itemsToLines(items: readonly PdfTextItem[]): PdfLine[] {
  const lines: PdfLine[] = [];
  let current: PdfLine | null = null;
  for (const item of items) {
    const [a = 0, b = 0, , , x = 0, y = 0] = item.transform;
    const fontSize = Math.hypot(a, b) || item.height || 1;
    if (item.str.length > 0) {
      const sameLine = current && Math.abs(current.y - y) <= Math.max(current.fontSize, fontSize) * 0.4;
      if (!current || !sameLine) {
        if (current) lines.push(current);
        current = { text: item.str, x, y, right: x + item.width, fontSize };
      } else {
        // A visible gap between two runs is a word space that the PDF did not write as a character.
        const gap = x - current.right;
        const needsSpace = gap > fontSize * 0.15 && !/\s$/.test(current.text) && !/^\s/.test(item.str);
        current.text += (needsSpace ? ' ' : '') + item.str;
        current.right = Math.max(current.right, x + item.width);
        current.fontSize = Math.max(current.fontSize, fontSize);
      }
    }
    if (item.hasEOL && current) {
      lines.push(current);
      current = null;
    }
  }
  if (current) lines.push(current);
  return lines
    .map((line) => ({ ...line, text: expandPresentationForms(line.text).replace(/\s+/g, ' ').trim() }))
    .filter((line) => line.text.length > 0);
}

// PDFs store ligatures (ﬁ, ﬂ) and Arabic contextual glyph forms as separate code points; readers and search
// want the letters. NFKC is applied to those blocks only, so other compatibility characters (½, ²) stay.
function expandPresentationForms(text: string): string {
  return text.replace(/[\ufb00-\ufdff\ufe70-\ufefe]+/g, (run) => run.normalize('NFKC'));
}

const PAGE_NUMBER =
  /^(?:[-–—]\s*)?(?:page\s+)?(?:\d{1,4}|[ivxlcdm]{1,7})(?:\s*(?:of|\/)\s*\d{1,4})?(?:\s*[-–—])?$/i;

/**
 * Drop running headers/footers and page numbers. Working inwards from the top and the bottom edge of each
 * page (at most two lines each), a line goes while it is a bare page number or its text (digits ignored)
 * sits at an edge of at least half the pages.
 */
export function removeRunningLines(pages: PdfLine[][]): PdfLine[][] {
  if (pages.length < 2) return pages;
  const edgeKey = (line: PdfLine): string => line.text.toLowerCase().replace(/\d+/g, '#');
  const byHeight = pages.map((lines) => [...lines].sort((p, q) => q.y - p.y));
  const pagesWithKey = new Map<string, number>();
  for (const lines of byHeight) {
    const edges = [...lines.slice(0, 2), ...lines.slice(-2)];
    for (const key of new Set(edges.map(edgeKey))) pagesWithKey.set(key, (pagesWithKey.get(key) ?? 0) + 1);
  }
  const threshold = Math.max(2, Math.ceil(pages.length / 2));
  const isRunning = (line: PdfLine): boolean =>
    PAGE_NUMBER.test(line.text) || (pagesWithKey.get(edgeKey(line)) ?? 0) >= threshold;
  return pages.map((lines, index) => {
    const sorted = byHeight[index]!;
    const dropped = new Set<PdfLine>();
    for (let i = 0; i < Math.min(2, sorted.length) && isRunning(sorted[i]!); i++) dropped.add(sorted[i]!);
    for (let i = sorted.length - 1; i >= Math.max(0, sorted.length - 2) && isRunning(sorted[i]!); i--) {
      dropped.add(sorted[i]!);
    }
    // A page made only of "running" lines is text repeated on every page (a form, a rotated-text test sheet),
    // not a header: it keeps everything but bare page numbers.
    if (dropped.size === lines.length) return lines.filter((line) => !PAGE_NUMBER.test(line.text));
    return lines.filter((line) => !dropped.has(line));
  });
}

const ENDS_SENTENCE = /[.!?:"”’)]$/;

/** Join lines into paragraphs: a paragraph ends at a wide gap, a font change, or a short line ending a sentence. */
export function linesToParagraphs(pages: PdfLine[][]): string[] {
  const paragraphs: string[] = [];
  let current = '';
  for (const lines of pages) {
    const spacing = typicalLineSpacing(lines);
    const fullWidth = Math.max(0, ...lines.map((line) => line.right - line.x));
    // A page break ends a paragraph only where the sentence ended; otherwise the text runs on.
    let previous: PdfLine | null = null;
    let breaks = ENDS_SENTENCE.test(current);
    for (const line of lines) {
      if (previous) {
        const drop = previous.y - line.y;
        breaks =
          drop > spacing * 1.6 ||
          drop < -spacing * 0.5 || // back up the page: a new column or a text box
          Math.abs(previous.fontSize - line.fontSize) > previous.fontSize * 0.15 ||
          (previous.right - previous.x < fullWidth * 0.75 && ENDS_SENTENCE.test(previous.text)) ||
          /^[•●▪◦‣∙·*-]\s/.test(line.text);
      }
      if (current && !breaks) {
        current = joinLine(current, line.text);
      } else {
        if (current) paragraphs.push(current);
        current = line.text;
      }
      previous = line;
    }
  }
  if (current) paragraphs.push(current);
  return paragraphs;
}

// "infor-" + "mation" → "information"; "well-" + "Known" keeps its hyphen; other lines join with a space.
function joinLine(paragraph: string, next: string): string {
  if (/\p{L}[-\u00ad]$/u.test(paragraph) && /^\p{Ll}/u.test(next)) return paragraph.slice(0, -1) + next;
  return `${paragraph} ${next}`;
}

function typicalLineSpacing(lines: PdfLine[]): number {
  const gaps: number[] = [];
  for (let i = 1; i < lines.length; i++) {
    const gap = lines[i - 1]!.y - lines[i]!.y;
    if (gap > 0) gaps.push(gap);
  }
  if (gaps.length === 0) return Math.max(1, ...lines.map((line) => line.fontSize)) * 1.2;
  // The lower quartile: most gaps are ordinary line spacing, the rest paragraph and section breaks.
  gaps.sort((p, q) => p - q);
  return gaps[Math.floor((gaps.length - 1) / 4)]!;
}
