// The annotations view's reads: the list laid out from the per-article counts in library order, the rows of
// the articles in view in text order with their speakers; filters by tag (with child tags), speaker, credibility,
// reliability of the speaker, article, orphans and text; and the codebook tree the tag filter lists.
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import type { Tag } from '../../../../../src-main/shared/domain';
import type { ExtractedArticle } from '../../../../../src-main/shared/extraction';
import { type CorroborateDB, openDatabase } from '../../../../../src-renderer/lib/db/db';
import { storeExtractedArticles } from '../../../../../src-renderer/lib/db/articles';
import {
  annotationForSpan,
  setSourceReliability,
  setSpanCredibility,
  setSpanNote,
  toggleSpanTag,
} from '../../../../../src-renderer/lib/db/annotations';
import {
  annotatedSpeakers,
  annotationCounts,
  countedGroups,
  earlyGroups,
  groupRows,
  matchingGroups,
  needsMatching,
  speakersOf,
  articleGroup,
  type ListGroup,
  type MatchFilter,
} from '../../../../../src-renderer/lib/db/annotation-list';
import { listArticles } from '../../../../../src-renderer/lib/db/queries';
import { descendantsOf, flattenTree, tagPath } from '../../../../../src-renderer/lib/tag-tree';
import { extractedArticle } from './extracted-article';

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

/** An article of sentences, each spoken by the speaker at its index (or narrative). */
function article(title: string, sentences: string[], speakers: (string | null)[]): ExtractedArticle {
  const body = sentences.join(' ');
  let at = 0;
  const statements = sentences.map((s, i) => {
    const start = body.indexOf(s, at);
    at = start + s.length;
    const name = speakers[i] ?? null;
    return {
      start,
      end: start + s.length,
      kind: name ? ('reported' as const) : ('narrative' as const),
      speaker: name ? { name, kind: 'person' as const, aliases: [] } : null,
      cue: name ? 'said' : null,
      via: [],
      entities: [],
    };
  });
  return extractedArticle(body, statements, {
    sha: `sha-${title}`,
    fileSha256: `file-${title}`,
    title,
    fileName: `${title}.txt`,
  });
}

/**
 * Two articles: the first with three annotated statements (r1 by Bogdanov tagged Key claim graded 2, r2 by
 * RFE/RL tagged Casualty count with a note, r0 at its end tagged Denial), the second with r3 tagged Denial.
 */
async function seeded() {
  const db: CorroborateDB = openDatabase(`annotation-list-${Math.random()}`);
  await storeExtractedArticles(db, [
    article(
      'Deployment',
      [
        'Russia deployed troops to Bangui.',
        'Around 300 instructors arrived.',
        'Officials gave no figure for casualties.',
        'The ministry denied it.',
      ],
      ['Mikhail Bogdanov', null, 'RFE/RL', null],
    ),
    article('Denials', ['We are not sending troops.', 'The talks go on.'], ['Kremlin spokesman', null]),
  ]);
  await db.tags.bulkAdd(tags);
  const [first, second] = await db.articles.orderBy('importedAt').toArray();
  const spanOf = async (a: typeof first, i: number) => {
    const st = (await db.statements.where('articleId').equals(a!.id).sortBy('index'))[i]!;
    return { start: st.start, end: st.end, statementIds: [st.id] };
  };
  const ids: Record<string, string> = {};
  const tagged = async (name: string, a: typeof first, i: number, t: string) => {
    const span = await spanOf(a, i);
    await toggleSpanTag(
      db,
      a!,
      span,
      tags.find((x) => x.id === t)!,
      'Ana',
    );
    ids[name] = (await annotationForSpan(db, a!.id, span))!.id;
  };
  // Written out of text order: the list is in text order all the same.
  await tagged('r0', first, 3, 'd');
  await tagged('r1', first, 0, 'k');
  await tagged('r2', first, 2, 'g');
  await tagged('r3', second, 0, 'd');
  await setSpanCredibility(db, first!, await spanOf(first, 0), 2, 'Ana');
  await setSpanNote(db, first!, await spanOf(first, 2), 'Compare with **Tass**', 'Ana');
  const sources = await db.sources.toArray();
  const id = (name: string) => sources.find((s) => s.name === name)!.id;
  await setSourceReliability(db, id('Mikhail Bogdanov'), 'C');
  await setSourceReliability(db, id('RFE/RL'), 'B');
  const order = (await listArticles(db)).map((a) => a.id);
  return { db, ids, order, first: first!, second: second!, id };
}

const none: MatchFilter = {
  articleId: null,
  tagIds: null,
  speakers: [],
  credibility: null,
  orphaned: false,
  text: '',
};

/** The ids listed, position by position, as the view reads them (the groups, then their rows). */
async function listed(db: CorroborateDB, groups: ListGroup[], names: Record<string, string>) {
  const rows = await groupRows(db, groups);
  const byId = Object.fromEntries(Object.entries(names).map(([k, v]) => [v, k]));
  return groups.flatMap((g) => (rows.get(g.key) ?? []).map((r) => byId[r.id]));
}

describe('annotation list', () => {
  it('is laid out from the counts in library order, each article in text order, with its speakers', async () => {
    const { db, ids, order, first, second } = await seeded();
    const counts = await annotationCounts(db);
    const groups = countedGroups(order, counts, null, false);
    expect(groups.map((g) => [g.articleId, g.count])).toEqual([
      [first.id, 3],
      [second.id, 1],
    ]);
    expect(await listed(db, groups, ids)).toEqual(['r1', 'r2', 'r0', 'r3']);
    const rows = await groupRows(db, groups.slice(0, 1));
    const bogdanov = (await db.sources.toArray()).find((s) => s.name === 'Mikhail Bogdanov')!;
    const speakers = await speakersOf(db, rows.get(groups[0]!.key)![0]!.statementIds);
    expect([...speakers.values()]).toEqual([bogdanov.id]);
    // Read before the counts, an article's rows are the same ones the counted group finds.
    const early = await groupRows(db, [articleGroup(first.id, false)]);
    expect(early.get(groups[0]!.key)).toEqual(rows.get(groups[0]!.key));
    expect(await listed(db, countedGroups(order, counts, second.id, false), ids)).toEqual(['r3']);
    expect(countedGroups(order, counts, null, true)).toEqual([]);
  });

  it('draws the first screen from its rows before the counts are read, the same rows in the same places', async () => {
    const { db, ids, order, first, second } = await seeded();
    // The first screen's articles (here the whole library) are read before the counts table.
    const firstScreen = order.map((id) => articleGroup(id, false));
    const early = earlyGroups(firstScreen, await groupRows(db, firstScreen));
    expect(early.map((g) => [g.articleId, g.count])).toEqual([
      [first.id, 3],
      [second.id, 1],
    ]);
    // An article with no annotation takes no place; the list is the one the counts lay out, row for row.
    expect(early.map((g) => g.key)).toEqual(
      countedGroups(order, await annotationCounts(db), null, false).map((g) => g.key),
    );
    expect(await listed(db, early, ids)).toEqual(['r1', 'r2', 'r0', 'r3']);
    // Rows not read yet: nothing drawn (not an empty list).
    expect(earlyGroups(firstScreen, new Map())).toEqual([]);
  });

  it('lists only the orphans when asked, counted per article', async () => {
    const { db, ids, order, first } = await seeded();
    const r2 = (await db.annotations.get(ids.r2!))!;
    await db.annotations.put({ ...r2, orphaned: true });
    const groups = countedGroups(order, await annotationCounts(db), null, true);
    expect(groups.map((g) => [g.articleId, g.count])).toEqual([[first.id, 1]]);
    expect(await listed(db, groups, ids)).toEqual(['r2']);
  });

  it('includes the annotations of child tags, at any depth, under a parent tag', async () => {
    const { db, ids, order } = await seeded();
    const byTag = async (t: string) =>
      listed(db, await matchingGroups(db, { ...none, tagIds: [...descendantsOf(tags, t)] }, order), ids);
    expect(await byTag('k')).toEqual(['r1', 'r2']);
    expect(await byTag('c')).toEqual(['r2']);
    expect(await byTag('d')).toEqual(['r0', 'r3']);
  });

  it('narrows by speaker, credibility, reliability of the speaker, article and text', async () => {
    const { db, ids, order, second, id } = await seeded();
    const reliable = async (r: string) =>
      (await db.sources.toArray()).filter((s) => s.reliability === r).map((s) => s.id);
    const by = async (f: Partial<MatchFilter>) =>
      listed(db, await matchingGroups(db, { ...none, ...f }, order), ids);
    expect(await by({ speakers: [[id('RFE/RL')]] })).toEqual(['r2']);
    expect(await by({ credibility: 2 })).toEqual(['r1']);
    expect(await by({ speakers: [await reliable('C')] })).toEqual(['r1']);
    expect(await by({ articleId: second.id, tagIds: ['d'] })).toEqual(['r3']);
    expect(await by({ text: 'TASS' })).toEqual(['r2']);
    expect(await by({ text: 'not sending' })).toEqual(['r3']);
    expect(await by({ tagIds: [...descendantsOf(tags, 'k')], speakers: [await reliable('B')] })).toEqual([
      'r2',
    ]);
    expect(await by({ speakers: [[id('RFE/RL')], await reliable('C')] })).toEqual([]);
    expect(needsMatching(none)).toBe(false);
    expect(needsMatching({ ...none, articleId: second.id, orphaned: true })).toBe(false);
  });

  it('offers as speakers only those of annotated statements', async () => {
    const { db, id } = await seeded();
    expect([...(await annotatedSpeakers(db))].sort()).toEqual(
      [id('Mikhail Bogdanov'), id('RFE/RL'), id('Kremlin spokesman')].sort(),
    );
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
