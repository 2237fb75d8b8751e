// `npm run fuzz -- --cases 100000 [--timeout 10000] [--seed N] [--only pdf,docx] [--in-process]`: the long
// mutation and property fuzzing run over every importer and the dossier readers. Files go through the import
// worker with a per-case time limit, so a hang or a crash is recorded as a finding and the run goes on.
import { mkdir, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { runFuzz } from '../test/unit/fuzz/run';

function option(name: string): string | undefined {
  const args = process.argv.slice(2);
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : undefined;
}

const cases = Number(option('cases') ?? 10_000);
const timeoutMs = Number(option('timeout') ?? 10_000);
const seed = option('seed') ? Number(option('seed')) : undefined;
const only = option('only')?.split(',');
const inProcess = process.argv.includes('--in-process');
const started = Date.now();

const report = await runFuzz({
  cases,
  seed,
  only,
  workerTimeoutMs: inProcess ? undefined : timeoutMs,
  onProgress: (done, r) =>
    console.log(
      `${done}/${cases} cases, ${r.findings.length} findings, ${Math.round((Date.now() - started) / 1000)} s`,
    ),
});

const out = resolve('test-results', 'fuzz');
await mkdir(out, { recursive: true });
const file = join(out, `fuzz-${new Date().toISOString().replace(/[:.]/g, '-')}.json`);
await writeFile(file, JSON.stringify(report, null, 2));

console.log(
  `\n| target | cases | imported/accepted | refused/rejected | findings |\n|---|---:|---:|---:|---:|`,
);
for (const [name, s] of Object.entries(report.byTarget)) {
  console.log(`| ${name} | ${s.cases} | ${s.documents} | ${s.refused} | ${s.findings} |`);
}
console.log(
  `\n${report.cases} cases in ${Math.round(report.ms / 1000)} s, ${report.findings.length} findings; report: ${file}`,
);
for (const f of report.findings.slice(0, 50)) console.log(`- [${f.target}] ${f.how}: ${f.problem}`);
process.exit(report.findings.length ? 1 : 0);
