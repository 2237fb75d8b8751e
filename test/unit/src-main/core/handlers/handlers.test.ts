// The exportDossier / importDossier channels through the real dispatcher, in both shells' configurations.
import { mkdtempSync, readFileSync, readdirSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ExportWorkerHost } from '../../../../../src-main/core/export/worker-host';
import { createDossierHandlers } from '../../../../../src-main/core/handlers/dossier';
import { Jobs } from '../../../../../src-main/core/jobs';
import type { HandlerDeps } from '../../../../../src-main/core/handlers/deps';
import { printWithChromium } from '../../../../../src-main/core/print-pdf';
import { validateDossier } from '../../../../../src-main/shared/dossier';
import { sampleDossier } from '../../../helpers/dossier-sample';

const exporter = new ExportWorkerHost();
afterAll(() => exporter.close());

function handlers(extra: Partial<HandlerDeps> = {}) {
  const dataDir = mkdtempSync(join(tmpdir(), 'dossier-handlers-'));
  const deps: HandlerDeps = {
    shell: 'web',
    version: '0.0.0',
    dataDir,
    assetsDir: dataDir,
    printPdf: printWithChromium,
    ...extra,
  };
  return { dataDir, h: createDossierHandlers(deps, { jobs: new Jobs(), exporter, timeoutMs: 60_000 }) };
}
const ctx = { shell: 'web' as const };
const text = (bytes: Uint8Array) => new TextDecoder().decode(bytes);

describe('exportDossier', () => {
  it('browser shell: returns the bytes for a download and keeps a copy under exports/', async () => {
    const { dataDir, h } = handlers();
    const d = sampleDossier();
    const r = await h.exportDossier(
      { dossier: d, format: 'html', suggestedName: 'CAR dossier', title: 'CAR' },
      ctx,
    );
    expect(r.fileName).toBe('CAR dossier.html');
    expect(r.data).not.toBeNull();
    const html = text(r.data!);
    expect(html).toContain(d.articles[0]!.title);
    expect(html).not.toMatch(/<script/i);
    expect(readdirSync(join(dataDir, 'exports'))).toEqual(['CAR dossier.html']);
    expect(readFileSync(r.path!, 'utf8')).toBe(html);
  });

  it('Electron: writes where the user chose and returns no bytes; a cancelled dialog saves nothing there', async () => {
    const chosen = join(mkdtempSync(join(tmpdir(), 'chosen-')), 'mine.json');
    const { h } = handlers({ chooseSavePath: async () => chosen });
    const r = await h.exportDossier({ dossier: sampleDossier(), format: 'json', suggestedName: 'x' }, ctx);
    expect(r).toMatchObject({ saved: true, path: chosen, data: null, fileName: 'x.json' });
    expect(validateDossier(JSON.parse(readFileSync(chosen, 'utf8'))).ok).toBe(true);

    const { h: cancelling } = handlers({ chooseSavePath: async () => null });
    const c = await cancelling.exportDossier(
      { dossier: sampleDossier(), format: 'md', suggestedName: 'x' },
      ctx,
    );
    expect(c).toMatchObject({ saved: false, path: null, data: null });
  });

  it('refuses an invalid dossier, naming the JSON path', async () => {
    const { h } = handlers();
    const d = sampleDossier() as unknown as { statements: { end: unknown }[] };
    d.statements[3]!.end = -1;
    await expect(h.exportDossier({ dossier: d, format: 'html', suggestedName: 'x' }, ctx)).rejects.toThrow(
      /\$\.statements\[3\]\.end/,
    );
  });

  it('keeps a name from the dossier inside the exports folder', async () => {
    const { dataDir, h } = handlers();
    const r = await h.exportDossier(
      { dossier: sampleDossier(), format: 'md', suggestedName: '../../evil' },
      ctx,
    );
    expect(r.path!.startsWith(join(dataDir, 'exports'))).toBe(true);
    expect(existsSync(join(dataDir, '..', 'evil.md'))).toBe(false);
  });
});

describe('importDossier', () => {
  it('reads a JSON dossier back losslessly', async () => {
    const { h } = handlers();
    const d = sampleDossier();
    const bytes = new TextEncoder().encode(JSON.stringify(d));
    const back = await h.importDossier({ name: 'colleague.json', bytes }, ctx);
    expect(back.annotations).toEqual(d.annotations);
    expect(back.articles[0]!.text).toBe(d.articles[0]!.text);
  });

  it('reads back a REFI-QDA project exported by the app', async () => {
    const { h } = handlers();
    const d = sampleDossier();
    const qdpx = await h.exportDossier({ dossier: d, format: 'qdpx', suggestedName: 'p' }, ctx);
    const back = await h.importDossier({ name: 'p.qdpx', bytes: qdpx.data! }, ctx);
    expect(back.articles[0]!.text).toBe(d.articles[0]!.text);
    expect(back.annotations.length).toBe(d.annotations.length);
  });

  it('refuses JSON that is not a dossier with a reason a person understands', async () => {
    const { h } = handlers();
    const bytes = new TextEncoder().encode('{"name":"package","version":"1.0.0"}');
    await expect(h.importDossier({ name: 'package.json', bytes }, ctx)).rejects.toThrow(
      /not a Corroborate dossier/,
    );
  });
});
