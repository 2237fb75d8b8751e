// The common shape of every exporter: a dossier in, a string or bytes out, with progress and cancel.
import type { Dossier } from '../../shared/dossier';

export interface ExportOptions {
  title?: string;
  author?: string;
  onProgress?: (done: number, total: number) => void;
  signal?: AbortSignal;
}

export type Exporter = (dossier: Dossier, opts?: ExportOptions) => Promise<string | Uint8Array>;

export const EXPORT_FORMATS = ['html', 'md', 'docx', 'csv', 'json', 'w3c', 'qdpx', 'qdc'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

/** File extension written for each format (csv is a zip holding annotations.csv and statements.csv). */
export const EXPORT_EXTENSIONS: Record<ExportFormat, string> = {
  html: '.html',
  md: '.md',
  docx: '.docx',
  csv: '.zip',
  json: '.json',
  w3c: '.jsonld',
  qdpx: '.qdpx',
  qdc: '.qdc',
};
