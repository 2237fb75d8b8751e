// Errors from the workspace database that a person must hear about (a full disk, a reader's edit), in plain words.
import { EditRefused } from './db';

export function isQuotaError(err: unknown): boolean {
  const e = err as { name?: string; inner?: { name?: string } } | null;
  return e?.name === 'QuotaExceededError' || e?.inner?.name === 'QuotaExceededError';
}

export const QUOTA_MESSAGE =
  'not stored: the disk (or the browser storage quota) is full. Free some space and import again; nothing already in the workspace was lost.';

/** What to tell the person when a write failed for a reason they can act on, or null for other errors. */
export function refusedWrite(err: unknown): string | null {
  if (err instanceof EditRefused) return err.message;
  if (isQuotaError(err))
    return 'Not saved: the disk is full. Free some space; nothing already stored was lost.';
  return null;
}
