// The import queue: sends files to main's pipeline a few ahead, stores the results in batched
// transactions, and keeps progress and a report. Cancelling stores nothing not yet written.
import type { ReportRow } from './report-row';
import { api } from '../../lib/api';
import { backups, holdLiveQueries, imports, type StoreOutcome } from '../../lib/db';
import type { ExtractedArticle, ImportProgress } from '../../../src-main/shared/extraction';
import { ocrSummary } from '../../../src-main/shared/ocr-note';
import type { PickedFile } from './dropped-files';
import { isDossierName, mayHoldScans } from '../../../src-main/shared/formats';
import { tooLargeReason } from '../../../src-main/shared/sizes';
import { importDossierFile } from './dossier-import';
import { afterArticlesImported } from '../../lib/version-check';
import { isQuotaError, QUOTA_MESSAGE } from '../../lib/storage-errors';
import { workbench } from '../../lib/state/workbench.svelte';
import { Extractions } from './extractions';

let cachedLimit: number | null = null;

/** The size limit main enforces, asked once, so a huge file is refused before it is read into memory. */
async function maxFileBytes(): Promise<number> {
  if (cachedLimit === null) {
    const info = await api.appInfo({});
    cachedLimit = info.ok ? info.value.limits.maxFileBytes : Number.POSITIVE_INFINITY;
  }
  return cachedLimit;
}

/** A file read and extracted by main, waiting to be stored with the next batch. */
type Prepared =
  | { kind: 'row'; row: ReportRow }
  | { kind: 'dossier'; fileName: string; bytes: Uint8Array<ArrayBuffer> }
  | { kind: 'article'; fileName: string; extracted: ExtractedArticle };

/** Files main reads and extracts at once: enough to keep its worker busy between one request and the next. */
const AHEAD = 4;
/** A batch is stored when it holds this many articles, or has waited this long (ms) with no file ready behind it. */
const BATCH_SIZE = 40;
const BATCH_WAIT_MS = 400;
/**
 * Files extracted (or being extracted) and not yet stored, at most: main extracts the next batch while the
 * renderer writes this one, and memory stays bounded however many files are dropped.
 */
const BUFFERED = 2 * BATCH_SIZE;
/** How often main is asked how far a file being extracted has got (OCR: page n of m). */
const POLL_MS = 300;
/**
 * A file whose name does not claim scans (a .txt, .docx…) is asked about only once it has taken this long: its
 * content could still be a scan, but the thousands of files of a folder drop cost no round trips for nothing.
 */
const POLL_TEXT_AFTER_MS = 2000;

const cancelledRow = (fileName: string, reason: string): ReportRow => ({
  fileName,
  outcome: 'refused',
  title: null,
  format: null,
  statementCount: 0,
  reason,
  articleId: null,
});

class ImportQueue {
  running = $state(false);
  total = $state(0);
  done = $state(0);
  current = $state<string | null>(null);
  report = $state<ReportRow[]>([]);
  reportOpen = $state(false);
  /** Progress inside a file being extracted, for files that report it (OCR: page n of m). */
  currentProgress = $state<ImportProgress | null>(null);
  /** Files main is extracting now (a few run ahead of the one being stored). */
  private readonly jobs = new Set<string>();
  private cancelRequested = false;
  /** Set when the database refused a write for lack of space: the rest of the batch is skipped. */
  private storageFull = false;

  cancel(): void {
    this.cancelRequested = true;
    // A long file (a scan being recognised) stops now rather than after its last page.
    for (const jobId of this.jobs) void api.importCancel({ jobId });
  }

  /**
   * Imports the files as a pipeline: main reads and extracts files (AHEAD at a time, up to BUFFERED ahead)
   * while the previous ones are written, in batched transactions. Progress moves per stored batch.
   */
  async run(files: PickedFile[], onImported?: (articleId: string) => void): Promise<ReportRow[]> {
    if (this.running || files.length === 0) return [];
    this.running = true;
    this.cancelRequested = false;
    this.storageFull = false;
    this.total = files.length;
    this.done = 0;
    this.report = [];
    const batchId = crypto.randomUUID();
    const rows: ReportRow[] = [];
    const pending: Extract<Prepared, { kind: 'article' }>[] = [];
    const extractions = new Extractions(files, (f: PickedFile) => this.prepare(f), {
      ahead: AHEAD,
      buffered: BUFFERED,
      stopped: () => this.cancelRequested,
    });
    let lastFlush = performance.now();
    // The last article imported is opened once at the end, not after every batch (the reader would re-render each time).
    let lastImported: string | null = null;
    const flush = async () => {
      const stored = await this.storeBatch(pending.splice(0), batchId);
      rows.push(...stored);
      this.report = [...rows];
      this.done = rows.length;
      lastFlush = performance.now();
      lastImported = stored.filter((r) => r.outcome === 'imported').at(-1)?.articleId ?? lastImported;
    };
    backups.holdDuringImport();
    // The screens read the workspace again once a second instead of taking in every key each batch writes.
    const releaseLive = holdLiveQueries();
    const releaseLookups = imports.holdLookups();
    try {
      for (let next = extractions.take(); next; next = extractions.take()) {
        const prepared = await next;
        if (this.cancelRequested || this.storageFull) {
          rows.push(prepared.kind === 'row' ? prepared.row : cancelledRow(prepared.fileName, 'cancelled'));
          continue;
        }
        if (prepared.kind === 'article') {
          this.current = prepared.fileName;
          pending.push(prepared);
          // Files already back are stored with this batch; a slow file (OCR) does not hold up the ones before it.
          const waited = performance.now() - lastFlush > BATCH_WAIT_MS && !extractions.nextReady;
          if (pending.length >= BATCH_SIZE || waited) await flush();
          continue;
        }
        if (pending.length) await flush();
        const row =
          prepared.kind === 'row' ? prepared.row : await importDossierFile(prepared.fileName, prepared.bytes);
        rows.push(row);
        await imports.record(batchId, [row]).catch(ignoreQuota);
        this.done = rows.length;
        this.report = [...rows];
      }
      if (pending.length) {
        // Cancel pressed while these waited: nothing of them is stored.
        if (this.cancelRequested)
          for (const p of pending.splice(0)) rows.push(cancelledRow(p.fileName, 'cancelled'));
        else await flush();
      }
      if (this.storageFull)
        workbench.notify('The disk is full: the import stopped. Nothing already stored was lost.', 'error');
      for (const picked of extractions.notStarted())
        rows.push(
          cancelledRow(
            picked.relativePath,
            this.storageFull ? 'not imported: the disk is full' : 'cancelled before import',
          ),
        );
      this.report = [...rows];
      if (lastImported) onImported?.(lastImported);
    } finally {
      releaseLive();
      releaseLookups();
      this.running = false;
      this.current = null;
      this.reportOpen = true;
      backups.afterImport();
    }
    return rows;
  }

  /** Stores a batch in one transaction and records its report rows; offers versions for new articles. */
  private async storeBatch(batch: Extract<Prepared, { kind: 'article' }>[], batchId: string) {
    if (!batch.length) return [];
    const outcomes = await imports.storeAll(batch.map((b) => b.extracted));
    const rows = batch.map((b, i) => this.rowFor(b, outcomes[i]!));
    await imports.record(batchId, rows).catch(ignoreQuota);
    await afterArticlesImported(
      outcomes.flatMap((o) => (!(o instanceof Error) && o.outcome === 'imported' ? [o.article] : [])),
    );
    return rows;
  }

  private rowFor(b: Extract<Prepared, { kind: 'article' }>, stored: StoreOutcome | Error): ReportRow {
    const base = { fileName: b.fileName, title: null, format: null, statementCount: 0, articleId: null };
    if (stored instanceof Error) {
      // The write is one transaction: on failure nothing of this article was stored.
      if (isQuotaError(stored)) {
        this.storageFull = true;
        return { ...base, outcome: 'refused', reason: QUOTA_MESSAGE };
      }
      return { ...base, outcome: 'refused', reason: `not stored: ${stored.message}` };
    }
    if (stored.outcome === 'duplicate') {
      return {
        ...base,
        outcome: 'duplicate',
        title: stored.article.title,
        format: b.extracted.format,
        articleId: stored.article.id,
        reason: `same text as “${stored.article.title}”, already in the workspace`,
      };
    }
    return {
      ...base,
      outcome: 'imported',
      title: stored.article.title,
      format: stored.article.format,
      statementCount: stored.statementCount,
      articleId: stored.article.id,
      reason: stored.article.ocr ? ocrSummary(stored.article.ocr) : null,
    };
  }

  /** Reads one file and has main extract it; nothing is stored here. Never rejects: a failure is a refused row. */
  private prepare(picked: PickedFile): Promise<Prepared> {
    return this.extract(picked).catch((err: unknown) => ({
      kind: 'row',
      row: cancelledRow(picked.relativePath, `could not be imported (${(err as Error)?.message ?? err})`),
    }));
  }

  private async extract(picked: PickedFile): Promise<Prepared> {
    const fileName = picked.relativePath;
    const refuse = (reason: string): Prepared => ({ kind: 'row', row: cancelledRow(fileName, reason) });
    if (picked.skipped) return refuse(picked.skipped);
    const limit = await maxFileBytes();
    if (picked.file.size > limit) return refuse(tooLargeReason(picked.file.size, limit));
    let bytes: Uint8Array<ArrayBuffer>;
    try {
      bytes = new Uint8Array(await picked.file.arrayBuffer());
    } catch (err) {
      return refuse(`could not read the file (${(err as Error).message})`);
    }
    if (isDossierName(picked.file.name)) return { kind: 'dossier', fileName, bytes };
    const result = await this.importWithProgress(picked, bytes);
    if (!result.ok) return refuse(result.message);
    return { kind: 'article', fileName, extracted: result.value };
  }

  /** importFile, asking main every few hundred milliseconds how far the file has got (see POLL_TEXT_AFTER_MS). */
  private async importWithProgress(picked: PickedFile, bytes: Uint8Array<ArrayBuffer>) {
    const jobId = crypto.randomUUID();
    this.jobs.add(jobId);
    const ask = () =>
      void api.importProgress({ jobId }).then((reply) => {
        if (reply.ok && reply.value?.stage === 'ocr' && this.jobs.has(jobId))
          this.currentProgress = reply.value;
      });
    let poll: ReturnType<typeof setInterval> | null = null;
    const start = setTimeout(
      () => {
        ask();
        poll = setInterval(ask, POLL_MS);
      },
      mayHoldScans(picked.file.name) ? POLL_MS : POLL_TEXT_AFTER_MS,
    );
    try {
      return await api.importFile({
        name: picked.file.name,
        bytes,
        relativePath: picked.relativePath,
        jobId,
      });
    } finally {
      clearTimeout(start);
      if (poll) clearInterval(poll);
      this.jobs.delete(jobId);
      if (this.jobs.size === 0) this.currentProgress = null;
    }
  }
}

function ignoreQuota(err: unknown): void {
  // The history row is a convenience; the article itself is already stored (or not) in full.
  if (!isQuotaError(err)) throw err;
}

export const importQueue = new ImportQueue();
