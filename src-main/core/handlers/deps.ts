// What every group of handlers is given by its shell (Electron, the browser shell, the CLI): the abilities that
// differ per shell are passed in, never imported.
import type { ImportLimits } from '../import/limits';
import type { PdfPrinter } from '../print-pdf';

export interface HandlerDeps {
  shell: 'electron' | 'web';
  version: string;
  dataDir: string;
  /** Folder holding sample/ and other shipped assets. */
  assetsDir: string;
  limits?: Partial<ImportLimits>;
  /** Electron: a native save dialog. Absent in the browser shell (exports go to the data folder). */
  chooseSavePath?: (suggestedName: string) => Promise<string | null>;
  /** Prints the HTML export to PDF: Electron's own window in Electron, the system Chromium elsewhere. */
  printPdf: PdfPrinter;
  backupsKept?: number;
}
