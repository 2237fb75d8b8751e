// Image importer (PNG, JPEG, multi-page TIFF): sizes checked from the headers, then every page through OCR.
import UTIF from 'utif2';
import { AppError } from '../../../shared/errors';
import { bareDocument, type ExtractedDocument } from '../../../shared/extraction';
import { checkImageSize, headerSize } from '../image-header';
import type { ImportLimits } from '../limits';
import { joinBlocks } from '../normalize';
import { OcrRun, type ImportHooks } from '../ocr/pages';
import { pgmFromRgba } from '../ocr/raster';
import { linesToParagraphs, removeRunningLines, type PdfLine } from '../pdf-layout';
import type { ImageKind } from '../sniff';

interface ImagePage {
  /** Grey PGM bytes of the page, decoded only when its turn comes. */
  render: () => Promise<Uint8Array>;
}

export async function importImage(
  bytes: Uint8Array,
  kind: ImageKind,
  limits: ImportLimits,
  hooks: ImportHooks = {},
): Promise<ExtractedDocument> {
  const pages = kind === 'tiff' ? tiffPages(bytes, limits) : [singleImage(bytes, kind, limits)];
  const ocr = new OcrRun(pages.length, limits, hooks);
  const lines: PdfLine[][] = [];
  for (const [index, page] of pages.entries()) lines.push(await ocr.page(index + 1, page.render));
  const text = joinBlocks(linesToParagraphs(removeRunningLines(lines)));
  return { ...bareDocument('image', text), ocr: ocr.info(pages.length) };
}

function singleImage(bytes: Uint8Array, kind: 'png' | 'jpeg', limits: ImportLimits): ImagePage {
  checkImageSize(headerSize(kind, bytes), limits.maxImagePixels);
  return { render: () => decodeWithCanvas(bytes) };
}

/** Decode a PNG or JPEG and flatten it onto white (transparent text images would otherwise turn black). */
async function decodeWithCanvas(bytes: Uint8Array): Promise<Uint8Array> {
  const { createCanvas, loadImage } = await import('@napi-rs/canvas');
  const image = await loadImage(Buffer.from(bytes)).catch(() => {
    throw new AppError('refused', 'the image is damaged and cannot be decoded');
  });
  const canvas = createCanvas(image.width, image.height);
  const context = canvas.getContext('2d');
  context.fillStyle = '#ffffff';
  context.fillRect(0, 0, image.width, image.height);
  context.drawImage(image, 0, 0);
  return pgmFromRgba(context.getImageData(0, 0, image.width, image.height).data, image.width, image.height);
}

/** Every page (image directory) of a TIFF, sizes checked from the tags before any is decompressed. */
function tiffPages(bytes: Uint8Array, limits: ImportLimits): ImagePage[] {
  const buffer = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
  let directories: UTIF.IFD[];
  try {
    directories = UTIF.decode(buffer);
  } catch {
    throw new AppError('refused', 'the TIFF image is damaged (its directory cannot be read)');
  }
  const pages = directories.filter((ifd) => tagNumber(ifd, 't256') > 0);
  if (pages.length === 0) throw new AppError('refused', 'the TIFF file holds no image');
  if (pages.length > limits.maxPdfPages) {
    throw new AppError('too-large', `the TIFF has ${pages.length} pages; the limit is ${limits.maxPdfPages}`);
  }
  pages.forEach((ifd, index) =>
    checkImageSize(
      { width: tagNumber(ifd, 't256'), height: tagNumber(ifd, 't257') },
      limits.maxImagePixels,
      pages.length > 1 ? index + 1 : undefined,
    ),
  );
  return pages.map((ifd) => ({
    render: async () => {
      UTIF.decodeImage(buffer, ifd);
      const rgba = UTIF.toRGBA8(ifd);
      const pgm = pgmFromRgba(rgba, ifd.width, ifd.height);
      ifd.data = new Uint8Array(0); // let the decoded pixels go before the next page
      return pgm;
    },
  }));
}

function tagNumber(ifd: UTIF.IFD, tag: string): number {
  const value = ifd[tag];
  const first = Array.isArray(value) ? value[0] : value;
  return typeof first === 'number' ? first : 0;
}
