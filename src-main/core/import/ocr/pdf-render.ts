// Renders one PDF page (pdf.js onto @napi-rs/canvas) as a grey image for OCR, upright and at about 300 dpi.
import type * as NapiCanvasModule from '@napi-rs/canvas';
import type { PDFPageProxy } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { ocrScale, pgmFromRgba } from './raster';

let canvasModule: Promise<typeof NapiCanvasModule> | null = null;

export async function renderPageForOcr(page: PDFPageProxy): Promise<Uint8Array> {
  const { createCanvas } = await (canvasModule ??= import('@napi-rs/canvas'));
  const unscaled = page.getViewport({ scale: 1 }); // includes the page's /Rotate: the image comes out upright
  const viewport = page.getViewport({ scale: ocrScale(unscaled.width, unscaled.height) });
  const width = Math.max(1, Math.floor(viewport.width));
  const height = Math.max(1, Math.floor(viewport.height));
  const canvas = createCanvas(width, height);
  const context = canvas.getContext('2d');
  context.fillStyle = '#ffffff';
  context.fillRect(0, 0, width, height);
  // pdf.js draws on any object with the 2D context API; @napi-rs/canvas is the one it supports in Node.
  await page.render({
    canvas: canvas as unknown as HTMLCanvasElement,
    canvasContext: context as unknown as CanvasRenderingContext2D,
    viewport,
  }).promise;
  const pixels = context.getImageData(0, 0, width, height).data;
  return pgmFromRgba(pixels, width, height);
}
