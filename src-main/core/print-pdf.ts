// HTML → PDF with page numbers: Electron's printToPDF when main injects it, otherwise the system Chromium.
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { randomBytes } from 'node:crypto';
import type * as Playwright from 'playwright-core';

export type PdfPrinter = (html: string) => Promise<Uint8Array>;

/** Page number footer: Chromium fills .pageNumber and .totalPages (same template for Electron and Playwright). */
export const PDF_FOOTER_TEMPLATE =
  '<div style="width:100%;font-family:Georgia,\'DejaVu Serif\',serif;font-size:8px;color:#555;text-align:center;">' +
  '<span class="pageNumber"></span> / <span class="totalPages"></span></div>';
export const PDF_HEADER_TEMPLATE = '<span></span>';
export const PDF_MARGINS = { top: '16mm', bottom: '18mm', left: '15mm', right: '15mm' };

let injected: PdfPrinter | null = null;

/**
 * True when the document numbers its own pages with CSS margin boxes (the HTML export does, and skips
 * its cover); the footer template would then print a second number, so it is only the fallback.
 */
export function numbersOwnPages(html: string): boolean {
  return /@(bottom|top)-(left|center|right)\s*\{[^}]*counter\(page\)/.test(html);
}

/** Electron's main installs its printer here at start-up; the browser shell and the CLI never do. */
export function usePdfPrinter(printer: PdfPrinter | null): void {
  injected = printer;
}

/** What Electron's printing needs from a (hidden, hardened) window; kept structural so no `electron` import. */
export interface PrintContents {
  loadURL(url: string): Promise<void>;
  printToPDF(options: {
    printBackground: boolean;
    displayHeaderFooter: boolean;
    headerTemplate: string;
    footerTemplate: string;
    pageSize: 'A4';
    preferCSSPageSize: boolean;
    margins: { top: number; bottom: number; left: number; right: number };
  }): Promise<Uint8Array | Buffer>;
  close(): void;
}

/**
 * Builds an Electron printer: the HTML goes to a temp file (no URL length limit) that a hidden window
 * opens from file://; the window's session already blocks every http(s) load.
 */
export function electronPdfPrinter(openWindow: () => PrintContents, tempDir: string): PdfPrinter {
  return async (html) => {
    await mkdir(tempDir, { recursive: true, mode: 0o700 });
    const file = join(tempDir, `print-${randomBytes(6).toString('hex')}.html`);
    await writeFile(file, html, { mode: 0o600 });
    const win = openWindow();
    try {
      await win.loadURL(pathToFileURL(file).href);
      const mm = 1 / 25.4; // printToPDF margins are in inches
      const pdf = await win.printToPDF({
        printBackground: true,
        displayHeaderFooter: !numbersOwnPages(html),
        headerTemplate: PDF_HEADER_TEMPLATE,
        footerTemplate: PDF_FOOTER_TEMPLATE,
        pageSize: 'A4',
        preferCSSPageSize: numbersOwnPages(html),
        margins: { top: 16 * mm, bottom: 18 * mm, left: 15 * mm, right: 15 * mm },
      });
      return new Uint8Array(pdf);
    } finally {
      win.close();
      await rm(file, { force: true });
    }
  };
}

export const chromiumPath = (): string => process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** Prints with playwright-core driving the system Chromium: scripts off, every non-inline request refused. */
export async function printWithChromium(html: string): Promise<Uint8Array> {
  // An opaque specifier keeps the 6 MB of playwright out of Electron's main bundle (Electron injects
  // its own printer); the browser shell and the CLI run from source, where node_modules has it.
  const specifier = 'playwright-core';
  const { chromium } = (await import(/* @vite-ignore */ specifier)) as typeof Playwright;
  const browser = await chromium.launch({
    executablePath: chromiumPath(),
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update'],
  });
  try {
    const context = await browser.newContext({ javaScriptEnabled: false, offline: true });
    // Never load a remote resource, whatever the document asks for; inline data: is all a dossier needs.
    await context.route('**/*', (route) => {
      const url = route.request().url();
      return url.startsWith('data:') || url === 'about:blank' ? route.continue() : route.abort();
    });
    const page = await context.newPage();
    await page.setContent(html, { waitUntil: 'load' });
    const ownNumbers = numbersOwnPages(html);
    const pdf = await page.pdf({
      format: 'A4',
      printBackground: true,
      ...(ownNumbers
        ? { preferCSSPageSize: true }
        : {
            displayHeaderFooter: true,
            headerTemplate: PDF_HEADER_TEMPLATE,
            footerTemplate: PDF_FOOTER_TEMPLATE,
            margin: PDF_MARGINS,
          }),
    });
    return new Uint8Array(pdf);
  } finally {
    await browser.close();
  }
}

/** Prints an HTML document to PDF bytes with page numbers in the footer. */
export async function printHtmlToPdf(html: string): Promise<Uint8Array> {
  try {
    return await (injected ?? printWithChromium)(html);
  } catch (err) {
    const message = (err as Error).message ?? String(err);
    if (!injected && /Executable doesn't exist|ENOENT|Failed to launch/i.test(message))
      throw new Error(
        `PDF export needs Chromium at ${chromiumPath()} (set CHROMIUM_PATH to another browser); export HTML and print it instead`,
        { cause: err },
      );
    throw err;
  }
}
