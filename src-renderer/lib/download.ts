// Hands exported bytes to the browser as a file download (the browser shell cannot write to the user's folders).
import { EXPORT_MIME_TYPES, type ExportFormat } from '../../src-main/shared/formats';

/** Hands bytes to the browser as a download (browser shell: main cannot reach the user's folders). */
export function downloadBytes(data: Uint8Array<ArrayBuffer>, fileName: string, format: ExportFormat): void {
  const url = URL.createObjectURL(new Blob([data], { type: EXPORT_MIME_TYPES[format] }));
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  a.rel = 'noopener';
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
