// `npm run bench`: runs every benchmark script in turn (each measures its subject side by side
// with a reference in one run) and collects their Markdown tables in test-results/bench.md.
import { spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const here = import.meta.dirname;
const only = process.argv.slice(2);
const benches = readdirSync(here)
  .filter((f) => f.endsWith('.bench.ts'))
  .filter((f) => only.length === 0 || only.some((o) => f.startsWith(o)))
  .sort();

const sections: string[] = [`# Corroborate benchmarks (${new Date().toISOString()})\n`];
let failed = 0;
for (const file of benches) {
  console.log(`\n▶ ${file}`);
  const t = Date.now();
  const r = spawnSync(process.execPath, ['--import', 'tsx', join(here, file)], {
    cwd: join(here, '../..'),
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
    maxBuffer: 64 * 1024 * 1024,
  });
  process.stdout.write(r.stdout ?? '');
  if (r.status !== 0) failed++;
  sections.push(
    `## ${file} (${((Date.now() - t) / 1000).toFixed(0)} s${r.status === 0 ? '' : ', FAILED'})\n\n${r.stdout ?? ''}`,
  );
}
mkdirSync(join(here, '../../test-results'), { recursive: true });
writeFileSync(join(here, '../../test-results/bench.md'), sections.join('\n'));
console.log(
  `\nWrote test-results/bench.md (${benches.length} benchmarks${failed ? `, ${failed} failed` : ''}).`,
);
process.exitCode = failed ? 1 : 0;
