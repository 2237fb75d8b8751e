// Text normalisation shared by every importer: NFC, one kind of space, paragraphs split by one blank line.

// Spaces other than the plain one (NBSP, thin, ideographic …) and tabs become a plain space.
const ODD_SPACES = /[\t\v\f\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]/g;
// Invisible characters that only get in the way of search and quoting: BOM, zero-width, soft hyphen.
const INVISIBLES = /[\u00ad\u200b\u2060\ufeff]/g;
// C0/C1 control characters other than the newline (which carries structure).
const CONTROLS = /[\u0000-\u0008\u000e-\u001f\u007f-\u009f]/g;

/**
 * Normalise extracted text: Unicode NFC, CR/LF and Unicode separators to \n, every run of spaces to one
 * space, lines trimmed, paragraphs (blocks separated by blank lines) separated by exactly one blank line,
 * nothing before the first or after the last character.
 */
export function normalizeText(raw: string): string {
  const unified = raw
    .normalize('NFC')
    .replace(/\r\n?|\u0085|\u2028/g, '\n')
    .replace(/\u2029/g, '\n\n')
    .replace(INVISIBLES, '')
    .replace(ODD_SPACES, ' ')
    .replace(CONTROLS, '');
  const paragraphs: string[] = [];
  for (const block of unified.split(/\n[ \n]*\n/)) {
    const lines = block
      .split('\n')
      .map((line) => line.replace(/ {2,}/g, ' ').trim())
      .filter((line) => line.length > 0);
    if (lines.length > 0) paragraphs.push(lines.join('\n'));
  }
  return paragraphs.join('\n\n');
}

/** Join already separated blocks (paragraphs, headings, list items) into normalised text. */
export function joinBlocks(blocks: readonly string[]): string {
  return normalizeText(blocks.join('\n\n'));
}

/** A one-line title: whitespace collapsed, at most `max` characters, cut at a word boundary. */
export function cleanTitle(raw: string | null | undefined, max = 200): string | null {
  if (!raw) return null;
  const line = raw.normalize('NFC').replace(INVISIBLES, '').replace(/\s+/g, ' ').trim();
  if (!line) return null;
  if (line.length <= max) return line;
  const cut = line.slice(0, max);
  const lastSpace = cut.lastIndexOf(' ');
  return `${(lastSpace > max / 2 ? cut.slice(0, lastSpace) : cut).trim()}…`;
}

/** Title of last resort: the first line with a letter or digit in it, else the file name without extension. */
export function fallbackTitle(text: string, fileName: string): string {
  const firstLine = text.split('\n').find((line) => /[\p{L}\p{N}]/u.test(line)) ?? '';
  const withoutMarker = firstLine.replace(/^(?:[•*-]|\d{1,3}[.)])\s+/, '');
  return (
    cleanTitle(withoutMarker, 120) ?? cleanTitle(baseName(fileName).replace(/\.[^.]+$/, '')) ?? 'Untitled'
  );
}

export function baseName(fileName: string): string {
  return fileName.split(/[\\/]/).pop() ?? fileName;
}

/**
 * A date from metadata as an ISO string: an ISO-looking value is kept as written (its offset is
 * information), anything else Date can read becomes UTC ISO; unreadable values give null.
 */
export function normalizeDate(raw: string | Date | null | undefined): string | null {
  if (!raw) return null;
  if (raw instanceof Date) return Number.isNaN(raw.getTime()) ? null : raw.toISOString();
  const value = raw.trim();
  if (/^\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/.test(value)) {
    return Number.isNaN(Date.parse(value.replace(' ', 'T'))) ? null : value.replace(' ', 'T');
  }
  const parsed = Date.parse(value);
  return Number.isNaN(parsed) ? null : new Date(parsed).toISOString();
}
