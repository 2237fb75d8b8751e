// The export registry: one exporter per format, plus the importers for files that can come back.
import { exportCsv } from './csv';
import { exportDocx } from './docx';
import { exportHtml } from './html';
import { exportJson } from './json';
import { exportMarkdown } from './md';
import { exportQdc } from './qdc';
import { exportQdpx } from './qdpx';
import type { RenderedFormat } from '../../shared/formats';
import type { Exporter } from './types';
import { exportW3c } from './w3c';

/** One exporter per rendered format; PDF is the HTML export printed (see renderDossier). */
export const EXPORTERS: Record<RenderedFormat, Exporter> = {
  html: exportHtml,
  md: exportMarkdown,
  docx: exportDocx,
  csv: exportCsv,
  json: exportJson,
  w3c: exportW3c,
  qdpx: exportQdpx,
  qdc: exportQdc,
};

export type { ExportOptions, Exporter } from './types';
export { ExportCancelled } from './progress';
export { safeFileName, safeJoin, writeFileAtomic } from '../files';
export { parseQdc } from './qdc';
export { importQdpx } from './qdpx-import';
export { W3cAnnotationValidator } from './w3c-validate';
