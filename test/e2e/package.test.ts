// electron-builder packs only the built app: run `--linux dir` with a stub Electron (the real
// binary cannot be downloaded here) and read the asar it writes.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, readdirSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createRequire } from 'node:module';
import { repoRoot } from './harness';

describe('electron-builder package', () => {
  it('holds the built app, the sample, the schema and the OCR files (unpacked), and nothing else', () => {
    const dir = mkdtempSync(join(tmpdir(), 'corroborate-pack-'));
    const stub = join(dir, 'stub');
    mkdirSync(stub);
    writeFileSync(join(stub, 'electron'), '#!/bin/sh\necho stub\n');
    chmodSync(join(stub, 'electron'), 0o755);
    writeFileSync(join(stub, 'version'), '45.5.0');
    writeFileSync(join(stub, 'LICENSE'), '');
    execFileSync(
      process.execPath,
      [
        join(repoRoot, 'node_modules/electron-builder/cli.js'),
        '--linux',
        'dir',
        '--publish',
        'never',
        `-c.electronDist=${stub}`,
        `-c.directories.output=${join(dir, 'release')}`,
      ],
      { cwd: repoRoot, stdio: 'pipe', env: { ...process.env, CI: 'true' } },
    );
    const asar = createRequire(import.meta.url)('@electron/asar') as { listPackage: (p: string) => string[] };
    const files = asar
      .listPackage(join(dir, 'release/linux-unpacked/resources/app.asar'))
      .map((f) => f.replace(/\\/g, '/'));
    const tops = new Set(files.map((f) => f.split('/')[1]));
    assert.deepEqual([...tops].sort(), ['assets', 'out', 'package.json']);
    for (const must of [
      '/out/main/index.js',
      '/out/main/import-worker.js',
      '/out/main/export-worker.js',
      '/out/preload/index.cjs',
      '/out/renderer/index.html',
      '/assets/sample/car-dec-2020.txt',
      '/assets/dossier.schema.json',
    ]) {
      assert.ok(files.includes(must), must);
    }
    assert.equal(files.filter((f) => /\.map$|\/src-|\/test\//.test(f)).length, 0);
    // The only node_modules shipped: @napi-rs/canvas (pdf.js renders scanned pages with it) and its binary.
    const modules = files.filter((f) => f.includes('node_modules'));
    assert.ok(
      modules.every((f) => /^\/out\/main\/node_modules(?:\/@napi-rs(?:\/canvas[^/]*(?:\/.*)?)?)?$/.test(f)),
      modules.join(', '),
    );
    // Native code and wasm cannot run from inside an asar: they are unpacked next to it.
    const unpacked = join(dir, 'release/linux-unpacked/resources/app.asar.unpacked/out/main');
    for (const must of [
      'node_modules/@napi-rs/canvas/index.js',
      `node_modules/@napi-rs/canvas-linux-x64-gnu/skia.linux-x64-gnu.node`,
      'tesseract/tesseract-core-simd-lstm.wasm',
      'tesseract/eng.traineddata.gz',
      'ocr-worker.js',
    ]) {
      assert.ok(existsSync(join(unpacked, must)), `unpacked: ${must}`);
    }
  });

  it('builds main-side bundles that parse (a chunk that does not parse stops the app from loading)', () => {
    // Every .js the main build writes, the workers and shared chunks included, checked by Node's own parser
    // without running it (fflate's Node entry once declared a `require` that collided with the bundle's shim).
    const out = join(repoRoot, 'out/main');
    const scripts = (readdirSync(out, { recursive: true }) as string[])
      .map((f) => f.replace(/\\/g, '/'))
      .filter((f) => f.endsWith('.js') && !f.startsWith('node_modules/') && !f.startsWith('tesseract/'));
    assert.ok(
      scripts.includes('index.js') && scripts.some((f) => f.startsWith('chunks/')),
      scripts.join(', '),
    );
    for (const f of scripts) {
      try {
        execFileSync(process.execPath, ['--check', join(out, f)], { stdio: 'pipe' });
      } catch (err) {
        assert.fail(`${f} does not parse: ${String((err as { stderr?: Buffer }).stderr ?? err)}`);
      }
    }
  });
});
