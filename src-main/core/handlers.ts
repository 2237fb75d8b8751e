// The handlers behind every channel of the contract, shared by Electron's IPC and the browser
// shell's HTTP bridge. No Electron here: shell-specific abilities are passed in.
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Handlers } from '../shared/contract';
import { AppError } from '../shared/errors';
import { importBytes } from './import/pipeline';
import { analyzeText } from '../shared/analysis';
import { tooLargeReason } from '../shared/sizes';
import { DEFAULT_LIMITS, type ImportLimits } from './import/limits';
import { ImportWorkerHost } from './import/worker-host';
import { Jobs } from './jobs';
import { ExportWorkerHost } from './export/worker-host';
import { listOcrLanguages } from './import/ocr/languages';
import { prepareDataDir, safeJoin, writeFileAtomic } from './files';
import { limitsFromSettings, readSettings } from './settings';
import { createBackupHandlers } from './handlers/backups';
import { createDossierHandlers } from './handlers/dossier';
import type { HandlerDeps } from './handlers/deps';

export interface HandlerSet {
  handlers: Handlers;
  limits: ImportLimits;
  close: () => Promise<void>;
}

export function createHandlers(deps: HandlerDeps): HandlerSet {
  const limits: ImportLimits = {
    ...DEFAULT_LIMITS,
    ...limitsFromSettings(readSettings(deps.dataDir)),
    ...deps.limits,
  };
  const worker = new ImportWorkerHost();
  const exporter = new ExportWorkerHost();
  const jobs = new Jobs();
  // OCR uses every language the app has: English, plus what the user added to <data folder>/ocr/.
  const ocrLimits = (): Pick<ImportLimits, 'ocrLanguages' | 'ocrExtraFolder'> => {
    const ocr = listOcrLanguages(deps.dataDir);
    return { ocrLanguages: ocr.languages, ocrExtraFolder: ocr.languages.length > 1 ? ocr.folder : null };
  };
  // The data folder is made owner-only at start; its id tells the renderer which folder its store mirrors.
  const dataFolderId = prepareDataDir(deps.dataDir);
  dataFolderId.catch((err: unknown) => console.error('[corroborate] data folder', err));

  async function keepOriginal(sha: string, bytes: Uint8Array): Promise<void> {
    const path = join(deps.dataDir, 'originals', sha);
    if (!existsSync(path)) await writeFileAtomic(path, bytes);
  }

  const handlers: Handlers = {
    ...createDossierHandlers(deps, { jobs, exporter, timeoutMs: limits.timeoutMs }),
    ...createBackupHandlers(deps),

    async appInfo() {
      const ocr = listOcrLanguages(deps.dataDir);
      return {
        name: 'Corroborate',
        version: deps.version,
        shell: deps.shell,
        dataDir: deps.dataDir,
        dataFolderId: await dataFolderId,
        limits: { maxFileBytes: limits.maxFileBytes, timeoutMs: limits.timeoutMs },
        ocrLanguages: ocr.languages,
        ocrFolder: ocr.folder,
      };
    },

    async importFile({ name, bytes, jobId }) {
      // Checked here too, so an oversized file never even reaches the worker.
      if (bytes.byteLength > limits.maxFileBytes) {
        throw new AppError('too-large', tooLargeReason(bytes.byteLength, limits.maxFileBytes));
      }
      const article = await jobs.track(jobId, (options) =>
        worker.run(name, bytes, { ...limits, ...ocrLimits() }, options),
      );
      await keepOriginal(article.fileSha256, bytes);
      return article;
    },

    async importProgress({ jobId }) {
      return jobs.progress(jobId);
    },

    async importCancel({ jobId }) {
      return { cancelled: jobs.cancel(jobId) };
    },

    async sampleDossier() {
      const name = 'car-dec-2020.txt';
      const bytes = new Uint8Array(await readFile(join(deps.assetsDir, 'sample', name)));
      const article = await importBytes(bytes, name, limits);
      // The sample is a bare text file; its title and date come from a sidecar written for it.
      const meta = JSON.parse(
        await readFile(join(deps.assetsDir, 'sample', 'car-dec-2020.meta.json'), 'utf8'),
      ) as {
        title: string;
        publishedAt: string;
        language: string;
      };
      await keepOriginal(article.fileSha256, bytes);
      return [{ ...article, ...meta }];
    },

    async analyseTexts({ texts }) {
      return texts.map((text) => analyzeText(text));
    },

    async saveExport({ suggestedName, data }) {
      const target = deps.chooseSavePath
        ? await deps.chooseSavePath(suggestedName)
        : safeJoin(join(deps.dataDir, 'exports'), suggestedName);
      if (!target) return { saved: false, path: null };
      await writeFileAtomic(target, data);
      return { saved: true, path: target };
    },
  };

  const close = async () => void (await Promise.all([worker.close(), exporter.close()]));
  return { handlers, limits, close };
}
