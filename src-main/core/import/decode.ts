// Bytes → string for text formats: BOMs, strict UTF-8, UTF-16 without BOM, then chardet and a Western guess.
import chardet from 'chardet';
import { AppError } from '../../shared/errors';

export interface DecodedText {
  text: string;
  /** WHATWG label of the encoding used, e.g. "utf-8", "windows-1252". */
  encoding: string;
}

// chardet cannot tell ISO-8859-1, ISO-8859-15 and Windows-1252 apart; we decide between them ourselves.
const WESTERN = new Set(['ISO-8859-1', 'windows-1252', 'ASCII', 'UTF-8']);
// Bytes that are letters in ISO-8859-15 but symbols in ISO-8859-1 (Š š Ž ž Œ œ Ÿ), besides € (0xA4).
const LATIN9_LETTERS = new Set([0xa6, 0xa8, 0xb4, 0xb8, 0xbc, 0xbd, 0xbe]);

// Windows-1252 in 0x80–0x9F (curly quotes, €, Œ, dashes …). Node 20's TextDecoder decodes "windows-1252"
// as ISO-8859-1 and yields C1 control characters there, so those bytes are mapped here.
const WINDOWS_1252_C1 = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008dŽ\u008f\u0090‘’“”•–—˜™š›œ\u009džŸ';

/** Decode with a WHATWG label, correcting platforms whose Windows-1252 decoder is really Latin-1. */
export function decodeAs(label: string, bytes: Uint8Array): string {
  const decoder = new TextDecoder(label);
  const text = decoder.decode(bytes);
  if (decoder.encoding !== 'windows-1252') return text;
  return text.replace(/[\u0080-\u009f]/g, (char) => WINDOWS_1252_C1[char.charCodeAt(0) - 0x80] ?? char);
}

/** Decode text, never leaving replacement characters when a better decoding exists. */
export function decodeText(bytes: Uint8Array): DecodedText {
  const bom = decodeByBom(bytes);
  if (bom) return bom;
  const utf16 = guessUtf16WithoutBom(bytes);
  if (utf16) return { text: new TextDecoder(utf16).decode(bytes), encoding: utf16 };
  if (looksBinary(bytes)) throw new AppError('refused', 'not a supported format (binary data)');
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'utf-8' };
  } catch {
    // Not UTF-8: fall through to a legacy single- or multi-byte encoding.
  }
  const guess = chardet.analyse(bytes.subarray(0, 65536))[0];
  if (guess && !WESTERN.has(guess.name) && guess.confidence >= 50) {
    const label = supportedLabel(guess.name);
    if (label) return { text: decodeAs(label, bytes), encoding: label };
  }
  const western = looksLatin9(bytes) ? 'iso-8859-15' : 'windows-1252';
  return { text: decodeAs(western, bytes), encoding: western };
}

function decodeByBom(bytes: Uint8Array): DecodedText | null {
  const [a, b, c] = bytes;
  let encoding: string | null = null;
  if (a === 0xef && b === 0xbb && c === 0xbf) encoding = 'utf-8';
  else if (a === 0xff && b === 0xfe) encoding = 'utf-16le';
  else if (a === 0xfe && b === 0xff) encoding = 'utf-16be';
  if (!encoding) return null;
  // The decoders drop the BOM themselves; invalid sequences after a BOM are the file's own damage.
  return { text: new TextDecoder(encoding).decode(bytes), encoding };
}

// UTF-16 text without a BOM has a zero byte in nearly every other position (for Latin scripts).
function guessUtf16WithoutBom(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | null {
  const sample = bytes.subarray(0, Math.min(bytes.length, 4096) & ~1);
  if (sample.length < 8) return null;
  let zeroEven = 0;
  let zeroOdd = 0;
  for (let i = 0; i < sample.length; i += 2) {
    if (sample[i] === 0) zeroEven++;
    if (sample[i + 1] === 0) zeroOdd++;
  }
  const pairs = sample.length / 2;
  if (zeroOdd > pairs * 0.4 && zeroEven < pairs * 0.05) return 'utf-16le';
  if (zeroEven > pairs * 0.4 && zeroOdd < pairs * 0.05) return 'utf-16be';
  return null;
}

/** NUL bytes, or many control characters, mean this is not text in any encoding we read. */
export function looksBinary(bytes: Uint8Array): boolean {
  const sample = bytes.subarray(0, 65536);
  let controls = 0;
  for (const byte of sample) {
    if (byte === 0) return true;
    if (byte < 0x20 && byte !== 0x09 && byte !== 0x0a && byte !== 0x0d && byte !== 0x0c && byte !== 0x1b) {
      controls++;
    }
  }
  return controls > sample.length * 0.02;
}

// € (0xA4) anywhere, or an ISO-8859-15-only letter between two letters ("c\xBDur" = "cœur").
function looksLatin9(bytes: Uint8Array): boolean {
  const isLetter = (byte: number | undefined): boolean =>
    byte !== undefined && (((byte | 0x20) >= 0x61 && (byte | 0x20) <= 0x7a) || byte >= 0xc0);
  for (let i = 0; i < bytes.length; i++) {
    const byte = bytes[i]!;
    if (byte >= 0x80 && byte <= 0x9f) return false; // C1 range: only Windows-1252 puts text there
  }
  for (let i = 0; i < bytes.length; i++) {
    const byte = bytes[i]!;
    if (byte === 0xa4) return true;
    if (LATIN9_LETTERS.has(byte) && (isLetter(bytes[i - 1]) || isLetter(bytes[i + 1]))) return true;
  }
  return false;
}

function supportedLabel(name: string): string | null {
  try {
    return new TextDecoder(name).encoding;
  } catch {
    return null;
  }
}
