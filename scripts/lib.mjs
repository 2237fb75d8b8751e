// Helpers shared by the npm scripts: run a command, and rebuild only when sources changed.
import { spawn } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');

export function run(cmd, args, opts = {}) {
  return new Promise((ok) => {
    const child = spawn(cmd, args, { cwd: root, stdio: 'inherit', ...opts });
    child.on('exit', (code, signal) => ok(code ?? (signal ? 1 : 0)));
    child.on('error', (err) => {
      console.error(`${cmd}: ${err.message}`);
      ok(1);
    });
  });
}

/** Runs the browser shell (src-main/web/main.ts under tsx) with `args`; resolves to its exit code. */
export function runWebShell(args) {
  return run(process.execPath, ['--import', 'tsx', join(root, 'src-main/web/main.ts'), ...args]);
}

function newest(dir) {
  let t = 0;
  if (!existsSync(dir)) return t;
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    t = Math.max(t, e.isDirectory() ? newest(p) : statSync(p).mtimeMs);
  }
  return t;
}

/** Build the app when out/ is missing or older than any source file. */
export async function ensureBuilt() {
  const marker = join(root, 'out/renderer/index.html');
  const built = existsSync(marker) ? statSync(marker).mtimeMs : 0;
  const sources = Math.max(newest(join(root, 'src-renderer')), newest(join(root, 'src-main')));
  if (built && built >= sources) return 0;
  console.error('Building Corroborate…');
  return run(
    process.execPath,
    [
      join(root, 'node_modules/electron-vite/bin/electron-vite.js'),
      'build',
      '--config',
      'electron.config.ts',
    ],
    {
      stdio: ['ignore', 'ignore', 'inherit'],
    },
  );
}

/** The Electron binary, if this machine has it (it cannot always be downloaded). */
export function electronBinary() {
  const pkg = join(root, 'node_modules/electron');
  const pathFile = join(pkg, 'path.txt');
  if (!existsSync(pathFile)) return null;
  const rel = readFileSyncSafe(pathFile);
  const bin = rel ? join(pkg, 'dist', rel) : null;
  return bin && existsSync(bin) ? bin : null;
}

function readFileSyncSafe(p) {
  try {
    return readFileSync(p, 'utf8').trim();
  } catch {
    return null;
  }
}
