// The splitter on sentence sets it was not tuned on, side by side with bare Intl.Segmenter.
// test/fixtures/sentences/held-out.json was written before the splitter's patterns for its kinds were
// fixed (the fixes were checked against it); unseen.json was written after, and nothing was changed for it.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { splitStatements } from '../src-main/shared/analysis/index';

export interface SentenceCase {
  kind: string;
  text: string;
  sentences: string[];
}

export const SENTENCE_SETS = ['held-out', 'unseen'] as const;

export function loadSentenceSet(repoRoot: string, name: (typeof SENTENCE_SETS)[number]): SentenceCase[] {
  return JSON.parse(
    readFileSync(resolve(repoRoot, `test/fixtures/sentences/${name}.json`), 'utf8'),
  ) as SentenceCase[];
}

const segmenter = new Intl.Segmenter('en', { granularity: 'sentence' });

/** Sentences as bare Intl.Segmenter cuts them (trimmed, empty ones dropped). */
export function segmenterSentences(text: string): string[] {
  return [...segmenter.segment(text)].map((s) => s.segment.trim()).filter(Boolean);
}

export function ourSentences(text: string): string[] {
  return splitStatements(text).map((s) => text.slice(s.start, s.end));
}

const same = (a: string[], b: string[]): boolean => JSON.stringify(a) === JSON.stringify(b);

export function printSentenceSets(repoRoot: string): void {
  for (const name of SENTENCE_SETS) {
    const cases = loadSentenceSet(repoRoot, name);
    let ours = 0;
    let bare = 0;
    const misses: string[] = [];
    for (const c of cases) {
      const mine = ourSentences(c.text);
      const theirs = segmenterSentences(c.text);
      if (same(mine, c.sentences)) ours++;
      else misses.push(`  ours misses "${c.kind}": ${JSON.stringify(mine)}`);
      if (same(theirs, c.sentences)) bare++;
      else misses.push(`  Segmenter misses "${c.kind}": ${JSON.stringify(theirs)}`);
    }
    console.log(
      `\n## Sentence set "${name}" (${cases.length} cases written for this, not from the golden rules)`,
    );
    console.log(`exact: ours ${ours}/${cases.length}, bare Intl.Segmenter ${bare}/${cases.length}`);
    console.log(misses.length ? misses.join('\n') : 'misses: none');
  }
}
