// Benchmarks for issue 6: aligning two 5,000-statement articles, and re-anchoring 1,000 annotations on a ~1 MB
// article with 5 % of its words edited against approx-string-match references. Run: npx tsx test/bench/compare.bench.ts
import { alignArticles, type AlignColumn } from '../../src-main/shared/compare/align';
import search from 'approx-string-match';
import { reanchorAnnotations, type AnchoredAnnotation } from '../../src-main/shared/compare/reanchor';

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

/** Wall-clock and CPU time of one call, in ms: CPU time is less disturbed by other work on a shared machine. */
function timed<T>(fn: () => T): { value: T; wall: number; cpu: number } {
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  const value = fn();
  const wall = performance.now() - t0;
  const cpu = process.cpuUsage(cpu0);
  return { value, wall, cpu: (cpu.user + cpu.system) / 1000 };
}

const ms = (values: number[]) => `${median(values).toFixed(0)} ms`;

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
  const wall: number[] = [];
  const cpu: number[] = [];
  let found = 0;
  let correct = 0;
  for (let run = 0; run < runs; run++) {
    const { value, ...time } = timed(() => alignArticles(data.columns));
    wall.push(time.wall);
    cpu.push(time.cpu);
    found = 0;
    correct = 0;
    for (const row of value.rows) {
      const [a, b] = row.cells;
      if (a && b) {
        found++;
        if (data.truth.get(a) === b) correct++;
      }
    }
  }
  const recall = ((correct / data.truth.size) * 100).toFixed(1);
  const precision = ((found ? correct / found : 0) * 100).toFixed(1);
  return [
    `| align 2 × 5,000 statements | ${ms(wall)} | ${ms(cpu)} | < 200 ms | ` +
      `recall ${recall} %, precision ${precision} % of ${data.truth.size} true pairs; fastest run ${Math.min(...wall).toFixed(0)} ms |`,
  ];
}

interface ReanchorData {
  oldText: string;
  newText: string;
  annotations: AnchoredAnnotation[];
  /** Where each annotation truly is in the new text (null: all its words were deleted). */
  truth: ({ start: number; end: number } | null)[];
}

/**
 * A ~1 MB article of Zipf-distributed pseudo-words, and a revision where 5 % of the words are edited (a third
 * replaced, a third deleted, a third followed by an inserted word). Each old word's place in the new text is
 * recorded while the revision is built, which gives the ground truth.
 */
function makeReanchorData(seed: number, annotationCount: number): ReanchorData {
  const random = seededRandom(seed);
  const word = makeWordSource(random, 30_000);
  const oldWords: string[] = [];
  const oldSeparators: string[] = [];
  let size = 0;
  while (size < 1_000_000) {
    const w = word();
    const separator = random() < 0.06 ? (random() < 0.15 ? '.\n\n' : '. ') : random() < 0.1 ? ', ' : ' ';
    oldWords.push(w);
    oldSeparators.push(separator);
    size += w.length + separator.length;
  }
  let oldText = '';
  const oldStarts: number[] = [];
  oldWords.forEach((w, k) => {
    oldStarts.push(oldText.length);
    oldText += w + oldSeparators[k];
  });
  let newText = '';
  const newStarts: (number | null)[] = [];
  const newEnds: (number | null)[] = [];
  oldWords.forEach((w, k) => {
    const roll = random();
    const edited = roll < 0.05;
    const kind = random();
    if (edited && kind < 1 / 3) {
      newStarts.push(null);
      newEnds.push(null);
      return; // deleted with its separator
    }
    const written = edited && kind < 2 / 3 ? word() : w;
    newStarts.push(newText.length);
    newText += written;
    newEnds.push(newText.length);
    if (edited && kind >= 2 / 3) newText += ' ' + word();
    newText += oldSeparators[k];
  });
  const annotations: AnchoredAnnotation[] = [];
  const truth: ({ start: number; end: number } | null)[] = [];
  for (let n = 0; n < annotationCount; n++) {
    const first = 10 + Math.floor(random() * (oldWords.length - 40));
    const last = first + 2 + Math.floor(random() * 18);
    const start = oldStarts[first]!;
    const end = oldStarts[last]! + oldWords[last]!.length;
    annotations.push({
      id: `n${n}`,
      quote: {
        exact: oldText.slice(start, end),
        prefix: oldText.slice(Math.max(0, start - 32), start),
        suffix: oldText.slice(end, end + 32),
      },
      position: { start, end },
    });
    let s = first;
    while (s <= last && newStarts[s] === null) s++;
    let e = last;
    while (e >= first && newEnds[e] === null) e--;
    truth.push(s <= e ? { start: newStarts[s]!, end: newEnds[e]! } : null);
  }
  return { oldText, newText, annotations, truth };
}

/** Placed with at least 80 % overlap (intersection over union) with the truth, or orphaned when nothing is left. */
function isCorrect(
  placed: { start: number; end: number } | null,
  truth: { start: number; end: number } | null,
) {
  if (!truth) return placed === null;
  if (!placed) return false;
  const overlap = Math.min(placed.end, truth.end) - Math.max(placed.start, truth.start);
  const union = Math.max(placed.end, truth.end) - Math.min(placed.start, truth.start);
  return overlap > 0 && overlap / union >= 0.8;
}

/** The reference: approx-string-match over a range, best match by errors, then nearness to the old position. */
function referencePlace(text: string, a: AnchoredAnnotation, from: number, to: number) {
  const maxErrors = Math.floor(a.quote.exact.length * 0.3);
  const matches = search(text.slice(from, to), a.quote.exact, maxErrors);
  let best: { start: number; end: number; errors: number } | null = null;
  for (const m of matches) {
    const start = from + m.start;
    const better =
      !best ||
      m.errors < best.errors ||
      (m.errors === best.errors &&
        Math.abs(start - a.position.start) < Math.abs(best.start - a.position.start));
    if (better) best = { start, end: from + m.end, errors: m.errors };
  }
  return best;
}

const REFERENCE_WINDOW = 32_768;
const WHOLE_TEXT_SAMPLE = 40;

function benchReanchor(runs: number): string[] {
  const data = makeReanchorData(7, 1_000);
  const count = data.annotations.length;
  const percent = (x: number, n: number) => `${((x / n) * 100).toFixed(1)} %`;
  const referenceRuns = Math.min(runs, 3);

  const ours = { wall: [] as number[], cpu: [] as number[], correct: 0, statuses: '' };
  const windowed = { wall: [] as number[], cpu: [] as number[], correct: 0 };
  const whole = { wall: [] as number[], cpu: [] as number[], correct: 0 };
  // The whole-text search costs tens of ms per annotation: a sample of annotations, times scaled to all of them.
  const sample = data.annotations.slice(0, WHOLE_TEXT_SAMPLE);
  const scale = count / sample.length;

  // Interleaved runs, so that a burst of load on the machine hits every method alike.
  for (let run = 0; run < runs; run++) {
    const mine = timed(() => reanchorAnnotations(data.annotations, data.oldText, data.newText));
    ours.wall.push(mine.wall);
    ours.cpu.push(mine.cpu);
    ours.correct = mine.value.filter((r, k) =>
      isCorrect(r.status === 'orphaned' ? null : r, data.truth[k]!),
    ).length;
    const byStatus = new Map<string, number>();
    for (const r of mine.value) byStatus.set(r.status, (byStatus.get(r.status) ?? 0) + 1);
    ours.statuses = [...byStatus].map(([status, n]) => `${status} ${n}`).join(', ');
    if (run >= referenceRuns) continue;

    const window = timed(() =>
      data.annotations.map((a) =>
        referencePlace(
          data.newText,
          a,
          Math.max(0, a.position.start - REFERENCE_WINDOW),
          Math.min(data.newText.length, a.position.end + REFERENCE_WINDOW),
        ),
      ),
    );
    windowed.wall.push(window.wall);
    windowed.cpu.push(window.cpu);
    windowed.correct = window.value.filter((p, k) => isCorrect(p, data.truth[k]!)).length;

    const all = timed(() => sample.map((a) => referencePlace(data.newText, a, 0, data.newText.length)));
    whole.wall.push(all.wall * scale);
    whole.cpu.push(all.cpu * scale);
    whole.correct = all.value.filter((p, k) => isCorrect(p, data.truth[k]!)).length;
  }

  const speedup = median(windowed.cpu) / median(ours.cpu);
  const what = `re-anchor ${count} annotations, ${(data.oldText.length / 1e6).toFixed(2)} MB, 5 % words edited`;
  return [
    `| ${what}: **ours** (position map, then exact / context / fuzzy within ±512 chars) | ${ms(ours.wall)} | ` +
      `${ms(ours.cpu)} | ≥ 99 % correct, ≥ 4× faster than windowed | ${percent(ours.correct, count)} correct ` +
      `(${ours.statuses}); ${speedup.toFixed(0)}× faster than windowed (CPU) |`,
    `| ${what}: reference, approx-string-match within ±${REFERENCE_WINDOW} chars of the old position | ` +
      `${ms(windowed.wall)} | ${ms(windowed.cpu)} | — | ${percent(windowed.correct, count)} correct |`,
    `| ${what}: reference, approx-string-match over the whole text (${sample.length} annotations, times × ${scale}) | ` +
      `${ms(whole.wall)} | ${ms(whole.cpu)} | — | ${percent(whole.correct, sample.length)} correct on the sample |`,
  ];
}

function main(): void {
  const runs = Number(process.env.BENCH_RUNS ?? 7);
  console.log(
    `## Compare benchmarks (median of ${runs} runs; references: 3 runs; Node ${process.version})\n`,
  );
  console.log('| case | wall | CPU | goal | result |');
  console.log('|---|---|---|---|---|');
  for (const line of benchAlignment(runs)) console.log(line);
  for (const line of benchReanchor(runs)) console.log(line);
}

main();
