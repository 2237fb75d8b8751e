// An incremental backup ("delta"): the records of each table changed since the previous point of a full backup's
// chain, in their state when it was written, and the ids deleted. A point is restored as the full backup with the
// deltas 1, 2… up to it applied in order; the result is then checked as any dossier (validateDossier).
import { z } from 'zod';
import { FULL_BACKUP_NAME, BACKUP_DELTA_SEQ_MAX } from './contract';
import { DossierTableName, HistoryEntry, RECORD_TABLES } from './dossier';

export const BACKUP_DELTA_FORMAT = 'corroborate-backup-delta';
export const BACKUP_DELTA_FORMAT_VERSION = 1;

const Row = z.looseObject({ id: z.string() });
const perTable = <T extends z.ZodType>(item: T) => z.partialRecord(DossierTableName, z.array(item));

export const BackupDelta = z.object({
  format: z.literal(BACKUP_DELTA_FORMAT),
  formatVersion: z.literal(BACKUP_DELTA_FORMAT_VERSION),
  /** The full backup this delta extends, and its place in that backup's chain (1 is the first delta). */
  base: z.string().regex(FULL_BACKUP_NAME),
  seq: z.number().int().min(1).max(BACKUP_DELTA_SEQ_MAX),
  exportedAt: z.string(),
  exportedBy: z.string(),
  /** Records written since the previous point, as they are now. */
  upserts: perTable(Row),
  /** Ids of records deleted since the previous point. */
  deletes: perTable(z.string()),
  /** The merge history as it is now (it is small: records that lost a merge). */
  history: z.array(HistoryEntry),
});
export type BackupDelta = z.infer<typeof BackupDelta>;

/** Checks a parsed delta file is one, and is delta `seq` of `base`; returns it or says what is wrong. */
export function readBackupDelta(
  json: unknown,
  base: string,
  seq: number,
): { ok: true; delta: BackupDelta } | { ok: false; message: string } {
  const parsed = BackupDelta.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return { ok: false, message: `${issue?.path.join('.') || 'the file'}: ${issue?.message}` };
  }
  if (parsed.data.base !== base || parsed.data.seq !== seq)
    return { ok: false, message: `it is delta ${parsed.data.seq} of ${parsed.data.base}` };
  return { ok: true, delta: parsed.data };
}

/**
 * The dossier a full backup (parsed, not yet validated) becomes with `deltas` applied in order: each upsert
 * replaces or adds the record with its id, each delete removes it; the merge history is the last delta's.
 * The full backup is not changed.
 */
export function applyBackupDeltas(full: unknown, deltas: readonly BackupDelta[]): unknown {
  if (deltas.length === 0 || typeof full !== 'object' || full === null || Array.isArray(full)) return full;
  const out: Record<string, unknown> = { ...(full as Record<string, unknown>) };
  for (const table of RECORD_TABLES) {
    const rows = out[table];
    const byId = new Map<string, unknown>();
    if (Array.isArray(rows)) for (const row of rows as { id?: unknown }[]) byId.set(String(row?.id), row);
    for (const delta of deltas) {
      for (const id of delta.deletes[table] ?? []) byId.delete(id);
      for (const row of delta.upserts[table] ?? []) byId.set(row.id, row);
    }
    if (Array.isArray(rows) || byId.size > 0) out[table] = [...byId.values()];
  }
  out.history = deltas.at(-1)!.history;
  out.exportedAt = deltas.at(-1)!.exportedAt;
  return out;
}
