// User settings kept in the data folder (settings.json): the import limits people may change.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import type { ImportLimits } from './import/limits';

const Settings = z
  .object({
    maxFileMb: z.number().positive().max(100_000).optional(),
    timeoutSeconds: z.number().positive().max(86_400).optional(),
    maxDocxUncompressedMb: z.number().positive().max(1_000_000).optional(),
  })
  .strict();
export type Settings = z.infer<typeof Settings>;

export function limitsFromSettings(s: Settings): Partial<ImportLimits> {
  const out: Partial<ImportLimits> = {};
  if (s.maxFileMb) out.maxFileBytes = Math.round(s.maxFileMb * 1048576);
  if (s.timeoutSeconds) out.timeoutMs = Math.round(s.timeoutSeconds * 1000);
  if (s.maxDocxUncompressedMb) out.maxDocxUncompressedBytes = Math.round(s.maxDocxUncompressedMb * 1048576);
  return out;
}

/** Read `<dataDir>/settings.json`; a missing file means defaults, a broken one is reported and ignored. */
export function readSettings(dataDir: string, warn: (m: string) => void = console.warn): Settings {
  const path = join(dataDir, 'settings.json');
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch {
    return {};
  }
  try {
    const parsed = Settings.safeParse(JSON.parse(text));
    if (parsed.success) return parsed.data;
    warn(`${path}: ignored (${parsed.error.issues[0]?.message ?? 'invalid'}); using default limits`);
  } catch (err) {
    warn(`${path}: ignored (not JSON: ${(err as Error).message}); using default limits`);
  }
  return {};
}
