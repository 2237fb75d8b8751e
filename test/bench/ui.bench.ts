// Benchmark: the BUILT app in Chromium on the seed article (31 statements) and, side by side, on a generated
// document of 5,000 statements with 10,000 annotations: p50/p95 of open, scroll one screen, create an
// annotation, apply a tag, search — timed in the page from the action until the DOM shows it and a frame
// has been drawn. Build first (npx electron-vite build --config electron.config.ts), then:
// npx tsx test/bench/ui.bench.ts   (BENCH_RUNS=n for more runs per action; BENCH_SEED_ONLY=1 skips the
// generated document; BENCH_ACTIONS=create,tag measures only those actions; BENCH_PROFILE=file.cpuprofile
// records a Chrome CPU profile of the measured actions)
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { generateWorkspace } from '../../scripts/gen-workspace';
import { dropFiles, launchApp, repoRoot } from '../e2e/harness';
import { percentile, timeInPage } from './page-timing';

const RUNS = Number(process.env.BENCH_RUNS ?? 20);
const STATEMENTS = 5000;
const ANNOTATIONS = 10_000;
const GOALS: Record<string, number> = { open: 300, scroll: 50, create: 50, tag: 50, search: 50, list: 50 };
const QUERIES = [
  'Bogdanv',
  'Bangi',
  'peacekepers',
  'convoy',
  'Rwandn troops',
  'electoral',
  'Touadera',
  'Bambari',
];

type Action = 'open' | 'scroll' | 'create' | 'tag' | 'search' | 'list';
const ONLY = process.env.BENCH_ACTIONS ? new Set(process.env.BENCH_ACTIONS.split(',')) : null;
const wanted = (a: Action) => !ONLY || ONLY.has(a);

const press = (key: string) =>
  `window.dispatchEvent(new KeyboardEvent('keydown', { key: '${key}', bubbles: true }));`;

/** The index of a statement row drawn inside the reader that has not been used yet (scrolls on when none). */
async function freshRow(page: Page, used: Set<number>): Promise<number> {
  for (let attempt = 0; attempt < 20; attempt++) {
    const index = await page.evaluate(
      (used) => {
        const reader = document.querySelector('[data-testid="reader"]')!;
        const box = reader.getBoundingClientRect();
        for (const row of document.querySelectorAll<HTMLElement>('[data-testid="statement"]')) {
          const r = row.getBoundingClientRect();
          const i = Number(row.dataset.index);
          if (r.top >= box.top + 60 && r.bottom <= box.bottom - 60 && !used.includes(i)) return i;
        }
        if (reader.scrollTop + reader.clientHeight >= reader.scrollHeight - 2) {
          reader.scrollTop = 0; // a short article: start over with rows already used
          return -2;
        }
        reader.scrollTop += reader.clientHeight * 0.8;
        return -1;
      },
      [...used],
    );
    if (index >= 0) {
      used.add(index);
      return index;
    }
    if (index === -2) used.clear();
    await page.waitForTimeout(60);
  }
  throw new Error('no statement row on screen');
}

async function openArticle(page: Page, title: string) {
  await page.getByTestId('library-item').filter({ hasText: title }).click();
  await page.getByTestId('article-title').filter({ hasText: title }).waitFor();
  await page.getByTestId('statement').first().waitFor();
}

async function measureArticle(
  page: Page,
  title: string,
  otherTitle: string,
): Promise<Record<Action, number[]>> {
  const out: Record<Action, number[]> = { open: [], scroll: [], create: [], tag: [], search: [], list: [] };
  const runs = (n: number) => Array.from({ length: n }, (_, i) => i);

  await openArticle(page, title);
  for (const i of runs(wanted('open') ? Math.min(RUNS, 10) : 0)) {
    await openArticle(page, otherTitle);
    await page.waitForTimeout(100);
    void i;
    out.open.push(
      await timeInPage(
        page,
        `[...document.querySelectorAll('[data-testid="library-item"]')].find((b) => b.textContent.includes(arg)).click();`,
        `const h = document.querySelector('[data-testid="article-title"]');
         return !!h && h.textContent.includes(arg) && !!document.querySelector('[data-testid="statement"]');`,
        title,
      ),
    );
  }

  // Scroll one screen at a time; done when the row under the middle of the reader is drawn.
  await page.getByTestId('reader').evaluate((el) => (el.scrollTop = 0));
  for (const i of runs(wanted('scroll') ? RUNS : 0)) {
    void i;
    out.scroll.push(
      await timeInPage(
        page,
        `const r = document.querySelector('[data-testid="reader"]');
         if (r.scrollTop + r.clientHeight * 2 >= r.scrollHeight) r.scrollTop = 0;
         r.scrollTop += r.clientHeight;`,
        `const r = document.querySelector('[data-testid="reader"]').getBoundingClientRect();
         const el = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
         return !!el && !!el.closest('[data-testid="statement"]');`,
      ),
    );
  }

  // Apply a tag: focus a statement, press the key of "Figure"; done when the inspector's toggle for it flips
  // (the chips in the row merge the tags of every annotation on the statement, so they may not change).
  await page.getByTestId('reader').evaluate((el) => (el.scrollTop = 0));
  const figureToggle = `[...document.querySelectorAll('[data-testid="tag-toggle"]')].find((b) => b.textContent.includes('Figure'))`;
  const used = new Set<number>();
  for (const i of runs(wanted('tag') ? RUNS : 0)) {
    void i;
    const index = await freshRow(page, used);
    const row = page.locator(`[data-testid="statement"][data-index="${index}"]`);
    await row.dispatchEvent('click'); // on the row itself, not on its speaker chip
    await page.locator(`[data-testid="statement"][data-index="${index}"][aria-selected="true"]`).waitFor();
    await page.waitForTimeout(50);
    const before = await page.evaluate(`${figureToggle}.getAttribute('aria-pressed')`);
    out.tag.push(
      await timeInPage(
        page,
        press('3'),
        `return ${figureToggle}.getAttribute('aria-pressed') !== ${JSON.stringify(before)};`,
      ),
    );
  }

  // Create an annotation: select a word of a statement, press a tag key; done when its highlight shows.
  const cdp = process.env.BENCH_PROFILE ? await page.context().newCDPSession(page) : null;
  if (cdp) {
    await cdp.send('Profiler.enable');
    await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
    await cdp.send('Profiler.start');
  }
  for (const i of runs(wanted('create') ? RUNS : 0)) {
    void i;
    const index = await freshRow(page, used);
    const row = page.locator(`[data-testid="statement"][data-index="${index}"]`);
    const before = await row.getByTestId('highlight').count();
    await page.evaluate((index) => {
      const text = document.querySelector(
        `[data-testid="statement"][data-index="${index}"] [data-text-start]`,
      )!;
      const walker = document.createTreeWalker(text, NodeFilter.SHOW_TEXT);
      let node = walker.nextNode()!;
      while ((node.textContent ?? '').trim().length < 12 && walker.nextNode()) node = walker.currentNode;
      const range = document.createRange();
      const len = node.textContent!.length;
      range.setStart(node, Math.min(2, len - 1));
      range.setEnd(node, Math.min(10, len));
      const sel = document.getSelection()!;
      sel.removeAllRanges();
      sel.addRange(range);
      text.closest('[role="grid"]')!.dispatchEvent(new MouseEvent('mouseup', { bubbles: true }));
    }, index);
    await page.getByTestId('selection-toolbar').waitFor({ timeout: 10_000 });
    out.create.push(
      await timeInPage(
        page,
        press('4'),
        `return document.querySelectorAll('[data-testid="statement"][data-index="${index}"] [data-testid="highlight"]').length !== ${before};`,
      ),
    );
    await page.keyboard.press('Escape');
  }
  if (cdp) {
    const { profile } = await cdp.send('Profiler.stop');
    writeFileSync(process.env.BENCH_PROFILE!, JSON.stringify(profile)); // the last article measured wins
    await cdp.detach();
  }

  if (!wanted('search') && !wanted('list')) return out;
  // Search: type a query into the box; done when its results are listed.
  await page.getByTestId('search-input').click();
  await page.waitForFunction(() => !document.querySelector('[data-testid="search-preparing"]'), null, {
    timeout: 60_000,
  });
  for (const i of runs(RUNS)) {
    const q = QUERIES[i % QUERIES.length]!;
    await page.getByTestId('search-input').fill('');
    out.search.push(
      await timeInPage(
        page,
        `const box = document.querySelector('[data-testid="search-input"]');
         box.focus();
         box.value = arg;
         box.dispatchEvent(new Event('input', { bubbles: true }));`,
        `const foot = document.querySelector('[data-testid="search-results"] .foot');
         return !!document.querySelector('[data-testid="search-hit"]') && !!foot;`,
        q,
      ),
    );
  }
  await page.getByTestId('search-input').fill('');
  await page.keyboard.press('Escape');

  // The workspace-wide annotations view: scroll its virtualised list one screen at a time.
  await page.getByTestId('view-annotations').click();
  await page.getByTestId('annotation-row').first().waitFor({ timeout: 60_000 });
  for (const i of runs(RUNS)) {
    void i;
    out.list.push(
      await timeInPage(
        page,
        `const l = document.querySelector('[data-testid="annotations-list"]');
         if (l.scrollTop + l.clientHeight * 2 >= l.scrollHeight) l.scrollTop = 0;
         l.scrollTop += l.clientHeight;`,
        `const r = document.querySelector('[data-testid="annotations-list"]').getBoundingClientRect();
         const el = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
         return !!el && !!el.closest('[data-testid="annotation-row"]');`,
      ),
    );
  }
  await page.getByTestId('view-reader').click();
  return out;
}

async function main() {
  if (!existsSync(join(repoRoot, 'out/renderer/index.html')))
    throw new Error('build the app first: npx electron-vite build --config electron.config.ts');
  const app = await launchApp();
  const { page } = app;
  try {
    await page.getByTestId('statement').first().waitFor({ timeout: 60_000 });
    const seedTitle = await page.getByTestId('article-title').innerText();

    const t0 = Date.now();
    const seedOnly = !!process.env.BENCH_SEED_ONLY;
    const dossier = generateWorkspace({
      articles: 1,
      annotations: seedOnly ? 10 : ANNOTATIONS,
      statements: seedOnly ? 40 : STATEMENTS,
      seed: 7,
    });
    const bigTitle = dossier.articles[0]!.title;
    await dropFiles(page, [
      { name: 'generated.json', bytes: Buffer.from(JSON.stringify(dossier)), type: 'application/json' },
    ]);
    await page.getByTestId('library-item').filter({ hasText: bigTitle }).waitFor({ timeout: 300_000 });
    const loadSeconds = (Date.now() - t0) / 1000;
    if (process.env.BENCH_CLEAR_HISTORY) {
      // Diagnosis: without the import's 15,000-record entry in the undo history.
      await page.evaluate(
        () =>
          new Promise<void>((resolve, reject) => {
            const open = indexedDB.open('corroborate');
            open.onerror = () => reject(open.error);
            open.onsuccess = () => {
              const tx = open.result.transaction('history', 'readwrite');
              tx.objectStore('history').clear();
              tx.oncomplete = () => resolve();
              tx.onerror = () => reject(tx.error);
            };
          }),
      );
      await page.reload();
      await page.getByTestId('statement').first().waitFor({ timeout: 60_000 });
    }

    console.error(`loaded the generated document in ${loadSeconds.toFixed(0)} s`);
    const seed = await measureArticle(page, seedTitle, bigTitle);
    console.error('measured the seed article');
    const big = seedOnly ? seed : await measureArticle(page, bigTitle, seedTitle);

    const labels: Record<Action, string> = {
      open: 'open the article',
      scroll: 'scroll one screen',
      create: 'create an annotation (select + key)',
      tag: 'apply a tag (key on focused statement)',
      search: 'search (typo-tolerant, whole workspace)',
      list: 'annotations view: scroll one screen',
    };
    const f = (n: number) => n.toFixed(1);
    const lines = [
      `UI latency in Chromium (browser shell, built app), ms from the action until the DOM shows it and the next frame is drawn; ${RUNS} runs each (open: ${Math.min(RUNS, 10)}).`,
      `Generated document: ${STATEMENTS} statements, ${ANNOTATIONS} annotations (loaded as a dropped dossier in ${loadSeconds.toFixed(0)} s).`,
      '',
      '| action | seed (31 st.) p50 | seed p95 | 5k st. / 10k ann. p50 | 5k/10k p95 | goal p95 | met |',
      '|---|---:|---:|---:|---:|---:|:---:|',
      ...(Object.keys(labels) as Action[]).map((a) => {
        const p95 = percentile(big[a], 95);
        return `| ${labels[a]} | ${f(percentile(seed[a], 50))} | ${f(percentile(seed[a], 95))} | ${f(percentile(big[a], 50))} | ${f(p95)} | ${GOALS[a]} | ${p95 < GOALS[a]! ? 'yes' : 'no'} |`;
      }),
    ];
    console.log(lines.join('\n'));
    if (app.consoleErrors.length)
      console.log(`\nConsole errors: ${app.consoleErrors.slice(0, 3).join(' | ')}`);
  } catch (err) {
    await app.screenshot('ui-bench-failure');
    throw err;
  } finally {
    await app.close();
  }
}

await main();
