// Page images for the OCR measurements: a typed PDF page rendered by pdf.js at a chosen resolution, optionally
// turned a little and sprinkled with noise (seeded, so every run measures the same images).
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { createCanvas } from '@napi-rs/canvas';
import { loadPdfJs } from '../../../../../../src-main/core/import/formats/pdf';
import { pgmFromRgba } from '../../../../../../src-main/core/import/ocr/raster';

export interface Degradation {
  dpi: number;
  /** Degrees, clockwise. */
  rotate?: number;
  /** Share of pixels flipped to a random grey (salt and pepper), e.g. 0.005. */
  noise?: number;
}

function seeded(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state * 1664525 + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

/** Page 1 of the PDF as a grey PGM at `dpi`, degraded as asked. */
export async function pageImage(pdf: Uint8Array, how: Degradation): Promise<Uint8Array> {
  const { pixels, width, height } = await pagePixels(pdf, how);
  return pgmFromRgba(pixels, width, height);
}

/** The same page as a PNG file, as a scanner would save it (the bench feeds it to the importer and the CLI). */
export async function pagePng(pdf: Uint8Array, how: Degradation): Promise<Uint8Array> {
  return new Uint8Array(await (await pagePixels(pdf, how)).canvas.encode('png'));
}

async function pagePixels(pdf: Uint8Array, how: Degradation) {
  const { getDocument } = await loadPdfJs();
  // Helvetica's outlines come from pdf.js's own standard fonts: Node has no system fonts for it to use.
  const standardFontDataUrl = join(
    dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json')),
    'standard_fonts/',
  );
  const task = getDocument({
    data: new Uint8Array(pdf),
    useWasm: false,
    verbosity: 0,
    standardFontDataUrl,
    disableFontFace: true,
    useSystemFonts: false,
  });
  const doc = await task.promise;
  const page = await doc.getPage(1);
  const viewport = page.getViewport({ scale: how.dpi / 72 });
  const width = Math.floor(viewport.width);
  const height = Math.floor(viewport.height);
  const flat = createCanvas(width, height);
  const flatContext = flat.getContext('2d');
  flatContext.fillStyle = '#fff';
  flatContext.fillRect(0, 0, width, height);
  await page.render({
    canvas: flat as unknown as HTMLCanvasElement,
    canvasContext: flatContext as unknown as CanvasRenderingContext2D,
    viewport,
  }).promise;
  await task.destroy();
  const canvas = createCanvas(width, height);
  const context = canvas.getContext('2d');
  context.fillStyle = '#fff';
  context.fillRect(0, 0, width, height);
  context.translate(width / 2, height / 2);
  context.rotate(((how.rotate ?? 0) * Math.PI) / 180);
  context.drawImage(flat, -width / 2, -height / 2);
  const image = context.getImageData(0, 0, width, height);
  const pixels = image.data;
  const random = seeded(width * 31 + height);
  for (let i = 0; i < pixels.length && how.noise; i += 4) {
    if (random() < how.noise) pixels[i] = pixels[i + 1] = pixels[i + 2] = Math.floor(random() * 256);
  }
  context.setTransform(1, 0, 0, 1, 0, 0);
  context.putImageData(image, 0, 0);
  return { canvas, pixels, width, height };
}
