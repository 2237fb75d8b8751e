// Benchmark: statements per second of the full analysis (split + attribution + entities) against bare
// Intl.Segmenter sentence segmentation, on ~1 MB of news text. Run: npx tsx test/bench/analysis.bench.ts
import { readFileSync, readdirSync, existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseHTML } from 'linkedom';
import { analyzeText, splitStatements } from '../../src-main/shared/analysis/index';
import { findCorpus } from '../../scripts/corpus';

const repoRoot = resolve(import.meta.dirname, '../..');
const corpus = findCorpus(repoRoot);
const TARGET_BYTES = 1_000_000;
const RUNS = Number(process.env.BENCH_RUNS ?? 9);

/** Paragraphs of real news text: the seed article and the readable text of the corpus's news pages. */
function newsParagraphs(): string[] {
  const paragraphs = readFileSync(resolve(repoRoot, 'test/fixtures/car-dec-2020.txt'), 'utf8').split(
    /\n\s*\n/,
  );
  const pages = resolve(corpus, 'html');
  if (existsSync(pages)) {
    for (const page of readdirSync(pages)) {
      const file = resolve(pages, page, 'expected.html');
      if (!existsSync(file)) continue;
      const { document } = parseHTML(`<html><body>${readFileSync(file, 'utf8')}</body></html>`);
      for (const p of document.querySelectorAll('p, li, blockquote')) {
        const text = (p.textContent ?? '').replace(/\s+/g, ' ').trim();
        if (text.length > 40) paragraphs.push(text);
      }
    }
  }
  return paragraphs;
}

/** ~1 MB as articles of 20 paragraphs, each article a different shuffle so nothing repeats verbatim. */
function buildArticles(paragraphs: string[]): string[] {
  let seed = 42;
  const random = (): number => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
  const articles: string[] = [];
  let size = 0;
  while (size < TARGET_BYTES) {
    const picked: string[] = [];
    for (let i = 0; i < 20; i++) picked.push(paragraphs[Math.floor(random() * paragraphs.length)] as string);
    const article = picked.join('\n\n');
    articles.push(article);
    size += article.length;
  }
  return articles;
}

const segmenter = new Intl.Segmenter('en', { granularity: 'sentence' });
function bareSegmenter(articles: string[]): number {
  let count = 0;
  for (const article of articles) {
    for (const paragraph of article.split(/\n\s*\n/)) for (const _ of segmenter.segment(paragraph)) count++;
  }
  return count;
}
const splitterOnly = (articles: string[]): number =>
  articles.reduce((n, a) => n + splitStatements(a).length, 0);
const fullAnalysis = (articles: string[]): number => articles.reduce((n, a) => n + analyzeText(a).length, 0);

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] as number;
}

/** ~1 MB of distinct real news: PolNeAR train articles in file order, none repeated (else shuffled paragraphs). */
function polnearArticles(): string[] | null {
  const dir = resolve(corpus, 'attribution/data/train/text');
  if (!existsSync(dir)) return null;
  const articles: string[] = [];
  let size = 0;
  for (const file of readdirSync(dir).sort()) {
    if (size >= TARGET_BYTES) break;
    const text = readFileSync(resolve(dir, file), 'utf8');
    articles.push(text);
    size += text.length;
  }
  return articles;
}

const articles = polnearArticles() ?? buildArticles(newsParagraphs());
const bytes = articles.reduce((n, a) => n + a.length, 0);
const contenders = [
  { name: 'Intl.Segmenter (bare, per paragraph)', run: bareSegmenter },
  { name: 'splitStatements', run: splitterOnly },
  { name: 'analyzeText (split + attribution + entities)', run: fullAnalysis },
];
for (const c of contenders) c.run(articles.slice(0, 5)); // warm-up: JIT, compromise lexicon, regexes
// CPU time (process.cpuUsage) as well as wall time: on a shared machine wall time also counts the
// moments this process waited for a core, which is noise; the ratio is taken on CPU time.
const wall = new Map<string, number[]>(contenders.map((c) => [c.name, []]));
const cpu = new Map<string, number[]>(contenders.map((c) => [c.name, []]));
const counts = new Map<string, number>();
for (let r = 0; r < RUNS; r++) {
  // Interleaved so that machine noise hits all contenders alike.
  for (const c of contenders) {
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    counts.set(c.name, c.run(articles));
    wall.get(c.name)?.push(performance.now() - t0);
    const used = process.cpuUsage(c0);
    cpu.get(c.name)?.push((used.user + used.system) / 1000);
  }
}
const baseCpu = median(cpu.get(contenders[0]!.name) ?? []);
const baseWall = median(wall.get(contenders[0]!.name) ?? []);
console.log(
  `${(bytes / 1e6).toFixed(2)} MB in ${articles.length} articles, median of ${RUNS} interleaved runs\n`,
);
console.log(
  '| method | statements | CPU ms | statements/s (CPU) | × bare Segmenter (CPU) | wall ms | × (wall) |',
);
console.log('|---|---:|---:|---:|---:|---:|---:|');
for (const c of contenders) {
  const cpuMs = median(cpu.get(c.name) ?? []);
  const wallMs = median(wall.get(c.name) ?? []);
  const n = counts.get(c.name) ?? 0;
  console.log(
    `| ${c.name} | ${n} | ${cpuMs.toFixed(0)} | ${Math.round((n / cpuMs) * 1000)} | ${(cpuMs / baseCpu).toFixed(2)} | ` +
      `${wallMs.toFixed(0)} | ${(wallMs / baseWall).toFixed(2)} |`,
  );
}
