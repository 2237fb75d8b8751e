// Reference data for the analysis tests: the seed article with its gold statements, and the golden rules.
import { findCorpus } from '../../../../../scripts/corpus';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { GoldStatement } from '../../../../../src-main/shared/analysis/scoring';

export const repoRoot = resolve(import.meta.dirname, '../../../../..');

export interface GoldenRule {
  id: number;
  rule: string;
  text: string;
  sentences: string[];
}

export const seedText = readFileSync(resolve(repoRoot, 'test/fixtures/car-dec-2020.txt'), 'utf8');

export const seedGold = (
  JSON.parse(readFileSync(resolve(repoRoot, 'test/fixtures/statements.gold.json'), 'utf8')) as {
    statements: GoldStatement[];
  }
).statements;

export const goldenRules = JSON.parse(
  readFileSync(resolve(findCorpus(repoRoot), 'sentences/golden-rules.json'), 'utf8'),
) as GoldenRule[];
