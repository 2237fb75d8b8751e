// Decides a file's format from its content first and its extension second, refusing clear mismatches.
import { AppError } from '../../shared/errors';
import { articleFormatOf, extensionOf, type ArticleFileFormat } from '../../shared/formats';
import { decodeText, type DecodedText } from './decode';

export type ImageKind = 'png' | 'jpeg' | 'tiff';

export type SniffedFile =
  | { format: 'pdf' }
  | { format: 'docx' }
  | { format: 'image'; kind: ImageKind }
  | { format: 'txt' | 'md' | 'html' | 'eml'; decoded: DecodedText };

type DeclaredFormat = ArticleFileFormat | 'other';

// What a person would call the thing we found, when it is in the file under another name.
const NAMES: Record<DeclaredFormat, string> = {
  pdf: 'a PDF',
  docx: 'a Word document',
  txt: 'a text file',
  md: 'a Markdown file',
  html: 'a web page',
  eml: 'an e-mail message',
  image: 'a PNG, JPEG or TIFF image',
  other: 'a supported file',
};

// Magic numbers of formats people drop by mistake, so the refusal can say what the file is.
const SIGNATURES: Array<{ bytes: number[]; offset?: number; what: string }> = [
  {
    bytes: [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1],
    what: 'an old-style Office file (.doc, .xls or .msg); save it as .docx',
  },
  { bytes: [0x47, 0x49, 0x46, 0x38], what: 'a GIF image' },
  { bytes: [0x57, 0x45, 0x42, 0x50], offset: 8, what: 'a WebP image' },
  { bytes: [0x1f, 0x8b], what: 'a gzip archive' },
  { bytes: [0x52, 0x61, 0x72, 0x21], what: 'a RAR archive' },
  { bytes: [0x37, 0x7a, 0xbc, 0xaf], what: 'a 7-Zip archive' },
  { bytes: [0x7b, 0x5c, 0x72, 0x74, 0x66], what: 'an RTF document; save it as .docx or .pdf' },
  { bytes: [0x25, 0x21, 0x50, 0x53], what: 'a PostScript file' },
  { bytes: [0x7f, 0x45, 0x4c, 0x46], what: 'a program' },
  { bytes: [0x4d, 0x5a], what: 'a program' },
];

export function declaredFormat(fileName: string): DeclaredFormat {
  return articleFormatOf(fileName) ?? 'other';
}

/** Pick the importer for these bytes, or throw AppError('refused') saying why none fits. */
export function sniffFile(bytes: Uint8Array, fileName: string): SniffedFile {
  const declared = declaredFormat(fileName);
  const extension = extensionOf(fileName);
  const mismatch = (what: string): AppError =>
    new AppError('refused', `not ${NAMES[declared]} although it ends in .${extension}; it is ${what}`);

  if (isPdf(bytes)) {
    if (declared === 'docx') throw mismatch('a PDF');
    return { format: 'pdf' };
  }
  if (isZip(bytes)) {
    if (declared === 'pdf') throw mismatch('a ZIP archive');
    // Whether the archive holds a Word document is decided by the DOCX importer, which reads the directory.
    return { format: 'docx' };
  }
  const image = imageKind(bytes);
  if (image) {
    // An image is read by OCR whatever it is called, unless its name promises a document of another kind.
    if (declared !== 'image' && declared !== 'other') throw mismatch(IMAGE_NAMES[image]);
    return { format: 'image', kind: image };
  }
  if (isEncryptedOfficeFile(bytes)) {
    // Word saves a password-protected .docx inside an OLE container with an "EncryptedPackage" stream.
    throw new AppError('refused', 'the Word document is password-protected');
  }
  for (const signature of SIGNATURES) {
    if (startsWith(bytes, signature.bytes, signature.offset ?? 0)) {
      if (declared !== 'other') throw mismatch(signature.what);
      throw new AppError('refused', `not a supported format: this is ${signature.what}`);
    }
  }
  if (declared === 'pdf' || declared === 'docx' || declared === 'image') {
    throw new AppError('refused', `not ${NAMES[declared]} although it ends in .${extension}`);
  }
  const decoded = decodeText(bytes);
  const head = decoded.text.slice(0, 4096);
  if (extension === 'svg' || extension === 'svgz' || looksLikeSvg(head))
    throw new AppError('refused', SVG_REFUSAL);
  // E-mail first: a message's header block comes before any HTML it carries.
  if (looksLikeEmail(head)) return { format: 'eml', decoded };
  if (looksLikeHtml(head)) return { format: 'html', decoded };
  if (declared === 'eml') throw new AppError('refused', 'not an e-mail message although it ends in .eml');
  if (declared === 'html' || declared === 'md') return { format: declared, decoded };
  return { format: 'txt', decoded };
}

const IMAGE_NAMES: Record<ImageKind, string> = {
  png: 'a PNG image',
  jpeg: 'a JPEG image',
  tiff: 'a TIFF image',
};

function imageKind(bytes: Uint8Array): ImageKind | null {
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], 0)) return 'png';
  if (startsWith(bytes, [0xff, 0xd8, 0xff], 0)) return 'jpeg';
  if (startsWith(bytes, [0x49, 0x49, 0x2a, 0x00], 0) || startsWith(bytes, [0x4d, 0x4d, 0x00, 0x2a], 0)) {
    return 'tiff';
  }
  return null;
}

const SVG_REFUSAL =
  'not imported: this is an SVG image, markup that can carry scripts and links rather than an article text';

// An SVG file: its root element (after any XML prolog, comments and doctype) is <svg>.
function looksLikeSvg(head: string): boolean {
  const start = head.replace(/^(?:\s|<\?xml[^>]*>|<!--[\s\S]*?-->|<!doctype[^>]*>)*/i, '');
  return /^<svg[\s>]/i.test(start);
}

export const MBOX_SEPARATOR = /^From [^\r\n]*\r?\n/;

const OLE_SIGNATURE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
// "EncryptedPackage" as the UTF-16LE stream name in an OLE directory.
const ENCRYPTED_PACKAGE = Array.from('EncryptedPackage').flatMap((char) => [char.charCodeAt(0), 0]);

function isEncryptedOfficeFile(bytes: Uint8Array): boolean {
  if (!startsWith(bytes, OLE_SIGNATURE, 0)) return false;
  const first = ENCRYPTED_PACKAGE[0]!;
  for (
    let i = bytes.indexOf(first);
    i >= 0 && i + ENCRYPTED_PACKAGE.length <= bytes.length;
    i = bytes.indexOf(first, i + 1)
  ) {
    if (startsWith(bytes, ENCRYPTED_PACKAGE, i)) return true;
  }
  return false;
}

function startsWith(bytes: Uint8Array, signature: number[], offset: number): boolean {
  if (bytes.length < offset + signature.length) return false;
  return signature.every((byte, i) => bytes[offset + i] === byte);
}

// pdf.js, like Acrobat, accepts a "%PDF-" header anywhere in the first kilobyte.
function isPdf(bytes: Uint8Array): boolean {
  const head = bytes.subarray(0, 1024);
  for (let i = 0; i + 5 <= head.length; i++) {
    if (
      head[i] === 0x25 &&
      head[i + 1] === 0x50 &&
      head[i + 2] === 0x44 &&
      head[i + 3] === 0x46 &&
      head[i + 4] === 0x2d
    ) {
      return true;
    }
  }
  return false;
}

function isZip(bytes: Uint8Array): boolean {
  return startsWith(bytes, [0x50, 0x4b, 0x03, 0x04], 0) || startsWith(bytes, [0x50, 0x4b, 0x05, 0x06], 0);
}

function looksLikeHtml(head: string): boolean {
  const start = head.replace(/^(?:\s|<\?xml[^>]*>|<!--[\s\S]*?-->)*/, '');
  if (/^<(?:!doctype\s+html|html|head|body)\b/i.test(start)) return true;
  return /<html[\s>]/i.test(head) && /<(?:head|body|meta|title)[\s>]/i.test(head);
}

// An RFC 5322 header block: the first line is a header, and familiar mail headers follow.
const MAIL_HEADERS =
  /^(?:from|to|cc|subject|date|message-id|received|return-path|mime-version|delivered-to|reply-to|content-type|x-[\w-]+):/gim;
function looksLikeEmail(head: string): boolean {
  // A message saved from an mbox starts with a "From sender date" separator line; the headers follow it.
  const headerBlock = head.replace(MBOX_SEPARATOR, '').split(/\r?\n\r?\n/, 1)[0] ?? '';
  if (!/^[\x21-\x39\x3b-\x7e]+:/.test(headerBlock)) return false;
  const names = new Set((headerBlock.match(MAIL_HEADERS) ?? []).map((name) => name.toLowerCase()));
  const hasCore =
    names.has('from:') || names.has('received:') || names.has('message-id:') || names.has('mime-version:');
  return hasCore && names.size >= 2;
}
