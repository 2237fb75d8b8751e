// Page images for OCR: the resolution a page is rendered at, and grey PGM bytes tesseract reads without decoding work.

/** Text OCRs best around 300 dpi; more costs time without gaining words. */
export const OCR_DPI = 300;

/** Pixels per rendered page at most (an A3 page at about 290 dpi); bigger pages are rendered smaller. */
export const MAX_OCR_PAGE_PIXELS = 16_000_000;

/** The scale (pixels per PDF point) that renders a page of this size at OCR_DPI within the pixel cap. */
export function ocrScale(widthPt: number, heightPt: number, maxPixels = MAX_OCR_PAGE_PIXELS): number {
  const wanted = OCR_DPI / 72;
  const area = Math.max(1, widthPt * heightPt);
  return Math.min(wanted, Math.sqrt(maxPixels / area));
}

/** 8-bit grey PGM ("P5") from RGBA pixels, white where transparent (as a page is printed on white paper). */
export function pgmFromRgba(rgba: Uint8Array | Uint8ClampedArray, width: number, height: number): Uint8Array {
  const header = new TextEncoder().encode(`P5\n${width} ${height}\n255\n`);
  const out = new Uint8Array(header.length + width * height);
  out.set(header, 0);
  let o = header.length;
  for (let i = 0; i < width * height * 4; i += 4) {
    const alpha = rgba[i + 3]! / 255;
    const grey = 0.299 * rgba[i]! + 0.587 * rgba[i + 1]! + 0.114 * rgba[i + 2]!;
    out[o++] = Math.round(grey * alpha + 255 * (1 - alpha));
  }
  return out;
}
