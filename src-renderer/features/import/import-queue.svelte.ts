// The import queue: sends each file to main's pipeline, stores the result in one transaction,
// and keeps progress and a report. Cancelling stops after the current file and stores nothing of it.
import type { ReportRow } from './report-row';
import { api } from '../../lib/api';
import { recordImport, storeExtractedArticle } from '../../lib/db';
import { backupAfterImport } from '../../lib/db/backup';
import type { PickedFile } from './dropped-files';
import { isDossierName } from '../../../src-main/shared/formats';
import { tooLargeReason } from '../../../src-main/shared/sizes';
import { importDossierFile } from './dossier-import';
import { afterArticleImported } from '../../lib/version-check';
import { isQuotaError, QUOTA_MESSAGE } from '../../lib/storage-errors';
import { workbench } from '../../lib/state/workbench.svelte';

let cachedLimit: number | null = null;

/** The size limit main enforces, asked once, so a huge file is refused before it is read into memory. */
async function maxFileBytes(): Promise<number> {
  if (cachedLimit === null) {
    const info = await api.appInfo({});
    cachedLimit = info.ok ? info.value.limits.maxFileBytes : Number.POSITIVE_INFINITY;
  }
  return cachedLimit;
}

class ImportQueue {
  running = $state(false);
  total = $state(0);
  done = $state(0);
  current = $state<string | null>(null);
  report = $state<ReportRow[]>([]);
  reportOpen = $state(false);
  private cancelRequested = false;
  /** Set when the database refused a write for lack of space: the rest of the batch is skipped. */
  private storageFull = false;

  cancel(): void {
    this.cancelRequested = true;
  }

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
    try {
      for (const picked of files) {
        if (this.cancelRequested) break;
        this.current = picked.relativePath;
        // An article stored while Cancel was pressed is still reported: the report never hides data.
        const row = await this.importOne(picked);
        rows.push(row);
        this.report = [...rows];
        if (this.storageFull) {
          workbench.notify('The disk is full: the import stopped. Nothing already stored was lost.', 'error');
          this.cancelRequested = true;
          this.done++;
          break;
        }
        await recordImport(batchId, row).catch((err: unknown) => {
          // The history row is a convenience; the article itself is already stored (or not) in full.
          if (!isQuotaError(err)) throw err;
        });
        if (row.articleId && row.outcome === 'imported') onImported?.(row.articleId);
        this.done++;
      }
      if (this.cancelRequested) {
        for (const picked of files.slice(rows.length)) {
          rows.push({
            fileName: picked.relativePath,
            outcome: 'refused',
            title: null,
            format: null,
            statementCount: 0,
            reason: this.storageFull ? 'not imported: the disk is full' : 'cancelled before import',
            articleId: null,
          });
        }
        this.report = [...rows];
      }
    } finally {
      this.running = false;
      this.current = null;
      this.reportOpen = true;
      backupAfterImport();
    }
    return rows;
  }

  private async importOne(picked: PickedFile): Promise<ReportRow> {
    const base = {
      fileName: picked.relativePath,
      title: null,
      format: null,
      statementCount: 0,
      articleId: null,
    };
    if (picked.skipped) return { ...base, outcome: 'refused', reason: picked.skipped };
    const limit = await maxFileBytes();
    if (picked.file.size > limit) {
      return {
        ...base,
        outcome: 'refused',
        reason: tooLargeReason(picked.file.size, limit),
      };
    }
    let bytes: Uint8Array<ArrayBuffer>;
    try {
      bytes = new Uint8Array(await picked.file.arrayBuffer());
    } catch (err) {
      return { ...base, outcome: 'refused', reason: `could not read the file (${(err as Error).message})` };
    }
    if (isDossierName(picked.file.name)) return importDossierFile(picked.relativePath, bytes);
    const result = await api.importFile({ name: picked.file.name, bytes, relativePath: picked.relativePath });
    if (!result.ok) return { ...base, outcome: 'refused', reason: result.message };
    if (this.cancelRequested) return { ...base, outcome: 'refused', reason: 'cancelled' };
    let stored: Awaited<ReturnType<typeof storeExtractedArticle>>;
    try {
      stored = await storeExtractedArticle(result.value);
    } catch (err) {
      // The write is one transaction: on failure nothing of this article was stored.
      if (isQuotaError(err)) {
        this.storageFull = true;
        return { ...base, outcome: 'refused', reason: QUOTA_MESSAGE };
      }
      return { ...base, outcome: 'refused', reason: `not stored: ${(err as Error).message}` };
    }
    if (stored.outcome === 'duplicate') {
      return {
        ...base,
        outcome: 'duplicate',
        title: stored.article.title,
        format: result.value.format,
        articleId: stored.article.id,
        reason: `same text as “${stored.article.title}”, already in the workspace`,
      };
    }
    await afterArticleImported(stored.article);
    return {
      ...base,
      outcome: 'imported',
      title: stored.article.title,
      format: stored.article.format,
      statementCount: stored.statementCount,
      articleId: stored.article.id,
      reason: null,
    };
  }
}

export const importQueue = new ImportQueue();
