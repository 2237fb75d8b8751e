// The common shape of every exporter: a dossier in, a string or bytes out, with progress and cancel.
import type { Dossier } from '../../shared/dossier';

export interface ExportOptions {
  title?: string;
  author?: string;
  /** May return a promise: the export waits for it before going on. */
  onProgress?: (done: number, total: number) => unknown;
  signal?: AbortSignal;
}

export type Exporter = (dossier: Dossier, opts?: ExportOptions) => Promise<string | Uint8Array>;
