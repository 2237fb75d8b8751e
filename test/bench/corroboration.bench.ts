// Benchmarks for issue 12: matches for one statement in a 1,000-article workspace (≈ 50,000 statements) through
// the inverted index against a full scan, and candidate claims for the whole workspace against building the index.
// Run: npx tsx test/bench/corroboration.bench.ts
import { findCandidateClaims } from '../../src-main/shared/compare/corroboration/candidates';
import { CorroborationIndex } from '../../src-main/shared/compare/corroboration/matchIndex';
import {
  corroborationRecord,
  type CorroborationRecord,
} from '../../src-main/shared/compare/corroboration/signature';

/** Small seeded PRNG (mulberry32) so every run measures the same data. */
function seededRandom(seed: number): () => number {
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

/** Pseudo-words drawn with Zipf-like frequencies (word k ∝ 1/k), like the words of real text. */
function makeWordSource(random: () => number, size: number): () => string {
  const words = new Set<string>();
  while (words.size < size) {
    let word = '';
    const syllables = 1 + Math.floor(random() * 4);
    for (let s = 0; s < syllables; s++) word += SYLLABLES[Math.floor(random() * SYLLABLES.length)];
    words.add(word);
  }
  const list = [...words];
  const harmonic = Math.log(size) + 0.5772;
  return () => list[Math.max(0, Math.min(size - 1, Math.floor(Math.exp(random() * harmonic)) - 1))]!;
}

const ARTICLES = Number(process.env.BENCH_ARTICLES ?? 1000);
const PER_ARTICLE = 50;

const EVENTS = 4000;
const NOUNS = ['fighters', 'soldiers', 'villagers', 'dollars', 'trucks', 'refugees', 'houses', 'votes'];
const VERBS = ['seized', 'reported', 'deployed', 'destroyed', 'announced', 'counted', 'evacuated', 'signed'];

interface Event {
  names: string[];
  verb: string;
  noun: string;
  value: number;
  day: number;
}

const capital = (w: string) => w.charAt(0).toUpperCase() + w.slice(1);

/** A workspace of articles that retell shared events in their own words, with differing figures now and then. */
function makeWorkspace(random: () => number): CorroborationRecord[] {
  const word = makeWordSource(random, 20_000);
  const pick = <T>(xs: T[]) => xs[Math.floor(random() * xs.length)]!;
  const events: Event[] = Array.from({ length: EVENTS }, () => ({
    names: [capital(word()), capital(word()), capital(word())],
    verb: pick(VERBS),
    noun: pick(NOUNS),
    value: 10 * (1 + Math.floor(random() * 900)),
    day: 1 + Math.floor(random() * 28),
  }));
  const records: CorroborationRecord[] = [];
  for (let a = 0; a < ARTICLES; a++) {
    for (let s = 0; s < PER_ARTICLE; s++) {
      const filler = Array.from({ length: 8 + Math.floor(random() * 10) }, word).join(' ');
      let text: string;
      if (random() < 0.6) {
        const e = pick(events);
        const value = random() < 0.2 ? e.value * 2 : e.value;
        text = `${e.names[0]} ${e.verb} ${value.toLocaleString('en-US')} ${e.noun} near ${e.names[1]} on March ${e.day}, ${filler}.`;
      } else text = `${capital(filler)}.`;
      records.push(corroborationRecord(`s${a}-${s}`, `a${a}`, text));
    }
  }
  return records;
}

const median = (xs: number[]) => [...xs].sort((x, y) => x - y)[Math.floor(xs.length / 2)]!;
const percentile = (xs: number[], p: number) =>
  [...xs].sort((x, y) => x - y)[Math.min(xs.length - 1, Math.floor(xs.length * p))]!;
const ms = (x: number) => `${x.toFixed(x < 10 ? 2 : 0)} ms`;

/** CPU time of the run (the machine is shared, so wall time says more about the neighbours than about us). */
function time<T>(run: () => T): { value: T; ms: number } {
  const start = process.cpuUsage();
  const value = run();
  const used = process.cpuUsage(start);
  return { value, ms: (used.user + used.system) / 1000 };
}

function main(): void {
  const random = seededRandom(12);
  const made = time(() => makeWorkspace(random));
  const records = made.value;
  const built = time(() => {
    const index = new CorroborationIndex();
    for (const r of records) index.add(r);
    return index;
  });
  const index = built.value;
  const queries = Array.from(
    { length: 400 },
    () => records[Math.floor(random() * records.length)]!.statementId,
  );
  const ours = queries.map((id) => time(() => index.matches(id)));
  // Reference: score the statement against every other statement of the workspace (what an index avoids).
  const scanned = queries.slice(0, 10).map((id) =>
    time(() => {
      const out: string[] = [];
      for (const other of index.statementIds())
        if (other !== id && index.similarity(id, other) >= 0.28) out.push(other);
      return out;
    }),
  );
  const found = ours.filter((q) => q.value.length > 0).length;
  let progressCalls = 0;
  const candidates = time(() => findCandidateClaims(index, { onProgress: () => progressCalls++ }));
  const p95 = percentile(
    ours.map((q) => q.ms),
    0.95,
  );

  console.log(
    `## Corroboration benchmarks (${ARTICLES} articles, ${records.length} statements; Node ${process.version}; CPU times)\n`,
  );
  console.log('| case | median | p95 | goal | result |');
  console.log('|---|---|---|---|---|');
  console.log(
    `| matches for one statement: **ours** (inverted index, ${queries.length} queries) | ${ms(median(ours.map((q) => q.ms)))} | ` +
      `${ms(p95)} | p95 < 50 ms | ${p95 < 50 ? 'met' : 'MISSED'}; ${found}/${queries.length} statements have matches; ` +
      `${(median(scanned.map((q) => q.ms)) / median(ours.map((q) => q.ms))).toFixed(0)}× faster than the scan |`,
  );
  console.log(
    `| matches for one statement: reference, scoring every statement (${scanned.length} queries) | ` +
      `${ms(median(scanned.map((q) => q.ms)))} | ${ms(
        percentile(
          scanned.map((q) => q.ms),
          0.95,
        ),
      )} | — | — |`,
  );
  console.log(
    `| candidate claims for the whole workspace: **ours** | ${ms(candidates.ms)} | — | < 10 s | ` +
      `${candidates.ms < 10_000 ? 'met' : 'MISSED'}; ${candidates.value.length} candidates, ` +
      `${candidates.value.filter((c) => c.disagreement).length} with disagreements; ${progressCalls} progress reports |`,
  );
  console.log(`| reference: building the index from the stored records | ${ms(built.ms)} | — | — | — |`);
  console.log(`| reference: computing the records from the statement texts | ${ms(made.ms)} | — | — | — |`);
}

if (process.env.BENCH_NO_MAIN !== '1') main();
export { makeWorkspace };
