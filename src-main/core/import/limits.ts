// Limits that protect the app from hostile or huge files; every importer reads them from here.
export interface ImportLimits {
  maxFileBytes: number;
  timeoutMs: number;
  maxDocxUncompressedBytes: number;
  /**
   * Deepest element nesting accepted in a web page (estimated from its tags). Real pages stay under ~100;
   * Readability's cost grows with the square of the depth, so thousands of levels would take minutes.
   */
  maxHtmlDepth: number;
  /** Pages read from one PDF; a bigger PDF is refused rather than left to run for minutes. */
  maxPdfPages: number;
}

export const DEFAULT_LIMITS: ImportLimits = {
  maxFileBytes: 200 * 1024 * 1024,
  timeoutMs: 60_000,
  maxDocxUncompressedBytes: 500 * 1024 * 1024,
  maxHtmlDepth: 400,
  maxPdfPages: 5_000,
};
