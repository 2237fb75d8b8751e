// Benchmarks for issue 6: aligning two 5,000-statement articles, and re-anchoring 1,000 annotations on a ~1 MB
// article with 5 % of its words edited against approx-string-match references. Run: npx tsx test/bench/compare.bench.ts
import { alignArticles, type AlignColumn } from '../../src-main/shared/compare/align';
import { runReanchorBench } from './compareReanchorBench';

/** Small seeded PRNG (mulberry32) so every run measures the same data. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const SYLLABLES = 'ka lo mi ne ru sa ti vo be da fe gu ho ji ma no pe qu ri st ul ve wa xi yo ze'.split(' ');

/** A vocabulary of pronounceable pseudo-words with Zipf-like frequencies (word k drawn ∝ 1/k). */
export function makeWordSource(random: () => number, size: number): () => string {
  const words: string[] = [];
  const seen = new Set<string>();
  while (words.length < size) {
    let word = '';
    const syllables = 1 + Math.floor(random() * 4);
    for (let s = 0; s < syllables; s++) word += SYLLABLES[Math.floor(random() * SYLLABLES.length)];
    if (!seen.has(word)) {
      seen.add(word);
      words.push(word);
    }
  }
  const harmonic = Math.log(size) + 0.5772;
  return () => {
    // Inverse of the continuous Zipf CDF: rank ≈ exp(u · H) .
    const rank = Math.min(size - 1, Math.floor(Math.exp(random() * harmonic)) - 1);
    return words[Math.max(0, rank)]!;
  };
}

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

interface AlignmentData {
  columns: [AlignColumn, AlignColumn];
  /** True pairs: statement id in A → id in B. */
  truth: Map<string, string>;
}

function sentence(random: () => number, word: () => string): string {
  const length = 12 + Math.floor(random() * 18);
  const words: string[] = [];
  for (let k = 0; k < length; k++) words.push(word());
  if (random() < 0.3) words.splice(2, 0, `${Math.floor(random() * 9000) + 10}`);
  const first = words[0]!;
  words[0] = first.charAt(0).toUpperCase() + first.slice(1);
  return words.join(' ') + '.';
}

function columnFrom(articleId: string, sentences: { id: string; text: string }[]): AlignColumn {
  let text = '';
  const statements = sentences.map(({ id, text: s }) => {
    const start = text.length;
    text += s + ' ';
    return { id, start, end: start + s.length };
  });
  return { articleId, text, statements };
}

/** B rewrites A: 10 % of statements dropped, 10 % new ones inserted, kept ones have 30 % of words replaced. */
function makeAlignmentData(statements: number, seed: number): AlignmentData {
  const random = seededRandom(seed);
  const word = makeWordSource(random, 20_000);
  const a: { id: string; text: string }[] = [];
  const b: { id: string; text: string }[] = [];
  const truth = new Map<string, string>();
  for (let k = 0; k < statements; k++) {
    const text = sentence(random, word);
    a.push({ id: `a${k}`, text });
    if (random() < 0.1) b.push({ id: `new${k}`, text: sentence(random, word) });
    if (random() < 0.1) continue;
    const reworded = text
      .split(' ')
      .map((w) => (random() < 0.3 ? word() : w))
      .join(' ');
    b.push({ id: `b${k}`, text: reworded });
    truth.set(`a${k}`, `b${k}`);
  }
  return { columns: [columnFrom('A', a), columnFrom('B', b)], truth };
}

function benchAlignment(runs: number): string[] {
  const data = makeAlignmentData(5_000, 42);
  const times: number[] = [];
  let found = 0;
  let correct = 0;
  for (let run = 0; run < runs; run++) {
    const t0 = performance.now();
    const { rows } = alignArticles(data.columns);
    times.push(performance.now() - t0);
    found = 0;
    correct = 0;
    for (const row of rows) {
      const [a, b] = row.cells;
      if (a && b) {
        found++;
        if (data.truth.get(a) === b) correct++;
      }
    }
  }
  const recall = correct / data.truth.size;
  const precision = found ? correct / found : 0;
  return [
    `| align 2 × 5,000 statements | ${median(times).toFixed(0)} ms | < 200 ms | ` +
      `recall ${(recall * 100).toFixed(1)} %, precision ${(precision * 100).toFixed(1)} % (${data.truth.size} true pairs) |`,
  ];
}

function main(): void {
  const runs = Number(process.env.BENCH_RUNS ?? 5);
  console.log(`## Compare benchmarks (median of ${runs} runs, Node ${process.version})\n`);
  console.log('| case | median | goal | quality |');
  console.log('|---|---|---|---|');
  for (const line of benchAlignment(runs)) console.log(line);
  for (const line of runReanchorBench(runs)) console.log(line);
}

main();
