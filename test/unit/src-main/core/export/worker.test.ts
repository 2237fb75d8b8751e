// Exports run in a worker thread: the bytes are those of an export made in this thread, progress reaches the
// jobs channel article by article, and a cancel stops the worker with no file left under exports/.
import { mkdtempSync, readdirSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { afterAll, describe, expect, it } from 'vitest';
import { renderExportBytes } from '../../../../../src-main/core/export/render';
import { ExportWorkerHost } from '../../../../../src-main/core/export/worker-host';
import { createDossierHandlers } from '../../../../../src-main/core/handlers/dossier';
import { Jobs } from '../../../../../src-main/core/jobs';
import { printWithChromium } from '../../../../../src-main/core/print-pdf';
import type { ExportProgress } from '../../../../../src-main/shared/contract';
import type { RenderedFormat } from '../../../../../src-main/shared/formats';
import { generateWorkspace } from './generate';
import { lyingZip } from '../../../security/lying-zip';

const exporter = new ExportWorkerHost();
afterAll(() => exporter.close());

const dossier = generateWorkspace(60, 300);
const FORMATS: RenderedFormat[] = ['html', 'md', 'docx', 'csv', 'json', 'w3c', 'qdpx', 'qdc'];
const ZIPPED = new Set<RenderedFormat>(['csv', 'qdpx']);

/** Each entry's name and content (hex), in archive order. */
const zipEntries = (bytes: Uint8Array) =>
  Object.entries(unzipSync(bytes)).map(([name, data]) => [name, Buffer.from(data).toString('hex')]);

/** A .docx's entry names and its body's text, markup removed. */
const docxText = (bytes: Uint8Array) => {
  const entries = unzipSync(bytes);
  const body = strFromU8(entries['word/document.xml']!).replace(/<[^>]+>/g, ' ');
  return { names: Object.keys(entries), body };
};

function dossierHandlers() {
  const dataDir = mkdtempSync(join(tmpdir(), 'export-worker-'));
  const jobs = new Jobs();
  const h = createDossierHandlers(
    { shell: 'web', version: '0.0.0', dataDir, assetsDir: dataDir, printPdf: printWithChromium },
    { jobs, exporter, timeoutMs: 60_000 },
  );
  return { dataDir, jobs, h };
}

describe('export worker', () => {
  it.each(FORMATS)("%s: the worker's export is the one made in this thread", async (format) => {
    const opts = { title: 'Worker', author: 'Tester' };
    const inThread = await renderExportBytes(dossier, format, opts);
    const inWorker = await exporter.render(dossier, format, opts);
    expect(inWorker.byteLength).toBeGreaterThan(0);
    // A zip stamps each entry with the time it was made: the same bytes are those of every entry. A .docx also
    // stamps its properties and numbers its bookmarks per process: there the same entries and the same text.
    if (format === 'docx') expect(docxText(inWorker)).toEqual(docxText(inThread));
    else if (ZIPPED.has(format)) expect(zipEntries(inWorker)).toEqual(zipEntries(inThread));
    else expect(Buffer.from(inWorker).equals(Buffer.from(inThread))).toBe(true);
  });

  it('reports progress article by article, ending at the total', async () => {
    const seen: ExportProgress[] = [];
    await exporter.render(dossier, 'html', { onProgress: (p) => seen.push(p) });
    expect(seen.at(0)).toEqual({ stage: 'export', done: 0, total: 60 });
    expect(seen.at(-1)).toEqual({ stage: 'export', done: 60, total: 60 });
    expect(seen.some((p) => p.done > 0 && p.done < p.total)).toBe(true);
    const dones = seen.map((p) => p.done);
    expect(dones).toEqual([...dones].sort((a, b) => a - b));
  });

  it('refuses an invalid dossier in the worker, naming the JSON path', async () => {
    const broken = { ...dossier, articles: [{ ...dossier.articles[0]!, id: 42 }] };
    await expect(exporter.render(broken, 'html')).rejects.toThrow('$.articles[0].id: Invalid input');
  });

  it('reads a dossier file in the worker: a .qdpx whose zip headers lie is refused in words', async () => {
    const lying = await lyingZip([
      { name: 'project.qde', data: new TextEncoder().encode('<Project/>') },
      { name: 'sources/a.txt', zeros: 4096, declaredSize: 10 },
    ]);
    await expect(exporter.readDossier('lying.qdpx', lying, 60_000)).rejects.toMatchObject({
      code: 'refused',
      message: expect.stringMatching(
        /lying\.qdpx: .*zip headers are inconsistent: sources\/a\.txt declares 10 bytes/,
      ),
    });
    const back = await exporter.readDossier(
      'd.json',
      new TextEncoder().encode(JSON.stringify(dossier)),
      60_000,
    );
    expect(back.articles.map((a) => a.id)).toEqual(dossier.articles.map((a) => a.id));
  });

  it('a cancelled export writes nothing under exports/, and the next export works', async () => {
    const { dataDir, jobs, h } = dossierHandlers();
    const big = generateWorkspace(1000, 2000);
    const ctx = { shell: 'web' as const };
    const running = h.exportDossier(
      { dossier: big, format: 'html', suggestedName: 'big', jobId: 'job-cancel-1' },
      ctx,
    );
    // Wait until the worker has written some articles, then cancel.
    await expect
      .poll(
        () => {
          const p = jobs.progress('job-cancel-1');
          return p?.stage === 'export' ? p.done : 0;
        },
        { timeout: 60_000, interval: 20 },
      )
      .toBeGreaterThan(0);
    expect(jobs.cancel('job-cancel-1')).toBe(true);
    await expect(running).rejects.toMatchObject({ code: 'cancelled' });
    const exportsDir = join(dataDir, 'exports');
    expect(readdirSync(dataDir).includes('exports') ? readdirSync(exportsDir) : []).toEqual([]);

    const after = await h.exportDossier({ dossier, format: 'md', suggestedName: 'after' }, ctx);
    expect(readdirSync(exportsDir)).toEqual([after.fileName]);
    expect(statSync(join(exportsDir, after.fileName)).mode & 0o777).toBe(0o600);
  }, 120_000);
});
