// One export from start to finish: workspace → (selection) → main renders and saves → browser download.
import type { ExportFormat } from '../../../src-main/shared/formats';
import { selectDossier, type DossierSelection } from '../../../src-main/shared/dossier';
import { api } from '../../lib/api';
import { dossiers } from '../../lib/db';
import { downloadBytes } from '../../lib/download';

export const FORMAT_CHOICES: { id: ExportFormat; label: string; hint: string }[] = [
  { id: 'html', label: 'HTML', hint: 'one self-contained page to read and print' },
  { id: 'pdf', label: 'PDF', hint: 'the same document, paginated' },
  { id: 'docx', label: 'Word', hint: '.docx for editing' },
  { id: 'md', label: 'Markdown', hint: 'for Obsidian or GitHub' },
  { id: 'csv', label: 'CSV', hint: 'annotations and statements for spreadsheets (zip)' },
  { id: 'json', label: 'JSON dossier', hint: 'lossless; Corroborate opens it again' },
  { id: 'w3c', label: 'W3C Web Annotation', hint: 'JSON-LD for annotation tools' },
  { id: 'qdpx', label: 'REFI-QDA project', hint: '.qdpx for ATLAS.ti, NVivo, MAXQDA, QualCoder' },
];

export type ExportPhase = 'collecting' | 'rendering' | 'saving';
export const PHASE_LABEL: Record<ExportPhase, string> = {
  collecting: 'Collecting the workspace…',
  rendering: 'Writing the document…',
  saving: 'Saving…',
};

/** How far the export worker has got: items (articles, for most formats) written out of the total. */
export interface ExportItems {
  done: number;
  total: number;
}

/** The percentage shown while writing: whole numbers, 100 only when every item is written. */
export function exportPercent({ done, total }: ExportItems): number {
  if (total <= 0 || done >= total) return total <= 0 ? 0 : 100;
  return Math.floor((done / total) * 100);
}

/** "Writing HTML… 42 %": the line the dialog shows while main renders. */
export function writingLabel(format: ExportFormat, items: ExportItems | null): string {
  const label = FORMAT_CHOICES.find((f) => f.id === format)?.label ?? format.toUpperCase();
  return `Writing ${label}…${items ? ` ${exportPercent(items)} %` : ''}`;
}

/** What the dialog hears while an export runs, and the signal that cancels it. */
export interface ExportHooks {
  onPhase: (phase: ExportPhase) => void;
  onProgress: (items: ExportItems) => void;
  signal: AbortSignal;
}

export interface ExportRequest {
  format: ExportFormat;
  /** null: the whole workspace. */
  selection: DossierSelection | null;
  title?: string;
  author?: string;
}

export type ExportOutcome =
  | { kind: 'saved'; fileName: string; path: string | null; bytes: number; downloaded: boolean }
  | { kind: 'not-saved' }
  | { kind: 'cancelled' }
  | { kind: 'failed'; message: string };

let producer: string | null = null;
async function exportedBy(): Promise<string> {
  if (producer) return producer;
  const info = await api.appInfo({});
  producer = info.ok ? `${info.value.name} ${info.value.version}` : 'Corroborate';
  return producer;
}

/** A file name from the title (or the date), without characters file systems refuse. */
export function suggestedFileName(title: string | undefined, at = new Date()): string {
  const slug = (title ?? '')
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60);
  return slug || `corroborate-dossier-${at.toISOString().slice(0, 10)}`;
}

/**
 * Runs an export. While main renders (in its export worker), its progress is asked for every few hundred
 * milliseconds; a cancel stops the worker, so no file is written, not even the copy under exports/.
 */
export async function runExport(
  req: ExportRequest,
  { onPhase, onProgress, signal }: ExportHooks,
): Promise<ExportOutcome> {
  const cancelled = () => signal.aborted;
  try {
    onPhase('collecting');
    const whole = await dossiers.read(await exportedBy());
    const dossier = req.selection ? selectDossier(whole, req.selection) : whole;
    if (cancelled()) return { kind: 'cancelled' };
    if (dossier.articles.length === 0 && dossier.tags.length === 0)
      return { kind: 'failed', message: 'There is nothing to export: the selection holds no article.' };
    onPhase('rendering');
    const result = await withJob(signal, onProgress, (jobId) =>
      api.exportDossier({
        dossier,
        format: req.format,
        title: req.title || undefined,
        author: req.author || undefined,
        suggestedName: suggestedFileName(req.title),
        jobId,
      }),
    );
    if (cancelled()) return { kind: 'cancelled' };
    if (!result.ok)
      return result.code === 'cancelled'
        ? { kind: 'cancelled' }
        : { kind: 'failed', message: result.message };
    const { saved, path, fileName, data } = result.value;
    if (!saved) return { kind: 'not-saved' };
    onPhase('saving');
    if (data) downloadBytes(data, fileName, req.format);
    return { kind: 'saved', fileName, path, bytes: data?.byteLength ?? 0, downloaded: data !== null };
  } catch (err) {
    return { kind: 'failed', message: (err as Error).message };
  }
}

/** Runs one main-side job under a fresh id: polls its progress, and cancels it in main when `signal` aborts. */
async function withJob<T>(
  signal: AbortSignal,
  onProgress: (items: ExportItems) => void,
  run: (jobId: string) => Promise<T>,
): Promise<T> {
  const jobId = crypto.randomUUID();
  let running = true;
  const poll = setInterval(() => {
    void api.importProgress({ jobId }).then((reply) => {
      if (running && reply.ok && reply.value?.stage === 'export') onProgress(reply.value);
    });
  }, 250);
  // The cancel can reach main before the export itself (a large dossier is still being sent): ask again until
  // main has stopped it or the export has ended.
  const cancel = () => {
    void api.importCancel({ jobId }).then((reply) => {
      if (running && !(reply.ok && reply.value.cancelled)) setTimeout(cancel, 200);
    });
  };
  signal.addEventListener('abort', cancel);
  if (signal.aborted) cancel();
  try {
    return await run(jobId);
  } finally {
    running = false;
    clearInterval(poll);
    signal.removeEventListener('abort', cancel);
  }
}
