// The common shape of every exporter: a dossier in, a string or bytes out, with progress and cancel.
import type { Dossier } from '../../shared/dossier';

export interface ExportOptions {
  title?: string;
  author?: string;
  onProgress?: (done: number, total: number) => void;
  signal?: AbortSignal;
}

export type Exporter = (dossier: Dossier, opts?: ExportOptions) => Promise<string | Uint8Array>;
