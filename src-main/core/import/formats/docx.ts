// DOCX importer: mammoth's HTML (headings, lists, tables, notes) turned into text; comments and deletions left out.
import mammoth from 'mammoth';
import { parseHTML } from 'linkedom';
import { AppError } from '../../../shared/errors';
import type { ExtractedDocument } from '../../../shared/extraction';
import { htmlToText } from '../html-text';
import type { ImportLimits } from '../limits';
import { cleanTitle, normalizeDate } from '../normalize';
import { inspectDocx } from '../zip-guard';

// Prefix of the ids mammoth gives footnotes and endnotes, so we can find their lists again.
const NOTE_ID_PREFIX = 'corroborate-';

// Images are not text: tell mammoth not to read them at all (it would otherwise inline them as base64).
const skipImages = mammoth.images.imgElement(async () => ({ src: '' }));

export async function importDocx(
  bytes: Uint8Array,
  fileName: string,
  limits: ImportLimits,
): Promise<ExtractedDocument> {
  const parts = inspectDocx(bytes, fileName, limits.maxDocxUncompressedBytes);
  let html: string;
  try {
    const result = await mammoth.convertToHtml(
      { buffer: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) },
      {
        convertImage: skipImages,
        externalFileAccess: false, // never follow external relationships (linked images, files, URLs)
        idPrefix: NOTE_ID_PREFIX,
        ignoreEmptyParagraphs: true,
      },
    );
    html = result.value;
  } catch (error) {
    // mammoth trips over its own assumptions (a TypeError) on damaged XML: that is damage, not a detail to show.
    if (error instanceof TypeError) {
      throw new AppError('refused', 'the Word document is damaged (its contents do not make sense)');
    }
    throw new AppError(
      'refused',
      `the Word document cannot be read (${(error as Error)?.message ?? String(error)})`,
    );
  }
  const { document } = parseHTML(`<!doctype html><html><body>${html}</body></html>`);
  flattenNotes(document as unknown as Document);
  const body = document.body as unknown as Element;
  const core = readCoreProperties(parts.xml.get('docProps/core.xml'));
  const firstHeading = cleanTitle(document.querySelector('h1,h2')?.textContent);
  return {
    format: 'docx',
    title: core.title ?? firstHeading ?? '',
    outlet: null,
    authors: core.creator ? [core.creator] : [],
    publishedAt: normalizeDate(core.created),
    url: null,
    language: core.language,
    text: htmlToText(body),
    warnings: [],
  };
}

// Footnotes and endnotes come as a numbered list with "↑" back-links; keep each note as a plain paragraph
// (its number is already in the body as "[1]").
function flattenNotes(document: Document): void {
  for (const backLink of document.querySelectorAll(`a[href^="#${NOTE_ID_PREFIX}"][href*="note-ref-"]`)) {
    backLink.remove();
  }
  for (const item of document.querySelectorAll(
    `li[id^="${NOTE_ID_PREFIX}footnote-"],li[id^="${NOTE_ID_PREFIX}endnote-"]`,
  )) {
    const paragraph = document.createElement('div');
    while (item.firstChild) paragraph.appendChild(item.firstChild);
    item.replaceWith(paragraph);
  }
}

interface CoreProperties {
  title: string | null;
  creator: string | null;
  created: string | null;
  language: string | null;
}

// docProps/core.xml is a flat list of Dublin Core elements; a few regular expressions read it.
function readCoreProperties(data: Uint8Array | undefined): CoreProperties {
  const xml = data ? new TextDecoder().decode(data) : '';
  const field = (tag: string): string | null => {
    const match = new RegExp(`<${tag}(?:\\s[^>]*)?>([^<]*)</${tag}>`).exec(xml);
    return match ? cleanTitle(decodeXmlEntities(match[1]!)) : null;
  };
  return {
    title: field('dc:title'),
    creator: field('dc:creator'),
    created: field('dcterms:created'),
    language: field('dc:language'),
  };
}

function decodeXmlEntities(text: string): string {
  const named: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
  return text.replace(/&(#x[0-9a-f]+|#\d+|amp|lt|gt|quot|apos);/gi, (whole, entity: string) => {
    if (entity[0] !== '#') return named[entity.toLowerCase()] ?? whole;
    const code =
      entity[1] === 'x' || entity[1] === 'X' ? parseInt(entity.slice(2), 16) : parseInt(entity.slice(1), 10);
    return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
  });
}
