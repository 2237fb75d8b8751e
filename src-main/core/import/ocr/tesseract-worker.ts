// The tesseract.js worker thread of the built app: tesseract's own worker logic, with the engine (core .js +
// .wasm) loaded from the folder the build copied next to it, and every network fetch refused.
import { access, readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { parentPort } from 'node:worker_threads';
import { gunzipSync } from 'node:zlib';
import { relaxedSimd, simd } from 'wasm-feature-detect';
import tesseractWorker from 'tesseract.js/src/worker-script/index.js';

type Progress = { progress: (status: { status: string; progress: number }) => void };

let core: unknown = null;

/** The fastest LSTM-only build this CPU runs, as tesseract.js picks it, but from `corePath`. */
async function getCore(_lstmOnly: boolean, corePath: string, res: Progress): Promise<unknown> {
  if (core) return core;
  res.progress({ status: 'loading tesseract core', progress: 0 });
  const variant = (await relaxedSimd()) ? 'relaxedsimd-lstm' : (await simd()) ? 'simd-lstm' : 'lstm';
  core = createRequire(import.meta.url)(join(corePath, `tesseract-core-${variant}.js`));
  res.progress({ status: 'loading tesseract core', progress: 1 });
  return core;
}

tesseractWorker.setAdapter({
  getCore,
  gunzip: gunzipSync,
  fetch: () => Promise.reject(new Error('OCR never fetches anything: its files ship with the app')),
  readCache: (path: string) => readFile(path),
  writeCache: () => Promise.resolve(),
  deleteCache: () => Promise.resolve(),
  checkCache: (path: string) =>
    access(path).then(
      () => true,
      () => false,
    ),
});

parentPort?.on('message', (packet: unknown) => {
  tesseractWorker.dispatchHandlers(packet, (message: unknown) => parentPort?.postMessage(message));
});
