// Where the renderer's long tasks of a folder import go: drops BENCH_FILES generated .txt news articles into the
// built app (build with CORROBORATE_NO_MINIFY=1 for names) under a CPU profile of the page, and prints, for the
// tasks over 100 ms, the functions with the most self time inside them, and the same over the whole drop.
// BENCH_FILES=300 npx tsx test/bench/import-profile.bench.ts   (BENCH_PROFILE_OUT=file.cpuprofile keeps it;
// BENCH_SETTLE_S=15 keeps profiling that long after the report shows, through the corroboration index's catch-up)
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { writeNewsFolder } from '../../scripts/gen-workspace';
import { dropFiles, launchApp } from '../e2e/harness';

const FILES = Number(process.env.BENCH_FILES ?? 300);
const SETTLE_S = Number(process.env.BENCH_SETTLE_S ?? 0);

interface Node {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  parent?: number;
  children?: number[];
}
interface Profile {
  nodes: Node[];
  startTime: number;
  samples: number[];
  timeDeltas: number[];
}

const dir = mkdtempSync(join(tmpdir(), 'corroborate-profile-'));
const paths = writeNewsFolder(join(dir, 'news'), FILES);
const app = await launchApp();
try {
  const { page } = app;
  await page.getByTestId('library-item').first().waitFor({ timeout: 60_000 });
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 500 });
  await page.evaluate(() => {
    const w = window as unknown as { __long: [number, number][] };
    w.__long = [];
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) w.__long.push([e.startTime, e.duration]);
    }).observe({ type: 'longtask', buffered: false });
  });
  const files = paths.map((p) => ({
    name: basename(p),
    bytes: readFileSync(p),
    dir: 'news',
    type: 'text/plain',
  }));
  // performance.now() in the page and the profile's clock (µs since an arbitrary origin) are tied by one mark.
  await cdp.send('Profiler.start');
  const t0 = await page.evaluate(() => performance.now());
  await dropFiles(page, files);
  await page.getByTestId('import-report').waitFor({ timeout: 3_600_000 });
  const t1 = await page.evaluate(() => performance.now());
  if (SETTLE_S) await page.waitForTimeout(SETTLE_S * 1000);
  const { profile } = (await cdp.send('Profiler.stop')) as unknown as { profile: Profile };
  const long = await page.evaluate(() => (window as unknown as { __long: [number, number][] }).__long);
  if (process.env.BENCH_PROFILE_OUT) {
    writeFileSync(process.env.BENCH_PROFILE_OUT, JSON.stringify(profile));
    // Beside it: the long tasks (page time, ms) and the drop's start and report, to place each task.
    writeFileSync(`${process.env.BENCH_PROFILE_OUT}.tasks.json`, JSON.stringify({ t0, t1, long }));
  }
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  for (const n of profile.nodes) for (const c of n.children ?? []) byId.get(c)!.parent = n.id;
  const name = (n: Node) =>
    `${n.callFrame.functionName || '(anonymous)'} ${basename(n.callFrame.url).replace(/-[\w-]+\.js$/, '.js')}:${n.callFrame.lineNumber + 1}`;
  // Sample times in page time: the profile's first sample is taken when it starts, just before t0.
  let t = profile.startTime;
  const times = profile.timeDeltas.map((d) => (t += d));
  const offset = times[0]! / 1000 - t0;
  const inLong = (ms: number) => long.some(([s, d]) => ms >= s && ms <= s + d);
  const self = new Map<string, number>();
  const selfLong = new Map<string, number>();
  const stackLong = new Map<string, number>();
  profile.samples.forEach((id, i) => {
    const n = byId.get(id)!;
    const dt = (profile.timeDeltas[i + 1] ?? 0) / 1000;
    const key = name(n);
    self.set(key, (self.get(key) ?? 0) + dt);
    if (inLong(times[i]! / 1000 - offset)) {
      selfLong.set(key, (selfLong.get(key) ?? 0) + dt);
      const chain: string[] = [];
      for (let p: Node | undefined = n; p && chain.length < 6; p = p.parent ? byId.get(p.parent) : undefined)
        if (p.callFrame.functionName && p.callFrame.url) chain.push(p.callFrame.functionName);
      const s = chain.join(' < ');
      stackLong.set(s, (stackLong.get(s) ?? 0) + dt);
    }
  });
  const top = (m: Map<string, number>, k: number) =>
    [...m]
      .sort((a, b) => b[1] - a[1])
      .slice(0, k)
      .map(([f, ms]) => `  ${ms.toFixed(0).padStart(6)} ms  ${f}`);
  console.log(
    `${FILES} files in ${((t1 - t0) / 1000).toFixed(1)} s; ${long.filter(([, d]) => d > 100).length} tasks over 100 ms (longest ${Math.max(0, ...long.map(([, d]) => d)).toFixed(0)} ms), ${long.length} over 50 ms`,
  );
  console.log(
    'longest tasks (ms):',
    long
      .map(([, d]) => Math.round(d))
      .sort((a, b) => b - a)
      .slice(0, 15)
      .join(', '),
  );
  console.log('self time inside long tasks:');
  console.log(top(selfLong, 25).join('\n'));
  console.log('stacks inside long tasks:');
  console.log(top(stackLong, 25).join('\n'));
  console.log('self time over the whole drop:');
  console.log(top(self, 25).join('\n'));
} finally {
  await app.close();
  rmSync(dir, { recursive: true, force: true });
}
