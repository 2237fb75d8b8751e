// Hands exported bytes to the browser as a file download (the browser shell cannot write to the user's folders).
import type { ExportFormat } from '../../src-main/shared/contract';

const MIME: Record<ExportFormat, string> = {
  html: 'text/html',
  pdf: 'application/pdf',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  md: 'text/markdown',
  csv: 'application/zip',
  json: 'application/json',
  w3c: 'application/ld+json',
  qdpx: 'application/zip',
  qdc: 'application/xml',
};

/** Hands bytes to the browser as a download (browser shell: main cannot reach the user's folders). */
export function downloadBytes(data: Uint8Array<ArrayBuffer>, fileName: string, format: ExportFormat): void {
  const url = URL.createObjectURL(new Blob([data], { type: MIME[format] }));
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  a.rel = 'noopener';
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
