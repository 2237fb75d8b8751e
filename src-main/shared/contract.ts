// The typed contract between renderer and main: every channel's input and output schema.
// Main validates each input against it before a handler runs; the renderer imports only types.
import { z } from 'zod';
import type { ChannelName } from './channels';
import type { Result } from './errors';
import { AnalyzedStatement, ExtractedArticle, ImportProgress } from './extraction';
import { Dossier } from './dossier/schema';
import { EXPORT_FORMATS } from './formats';

const Bytes = z.instanceof(Uint8Array);
/** Chosen by the renderer for one importFile or exportDossier call, to ask for its progress or cancel it. */
const ImportJobId = z.string().regex(/^[A-Za-z0-9-]{8,64}$/);
const FileName = z.string().min(1).max(1024);
/** One analyseTexts call: at most this many texts, each at most this long (a very long PDF goes alone). */
export const MAX_ANALYSE_TEXTS = 100;
export const MAX_ANALYSE_CHARS = 50_000_000;

export const AppInfo = z.object({
  name: z.string(),
  version: z.string(),
  shell: z.enum(['electron', 'web']),
  dataDir: z.string(),
  /** Random id kept in the data folder: the renderer's store says which data folder it mirrors. */
  dataFolderId: z.string(),
  limits: z.object({ maxFileBytes: z.number().int().positive(), timeoutMs: z.number().int().positive() }),
  /** OCR languages the app has (English shipped, others added as .traineddata in `ocrFolder`). */
  ocrLanguages: z.array(z.string()).optional(),
  ocrFolder: z.string().optional(),
});
export type AppInfo = z.infer<typeof AppInfo>;

/** The largest piece of a backup one call carries (characters); a backup has no limit but the disk's. */
export const BACKUP_CHUNK_MAX = 8 * 1024 * 1024;
/** A full backup: the whole workspace as a dossier, named by the time it was written. */
export const FULL_BACKUP_NAME = /^backup-[0-9TZ-]+\.json$/;
/** A delta: the records changed since the previous point of a full backup's chain (`.d0001` is its first). */
export const DELTA_BACKUP_NAME = /^backup-[0-9TZ-]+\.d[0-9]{4}\.json$/;
/** The longest chain of deltas one full backup can carry (the name has four digits). */
export const BACKUP_DELTA_SEQ_MAX = 9999;
/**
 * A restorable point: a full backup, or a delta (restored as its full backup plus the deltas of the chain up to
 * it, `seq` 1, 2… in order).
 */
export const BackupEntry = z.object({
  name: z.string(),
  at: z.string(),
  size: z.number().int(),
  kind: z.enum(['full', 'delta']),
  /** A delta's full backup and its place in that backup's chain. */
  base: z.string().regex(FULL_BACKUP_NAME).optional(),
  seq: z.number().int().min(1).max(BACKUP_DELTA_SEQ_MAX).optional(),
});
export type BackupEntry = z.infer<typeof BackupEntry>;

const ExportFormat = z.enum(EXPORT_FORMATS);

/** Progress of one export: items written (articles for most formats) out of the total. */
export const ExportProgress = z.object({
  stage: z.literal('export'),
  done: z.number().int().nonnegative(),
  total: z.number().int().nonnegative(),
});
export type ExportProgress = z.infer<typeof ExportProgress>;

/** What importProgress reports for a running job: an import's OCR pages or an export's items. */
export const JobProgress = z.discriminatedUnion('stage', [ImportProgress, ExportProgress]);
export type JobProgress = z.infer<typeof JobProgress>;

export const contract = {
  appInfo: { input: z.object({}).strict(), output: AppInfo },
  /** Import one file: bytes → detected format → text → statements. Main never sees a path from the renderer. */
  importFile: {
    input: z
      .object({
        name: FileName,
        bytes: Bytes,
        relativePath: z.string().max(4096).optional(),
        jobId: ImportJobId.optional(),
      })
      .strict(),
    output: ExtractedArticle,
  },
  /**
   * Where a running job is: an importFile call (OCR page n of m) or an exportDossier call (item n of m); null
   * when it reports nothing (yet). One progress channel for both, named after its first use.
   */
  importProgress: { input: z.object({ jobId: ImportJobId }).strict(), output: JobProgress.nullable() },
  /**
   * Stop a running importFile or exportDossier call now (its worker is stopped; nothing of the file is kept,
   * no export file is written).
   */
  importCancel: {
    input: z.object({ jobId: ImportJobId }).strict(),
    output: z.object({ cancelled: z.boolean() }),
  },
  /** The sample dossier for a first start: the seed article, imported through the same pipeline. */
  sampleDossier: { input: z.object({}).strict(), output: z.array(ExtractedArticle) },
  /**
   * Write a rolling backup of the workspace (a JSON dossier) in pieces, so neither side ever holds a large
   * workspace whole: each call appends one piece to the write `writeId`; `commit` puts the file in place
   * (the last N points are kept, with the full backups and deltas they need), `abort` throws it away. A new
   * write abandons an unfinished one. With `delta`, the write is the next delta of the newest full backup
   * `base`: refused unless `seq` follows that chain's last delta, so no chain has a hole or a fork.
   */
  backupSave: {
    input: z
      .object({
        writeId: z.uuid(),
        /** 0, 1, 2… in order; piece 0 starts the write. */
        piece: z.number().int().min(0),
        chunk: z.string().max(BACKUP_CHUNK_MAX),
        end: z.enum(['more', 'commit', 'abort']),
        delta: z
          .object({
            base: z.string().regex(FULL_BACKUP_NAME),
            seq: z.number().int().min(1).max(BACKUP_DELTA_SEQ_MAX),
          })
          .strict()
          .optional(),
      })
      .strict(),
    output: z.object({ entry: BackupEntry.nullable() }),
  },
  backupList: { input: z.object({}).strict(), output: z.array(BackupEntry) },
  backupLoad: {
    input: z
      .object({
        name: z.union([z.string().regex(FULL_BACKUP_NAME), z.string().regex(DELTA_BACKUP_NAME)]),
      })
      .strict(),
    output: z.object({ json: z.string() }),
  },
  /** Save an export: Electron shows a native save dialog; the browser shell downloads it. */
  saveExport: {
    input: z
      .object({ suggestedName: FileName, format: ExportFormat, data: z.union([z.string(), Bytes]) })
      .strict(),
    output: z.object({ saved: z.boolean(), path: z.string().nullable() }),
  },
  /**
   * Export a dossier (the whole workspace or a selection, built by the renderer) in a format.
   * Electron writes it where the user chose; the browser shell returns the bytes for a download.
   */
  exportDossier: {
    input: z
      .object({
        // Validated by the handler with validateDossier(), which reports JSON paths.
        dossier: z.unknown(),
        format: ExportFormat,
        title: z.string().max(500).optional(),
        author: z.string().max(200).optional(),
        suggestedName: FileName,
        jobId: ImportJobId.optional(),
      })
      .strict(),
    output: z.object({
      saved: z.boolean(),
      path: z.string().nullable(),
      fileName: z.string(),
      data: Bytes.nullable(),
    }),
  },
  /** Read a dossier file (.json, .qdpx, .qdc) into a validated Dossier for the renderer to merge. */
  importDossier: {
    input: z.object({ name: FileName, bytes: Bytes }).strict(),
    output: Dossier,
  },
  /**
   * Run today's analysis again on texts already in the workspace (re-analysis of stored articles, a batch at
   * a time): one list of statements per text, in order.
   */
  analyseTexts: {
    input: z
      .object({ texts: z.array(z.string().max(MAX_ANALYSE_CHARS)).min(1).max(MAX_ANALYSE_TEXTS) })
      .strict(),
    output: z.array(z.array(AnalyzedStatement)),
  },
} as const satisfies Record<ChannelName, { input: z.ZodType; output: z.ZodType }>;

export type Contract = typeof contract;
export type Input<C extends ChannelName> = z.input<Contract[C]['input']>;
export type Output<C extends ChannelName> = z.output<Contract[C]['output']>;

/** The renderer's view of main: one named method per channel. */
export type Api = { [C in ChannelName]: (input: Input<C>) => Promise<Result<Output<C>>> };

/** Context a handler runs in (which shell, which sender). */
export interface HandlerContext {
  shell: 'electron' | 'web';
}

/** Every channel must have a handler: a missing key is a compile error. */
export type Handlers = {
  [C in ChannelName]: (input: z.output<Contract[C]['input']>, ctx: HandlerContext) => Promise<Output<C>>;
};
