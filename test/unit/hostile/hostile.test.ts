// Every file of the hostile corpus goes through the import worker, as a dropped file does, and gets its
// defined outcome: imported with its text, or refused with a reason. Nothing runs, nothing is fetched, the
// test process never crashes, no file outlives the time limit, and memory comes back.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_LIMITS, type ImportLimits } from '../../../src-main/core/import/limits';
import { importBytes } from '../../../src-main/core/import/pipeline';
import { ImportWorkerHost } from '../../../src-main/core/import/worker-host';
import { AppError } from '../../../src-main/shared/errors';
import { ExtractedArticle } from '../../../src-main/shared/extraction';
import { startCanary, type Canary } from './canary';
import { hostileCases, type HostileCase } from './corpus/cases';

// The size limit is lowered so that a file one byte over it is cheap; every other limit is the app's own.
const LOWERED_MAX_BYTES = 8 * 1024 * 1024;
const TIME_SLACK_MS = 5_000;
const canaryGlobal = globalThis as { __canary?: unknown };

let canary: Canary;
let host: ImportWorkerHost;
let cases: HostileCase[];
const articles = new Map<string, ExtractedArticle>();
let rssBefore = 0;
let rssPeak = 0;
let sampler: NodeJS.Timeout;

beforeAll(async () => {
  canary = await startCanary();
  cases = hostileCases({ canaryUrl: canary.url, maxFileBytes: LOWERED_MAX_BYTES });
  host = new ImportWorkerHost();
  rssBefore = process.memoryUsage().rss;
  sampler = setInterval(() => (rssPeak = Math.max(rssPeak, process.memoryUsage().rss)), 50);
});

afterAll(async () => {
  clearInterval(sampler);
  await host?.close();
  await canary?.close();
});

function limitsFor(c: HostileCase): ImportLimits {
  const limits = { ...DEFAULT_LIMITS, ...c.testLimits };
  return c.id === 'over-size-limit.txt' ? { ...limits, maxFileBytes: LOWERED_MAX_BYTES } : limits;
}

describe('hostile corpus through the import worker', () => {
  it('has at least 60 files covering every kind the issue lists', () => {
    expect(cases.length).toBeGreaterThanOrEqual(60);
    const ids = cases.map((c) => c.id).join(' ');
    for (const kind of [
      'zero-byte',
      'whitespace',
      'over-size',
      'random-small.pdf',
      'html-named.pdf',
      'pdf-truncated',
      'pdf-encrypted',
      'pdf-javascript',
      'zip-bomb',
      'billion-laughs',
      'external-relationships',
      'html-script',
      'onerror',
      'javascript-links',
      'meta-refresh',
      'iframe',
      'object',
      'css-url',
      'nested-100000',
      'single-line-50mb',
      'invalid-utf8',
      'utf16le-no-bom',
      'mixed-line-endings',
      'name-dot-dot',
      'name-control',
      'name-rlo',
      'name-300',
      'eml-unclosed',
      'again',
    ]) {
      expect(ids, kind).toContain(kind);
    }
  });

  it('gives every file its defined outcome within the time limit', async () => {
    const failures: string[] = [];
    for (const c of cases) {
      const limits = limitsFor(c);
      const bytes = c.bytes();
      const started = Date.now();
      const result = await host.run(c.name, bytes, limits).then(
        (article) => ({ article }),
        (error: unknown) => ({ error }),
      );
      const elapsed = Date.now() - started;
      if (elapsed > limits.timeoutMs + TIME_SLACK_MS) failures.push(`${c.id}: took ${elapsed} ms`);
      const e = c.expect;
      if ('article' in result) {
        const article = ExtractedArticle.parse(result.article);
        articles.set(c.id, article);
        if (e.outcome !== 'imported') {
          failures.push(`${c.id}: imported, expected refusal matching ${e.reason}`);
          continue;
        }
        if (e.format && article.format !== e.format) failures.push(`${c.id}: format ${article.format}`);
        for (const text of e.includes ?? [])
          if (!article.text.includes(text)) failures.push(`${c.id}: lacks "${text}"`);
        for (const text of e.excludes ?? [])
          if (article.text.includes(text)) failures.push(`${c.id}: has "${text}"`);
        if (article.fileName !== c.name) failures.push(`${c.id}: file name changed`);
      } else {
        const error = result.error;
        if (!(error instanceof AppError)) {
          failures.push(`${c.id}: not an AppError: ${String(error)}`);
        } else if (e.outcome !== 'refused') {
          failures.push(`${c.id}: refused (${error.code}: ${error.message}), expected import`);
        } else if (!e.reason.test(error.message) || error.code !== (e.code ?? 'refused')) {
          failures.push(
            `${c.id}: refused with "${error.code}: ${error.message}", expected ${e.code ?? 'refused'} ${e.reason}`,
          );
        } else if (/crashed|stopped unexpectedly|more memory/.test(error.message)) {
          failures.push(`${c.id}: the worker died (${error.message})`);
        }
      }
    }
    expect(failures).toEqual([]);
  });

  it('gives the same article for the same file imported twice', () => {
    const twins = cases.filter((c) => c.sameAs);
    expect(twins.length).toBeGreaterThan(0);
    for (const twin of twins) {
      const a = articles.get(twin.id);
      const b = articles.get(twin.sameAs!);
      expect(a && b, twin.id).toBeTruthy();
      expect(a!.textSha256).toBe(b!.textSha256);
      expect(a!.fileSha256).toBe(b!.fileSha256);
      expect(a!.text).toBe(b!.text);
    }
  });

  it('ran no script and fetched nothing from any file', () => {
    expect(canary.requests).toEqual([]);
    expect(canaryGlobal.__canary).toBeUndefined();
  });

  it('runs nothing even when the importers run in this very process', async () => {
    const active = cases.filter(
      (c) => /html|md-|eml|pdf-javascript|docx-external/.test(c.id) && !/50mb|nested/.test(c.id),
    );
    for (const c of active) await importBytes(c.bytes(), c.name).catch(() => undefined);
    await new Promise((ok) => setTimeout(ok, 200)); // let any stray timer or request fire
    expect(canaryGlobal.__canary).toBeUndefined();
    expect(canary.requests).toEqual([]);
  });

  it('keeps memory bounded and gives it back when the worker closes', async () => {
    await host.close();
    (globalThis as { gc?: () => void }).gc?.();
    const growth = process.memoryUsage().rss - rssBefore;
    expect(rssPeak - rssBefore, `peak growth ${Math.round((rssPeak - rssBefore) / 1048576)} MB`).toBeLessThan(
      3 * 2 ** 30,
    );
    expect(growth, `remaining growth ${Math.round(growth / 1048576)} MB`).toBeLessThan(512 * 2 ** 20);
  });
});
