// Image sizes read from the file's header, before any pixel is decoded: the guard against decompression bombs.
import { AppError } from '../../shared/errors';
import type { ImageKind } from './sniff';

export interface ImageSize {
  width: number;
  height: number;
}

const u16be = (b: Uint8Array, i: number): number => (b[i]! << 8) | b[i + 1]!;
const u32be = (b: Uint8Array, i: number): number =>
  ((b[i]! << 24) >>> 0) + (b[i + 1]! << 16) + u16be(b, i + 2);

/** PNG: the IHDR chunk always comes first, right after the 8-byte signature. */
export function pngSize(bytes: Uint8Array): ImageSize {
  const ihdr = String.fromCharCode(...bytes.subarray(12, 16));
  if (bytes.length < 24 || ihdr !== 'IHDR')
    throw new AppError('refused', 'the PNG image is damaged (no header)');
  return { width: u32be(bytes, 16), height: u32be(bytes, 20) };
}

// Start-of-frame markers carry the size; C4 (Huffman tables), C8 and CC (arithmetic coding) do not.
const isStartOfFrame = (marker: number): boolean =>
  marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc;

/** JPEG: walk the marker segments up to the first start-of-frame. */
export function jpegSize(bytes: Uint8Array): ImageSize {
  let i = 2;
  while (i + 9 < bytes.length) {
    if (bytes[i] !== 0xff) break;
    const marker = bytes[i + 1]!;
    if (marker === 0xff) {
      i++; // fill byte
      continue;
    }
    if (isStartOfFrame(marker)) return { height: u16be(bytes, i + 5), width: u16be(bytes, i + 7) };
    if (marker === 0xd9 || marker === 0xda) break; // end of image, or scan data before any frame
    i += 2 + u16be(bytes, i + 2);
  }
  throw new AppError('refused', 'the JPEG image is damaged (no frame header)');
}

/** "50,000 × 50,000 pixels (2,500 megapixels); the limit is 100 megapixels" when an image is too big. */
export function checkImageSize(size: ImageSize, maxPixels: number, page?: number): void {
  if (size.width < 1 || size.height < 1) {
    throw new AppError('refused', `the image${page ? ` on page ${page}` : ''} has no pixels`);
  }
  const pixels = size.width * size.height;
  if (pixels <= maxPixels) return;
  const n = (value: number) => value.toLocaleString('en-US');
  const where = page ? `page ${page} of the image` : 'the image';
  throw new AppError(
    'too-large',
    `${where} is ${n(size.width)} × ${n(size.height)} pixels (${n(Math.round(pixels / 1e6))} megapixels); ` +
      `the limit is ${n(Math.round(maxPixels / 1e6))} megapixels`,
  );
}

export function headerSize(kind: Exclude<ImageKind, 'tiff'>, bytes: Uint8Array): ImageSize {
  return kind === 'png' ? pngSize(bytes) : jpegSize(bytes);
}
