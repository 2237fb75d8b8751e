// Evaluation: sentence-boundary precision/recall/F1 and exact-match rate on the golden rules and the seed
// article, and speaker/via/kind accuracy on the seed gold, with every miss listed. Run: npx tsx scripts/eval.ts
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { analyzeText, splitStatements } from '../src-main/shared/analysis/index';
import { printCorroborationEval } from './eval-corroboration';
import { printSentenceSets } from './eval-sentences';
import { printBylineEval, printWrittenBylines } from './eval-bylines';
import {
  compareAttribution,
  countBoundaries,
  locateSentences,
  scoreBoundaries,
  type GoldStatement,
} from '../src-main/shared/analysis/scoring';
import { findCorpus } from './corpus';
import { registryCheck, reportSplit, scoreSplit } from './eval-polnear';

const repoRoot = resolve(import.meta.dirname, '..');
const goldenRulesPath = resolve(findCorpus(repoRoot), 'sentences/golden-rules.json');
const seedTextPath = resolve(repoRoot, 'test/fixtures/car-dec-2020.txt');
const seedGoldPath = resolve(repoRoot, 'test/fixtures/statements.gold.json');

interface GoldenRule {
  id: number;
  rule: string;
  text: string;
  sentences: string[];
}

const pct = (n: number): string => `${(n * 100).toFixed(1)} %`;
const quote = (s: string, max = 90): string => JSON.stringify(s.length > max ? `${s.slice(0, max)}…` : s);

function evaluateGoldenRules(): void {
  const rules = JSON.parse(readFileSync(goldenRulesPath, 'utf8')) as GoldenRule[];
  const counts = [];
  const misses: string[] = [];
  let exact = 0;
  for (const rule of rules) {
    const predicted = splitStatements(rule.text);
    const expected = locateSentences(rule.text, rule.sentences);
    if (expected) counts.push(countBoundaries(expected, predicted));
    const got = predicted.map((s) => rule.text.slice(s.start, s.end));
    if (JSON.stringify(got) === JSON.stringify(rule.sentences)) exact++;
    else
      misses.push(
        `  #${rule.id} ${rule.rule}\n    want ${JSON.stringify(rule.sentences)}\n    got  ${JSON.stringify(got)}`,
      );
  }
  const scores = scoreBoundaries(counts);
  console.log(`## Golden rules (${rules.length} cases)`);
  console.log(
    `boundaries: precision ${pct(scores.precision)}, recall ${pct(scores.recall)}, F1 ${pct(scores.f1)}`,
  );
  console.log(`exact: ${exact}/${rules.length} (${pct(exact / rules.length)})`);
  console.log(misses.length ? `misses:\n${misses.join('\n')}` : 'misses: none');
}

function evaluateSeed(): void {
  const text = readFileSync(seedTextPath, 'utf8');
  const gold = (JSON.parse(readFileSync(seedGoldPath, 'utf8')) as { statements: GoldStatement[] }).statements;
  const predicted = splitStatements(text);
  const scores = scoreBoundaries([countBoundaries(gold, predicted)]);
  const predictedKeys = new Set(predicted.map((s) => `${s.start}:${s.end}`));
  const exactMisses = gold.filter((g) => !predictedKeys.has(`${g.start}:${g.end}`));
  console.log(`\n## Seed article (${gold.length} gold statements, ${predicted.length} predicted)`);
  console.log(
    `boundaries: precision ${pct(scores.precision)}, recall ${pct(scores.recall)}, F1 ${pct(scores.f1)}`,
  );
  console.log(`exact start/end: ${gold.length - exactMisses.length}/${gold.length}`);
  for (const miss of exactMisses)
    console.log(`  miss #${miss.index} ${miss.start}-${miss.end} ${quote(miss.text)}`);

  const rows = compareAttribution(gold, analyzeText(text));
  const count = (key: 'speakerOk' | 'viaOk' | 'kindOk'): number => rows.filter((r) => r[key]).length;
  console.log(`\n## Attribution on the seed (via compared with the first relay, nearest the speaker)`);
  console.log(
    `speaker ${count('speakerOk')}/${rows.length}, via ${count('viaOk')}/${rows.length}, kind ${count('kindOk')}/${rows.length}`,
  );
  for (const row of rows) {
    if (row.speakerOk && row.viaOk && row.kindOk) continue;
    const f = row.found;
    const wrong = [!row.speakerOk && 'speaker', !row.viaOk && 'via', !row.kindOk && 'kind']
      .filter(Boolean)
      .join(', ');
    console.log(`  miss #${row.gold.index} (${wrong}) ${quote(row.gold.text, 70)}`);
    console.log(`    want speaker=${row.gold.speaker} via=${row.gold.via} kind=${row.gold.kind}`);
    console.log(
      f
        ? `    got  speaker=${f.speaker?.name ?? null} via=${f.via.map((v) => v.name).join(' → ') || null} kind=${f.kind}`
        : '    got  no statement with these offsets',
    );
  }
}

/** `--split=dev` or `--split=train` limits the PolNeAR measure to one split; `--examples=N` quotes N misses per pattern. */
function evaluatePolnear(): void {
  const arg = (name: string): string | undefined =>
    process.argv.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3);
  const only = arg('split');
  const examples = Number(arg('examples') ?? 3);
  for (const split of ['train', 'dev'] as const) {
    if (only && only !== split) continue;
    const result = scoreSplit(split);
    reportSplit(split, result, examples);
    if (split === 'dev') registryCheck(result, examples);
  }
}

evaluateGoldenRules();
printSentenceSets(repoRoot);
await printBylineEval(repoRoot, findCorpus(repoRoot));
printWrittenBylines(repoRoot);
evaluateSeed();
evaluatePolnear();
printCorroborationEval();
