// The one place that knows where worker threads' files are: bundled next to main by electron.config.ts (in the
// app, or in out/main for the browser shell run from the repository after a build), or else the TypeScript
// source loaded through tsx (tests, and a shell started before any build).
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

/** The worker entries electron.config.ts builds next to the bundled main (out/main/<name>.js). */
export type WorkerName = 'import-worker' | 'export-worker' | 'ocr-worker';

const here = () => dirname(fileURLToPath(import.meta.url));

/** A build folder (out/main) whose workers a shell running from source loads, when they are there. */
let buildFolder: string | null = null;

/**
 * Has workers load from `folder` (the build's out/main) when their bundled file is there, as the built app does:
 * loading a worker's TypeScript through tsx costs seconds at every start of the worker (the first seconds of
 * every folder drop in the browser shell). Without a build there, the source is loaded through tsx as before.
 */
export function useBuiltWorkersFrom(folder: string): void {
  buildFolder = folder;
}

/**
 * The built worker file, or null when running from source without a build. Bundled, this code sits in out/main/
 * or out/main/chunks/.
 */
export function builtWorkerFile(name: WorkerName): string | null {
  for (const dir of [here(), dirname(here()), ...(buildFolder ? [buildFolder] : [])]) {
    const file = join(dir, `${name}.js`);
    if (existsSync(file)) return file;
  }
  return null;
}

/**
 * What to hand `new Worker()`: the built file, or else the tsx loader (worker-dev.mjs) told in its workerData to
 * load `source`, the worker's TypeScript file (an absolute path).
 */
export function workerEntry(
  name: WorkerName,
  source: string,
): { file: string; workerData?: { entry: string } } {
  const built = builtWorkerFile(name);
  if (built) return { file: built };
  return { file: join(here(), 'worker-dev.mjs'), workerData: { entry: pathToFileURL(source).href } };
}

/** A file beside the calling module, e.g. `besideModule(import.meta.url, 'worker.ts')`. */
export function besideModule(moduleUrl: string, name: string): string {
  return join(dirname(fileURLToPath(moduleUrl)), name);
}
