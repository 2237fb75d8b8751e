// HTML → PDF with page numbers: the printer type every shell injects, and the system Chromium's printer.
import type * as Playwright from 'playwright-core';

export type PdfPrinter = (html: string) => Promise<Uint8Array>;

/** Page number footer: Chromium fills .pageNumber and .totalPages (same template for Electron and Playwright). */
export const PDF_FOOTER_TEMPLATE =
  '<div style="width:100%;font-family:Georgia,\'DejaVu Serif\',serif;font-size:8px;color:#555;text-align:center;">' +
  '<span class="pageNumber"></span> / <span class="totalPages"></span></div>';
export const PDF_HEADER_TEMPLATE = '<span></span>';
export const PDF_MARGINS = { top: '16mm', bottom: '18mm', left: '15mm', right: '15mm' };

/**
 * True when the document numbers its own pages with CSS margin boxes (the HTML export does, and skips
 * its cover); the footer template would then print a second number, so it is only the fallback.
 */
export function numbersOwnPages(html: string): boolean {
  return /@(bottom|top)-(left|center|right)\s*\{[^}]*counter\(page\)/.test(html);
}

export const chromiumPath = (): string => process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/**
 * The printer of the browser shell and the CLI: playwright-core driving the system Chromium, scripts off,
 * every non-inline request refused. Electron's shell injects its own (src-main/electron/print-pdf.ts).
 */
export const printWithChromium: PdfPrinter = async (html) => {
  try {
    return await printInChromium(html);
  } catch (err) {
    const message = (err as Error).message ?? String(err);
    if (/Executable doesn't exist|ENOENT|Failed to launch/i.test(message))
      throw new Error(
        `PDF export needs Chromium at ${chromiumPath()} (set CHROMIUM_PATH to another browser); export HTML and print it instead`,
        { cause: err },
      );
    throw err;
  }
};

async function printInChromium(html: string): Promise<Uint8Array> {
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
