// The annotations view's filters and the codebook tree: a parent tag's filter includes its child
// tags' annotations; speaker, grades, article and text narrow the list; the tree lists children under parents.
import { describe, expect, it } from 'vitest';
import type { Source, Tag } from '../../../../../src-main/shared/domain';
import type { AnnotationRow } from '../../../../../src-renderer/lib/db/search-source';
import { filterRows, type AnnotationFilter } from '../../../../../src-renderer/features/annotations/filter';
import { flattenTree, tagPath } from '../../../../../src-renderer/lib/tag-tree';

const tag = (id: string, name: string, parentId: string | null = null): Tag => ({
  id,
  name,
  colour: '#000000',
  parentId,
  description: '',
  shortcut: null,
  createdAt: '',
  updatedAt: '',
});
const tags = [
  tag('k', 'Key claim'),
  tag('c', 'Troop numbers', 'k'),
  tag('g', 'Casualty count', 'c'),
  tag('d', 'Denial'),
];

const row = (id: string, over: Partial<AnnotationRow>): AnnotationRow => ({
  id,
  articleId: 'a1',
  articleOrder: 0,
  start: 0,
  end: 5,
  exact: 'Russia deployed troops',
  note: '',
  tagIds: [],
  credibility: null,
  speakerIds: [],
  orphaned: false,
  ...over,
});
const rows = [
  row('r1', { tagIds: ['k'], speakerIds: ['bogdanov'], credibility: 2 }),
  row('r2', { tagIds: ['g'], speakerIds: ['rferl'], note: 'Compare with **Tass**' }),
  row('r3', { tagIds: ['d'], articleId: 'a2', exact: 'We are not sending troops' }),
];
const sources = new Map<string, Pick<Source, 'reliability'>>([
  ['bogdanov', { reliability: 'C' }],
  ['rferl', { reliability: 'B' }],
]);
const none: AnnotationFilter = {
  tagId: null,
  speakerId: null,
  credibility: null,
  reliability: null,
  articleId: null,
  text: '',
};
const ids = (f: Partial<AnnotationFilter>) =>
  filterRows(rows, { ...none, ...f }, tags, sources).map((r) => r.id);

describe('annotation filters', () => {
  it('includes the annotations of child tags, at any depth, under a parent tag', () => {
    expect(ids({ tagId: 'k' })).toEqual(['r1', 'r2']);
    expect(ids({ tagId: 'c' })).toEqual(['r2']);
    expect(ids({ tagId: 'd' })).toEqual(['r3']);
  });

  it('narrows by speaker, credibility, reliability of the speaker, article and text', () => {
    expect(ids({ speakerId: 'rferl' })).toEqual(['r2']);
    expect(ids({ credibility: 2 })).toEqual(['r1']);
    expect(ids({ reliability: 'C' })).toEqual(['r1']);
    expect(ids({ articleId: 'a2' })).toEqual(['r3']);
    expect(ids({ text: 'TASS' })).toEqual(['r2']);
    expect(ids({ text: 'not sending' })).toEqual(['r3']);
    expect(ids({ tagId: 'k', reliability: 'B' })).toEqual(['r2']);
    expect(ids({})).toEqual(['r1', 'r2', 'r3']);
  });
});

describe('codebook tree', () => {
  it('lists children under their parents with their depth, and names paths', () => {
    expect(flattenTree(tags).map((r) => `${r.depth}:${r.tag.name}`)).toEqual([
      '0:Denial',
      '0:Key claim',
      '1:Troop numbers',
      '2:Casualty count',
    ]);
    expect(tagPath(tags, 'g')).toBe('Key claim › Troop numbers › Casualty count');
  });

  it('shows tags of a broken hierarchy (missing parent, cycle) at the top level instead of hiding them', () => {
    const broken = [tag('x', 'Orphan', 'gone'), tag('p', 'P', 'q'), tag('q', 'Q', 'p')];
    expect(
      flattenTree(broken)
        .map((r) => r.tag.name)
        .sort(),
    ).toEqual(['Orphan', 'P', 'Q']);
  });
});
