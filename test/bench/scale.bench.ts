// Benchmark: a workspace of many articles. For each size, the same generated .txt news articles are
// imported by one folder drop into the built app (browser shell), by the CLI, and segmented by bare
// Intl.Segmenter as the reference, in one run; then UI actions on the largest workspace. Build first, then:
// npx tsx test/bench/scale.bench.ts   (BENCH_SIZES=100,1000 picks the sizes; default 100,1000,10000)
// BENCH_UI_ARTICLES=10000 also measures the UI actions on a workspace of that many generated articles built from
// dossiers of 1,000 articles each, dropped one after another (much faster than analysing 10,000 files);
// Those dossiers quote a long tail of named people (BENCH_PEOPLE_PER_ARTICLE, default 2, people per article in the
// universe they draw from) beside a core cast, so the workspace has thousands of sources, as a real archive does;
// BENCH_WORKSPACE=DIR keeps that workspace in DIR and measures it again on later runs without rebuilding it;
// BENCH_SKIP_SEARCH=1 leaves the search steps out. BENCH_DROP_ONLY=1 times only the folder drop (no CLI, no UI
// actions) and the corroboration index's catch-up after it, for alternating runs of two builds:
// BENCH_SIZES=1000 BENCH_DROP_ONLY=1 npx tsx test/bench/scale.bench.ts
// BENCH_DOSSIER_GROWTH=N (default 3000; 0 leaves it out) drops dossiers of 1,000 articles one after another into a
// fresh workspace until it holds N articles and reports each import's seconds: the growth of a dossier import
// with the workspace (into the seed-only workspace, then 1,000, 2,000 … articles) and the last to first ratio.
// BENCH_DOSSIER_INTO=1 (with BENCH_UI_ARTICLES) also times, after the UI actions, one more 1,000-article dossier
// into that workspace and the same dossier into a fresh one (it adds 1,000 articles: give it a copy of a kept one).
// BENCH_GUI=0 times only the CLI against the bare segmenter (no browser), BENCH_CLI_RUNS times (default 5) each,
// alternately, and reports the medians: BENCH_SIZES=1000 BENCH_GUI=0 npx tsx test/bench/scale.bench.ts
// BENCH_CLI_REF=DIR (with BENCH_GUI=0) also runs the CLI of another checkout, built, in the same alternation (e.g.
// main beside a branch): BENCH_SIZES=1000 BENCH_GUI=0 BENCH_CLI_REF=../main npx tsx test/bench/scale.bench.ts
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import type { Page } from 'playwright-core';
import { generateWorkspace, writeNewsFolder } from '../../scripts/gen-workspace';
import { dropFiles, launchApp, repoRoot, type App } from '../e2e/harness';
import { percentile, timeInPage } from './page-timing';

const SIZES = (process.env.BENCH_SIZES ?? '100,1000,10000')
  .split(',')
  .map(Number)
  .filter((n) => n > 0);
const RUNS = Number(process.env.BENCH_RUNS ?? 20);
const UI_ARTICLES = Number(process.env.BENCH_UI_ARTICLES ?? 0);
/** BENCH_SKIP_SEARCH=1 leaves out the search steps (the saved-index wait and the queries) to measure the rest quickly. */
const SKIP_SEARCH = process.env.BENCH_SKIP_SEARCH === '1';
/** Times each view is switched to (the median is reported). */
const VIEW_ROUNDS = Number(process.env.BENCH_VIEW_ROUNDS ?? 3);
const GUI = process.env.BENCH_GUI !== '0';
const DROP_ONLY = process.env.BENCH_DROP_ONLY === '1';
const CLI_RUNS = Number(process.env.BENCH_CLI_RUNS ?? (GUI ? 1 : 5));
/** Another checkout whose built CLI is timed in the same alternation (BENCH_GUI=0 only). */
const CLI_REF = GUI ? undefined : process.env.BENCH_CLI_REF;
/** Articles per generated dossier, and statements and annotations per article (realistic news length). */
const DOSSIER_ARTICLES = 1000;
const PER_ARTICLE = { statements: 40, annotations: 1 };
const PEOPLE_PER_ARTICLE = Number(process.env.BENCH_PEOPLE_PER_ARTICLE ?? 2);
const DOSSIER_GROWTH = GUI && !DROP_ONLY ? Number(process.env.BENCH_DOSSIER_GROWTH ?? 3000) : 0;
const DOSSIER_INTO = process.env.BENCH_DOSSIER_INTO === '1';

interface ImportFigures {
  /** Work left when the report shows: the corroboration index's catch-up (see `catchUp`). */
  after: { seconds: number; longest: number; over100: number } | null;
  seconds: number;
  firstMs: number;
  lastMs: number;
  longest: number;
  over100: number;
  countsSeen: number;
  imported: number;
}

/** Wall-clock and CPU seconds (user + system, every thread) of one run. */
interface Timing {
  wall: number;
  cpu: number;
}

function segmenterTiming(paths: string[]): Timing {
  const texts = paths.map((p) => readFileSync(p, 'utf8'));
  const cpu = process.cpuUsage();
  const t = performance.now();
  const seg = new Intl.Segmenter('en', { granularity: 'sentence' });
  let n = 0;
  for (const text of texts) for (const s of seg.segment(text)) n += s.segment.length > 0 ? 1 : 0;
  if (n === 0) throw new Error('no sentences');
  const used = process.cpuUsage(cpu);
  return { wall: (performance.now() - t) / 1000, cpu: (used.user + used.system) / 1e6 };
}

/**
 * One CLI import, timed from here (wall clock) and by bash's `times` (the CPU the process and all its threads
 * used): on a shared machine the wall clock measures the load as much as the program.
 */
function cliTiming(paths: string[], dir: string, root = repoRoot): Timing {
  const t = performance.now();
  const r = spawnSync(
    'bash',
    [
      '-c',
      '"$@" >/dev/null 2>&1 || exit $?; times',
      'cli',
      process.execPath,
      join(root, 'bin/corroborate.mjs'),
    ].concat(['import', ...paths, '--out', join(dir, 'cli.json')]),
    { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 },
  );
  if (r.status !== 0) throw new Error(`CLI import failed with ${r.status}: ${r.stderr.slice(0, 500)}`);
  const wall = (performance.now() - t) / 1000;
  // `times`: the shell's user and system time, then its children's (the CLI): "0m4.570s 0m0.501s".
  const children = r.stdout.trim().split('\n').at(-1) ?? '';
  const seconds = [...children.matchAll(/(\d+)m([\d.]+)s/g)].map((m) => Number(m[1]) * 60 + Number(m[2]));
  if (seconds.length !== 2) throw new Error(`no CPU times from bash: ${r.stdout}`);
  return { wall, cpu: seconds[0]! + seconds[1]! };
}

/** Samples progress, the library count and long tasks in the page while the import runs. */
async function installSampler(page: Page): Promise<void> {
  await page.evaluate(() => {
    const w = window as unknown as { __samples: [number, number, string][]; __long: [number, number][] };
    w.__samples = [];
    w.__long = [];
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) w.__long.push([e.startTime, e.duration]);
    }).observe({ type: 'longtask', buffered: false });
    setInterval(() => {
      const p = document.querySelector('[data-testid="import-progress"] strong')?.textContent ?? '';
      const m = /Importing (\d+) of/.exec(p);
      const count = document.querySelector('[data-testid="library"] .count')?.textContent ?? '';
      w.__samples.push([performance.now(), m ? Number(m[1]) - 1 : -1, count]);
    }, 50);
  });
}

async function guiImport(app: App, paths: string[]): Promise<ImportFigures> {
  const { page } = app;
  await installSampler(page);
  const files = paths.map((p) => ({
    name: basename(p),
    bytes: readFileSync(p),
    dir: 'news',
    type: 'text/plain',
  }));
  const t0 = await page.evaluate(() => performance.now());
  await dropFiles(page, files);
  await page.getByTestId('import-report').waitFor({ timeout: 3_600_000 });
  const t1 = await page.evaluate(() => performance.now());
  const { samples, long: tasks } = await page.evaluate(() => {
    const w = window as unknown as { __samples: [number, number, string][]; __long: [number, number][] };
    return { samples: w.__samples, long: w.__long };
  });
  const long = tasks.filter(([at]) => at < t1).map(([, d]) => d);
  const n = paths.length;
  const tenth = Math.max(1, Math.round(n / 10));
  const firstAt = samples.find(([, done]) => done >= tenth)?.[0] ?? t1;
  const lastFrom = samples.find(([, done]) => done >= n - tenth)?.[0] ?? t1;
  const during = samples.filter(([t, done]) => t < t1 && done >= 0).map(([, , c]) => c);
  // The report draws only the rows in view: its count in words is the one to read.
  const imported = Number(
    (await page.locator('[data-testid="import-report"] .sum .ok').innerText()).replace(/\D/g, ''),
  );
  const after = DROP_ONLY ? await catchUp(page, t1) : null;
  return {
    after,
    seconds: (t1 - t0) / 1000,
    firstMs: (firstAt - t0) / tenth,
    lastMs: (t1 - lastFrom) / tenth,
    longest: Math.max(0, ...long),
    over100: long.filter((d) => d > 100).length,
    countsSeen: new Set(during).size,
    imported,
  };
}

/**
 * The corroboration index catches up with an import in the background, after the report shows (earlier builds:
 * during the import): seconds from the report until its record count has not moved for 5 s (the last move), and
 * the main-thread tasks over 100 ms meanwhile.
 */
async function catchUp(page: Page, t1: number): Promise<ImportFigures['after']> {
  const count = () =>
    page.evaluate(
      () =>
        new Promise<number>((resolve, reject) => {
          const open = indexedDB.open('corroborate');
          open.onerror = () => reject(open.error ?? new Error('open failed'));
          open.onsuccess = () => {
            const db = open.result;
            const req = db.transaction('corroborationKeys').objectStore('corroborationKeys').count();
            req.onsuccess = () => {
              db.close();
              resolve(req.result);
            };
            req.onerror = () => reject(req.error ?? new Error('count failed'));
          };
        }),
    );
  let last = await count();
  let movedAt = t1;
  let still = 0;
  for (let i = 0; i < 900 && (still < 5 || last === 0); i++) {
    await new Promise((r) => setTimeout(r, 1000));
    const [n, at] = [await count(), await page.evaluate(() => performance.now())];
    if (n !== last) [last, movedAt, still] = [n, at, 0];
    else still++;
  }
  const tasks = await page.evaluate(() => (window as unknown as { __long: [number, number][] }).__long);
  const during = tasks.filter(([at]) => at >= t1 && at <= movedAt).map(([, d]) => d);
  return {
    seconds: (movedAt - t1) / 1000,
    longest: Math.max(0, ...during),
    over100: during.filter((d) => d > 100).length,
  };
}

/** JS heap after GC of the page's main thread and of each of its workers (the search index lives in a worker). */
async function heapMb(page: Page): Promise<{ main: number; workers: { url: string; mb: number }[] }> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('HeapProfiler.collectGarbage');
  const { usedSize } = await cdp.send('Runtime.getHeapUsage');
  // Playwright's CDP sessions cannot be opened on a worker: attach to each one from the page's session and talk
  // to it through Target messages.
  const replies = new Map<number, (result: unknown) => void>();
  cdp.on('Target.receivedMessageFromTarget', (e) => {
    const m = JSON.parse(e.message) as { id?: number; result?: unknown };
    if (m.id !== undefined) replies.get(m.id)?.(m.result);
  });
  let next = 1;
  const inWorker = (sessionId: string, method: string) =>
    new Promise<unknown>((resolve) => {
      const id = next++;
      replies.set(id, resolve);
      void cdp.send('Target.sendMessageToTarget', { sessionId, message: JSON.stringify({ id, method }) });
    });
  const workers: { url: string; mb: number }[] = [];
  const { targetInfos } = await cdp.send('Target.getTargets');
  for (const t of targetInfos.filter((t) => t.type === 'worker')) {
    const { sessionId } = await cdp.send('Target.attachToTarget', { targetId: t.targetId, flatten: false });
    await inWorker(sessionId, 'HeapProfiler.collectGarbage');
    const usage = (await inWorker(sessionId, 'Runtime.getHeapUsage')) as { usedSize: number };
    workers.push({
      url: basename(new URL(t.url).pathname).replace(/-[\w-]+\.js$/, ''),
      mb: usage.usedSize / 1048576,
    });
    await cdp.send('Target.detachFromTarget', { sessionId });
  }
  await cdp.detach();
  return { main: usedSize / 1048576, workers };
}

/**
 * Queries for each kind of workspace, in its own vocabulary (a typo in a name, two words, two words with a typo, a
 * name, a common word, a name and a cue): the generated .txt news and the generated dossiers use different words,
 * and a query for words a workspace does not hold waits for hits that never come.
 */
const QUERIES = {
  news: ['Takahshi', 'port workers', 'ceasefre troops', 'Kessara', 'vaccine', 'Okafor said'],
  dossiers: ['Bogdanv', 'rebel coalition', 'peacekeepers Bambri', 'Zakharov', 'convoy', 'Kazagui said'],
};

/**
 * Search end to end: the first query waits (up to 10 minutes) for the index to be loaded or built, then each
 * query is timed until its hits are drawn. A query that finds nothing fails the measurement (says which).
 */
async function searchTimes(
  page: Page,
  queries: string[],
): Promise<{ first: number; loaded: number; samples: number[] }> {
  const t = Date.now();
  await page.getByTestId('search-input').click();
  await page.getByTestId('search-input').fill(queries[0]!);
  await page
    .locator('[data-testid="search-hit"], [data-testid="search-empty"]')
    .first()
    .waitFor({ timeout: 600_000 });
  if (await page.getByTestId('search-empty').isVisible())
    throw new Error(`the first query, "${queries[0]}", found nothing`);
  const first = Date.now() - t;
  console.error(`first search answered after ${first} ms`);
  // Hits come from the shards loaded so far while "Loading the search index… N %" shows; the queries below are
  // timed on the whole index.
  while (await page.getByTestId('search-preparing').isVisible()) {
    if (Date.now() - t > 600_000) throw new Error('the search index was not loaded within 10 minutes');
    await new Promise((r) => setTimeout(r, 250));
  }
  const loaded = Date.now() - t;
  console.error(`search index loaded after ${loaded} ms`);
  const search: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const q = queries[i % queries.length]!;
    await page.getByTestId('search-input').fill('');
    search.push(
      await timeInPage(
        page,
        `const box = document.querySelector('[data-testid="search-input"]');
         box.focus(); box.value = arg; box.dispatchEvent(new Event('input', { bubbles: true }));`,
        `return !!document.querySelector('[data-testid="search-empty"]') ||
           (!!document.querySelector('[data-testid="search-hit"]') && !!document.querySelector('[data-testid="search-results"] .foot'));`,
        q,
      ),
    );
    if (await page.getByTestId('search-empty').isVisible()) throw new Error(`"${q}" found nothing`);
  }
  return { first, loaded, samples: search };
}

/**
 * Seconds until the search index saved in the workspace is current (its saved generation is the workspace's), as
 * after a quiet close; the cold start then loads it instead of rebuilding it. Read straight from IndexedDB, polled
 * from here: `waitForFunction` takes a promise its predicate returns for a truthy answer, so it cannot wait on an
 * IndexedDB read (until 2026-12-07 this returned at once and the cold start often met a stale index).
 */
async function indexSavedAfter(page: Page, timeoutMs = 900_000): Promise<number> {
  const t = Date.now();
  const current = () =>
    page.evaluate(
      () =>
        new Promise<boolean>((resolve) => {
          const open = indexedDB.open('corroborate');
          open.onsuccess = () => {
            const store = open.result.transaction('searchIndex').objectStore('searchIndex');
            const saved = store.get('saved');
            const generation = store.get('generation');
            generation.onsuccess = () => {
              resolve(!!saved.result && saved.result.value === generation.result?.value);
              open.result.close();
            };
          };
          open.onerror = () => resolve(false);
        }),
    );
  while (!(await current())) {
    if (Date.now() - t > timeoutMs) throw new Error('the search index was not saved');
    await new Promise((r) => setTimeout(r, 2000));
  }
  return (Date.now() - t) / 1000;
}

/** Cold start, open, search, view switches and heap on the imported workspace. */
async function uiActions(app: App, n: number, queries: string[]): Promise<string[]> {
  const { page } = app;
  const saved = SKIP_SEARCH ? NaN : await indexSavedAfter(page).catch(() => NaN);
  if (!SKIP_SEARCH) console.error(`search index saved ${saved.toFixed(1)} s after the last import`);
  const t = Date.now();
  await page.reload();
  await page
    .locator('[data-testid="library"] .count')
    .filter({ hasText: String(n + 1) })
    .waitFor({ timeout: 120_000 });
  await page.getByTestId('library-item').first().waitFor();
  const cold = Date.now() - t;
  const open: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    open.push(
      await timeInPage(
        page,
        `const items = document.querySelectorAll('[data-testid="library-item"]');
         const b = items[arg % items.length]; window.__want = b.title; b.click();`,
        `const h = document.querySelector('[data-testid="article-title"]');
         return !!h && h.textContent.includes(window.__want) && !!document.querySelector('[data-testid="statement"]');`,
        i + 1,
      ),
    );
  }
  console.error(
    `cold start ${cold} ms; open p50/p95 ${percentile(open, 50).toFixed(0)}/${percentile(open, 95).toFixed(0)} ms`,
  );
  const {
    first,
    loaded,
    samples: search,
  } = SKIP_SEARCH
    ? { first: NaN, loaded: NaN, samples: [] as number[] }
    : await searchTimes(page, queries).catch((err: unknown) => {
        console.error('search failed:', err);
        return { first: NaN, loaded: NaN, samples: [] as number[] };
      });
  await page.getByTestId('search-input').fill('');
  await page.keyboard.press('Escape');
  const views: string[] = [];
  // A view has switched once it is drawn with its first row (a list view's frame alone is not the view).
  const shown: Record<string, string> = {
    sources: '[data-testid="sources-view"] [data-testid="source-row"]',
    annotations: '[data-testid="annotation-row"]',
    imports: '[data-testid="history-row"]',
    compare: '[data-testid="compare-pick"]',
    reader: '[data-testid="reader"]',
  };
  // Each view is switched to VIEW_ROUNDS times; beside it, the reference: a bare IndexedDB open and count()
  // issued at the click, in the same page (on a loaded machine IndexedDB itself varies tenfold).
  const times = new Map<string, { ms: number[]; ref: number[] }>();
  for (let round = 0; round < VIEW_ROUNDS; round++)
    for (const [v, selector] of Object.entries(shown)) {
      const ms = await timeInPage(
        page,
        `window.__ref = null;
         const t = performance.now();
         const open = indexedDB.open('corroborate');
         open.onsuccess = () => {
           const q = open.result.transaction('meta').objectStore('meta').count();
           q.onsuccess = () => { window.__ref = performance.now() - t; open.result.close(); };
         };
         document.querySelector('[data-testid="view-${v}"]').click();`,
        `return !!document.querySelector(${JSON.stringify(selector)});`,
      ).catch(() => NaN);
      const ref = await page
        .waitForFunction(() => (window as unknown as { __ref: number | null }).__ref, null, {
          timeout: 60_000,
        })
        .then((h) => h.jsonValue() as Promise<number>)
        .catch(() => NaN);
      const t = times.get(v) ?? { ms: [], ref: [] };
      t.ms.push(Number.isNaN(ms) ? Infinity : ms);
      t.ref.push(ref);
      times.set(v, t);
      console.error(`${v} ${ms.toFixed(0)} ms (bare IndexedDB count ${ref.toFixed(0)} ms)`);
    }
  for (const [v, t] of times) {
    const ms = percentile(t.ms, 50);
    views.push(
      `${v} ${Number.isFinite(ms) ? `${ms.toFixed(0)} ms` : 'over 20 s'} (count ${percentile(t.ref, 50).toFixed(0)})`,
    );
  }
  const heap = await heapMb(page);
  const p = (xs: number[]) => `${percentile(xs, 50).toFixed(0)} / ${percentile(xs, 95).toFixed(0)} ms`;
  const searchRows = [
    `| search index saved after the last import | ${Number.isNaN(saved) ? 'not within 15 min' : `${saved.toFixed(1)} s`} | — |`,
    `| first search after the cold start (hits from the shards loaded so far) | ${Number.isNaN(first) ? 'none within 10 min' : `${(first / 1000).toFixed(1)} s`} | — |`,
    `| search index wholly loaded (or built) after the cold start | ${Number.isNaN(loaded) ? 'not within 10 min' : `${(loaded / 1000).toFixed(1)} s`} | — |`,
    `| search end to end p50 / p95 | ${search.length ? p(search) : 'failed (see the log)'} | p95 ≤ 50 ms |`,
  ];
  return [
    `| cold start to a usable library | ${cold} ms | ≤ 2,000 ms |`,
    `| open an article p50 / p95 | ${p(open)} | p95 ≤ 150 ms |`,
    ...(SKIP_SEARCH ? ['| search | not measured (BENCH_SKIP_SEARCH=1) | — |'] : searchRows),
    `| view switches, median of ${VIEW_ROUNDS} (a bare IndexedDB count at the click) | ${views.join(', ')} | each ≤ 200 ms |`,
    `| renderer JS heap after GC: main thread + workers | ${heapRow(heap)} | ≤ 500 MB |`,
  ];
}

/** "main 18 MB + search.worker 349 MB + corroboration.worker 9 MB = 376 MB". */
function heapRow(heap: Awaited<ReturnType<typeof heapMb>>): string {
  const total = heap.main + heap.workers.reduce((n, w) => n + w.mb, 0);
  const parts = [
    `main ${heap.main.toFixed(0)} MB`,
    ...heap.workers.map((w) => `${w.url} ${w.mb.toFixed(0)} MB`),
  ];
  return `${parts.join(' + ')} = **${total.toFixed(0)} MB**`;
}

/**
 * Medians of the bare segmenter and the CLI over the same files, run alternately `CLI_RUNS` times (and the
 * reference checkout's CLI, if any, in the same alternation).
 */
function cliAgainstSegmenter(
  paths: string[],
  dir: string,
): { seg: number; cli: number; segCpu: number; cliCpu: number; runs: string; ref?: Timing } {
  const segs: Timing[] = [];
  const clis: Timing[] = [];
  const refs: Timing[] = [];
  for (let i = 0; i < CLI_RUNS; i++) {
    segs.push(segmenterTiming(paths));
    if (CLI_REF) refs.push(cliTiming(paths, dir, CLI_REF));
    clis.push(cliTiming(paths, dir));
    const [c, g] = [clis.at(-1)!, segs.at(-1)!];
    const r = refs.at(-1);
    console.error(
      `run ${i + 1}: CLI ${c.wall.toFixed(2)} s (CPU ${c.cpu.toFixed(2)} s), segmenter ${g.wall.toFixed(3)} s (CPU ${g.cpu.toFixed(3)} s)` +
        (r ? `, reference CLI ${r.wall.toFixed(2)} s (CPU ${r.cpu.toFixed(2)} s)` : ''),
    );
  }
  const runs = clis.map((c, i) => `${(c.wall / segs[i]!.wall).toFixed(0)}×`).join(', ');
  const median = (list: Timing[], key: keyof Timing) =>
    percentile(
      list.map((x) => x[key]),
      50,
    );
  return {
    seg: median(segs, 'wall'),
    cli: median(clis, 'wall'),
    segCpu: median(segs, 'cpu'),
    cliCpu: median(clis, 'cpu'),
    runs,
    ...(refs.length ? { ref: { wall: median(refs, 'wall'), cpu: median(refs, 'cpu') } } : {}),
  };
}

const rows: string[] = [];
const cliRows: string[] = [];
let ui: string[] = [];
for (const size of SIZES) {
  const dir = mkdtempSync(join(tmpdir(), `scale-${size}-`));
  const paths = writeNewsFolder(join(dir, 'news'), size);
  const { seg, cli, segCpu, cliCpu, runs, ref } = DROP_ONLY
    ? { seg: NaN, cli: NaN, segCpu: NaN, cliCpu: NaN, runs: '', ref: undefined }
    : cliAgainstSegmenter(paths, dir);
  if (!GUI) {
    cliRows.push(
      `| ${size} | ${cli.toFixed(2)} s (CPU ${cliCpu.toFixed(2)} s) | ${seg.toFixed(3)} s (CPU ${segCpu.toFixed(3)} s) | ` +
        `${(cli / seg).toFixed(1)}× (runs: ${runs}) | ${(cliCpu / segCpu).toFixed(1)}× |` +
        (ref
          ? ` ${ref.wall.toFixed(2)} s (CPU ${ref.cpu.toFixed(2)} s): ${(ref.wall / seg).toFixed(1)}×, CPU ${(ref.cpu / segCpu).toFixed(1)}× |`
          : ''),
    );
    console.error(cliRows.at(-1));
    rmSync(dir, { recursive: true, force: true });
    continue;
  }
  const app = await launchApp();
  try {
    await app.page.getByTestId('library-item').first().waitFor({ timeout: 60_000 });
    const g = await guiImport(app, paths);
    rows.push(
      `| ${size} | ${g.seconds.toFixed(1)} s (${(size / g.seconds).toFixed(1)} files/s, ${g.imported} imported) | ` +
        `${g.firstMs.toFixed(0)} → ${g.lastMs.toFixed(0)} ms (${(g.lastMs / g.firstMs).toFixed(2)}×) | ` +
        `${g.longest.toFixed(0)} ms, ${g.over100} over 100 ms | ${g.countsSeen} | ${cli.toFixed(1)} s (${(cli / seg).toFixed(0)}× seg.) | ${seg.toFixed(2)} s |`,
    );
    console.error(rows.at(-1));
    if (g.after)
      console.error(
        `corroboration index caught up ${g.after.seconds.toFixed(1)} s after the report; meanwhile longest task ` +
          `${g.after.longest.toFixed(0)} ms, ${g.after.over100} over 100 ms`,
      );
    if (size === Math.max(...SIZES) && !DROP_ONLY) ui = await uiActions(app, size, QUERIES.news);
  } finally {
    await app.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Generated dossier number `k` of a workspace of `n` articles (its people drawn from the same universe). */
function benchDossier(k: number, n: number, articles = DOSSIER_ARTICLES) {
  return generateWorkspace({
    articles,
    statements: PER_ARTICLE.statements,
    annotations: articles * PER_ARTICLE.annotations,
    seed: 100 + k,
    people: n * PEOPLE_PER_ARTICLE,
  });
}

/** Drops a dossier and waits for the import report; seconds from the drop to the report. */
async function dropDossier(app: App, dossier: ReturnType<typeof generateWorkspace>, name: string) {
  const t = Date.now();
  await dropFiles(app.page, [
    { name, bytes: Buffer.from(JSON.stringify(dossier)), type: 'application/json' },
  ]);
  await app.page.getByTestId('import-report').waitFor({ timeout: 3_600_000 });
  const seconds = (Date.now() - t) / 1000;
  await app.page.getByTestId('import-report-close').click();
  return seconds;
}

/** The machine's load averages, reported beside figures measured on a shared machine. */
const load = () =>
  loadavg()
    .map((l) => l.toFixed(1))
    .join(', ');

/** A workspace of `n` generated articles built by dropping dossiers of 1,000 articles; seconds per dossier. */
async function dossierWorkspace(app: App, n: number): Promise<number[]> {
  const seconds: number[] = [];
  const names = new Set<string>();
  for (let done = 0; done < n; done += DOSSIER_ARTICLES) {
    const articles = Math.min(DOSSIER_ARTICLES, n - done);
    const dossier = benchDossier(done / DOSSIER_ARTICLES, n, articles);
    for (const source of dossier.sources) names.add(source.name);
    seconds.push(await dropDossier(app, dossier, `part-${done}.json`));
    console.error(
      `dossier ${done / DOSSIER_ARTICLES + 1}: ${articles} articles in ${seconds.at(-1)!.toFixed(1)} s (load ${load()})`,
    );
  }
  console.error(`${n} articles quoting ${names.size} distinct sources`);
  return seconds;
}

/**
 * The same 1,000-article dossier (the next of the `n`-article workspace's series) into `app`'s workspace and into a
 * fresh, empty one: a row of seconds, their ratio and the load.
 */
async function dossierInto(app: App, n: number): Promise<string> {
  const dossier = benchDossier(Math.ceil(n / DOSSIER_ARTICLES), n);
  const into = await dropDossier(app, dossier, 'one-more.json');
  const fresh = await launchApp();
  try {
    await fresh.page.getByTestId('library-item').first().waitFor();
    const empty = await dropDossier(fresh, dossier, 'one-more.json');
    return `| 1,000-article dossier: into the empty workspace | ${empty.toFixed(1)} s | into ${n.toLocaleString('en')} articles: ${into.toFixed(1)} s (${(into / empty).toFixed(1)}×), load ${load()} |`;
  } finally {
    await fresh.close();
  }
}

/**
 * BENCH_WORKSPACE=DIR keeps the built workspace (browser profile, data folder and port) in DIR, and a later run
 * with the same DIR measures the UI on it without building it again (`built` is written once it is complete).
 */
function keptWorkspace(): { dir: string; port: number; built: boolean } | null {
  const dir = process.env.BENCH_WORKSPACE;
  if (!dir) return null;
  mkdirSync(join(dir, 'data'), { recursive: true });
  const portFile = join(dir, 'port');
  if (!existsSync(portFile)) writeFileSync(portFile, String(20_000 + Math.floor(Math.random() * 20_000)));
  return { dir, port: Number(readFileSync(portFile, 'utf8')), built: existsSync(join(dir, 'built')) };
}

let dossierUi: string[] = [];
let dossierLoads: number[] = [];
if (UI_ARTICLES) {
  const kept = keptWorkspace();
  const app = await launchApp(
    kept ? { dataDir: join(kept.dir, 'data'), profileDir: join(kept.dir, 'profile'), port: kept.port } : {},
  );
  try {
    // A kept workspace may be upgraded on open: schema version 10 took 4.5 min at 10,000 articles (load ~20).
    await app.page
      .getByTestId('library-item')
      .first()
      .waitFor({ timeout: kept?.built ? 15 * 60_000 : 60_000 });
    if (kept?.built) console.error(`measuring the workspace kept in ${kept.dir}`);
    else {
      dossierLoads = await dossierWorkspace(app, UI_ARTICLES);
      if (kept) writeFileSync(join(kept.dir, 'built'), `${UI_ARTICLES} articles\n`);
    }
    dossierUi = await uiActions(app, UI_ARTICLES, QUERIES.dossiers);
    if (DOSSIER_INTO) dossierUi.push(await dossierInto(app, UI_ARTICLES));
  } finally {
    await app.close();
  }
}

let growth: number[] = [];
if (DOSSIER_GROWTH && !UI_ARTICLES) {
  const app = await launchApp();
  try {
    await app.page.getByTestId('library-item').first().waitFor();
    growth = await dossierWorkspace(app, DOSSIER_GROWTH);
  } finally {
    await app.close();
  }
}

if (rows.length) {
  console.log('### Import of generated .txt news articles, one folder drop (GUI) vs CLI vs bare segmenter\n');
  console.log(
    '| articles | GUI import | per file, first 10 % → last 10 % | longest main-thread task | library counts seen during import | CLI `import` | bare `Intl.Segmenter` |',
  );
  console.log('|---|---|---|---|---|---|---|');
  for (const r of rows) console.log(r);
  console.log(`\n### UI at ${Math.max(...SIZES)} articles (plus the seed article)\n`);
  console.log('| action | measured | goal |\n|---|---|---|');
  for (const r of ui) console.log(r);
}
if (cliRows.length) {
  console.log(
    `### CLI \`import\` of generated .txt news articles vs bare segmenter (medians of ${CLI_RUNS})\n`,
  );
  console.log(
    '| articles | CLI `import`, wall (CPU) | bare `Intl.Segmenter`, wall (CPU) | wall ratio of medians (each run) | CPU ratio |' +
      (CLI_REF
        ? ` reference CLI (${CLI_REF}), wall (CPU): ratios |\n|---|---|---|---|---|---|`
        : '\n|---|---|---|---|---|'),
  );
  for (const r of cliRows) console.log(r);
}
if (UI_ARTICLES) {
  const total = dossierLoads.reduce((a, b) => a + b, 0);
  console.log(
    `\n### UI at ${UI_ARTICLES} generated articles (${PER_ARTICLE.statements} statements each, plus the seed), ` +
      `built from ${dossierLoads.length} dossiers in ${total.toFixed(0)} s (first ${dossierLoads[0]?.toFixed(1)} s, ` +
      `last ${dossierLoads.at(-1)?.toFixed(1)} s)\n`,
  );
  console.log('| action | measured | goal |\n|---|---|---|');
  for (const r of dossierUi) console.log(r);
}
if (growth.length) {
  console.log(
    `\n### Dossier import as the workspace grows (${DOSSIER_ARTICLES.toLocaleString('en')} generated articles each, ` +
      `${PER_ARTICLE.statements} statements per article, ${PEOPLE_PER_ARTICLE} people per article in the universe)\n`,
  );
  console.log('| workspace before the import | import to report |\n|---|---|');
  growth.forEach((s, i) =>
    console.log(
      `| ${(i * DOSSIER_ARTICLES).toLocaleString('en')} articles (+ the seed) | ${s.toFixed(1)} s |`,
    ),
  );
  console.log(`\nlast to first: ${(growth.at(-1)! / growth[0]!).toFixed(1)}×, load ${load()}`);
}
