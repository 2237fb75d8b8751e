// E2E harness: starts an isolated browser shell (own port and data folder) and drives the real
// renderer in Debian's Chromium, recording every request and console error along the way.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import {
  chromium,
  type Browser,
  type BrowserContext,
  type Download,
  type Locator,
  type Page,
} from 'playwright-core';

export const repoRoot = resolve(import.meta.dirname, '../..');
export const resultsDir = join(repoRoot, 'test-results');

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-dev-shm-usage',
];

export interface App {
  url: string;
  origin: string;
  dataDir: string;
  /** Null when the app runs in a persistent profile (`profileDir`), which has only a context. */
  browser: Browser | null;
  context: BrowserContext;
  page: Page;
  /** Every URL the page requested. */
  requests: string[];
  consoleErrors: string[];
  /**
   * Kill the browser shell's process (as a crash would) and start a new one on the same port; returns its
   * address (a new token in the fragment), which also becomes `url`.
   */
  restartServer: (signal?: NodeJS.Signals) => Promise<string>;
  /** Requests to anything but the shell's own origin (must stay empty). */
  foreignRequests: () => string[];
  screenshot: (name: string) => Promise<string>;
  close: () => Promise<void>;
}

export async function startServer(
  dataDir: string,
  port = 0,
  env: Record<string, string> = {},
): Promise<{ child: ChildProcess; url: string }> {
  const child = spawn(
    process.execPath,
    [
      '--import',
      'tsx',
      join(repoRoot, 'src-main/web/main.ts'),
      '--port',
      String(port),
      '--data-dir',
      dataDir,
    ],
    {
      cwd: repoRoot,
      env: { ...process.env, ...env },
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  );
  const url = await new Promise<string>((ok, fail) => {
    let out = '';
    const timer = setTimeout(() => fail(new Error(`browser shell did not start: ${out}`)), 30_000);
    child.stdout!.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const m = /Corroborate is running at (\S+)/.exec(out);
      if (m) {
        clearTimeout(timer);
        ok(m[1]!);
      }
    });
    child.on('exit', (code) => fail(new Error(`browser shell exited with ${code}: ${out}`)));
  });
  return { child, url };
}

/**
 * `profileDir` keeps the browser profile (and so the workspace in IndexedDB) in that folder; with the same
 * `port` (IndexedDB belongs to the origin, port included) a later launch opens the same workspace.
 */
export async function launchApp(
  opts: {
    dataDir?: string;
    profileDir?: string;
    port?: number;
    /** Extra environment for the browser shell's process (test seams such as CORROBORATE_EXPORT_STEP_MS). */
    serverEnv?: Record<string, string>;
  } = {},
): Promise<App> {
  const dataDir = opts.dataDir ?? (await mkdtemp(join(tmpdir(), 'corroborate-e2e-')));
  let { child, url } = await startServer(dataDir, opts.port, opts.serverEnv);
  const origin = new URL(url).origin;
  const contextOptions = { viewport: { width: 1360, height: 860 }, acceptDownloads: true };
  const launchOptions = { executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS };
  const browser = opts.profileDir === undefined ? await chromium.launch(launchOptions) : null;
  const context = browser
    ? await browser.newContext(contextOptions)
    : await chromium.launchPersistentContext(opts.profileDir ?? '', { ...launchOptions, ...contextOptions });
  // tsx compiles test code with esbuild's keepNames, so functions passed to page.evaluate may
  // call its `__name` helper; give the page a no-op one.
  await context.addInitScript({ content: 'globalThis.__name = globalThis.__name || ((f) => f);' });
  const page = await context.newPage();
  const requests: string[] = [];
  const consoleErrors: string[] = [];
  page.on('request', (r) => requests.push(r.url()));
  page.on('console', (m) => {
    if (m.type() === 'error') consoleErrors.push(m.text());
  });
  page.on('pageerror', (e) => consoleErrors.push(`${String(e)}\n${e.stack ?? ''}`));
  await page.goto(url);
  await mkdir(resultsDir, { recursive: true });
  const app: App = {
    url,
    origin,
    dataDir,
    browser,
    context,
    page,
    requests,
    consoleErrors,
    restartServer: async (signal = 'SIGKILL') => {
      const exited = new Promise((ok) => child.once('exit', ok));
      child.kill(signal);
      await exited;
      ({ child, url } = await startServer(dataDir, Number(new URL(url).port), opts.serverEnv));
      // The restarted shell has a new token: pages opened from app.url from now on need this address.
      app.url = url;
      return url;
    },
    foreignRequests: () =>
      requests.filter((r) => !r.startsWith(origin + '/') && !r.startsWith('data:') && !r.startsWith('blob:')),
    screenshot: async (name) => {
      const path = join(resultsDir, `${name}.png`);
      await page.screenshot({ path, fullPage: false });
      return path;
    },
    close: async () => {
      await (browser ?? context).close();
      child.kill('SIGTERM');
      if (!opts.dataDir) await rm(dataDir, { recursive: true, force: true });
    },
  };
  return app;
}

/** The app on the seed workspace, ready: launched and the seed article's statements drawn. */
export async function launchSeeded(): Promise<App> {
  const app = await launchApp();
  await app.page.getByTestId('statement').first().waitFor();
  return app;
}

export interface DropFile {
  name: string;
  bytes: Buffer | Uint8Array;
  type?: string;
  /** Folder path for files dropped inside a folder. */
  dir?: string;
}

/**
 * Dispatch a real drop event carrying files on the window. Folders are represented the way
 * Chromium exposes them to the page (webkitGetAsEntry), built inside the page.
 */
export async function dropFiles(page: Page, files: DropFile[]): Promise<void> {
  await dispatchDrop(page, await makeDataTransfer(page, files));
}

/** A DataTransfer holding the files, built inside the page. */
export async function makeDataTransfer(page: Page, files: DropFile[]) {
  const payload = files.map((f) => ({
    name: f.name,
    b64: Buffer.from(f.bytes).toString('base64'),
    type: f.type ?? '',
    dir: f.dir ?? '',
  }));
  return page.evaluateHandle((items) => {
    const dt = new DataTransfer();
    for (const it of items) {
      const bin = Uint8Array.from(atob(it.b64), (c) => c.charCodeAt(0));
      dt.items.add(new File([bin], it.name, { type: it.type }));
    }
    return dt;
  }, payload);
}

/** Dispatch dragenter, dragover and drop carrying `dt` on the window. */
export async function dispatchDrop(
  page: Page,
  dt: Awaited<ReturnType<typeof makeDataTransfer>>,
): Promise<void> {
  const target = page.locator('body');
  await target.dispatchEvent('dragenter', { dataTransfer: dt });
  await target.dispatchEvent('dragover', { dataTransfer: dt });
  await target.dispatchEvent('drop', { dataTransfer: dt });
}

/**
 * Assert that a list shows exactly `n` items. Lists are filled by live queries that can land a
 * moment after their heading, so wait for the n-th item before counting.
 */
export async function expectCount(list: Locator, n: number): Promise<void> {
  if (n > 0) await list.nth(n - 1).waitFor();
  const actual = await list.count();
  if (actual !== n) throw new Error(`expected ${n} items, found ${actual}`);
}

/** Select [from, to) of statement `index`'s text (offsets within the statement) and release the mouse. */
export async function selectInStatements(
  page: Page,
  from: { index: number; at: number },
  to: { index: number; at: number },
) {
  // No named functions inside: tsx would wrap them in a helper the page does not have.
  await page.evaluate(
    ({ from, to }) => {
      const points: [Node, number][] = [];
      for (const { index, at } of [from, to]) {
        const row = document.querySelector(`[data-testid="statement"][data-index="${index}"]`)!;
        const walker = document.createTreeWalker(
          row.querySelector('[data-text-start]')!,
          NodeFilter.SHOW_TEXT,
        );
        let left = at;
        for (let n = walker.nextNode(); n; n = walker.nextNode()) {
          const len = n.textContent!.length;
          if (left <= len) {
            points.push([n, left]);
            break;
          }
          left -= len;
        }
      }
      if (points.length !== 2) throw new Error('offset outside the statement');
      const range = document.createRange();
      range.setStart(...points[0]!);
      range.setEnd(...points[1]!);
      const sel = document.getSelection()!;
      sel.removeAllRanges();
      sel.addRange(range);
      const list = document.querySelector('[data-testid="statement"]')!.closest('[role="grid"]')!;
      list.dispatchEvent(new MouseEvent('mouseup', { bubbles: true }));
    },
    { from, to },
  );
}

/** Opens the export dialog, picks a format, exports the whole workspace and saves the download in `outDir`. */
export async function exportAs(
  app: App,
  format: string,
  title: string,
  outDir: string,
  shot?: string,
): Promise<string> {
  const { page } = app;
  if (!(await page.getByTestId('export-dialog').isVisible())) await page.getByTestId('export-button').click();
  const dialog = page.getByTestId('export-dialog');
  await dialog.waitFor();
  await dialog.getByTestId(`format-${format}`).check();
  await dialog.getByTestId('export-title').fill(title);
  if (shot) await app.screenshot(shot);
  const [download] = (await Promise.all([
    page.waitForEvent('download', { timeout: 60_000 }),
    dialog.getByTestId('export-start').click(),
  ])) as [Download, unknown];
  await dialog.locator('[data-testid="export-result"][data-kind="saved"]').waitFor({ timeout: 60_000 });
  await mkdir(outDir, { recursive: true });
  const path = join(outDir, download.suggestedFilename());
  await download.saveAs(path);
  return path;
}
