// `npm run gen:hostile [-- --out DIR] [-- --no-huge]`: writes the hostile-input corpus and its manifest.
// Every file is built from code (test/unit/hostile/corpus); nothing binary is committed.
import { createWriteStream } from 'node:fs';
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { once } from 'node:events';
import { DEFAULT_LIMITS } from '../src-main/core/import/limits';
import { hostileCases, MARKER, type HostileCase } from '../test/unit/hostile/corpus/cases';

/** The manifest entry of one generated file: the name to import it under and the outcome it must have. */
export interface ManifestEntry {
  file: string;
  name: string;
  bytes: number;
  outcome: 'imported' | 'refused';
  code?: string;
  reason?: string;
  includes?: string[];
  excludes?: string[];
  sameAs?: string;
}

export const HUGE_FILE = 'huge-300mb.txt';
const HUGE_BYTES = 300 * 1024 * 1024;

/** Stream 300 MB of text to disk a megabyte at a time: the generator never holds the file in memory. */
export async function writeHugeText(path: string, bytes = HUGE_BYTES): Promise<void> {
  const line = `${MARKER}. The minister said the bridge would reopen in May.\n`;
  const chunk = Buffer.from(line.repeat(Math.ceil((1 << 20) / line.length))).subarray(0, 1 << 20);
  const out = createWriteStream(path);
  for (let written = 0; written < bytes; written += chunk.length) {
    const piece = chunk.subarray(0, Math.min(chunk.length, bytes - written));
    if (!out.write(piece)) await once(out, 'drain');
  }
  out.end();
  await once(out, 'finish');
}

function entryFor(c: HostileCase, size: number): ManifestEntry {
  const e = c.expect;
  return {
    file: c.id,
    name: c.name,
    bytes: size,
    outcome: e.outcome,
    ...(e.outcome === 'refused'
      ? { code: e.code ?? 'refused', reason: e.reason.source }
      : { includes: e.includes, excludes: e.excludes }),
    ...(c.sameAs ? { sameAs: c.sameAs } : {}),
  };
}

export async function writeCorpus(outDir: string, options: { huge: boolean }): Promise<ManifestEntry[]> {
  await rm(outDir, { recursive: true, force: true });
  await mkdir(outDir, { recursive: true });
  const cases = hostileCases({
    canaryUrl: 'http://127.0.0.1:9/canary/',
    maxFileBytes: DEFAULT_LIMITS.maxFileBytes,
  });
  const manifest: ManifestEntry[] = [];
  for (const c of cases) {
    // The over-limit case would be a 200 MB copy of the huge file: the real 300 MB file stands in for it.
    if (c.id === 'over-size-limit.txt') continue;
    const bytes = c.bytes();
    await writeFile(join(outDir, c.id), bytes);
    manifest.push(entryFor(c, bytes.byteLength));
  }
  if (options.huge) {
    await writeHugeText(join(outDir, HUGE_FILE));
    manifest.push({
      file: HUGE_FILE,
      name: 'huge.txt',
      bytes: HUGE_BYTES,
      outcome: 'refused',
      code: 'too-large',
      reason: 'file is 300 MB; the limit is 200 MB',
    });
  }
  await writeFile(join(outDir, 'manifest.json'), JSON.stringify(manifest, null, 2) + '\n');
  return manifest;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const args = process.argv.slice(2);
  const outIndex = args.indexOf('--out');
  const out = resolve(outIndex >= 0 ? args[outIndex + 1]! : 'test/fixtures/hostile/generated');
  const manifest = await writeCorpus(out, { huge: !args.includes('--no-huge') });
  const refused = manifest.filter((m) => m.outcome === 'refused').length;
  console.log(
    `${manifest.length} files in ${out} (${refused} to be refused); manifest.json lists the outcomes.`,
  );
}
