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
function isCorrect(placed: { start: number; end: number } | null, truth: { start: number; end: number } | null) {
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
      (m.errors === best.errors && Math.abs(start - a.position.start) < Math.abs(best.start - a.position.start));
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

  const oursTimes: number[] = [];
  let oursCorrect = 0;
  let statuses = '';
  for (let run = 0; run < runs; run++) {
    const t0 = performance.now();
    const results = reanchorAnnotations(data.annotations, data.oldText, data.newText);
    oursTimes.push(performance.now() - t0);
    oursCorrect = results.filter((r, k) => isCorrect(r.status === 'orphaned' ? null : r, data.truth[k]!)).length;
    const byStatus = new Map<string, number>();
    for (const r of results) byStatus.set(r.status, (byStatus.get(r.status) ?? 0) + 1);
    statuses = [...byStatus].map(([status, n]) => `${status} ${n}`).join(', ');
  }

  const windowTimes: number[] = [];
  let windowCorrect = 0;
  const referenceRuns = Math.min(runs, 3);
  for (let run = 0; run < referenceRuns; run++) {
    const t0 = performance.now();
    const placed = data.annotations.map((a) =>
      referencePlace(
        data.newText,
        a,
        Math.max(0, a.position.start - REFERENCE_WINDOW),
        Math.min(data.newText.length, a.position.end + REFERENCE_WINDOW),
      ),
    );
    windowTimes.push(performance.now() - t0);
    windowCorrect = placed.filter((p, k) => isCorrect(p, data.truth[k]!)).length;
  }

  // The whole-text search costs tens of ms per annotation: a sample of annotations, time scaled to 1,000.
  const sample = data.annotations.slice(0, WHOLE_TEXT_SAMPLE);
  const wholeTimes: number[] = [];
  let wholeCorrect = 0;
  for (let run = 0; run < referenceRuns; run++) {
    const t0 = performance.now();
    const placed = sample.map((a) => referencePlace(data.newText, a, 0, data.newText.length));
    wholeTimes.push(((performance.now() - t0) * count) / sample.length);
    wholeCorrect = placed.filter((p, k) => isCorrect(p, data.truth[k]!)).length;
  }

  const ours = median(oursTimes);
  const windowed = median(windowTimes);
  const label = `re-anchor ${count} annotations, ${(data.oldText.length / 1e6).toFixed(2)} MB, 5 % words edited`;
  return [
    `| ${label}: ours (position map + exact/context/fuzzy in ±512) | ${ours.toFixed(0)} ms | ≥ 99 %, ≥ 4× faster than windowed | ` +
      `${percent(oursCorrect, count)} correct; ${statuses}; ${(windowed / ours).toFixed(1)}× faster than windowed |`,
    `| ${label}: reference approx-string-match, ±${REFERENCE_WINDOW} chars around old position | ${windowed.toFixed(0)} ms | — | ${percent(windowCorrect, count)} correct (median of ${referenceRuns}) |`,
    `| ${label}: reference approx-string-match over the whole text | ${wholeTimes.length ? median(wholeTimes).toFixed(0) : '—'} ms (extrapolated from ${sample.length}) | — | ${percent(wholeCorrect, sample.length)} correct on the sample |`,
  ];
}

function main(): void {
  const runs = Number(process.env.BENCH_RUNS ?? 5);
  console.log(`## Compare benchmarks (median of ${runs} runs, Node ${process.version})\n`);
  console.log('| case | median | goal | quality |');
  console.log('|---|---|---|---|');
  for (const line of benchAlignment(runs)) console.log(line);
  for (const line of benchReanchor(runs)) console.log(line);
}

main();
