// Errors from the workspace database that a person must hear about (a full disk), in plain words.
export function isQuotaError(err: unknown): boolean {
  const e = err as { name?: string; inner?: { name?: string } } | null;
  return e?.name === 'QuotaExceededError' || e?.inner?.name === 'QuotaExceededError';
}

export const QUOTA_MESSAGE =
  'not stored: the disk (or the browser storage quota) is full. Free some space and import again; nothing already in the workspace was lost.';
