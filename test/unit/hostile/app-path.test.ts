// The app's own import entry (the importFile handler) with hostile names and sizes, a worker killed in the
// middle of a file, and the corpus generator itself (files on disk plus a manifest, 300 MB streamed).
import { mkdtemp, readFile, readdir, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeCorpus, writeHugeText } from '../../../scripts/gen-hostile';
import { createHandlers, type HandlerSet } from '../../../src-main/core/handlers';
import { printWithChromium } from '../../../src-main/core/print-pdf';
import { DEFAULT_LIMITS } from '../../../src-main/core/import/limits';
import { ImportWorkerHost } from '../../../src-main/core/import/worker-host';
import { AppError } from '../../../src-main/shared/errors';
import { hostileCases } from './corpus/cases';

const LIMIT = 1024 * 1024;
let dir: string;
let app: HandlerSet;
const cases = hostileCases({ canaryUrl: 'http://127.0.0.1:9/', maxFileBytes: LIMIT });
const byId = (id: string) => cases.find((c) => c.id === id)!;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'corroborate-hostile-'));
  app = createHandlers({
    shell: 'web',
    version: '0.0.0-test',
    dataDir: join(dir, 'data'),
    assetsDir: join(dir, 'assets'),
    limits: { maxFileBytes: LIMIT },
    printPdf: printWithChromium,
  });
});
afterAll(async () => {
  await app?.close();
  await rm(dir, { recursive: true, force: true });
});

async function filesUnder(root: string): Promise<string[]> {
  const entries = await readdir(root, { recursive: true, withFileTypes: true });
  return entries.filter((e) => e.isFile()).map((e) => join(e.parentPath, e.name));
}

describe('the importFile handler with hostile names and sizes', () => {
  it('keeps originals by their hash inside the data folder, whatever the file is called', async () => {
    const named = cases.filter((c) => c.id.startsWith('name-'));
    for (const c of named) {
      const article = await app.handlers.importFile({ name: c.name, bytes: new Uint8Array(c.bytes()) }, {
        shell: 'web',
      } as never);
      expect(article.fileName).toBe(c.name);
    }
    const written = await filesUnder(dir);
    expect(written.length).toBeGreaterThan(0);
    // Besides the originals, only the data folder's own id file (written at start) is there.
    for (const path of written)
      expect(path).toMatch(new RegExp(`^${dir}/data/(?:originals/[0-9a-f]{64}|data-folder-id)$`));
  });

  it('refuses a file one byte over the (lowered) size limit before it reaches the worker', async () => {
    const c = byId('over-size-limit.txt');
    const error = await app.handlers
      .importFile({ name: c.name, bytes: new Uint8Array(c.bytes()) }, { shell: 'web' } as never)
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe('too-large');
    expect((error as AppError).message).toMatch(/the limit is/);
  });
});

describe('a worker killed in the middle of a file', () => {
  it('refuses that file only; the next file imports in a fresh worker', async () => {
    const host = new ImportWorkerHost();
    try {
      const slow = host.run('one-line.html', byId('html-single-line-50mb.html').bytes(), DEFAULT_LIMITS);
      await new Promise((ok) => setTimeout(ok, 1500));
      await host.close(); // what quitting the app or a crash of the worker does mid-import
      const error = await slow.catch((e: unknown) => e);
      expect(error).toBeInstanceOf(AppError);
      expect((error as AppError).message).toMatch(/stopped unexpectedly/);
      const next = await host.run('valid.txt', byId('invalid-utf8.txt').bytes(), DEFAULT_LIMITS);
      expect(next.text).toContain('Café');
    } finally {
      await host.close();
    }
  });
});

describe('the corpus generator', () => {
  it('writes every case to disk with a manifest of expected outcomes', async () => {
    const out = join(dir, 'corpus');
    const manifest = await writeCorpus(out, { huge: false });
    expect(manifest.length).toBeGreaterThanOrEqual(60);
    for (const entry of manifest) {
      expect((await stat(join(out, entry.file))).size).toBe(entry.bytes);
      if (entry.outcome === 'refused') expect(() => new RegExp(entry.reason!)).not.toThrow();
    }
    const onDisk = JSON.parse(await readFile(join(out, 'manifest.json'), 'utf8')) as unknown[];
    expect(onDisk).toEqual(JSON.parse(JSON.stringify(manifest)));
  });

  it('streams the huge text file to the size asked for without holding it in memory', async () => {
    const path = join(dir, 'huge.txt');
    const before = process.memoryUsage().rss;
    await writeHugeText(path, 64 * 1024 * 1024 + 17);
    expect((await stat(path)).size).toBe(64 * 1024 * 1024 + 17);
    expect(process.memoryUsage().rss - before).toBeLessThan(48 * 1024 * 1024);
    await rm(path);
  });
});
