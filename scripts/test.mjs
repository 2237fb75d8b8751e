// `npm test`: every check CI runs, in order, stopping at the first failure.
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { root, run } from './lib.mjs';

const bin = (name) => join(root, 'node_modules/.bin', name);
function e2eFiles() {
  return readdirSync(join(root, 'test/e2e'))
    .filter((f) => f.endsWith('.test.ts'))
    .sort()
    .map((f) => join('test/e2e', f));
}

const steps = [
  ['format', bin('prettier'), ['--check', '--log-level', 'warn', '.']],
  ['lint', bin('eslint'), ['--max-warnings', '0', '.']],
  ['typecheck (tsc)', bin('tsc'), ['--noEmit', '-p', 'tsconfig.node.json']],
  [
    'typecheck (svelte-check)',
    bin('svelte-check'),
    ['--tsconfig', './tsconfig.web.json', '--fail-on-warnings', '--output', 'human'],
  ],
  ['unit tests', bin('vitest'), ['run']],
  [
    'build',
    process.execPath,
    [
      join(root, 'node_modules/electron-vite/bin/electron-vite.js'),
      'build',
      '--config',
      'electron.config.ts',
    ],
  ],
  // Node 20's test runner takes no globs: list the files.
  [
    'end-to-end tests',
    process.execPath,
    ['--test', '--test-concurrency=1', '--import', 'tsx', ...e2eFiles()],
  ],
];

const only = process.argv.slice(2);
const started = Date.now();
for (const [name, cmd, args] of steps) {
  if (only.length && !only.some((o) => name.startsWith(o))) continue;
  const t = Date.now();
  console.log(`\n▶ ${name}`);
  const code = await run(cmd, args);
  console.log(`${code === 0 ? '✔' : '✘'} ${name} (${((Date.now() - t) / 1000).toFixed(1)} s)`);
  if (code !== 0) {
    console.error(`\nnpm test failed at: ${name}`);
    process.exit(code);
  }
}
console.log(`\nAll checks passed in ${((Date.now() - started) / 1000).toFixed(0)} s.`);
