// Electron's PDF printer: a hidden, hardened window prints the HTML export with Chromium's printToPDF.
import { randomBytes } from 'node:crypto';
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  numbersOwnPages,
  PDF_FOOTER_TEMPLATE,
  PDF_HEADER_TEMPLATE,
  type PdfPrinter,
} from '../core/print-pdf';

/** What Electron's printing needs from a (hidden, hardened) window; kept structural so it is testable without Electron. */
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
    await mkdir(tempDir, { recursive: true });
    const file = join(tempDir, `print-${randomBytes(6).toString('hex')}.html`);
    await writeFile(file, html);
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
