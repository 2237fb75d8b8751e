// Corroboration eval: precision/recall of cross-article statement matching (workspace index and compare view)
// and of the conflict flags, on the labelled pairs in test/fixtures/corroboration/pairs.json, misses listed.
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { analyzeText } from '../src-main/shared/analysis/index';
import { alignAcross } from '../src-main/shared/compare/corroboration/crossAlign';
import { CorroborationIndex } from '../src-main/shared/compare/corroboration/matchIndex';
import { relate } from '../src-main/shared/compare/corroboration/relation';
import { corroborationRecord } from '../src-main/shared/compare/corroboration/signature';

const fixtures = resolve(import.meta.dirname, '../test/fixtures/corroboration');

interface LabelledPair {
  a: string;
  b: string;
  relation: 'agrees' | 'differs' | 'denies';
  conflicts: string[];
}
interface LabelledSet {
  a: string;
  b: string;
  matches: LabelledPair[];
  nearMisses: { a: string; b: string; why: string }[];
}

interface EvalStatement {
  id: string;
  articleId: string;
  start: number;
  end: number;
  text: string;
  negated: boolean;
  entities: { type: string; text: string }[];
}
interface EvalArticle {
  id: string;
  text: string;
  statements: EvalStatement[];
}

export interface Scores {
  tp: number;
  fp: number;
  fn: number;
  precision: number;
  recall: number;
}

export interface CorroborationEval {
  workspace: Scores;
  compare: Scores;
  conflicts: Scores;
  figureRecall: number;
  relationAccuracy: number;
  nearMissesMatched: number;
  misses: string[];
}

const scores = (tp: number, fp: number, fn: number): Scores => ({
  tp,
  fp,
  fn,
  precision: tp + fp === 0 ? 1 : tp / (tp + fp),
  recall: tp + fn === 0 ? 1 : tp / (tp + fn),
});

function loadArticle(file: string): EvalArticle {
  const text = readFileSync(resolve(fixtures, file), 'utf8');
  const statements = analyzeText(text).map((s, k) => {
    const record = corroborationRecord(`${file}#${k}`, file, text.slice(s.start, s.end), s.entities, s.cue);
    return {
      id: record.statementId,
      articleId: file,
      start: s.start,
      end: s.end,
      text: text.slice(s.start, s.end),
      negated: record.negated,
      entities: s.entities,
    };
  });
  return { id: file, text, statements };
}

function find(article: EvalArticle, snippet: string): EvalStatement {
  // The seed has no-break spaces; labels are typed with plain ones.
  const flat = (t: string) => t.replace(/\s+/g, ' ');
  const found = article.statements.find((s) => flat(s.text).includes(flat(snippet)));
  if (!found) throw new Error(`${article.id}: no statement contains ${JSON.stringify(snippet)}`);
  return found;
}

const key = (a: string, b: string) => `${a} ⇄ ${b}`;
const short = (s: string) => JSON.stringify(s.length > 70 ? `${s.slice(0, 69)}…` : s);

/** Scores predicted pairs of one article set against the labelled ones. */
function count(
  predicted: Set<string>,
  gold: Set<string>,
  label: string,
  texts: Map<string, string>,
  misses: string[],
) {
  let tp = 0;
  for (const p of predicted) {
    if (gold.has(p)) tp++;
    else
      misses.push(
        `  ${label} false match: ${p
          .split(' ⇄ ')
          .map((id) => short(texts.get(id)!))
          .join(' ⇄ ')}`,
      );
  }
  for (const g of gold) {
    if (!predicted.has(g))
      misses.push(
        `  ${label} missed: ${g
          .split(' ⇄ ')
          .map((id) => short(texts.get(id)!))
          .join(' ⇄ ')}`,
      );
  }
  return { tp, fp: predicted.size - tp, fn: gold.size - tp };
}

export function evaluateCorroborationSet(): CorroborationEval {
  const sets = (JSON.parse(readFileSync(resolve(fixtures, 'pairs.json'), 'utf8')) as { sets: LabelledSet[] })
    .sets;
  const articles = new Map<string, EvalArticle>();
  for (const set of sets)
    for (const f of [set.a, set.b]) if (!articles.has(f)) articles.set(f, loadArticle(f));
  const texts = new Map<string, string>();
  const index = new CorroborationIndex();
  for (const article of articles.values()) {
    for (const s of article.statements) {
      texts.set(s.id, s.text);
      index.add(corroborationRecord(s.id, article.id, s.text, s.entities, s.negated ? 'denied' : null));
    }
  }
  const misses: string[] = [];
  const totals = { workspace: [0, 0, 0], compare: [0, 0, 0], conflicts: [0, 0, 0] };
  const add = (into: number[], c: { tp: number; fp: number; fn: number }) => {
    into[0]! += c.tp;
    into[1]! += c.fp;
    into[2]! += c.fn;
  };
  let figures = 0;
  let figuresFlagged = 0;
  let relationsRight = 0;
  let relations = 0;
  let nearMissesMatched = 0;
  for (const set of sets) {
    const a = articles.get(set.a)!;
    const b = articles.get(set.b)!;
    const gold = new Set(set.matches.map((m) => key(find(a, m.a).id, find(b, m.b).id)));
    const workspace = new Set<string>();
    for (const s of a.statements) {
      for (const m of index.matches(s.id)) if (m.articleId === b.id) workspace.add(key(s.id, m.statementId));
    }
    add(totals.workspace, count(workspace, gold, 'workspace', texts, misses));
    const columns = [a, b].map((x) => ({ articleId: x.id, text: x.text, statements: x.statements }));
    const compare = new Set<string>();
    for (const row of alignAcross(columns).rows) {
      if (row.cells[0] && row.cells[1]) compare.add(key(row.cells[0], row.cells[1]));
    }
    add(totals.compare, count(compare, gold, 'compare', texts, misses));
    for (const near of set.nearMisses)
      if (workspace.has(key(find(a, near.a).id, find(b, near.b).id))) nearMissesMatched++;
    for (const m of set.matches) {
      const x = find(a, m.a);
      const y = find(b, m.b);
      const relation = relate(x, y);
      relations++;
      if (relation.kind === m.relation) relationsRight++;
      else
        misses.push(`  relation ${relation.kind}, want ${m.relation}: ${short(x.text)} ⇄ ${short(y.text)}`);
      const flagged = new Set(relation.conflicts.map((c) => c.kind));
      const want = new Set(m.conflicts);
      const tp = [...want].filter((k) => flagged.has(k as 'figure')).length;
      add(totals.conflicts, { tp, fp: flagged.size - tp, fn: want.size - tp });
      if (want.has('figure')) {
        figures++;
        if (flagged.has('figure')) figuresFlagged++;
      }
      if (tp !== want.size || flagged.size !== tp)
        misses.push(
          `  conflicts [${[...flagged].join(', ')}], want [${m.conflicts.join(', ')}]: ${short(x.text)} ⇄ ${short(y.text)}`,
        );
    }
  }
  const of = (t: number[]) => scores(t[0]!, t[1]!, t[2]!);
  return {
    workspace: of(totals.workspace),
    compare: of(totals.compare),
    conflicts: of(totals.conflicts),
    figureRecall: figures === 0 ? 1 : figuresFlagged / figures,
    relationAccuracy: relations === 0 ? 1 : relationsRight / relations,
    nearMissesMatched,
    misses,
  };
}

/** Prints the corroboration section of `npm run eval`. */
export function printCorroborationEval(): void {
  const result = evaluateCorroborationSet();
  const pct = (n: number) => `${(n * 100).toFixed(1)} %`;
  const line = (name: string, s: Scores) =>
    `${name}: precision ${pct(s.precision)}, recall ${pct(s.recall)} (${s.tp} right, ${s.fp} wrong, ${s.fn} missed)`;
  console.log(
    `\n## Corroboration (labelled cross-article pairs, ${dirname('test/fixtures/corroboration/pairs.json')})`,
  );
  console.log(line('matching, workspace index', result.workspace));
  console.log(line('matching, compare view', result.compare));
  console.log(line('conflict flags on matched pairs', result.conflicts));
  console.log(`disagreeing figures flagged: ${pct(result.figureRecall)}`);
  console.log(`relation (agrees/differs/denies) right: ${pct(result.relationAccuracy)}`);
  console.log(`near-misses matched: ${result.nearMissesMatched}`);
  console.log(result.misses.length ? `misses:\n${result.misses.join('\n')}` : 'misses: none');
}

if (import.meta.url === `file://${process.argv[1]}`) printCorroborationEval();
