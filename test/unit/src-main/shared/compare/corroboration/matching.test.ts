// Matching statements across articles: the inverted index, the order-free compare alignment with manual choices,
// candidate claims, and the labelled set's precision and recall (the targets the issue sets).
import { describe, expect, it } from 'vitest';
import { findCandidateClaims } from '../../../../../../src-main/shared/compare/corroboration/candidates';
import { alignAcross } from '../../../../../../src-main/shared/compare/corroboration/crossAlign';
import { CorroborationIndex } from '../../../../../../src-main/shared/compare/corroboration/matchIndex';
import { corroborationRecord } from '../../../../../../src-main/shared/compare/corroboration/signature';
import { evaluateCorroborationSet } from '../../../../../../scripts/eval-corroboration';

const first = [
  'Flooding on the Severn river forced 2,400 residents of Tewkesbury to leave their homes on Friday.',
  'The Environment Agency issued 14 severe flood warnings along the river.',
  'Shops in the town centre stayed closed.',
  'The army sent 120 soldiers to build sandbag walls around the water treatment works.',
];
const second = [
  'About 300 soldiers were building sandbag walls around the water treatment works on Saturday.',
  'A local football match was cancelled.',
  'Some 2,400 residents of Tewkesbury were told to leave their homes as the Severn flooded on Friday.',
];
const columns = [first, second].map((texts, c) => {
  let text = '';
  const statements = texts.map((t, k) => {
    const start = text.length;
    text += t + '\n\n';
    return { id: `${'ab'[c]}${k}`, start, end: start + t.length };
  });
  return { articleId: `article-${c}`, text, statements };
});

function indexOf(cols: typeof columns): CorroborationIndex {
  const index = new CorroborationIndex();
  for (const col of cols)
    for (const s of col.statements)
      index.add(corroborationRecord(s.id, col.articleId, col.text.slice(s.start, s.end)));
  return index;
}

describe('the corroboration index', () => {
  it('finds the statements of other articles that report the same fact, best first', () => {
    const index = indexOf(columns);
    expect(index.matches('a0').map((m) => m.statementId)).toEqual(['b2']);
    expect(index.matches('a3').map((m) => m.statementId)).toEqual(['b0']);
    expect(index.matches('a2')).toEqual([]);
  });

  it('forgets an article removed from the workspace', () => {
    const index = indexOf(columns);
    index.removeArticle('article-1');
    expect(index.matches('a0')).toEqual([]);
    expect(index.size).toBe(first.length);
  });
});

describe('order-free alignment of different articles', () => {
  const pairs = (rows: { cells: (string | null)[] }[]) =>
    rows.filter((r) => r.cells[0] && r.cells[1]).map((r) => `${r.cells[0]}-${r.cells[1]}`);

  it('pairs statements told in another order and leaves the rest in place', () => {
    const { rows } = alignAcross(columns);
    expect(pairs(rows)).toEqual(['a0-b2', 'a3-b0']);
    // Every statement once; the unmatched b1 follows b0's row, where it stood in its own article.
    expect(rows.flatMap((r) => r.cells.filter(Boolean)).sort()).toEqual([
      'a0',
      'a1',
      'a2',
      'a3',
      'b0',
      'b1',
      'b2',
    ]);
    const b0Row = rows.findIndex((r) => r.cells[1] === 'b0');
    expect(rows[b0Row + 1]!.cells).toEqual([null, 'b1']);
  });

  it('keeps the other pairs when two statements are aligned by hand, and never pairs those kept apart', () => {
    const manual = alignAcross(columns, { manual: [{ aId: 'a2', bId: 'b1', state: 'aligned' }] });
    expect(pairs(manual.rows)).toEqual(['a0-b2', 'a2-b1', 'a3-b0']);
    expect(manual.rows.find((r) => r.cells[0] === 'a2')!.manual).toBe(true);
    const apart = alignAcross(columns, { manual: [{ aId: 'a0', bId: 'b2', state: 'unaligned' }] });
    expect(pairs(apart.rows)).toEqual(['a3-b0']);
  });
});

describe('candidate claims', () => {
  it('clusters matching statements of two articles, disagreements first, with the differing figure', () => {
    const candidates = findCandidateClaims(indexOf(columns));
    expect(candidates.map((c) => c.members.map((m) => m.statementId).sort())).toEqual([
      ['a3', 'b0'],
      ['a0', 'b2'],
    ]);
    const soldiers = candidates[0]!;
    expect(soldiers.disagreement).toBe(true);
    const other = soldiers.members.find((m) => m.statementId !== soldiers.representativeId)!;
    expect(other.relation).toBe('differs');
    expect(['300 vs 120', '120 vs 300']).toContain(other.detail);
    expect(candidates[1]!.disagreement).toBe(false);
  });
});

describe('the labelled cross-article set', () => {
  it('meets the precision and recall targets and flags every disagreeing figure', () => {
    const result = evaluateCorroborationSet();
    expect(result.workspace.precision).toBeGreaterThanOrEqual(0.9);
    expect(result.workspace.recall).toBeGreaterThanOrEqual(0.8);
    expect(result.compare.precision).toBeGreaterThanOrEqual(0.9);
    expect(result.compare.recall).toBeGreaterThanOrEqual(0.8);
    expect(result.figureRecall).toBe(1);
    expect(result.nearMissesMatched).toBe(0);
  });
});
