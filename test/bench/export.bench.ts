// Benchmark: export a 1,000-article / 10,000-annotation workspace to HTML and JSON, in this thread and through
// the export worker the app uses (validation and rendering off the calling thread, the dossier sent to the worker
// and the bytes sent back), and import it back.
// Run: npx tsx test/bench/export.bench.ts [runs]
import { performance } from 'node:perf_hooks';
import { exportHtml } from '../../src-main/core/export/html';
import { exportJson } from '../../src-main/core/export/json';
import { ExportWorkerHost } from '../../src-main/core/export/worker-host';
import { emptyDossier, mergeDossiers, validateDossier, type Dossier } from '../../src-main/shared/dossier';
import { generateWorkspace } from '../unit/src-main/core/export/generate';

const RUNS = Number(process.argv[2] ?? 5);
const workspace = generateWorkspace(1000, 10_000);
const jsonText = await exportJson(workspace);

interface Case {
  name: string;
  run: () => Promise<number>; // returns output size in bytes (or records) for the table
}

const exporter = new ExportWorkerHost();

const cases: Case[] = [
  { name: 'export HTML', run: async () => (await exportHtml(workspace, { title: 'Bench' })).length },
  {
    name: 'export HTML in the export worker',
    run: async () => (await exporter.render(workspace, 'html', { title: 'Bench' })).byteLength,
  },
  { name: 'export JSON (validate + stringify)', run: async () => (await exportJson(workspace)).length },
  {
    name: 'export JSON in the export worker',
    run: async () => (await exporter.render(workspace, 'json')).byteLength,
  },
  {
    name: 'import JSON: parse + validate + merge into empty',
    run: async () => {
      const checked = validateDossier(JSON.parse(jsonText));
      if (!checked.ok) throw new Error('generated workspace is invalid');
      const { dossier } = mergeDossiers(emptyDossier(new Date().toISOString()), checked.dossier);
      return countRecords(dossier);
    },
  },
];

function countRecords(d: Dossier): number {
  return (
    d.articles.length + d.statements.length + d.annotations.length + d.links.length + d.claimStatements.length
  );
}

/** Watches the calling thread: the longest gap between two ticks of a 5 ms timer, minus the 5 ms. */
function stallWatch(): { stop: () => Promise<number> } {
  let last = performance.now();
  let worst = 0;
  const timer = setInterval(() => {
    const now = performance.now();
    worst = Math.max(worst, now - last - 5);
    last = now;
  }, 5);
  return {
    stop: async () => {
      // One more tick, so a stall that lasted until the case ended is counted too.
      await new Promise((resolve) => setTimeout(resolve, 5));
      clearInterval(timer);
      return Math.max(worst, performance.now() - last - 5);
    },
  };
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
};

const times = new Map<string, number[]>(cases.map((c) => [c.name, []]));
// The calling thread's longest stall while a case runs: what other calls (the shell's requests, the window's
// IPC) would wait. The timer below measures it as the event loop's delay.
const stalls = new Map<string, number[]>(cases.map((c) => [c.name, []]));
const sizes = new Map<string, number>();
await cases[0]!.run(); // warm-up (JIT, module init)
await cases[1]!.run(); // and the worker's start (tsx and the exporters load in it)
// Cases are interleaved run by run so that machine noise hits all of them alike.
for (let i = 0; i < RUNS; i++) {
  for (const c of cases) {
    const stall = stallWatch();
    const start = performance.now();
    sizes.set(c.name, await c.run());
    times.get(c.name)!.push(performance.now() - start);
    stalls.get(c.name)!.push(await stall.stop());
  }
}

console.log(
  `\nWorkspace: ${workspace.articles.length} articles, ${workspace.statements.length} statements, ${workspace.annotations.length} annotations; JSON ${(jsonText.length / 1e6).toFixed(1)} MB; ${RUNS} runs, Node ${process.version}\n`,
);
console.log(
  '| case | median ms | min ms | max ms | calling thread stalled (median of longest) ms | output |',
);
console.log('|---|---:|---:|---:|---:|---:|');
for (const c of cases) {
  const t = times.get(c.name)!;
  const size = sizes.get(c.name)!;
  const output = c.name.startsWith('import') ? `${size} records` : `${(size / 1e6).toFixed(1)} MB`;
  console.log(
    `| ${c.name} | ${median(t).toFixed(0)} | ${Math.min(...t).toFixed(0)} | ${Math.max(...t).toFixed(0)} | ${median(stalls.get(c.name)!).toFixed(0)} | ${output} |`,
  );
}

await exporter.close();
