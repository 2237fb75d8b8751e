// electron-vite configuration (always passed with --config): main, preload and renderer builds.
import { cpSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { defineConfig } from 'electron-vite';
import type { Plugin } from 'vite';
import { svelte } from '@sveltejs/vite-plugin-svelte';
import { lexiconModule } from './scripts/lexicon-snapshot';

const root = import.meta.dirname;
const modules = resolve(root, 'node_modules');

/**
 * OCR runs from the app's own files: tesseract's engine (.js + .wasm, LSTM builds only) and the English data go
 * to out/main/tesseract/; @napi-rs/canvas (pdf.js's renderer, a native module) and its binary for this platform
 * go to out/main/node_modules/, where both pdf.js's require and ours find them. electron-builder unpacks both
 * folders from the asar (electron-builder.yml: asarUnpack).
 */
function copyOcrAssets(): Plugin {
  return {
    name: 'corroborate-ocr-assets',
    apply: 'build',
    writeBundle(options) {
      const out = options.dir ?? resolve(root, 'out/main');
      const engine = join(out, 'tesseract');
      mkdirSync(engine, { recursive: true });
      for (const variant of ['lstm', 'simd-lstm', 'relaxedsimd-lstm']) {
        for (const ext of ['js', 'wasm']) {
          const name = `tesseract-core-${variant}.${ext}`;
          cpSync(join(modules, 'tesseract.js-core', name), join(engine, name));
        }
      }
      // The engine files are CommonJS; the app's package.json says "module" for everything below it.
      writeFileSync(join(engine, 'package.json'), '{ "type": "commonjs" }\n');
      cpSync(
        join(modules, '@tesseract.js-data/eng/4.0.0_best_int/eng.traineddata.gz'),
        join(engine, 'eng.traineddata.gz'),
      );
      const native = `canvas-${process.platform}-${process.arch}${process.platform === 'linux' ? '-gnu' : ''}`;
      for (const pkg of ['canvas', native]) {
        const from = join(modules, '@napi-rs', pkg);
        const to = join(out, 'node_modules', '@napi-rs', pkg);
        mkdirSync(dirname(to), { recursive: true });
        cpSync(from, to, { recursive: true, filter: (path) => !/\.(?:md|d\.ts)$|sbom/.test(path) });
      }
    },
  };
}

/**
 * `compromise` in the main bundles is its lexicon only, as data (scripts/lexicon-snapshot.ts): the analysis reads
 * nothing else of it, and building the lexicon at each start cost every import worker 0.3–0.7 s of CPU.
 */
function compromiseLexiconOnly(): Plugin {
  const id = '\0compromise-lexicon';
  return {
    name: 'corroborate-compromise-lexicon',
    enforce: 'pre',
    resolveId: (source) => (source === 'compromise' ? id : null),
    load: (source) => (source === id ? lexiconModule() : null),
  };
}

export default defineConfig({
  main: {
    resolve: {
      // fflate's Node entry declares its own `require`, which collides with the `require` shim the bundle puts at
      // the top of every chunk (a SyntaxError that stops main from loading). Its plain ESM entry is the same code
      // for the synchronous and streaming APIs used here, without that declaration.
      alias: [{ find: /^fflate$/, replacement: resolve(modules, 'fflate/esm/browser.js') }],
    },
    build: {
      rollupOptions: {
        input: {
          index: resolve(root, 'src-main/electron/index.ts'),
          // The command line, bundled like the app's main: no TypeScript compiled at each start (bin/corroborate.mjs).
          cli: resolve(root, 'src-main/cli/index.ts'),
          'import-worker': resolve(root, 'src-main/core/import/worker.ts'),
          'export-worker': resolve(root, 'src-main/core/export/worker.ts'),
          'ocr-worker': resolve(root, 'src-main/core/import/ocr/tesseract-worker.ts'),
        },
        // A native module cannot be bundled: it is copied beside the bundle and loaded at run time.
        external: ['@napi-rs/canvas'],
      },
    },
    plugins: [compromiseLexiconOnly(), copyOcrAssets()],
  },
  preload: {
    build: {
      rollupOptions: {
        input: { index: resolve(root, 'src-main/preload/index.ts') },
        // A sandboxed preload must be CommonJS (Electron cannot load ESM preloads in a sandbox).
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    root: resolve(root, 'src-renderer'),
    build: {
      // CORROBORATE_NO_MINIFY=1 keeps function names readable in CPU profiles.
      minify: process.env.CORROBORATE_NO_MINIFY !== '1',
      rollupOptions: { input: { index: resolve(root, 'src-renderer/index.html') } },
    },
    plugins: [svelte({ configFile: resolve(root, 'svelte.config.js') })],
  },
});
