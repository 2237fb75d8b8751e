// The derived tables (library rows, per-source counts and match keys, text sketches, per-article annotation
// counts, per-source-and-article counts) stay equal to what reading the whole tables would give, through imports, corrections, undo, clearing
// and the upgrades.
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import type { ExtractedArticle, SpeakerRef } from '../../../../../src-main/shared/extraction';
import { findMatchingSource } from '../../../../../src-main/shared/analysis/sources';
import { type CorroborateDB, openDatabase } from '../../../../../src-renderer/lib/db/db';
import { LATEST_VERSION } from '../../../../../src-renderer/lib/db/schema';
import { storeExtractedArticle, storeExtractedArticles } from '../../../../../src-renderer/lib/db/articles';
import { mergeSources } from '../../../../../src-renderer/lib/db/sources';
import { undo } from '../../../../../src-renderer/lib/db/history';
import { deleteAnnotation, setSpanNote, toggleSpanTag } from '../../../../../src-renderer/lib/db/annotations';
import { findVersionCandidateIn, versionCandidateIds } from '../../../../../src-renderer/lib/db/versions';
import { matchKeys, sketchBands } from '../../../../../src-renderer/lib/db/match-keys';
import { clearWorkspace } from '../../../../../src-renderer/lib/db/dossier';
import { extractedArticle } from './extracted-article';

let n = 0;
const fresh = (upTo?: number) => openDatabase(`derived-${Date.now()}-${n++}`, upTo);
const ref = (name: string, aliases: string[] = []): SpeakerRef => ({ name, kind: 'person', aliases });

/** A speaker, or a speaker with the outlets that relay them. */
type Said = string | null | [string, string[]];

/** A small article whose sentences are spoken by `speakers` (relayed through `via` when given), in order. */
function article(title: string, body: string, speakers: Said[]): ExtractedArticle {
  const sentences = body.split(/(?<=\.)\s+/);
  let at = 0;
  const statements = sentences.map((s, i) => {
    const start = body.indexOf(s, at);
    at = start + s.length;
    const said = speakers[i] ?? null;
    const [name, via] = Array.isArray(said) ? said : [said, []];
    return {
      start,
      end: start + s.length,
      kind: name ? ('reported' as const) : ('narrative' as const),
      speaker: name ? ref(name) : null,
      cue: name ? 'said' : null,
      via: via.map((v) => ref(v)),
      entities: [],
    };
  });
  return extractedArticle(body, statements, {
    sha: `sha-${title}-${body.length}-${body.slice(0, 40)}`,
    fileSha256: `file-${title}`,
    title,
    fileName: `${title}.txt`,
  });
}

/** What the derived tables must equal: the counts read from the whole tables. */
async function truth(db: CorroborateDB) {
  const statements = await db.statements.toArray();
  const perArticle: Record<string, number> = {};
  const perSource: Record<string, number> = {};
  const perRelay: Record<string, number> = {};
  for (const a of await db.articles.toArray()) perArticle[a.id] = 0;
  for (const s of await db.sources.toArray()) perSource[s.id] = perRelay[s.id] = 0;
  for (const st of statements) {
    perArticle[st.articleId]! += 1;
    if (st.speakerId) perSource[st.speakerId]! += 1;
    for (const id of new Set(st.viaIds)) perRelay[id]! += 1;
  }
  return { perArticle, perSource, perRelay };
}

async function derived(db: CorroborateDB) {
  const perArticle: Record<string, number> = {};
  const perSource: Record<string, number> = {};
  const perRelay: Record<string, number> = {};
  for (const r of await db.articleRows.toArray()) perArticle[r.id] = r.statementCount;
  for (const r of await db.sourceRows.toArray()) {
    perSource[r.id] = r.statements;
    perRelay[r.id] = r.relaying ?? -1;
  }
  return { perArticle, perSource, perRelay };
}

/** Per "source article" pair: [spoken, relayed, import time], counted on the statements and articles. */
async function pairTruth(db: CorroborateDB) {
  const at = new Map((await db.articles.toArray()).map((a) => [a.id, a.importedAt]));
  const out: Record<string, [number, number, string]> = {};
  const bump = (source: string, article: string, i: 0 | 1) => {
    const row = (out[`${source} ${article}`] ??= [0, 0, at.get(article) ?? '']);
    row[i] += 1;
  };
  for (const st of await db.statements.toArray()) {
    if (st.speakerId) bump(st.speakerId, st.articleId, 0);
    for (const id of new Set(st.viaIds)) bump(id, st.articleId, 1);
  }
  return out;
}

async function pairDerived(db: CorroborateDB) {
  const out: Record<string, [number, number, string]> = {};
  for (const r of await db.sourceArticles.toArray()) {
    expect(r.speaks).toBe(r.spoken > 0 ? 1 : 0);
    out[`${r.sourceId} ${r.articleId}`] = [r.spoken, r.relayed, r.importedAt];
  }
  return out;
}

/** Annotations and orphans per article, counted on the annotations table. */
async function annotationTruth(db: CorroborateDB) {
  const out: Record<string, [number, number]> = {};
  for (const a of await db.annotations.toArray()) {
    const [n, o] = out[a.articleId] ?? [0, 0];
    out[a.articleId] = [n + 1, o + (a.orphaned ? 1 : 0)];
  }
  return out;
}

async function annotationDerived(db: CorroborateDB) {
  const out: Record<string, [number, number]> = {};
  for (const r of await db.annotationCounts.toArray()) out[r.id] = [r.annotations, r.orphans];
  return out;
}

const bodyA =
  'The port reopened on Monday. Officials expect traffic to double by spring. The union disputed the figures. Dock workers voted to strike.';
const bodyB =
  'Rain flooded the valley overnight. Farmers lost most of the barley harvest. The mayor promised compensation within a month.';

describe('derived tables', () => {
  it('keep library rows and source counts equal to the tables through imports, merges and undo', async () => {
    const db = fresh();
    await storeExtractedArticles(db, [
      article('Port', bodyA, [null, 'Maria Lopez', ['Dockers Union', ['Harbour Radio']], 'Maria Lopez']),
      article('Flood', bodyB, [null, ['Maria Lopez', ['Valley News', 'Harbour Radio']], 'Jean Dupont']),
    ]);
    expect(await derived(db)).toEqual(await truth(db));
    expect(await pairDerived(db)).toEqual(await pairTruth(db));
    const rows = await db.articleRows.orderBy('importedAt').toArray();
    expect(rows.map((r) => [r.title, r.statementCount])).toEqual([
      ['Port', 4],
      ['Flood', 3],
    ]);
    const sources = await db.sources.toArray();
    const lopez = sources.find((s) => s.name === 'Maria Lopez')!;
    // "Maria Lopez" in the second article joined the first one's source (found through the index, not a scan).
    expect((await db.sourceRows.get(lopez.id))?.statements).toBe(3);
    const radio = sources.find((s) => s.name === 'Harbour Radio')!;
    expect((await db.sourceRows.get(radio.id))?.relaying).toBe(2);
    const dupont = sources.find((s) => s.name === 'Jean Dupont')!;
    await mergeSources(db, lopez.id, [dupont.id]);
    expect(await derived(db)).toEqual(await truth(db));
    expect(await pairDerived(db)).toEqual(await pairTruth(db));
    expect((await db.sourceRows.get(lopez.id))?.statements).toBe(4);
    // Dupont's only pair moved to Lopez: no row is left for a pair without statements.
    expect(
      await db.sourceArticles.where('[sourceId+importedAt]').between([dupont.id], [dupont.id, []]).count(),
    ).toBe(0);
    await undo(db);
    expect(await derived(db)).toEqual(await truth(db));
    expect(await pairDerived(db)).toEqual(await pairTruth(db));
    // Statements written before their article (as a sync may) get the import time once the article arrives.
    const flood = rows[1]!;
    const floodArticle = (await db.articles.get(flood.id))!;
    const floodStatements = await db.statements.where('articleId').equals(flood.id).toArray();
    await db.transaction('rw', db.articles, db.statements, async () => {
      await db.statements.bulkDelete(floodStatements.map((st) => st.id));
      await db.articles.delete(flood.id);
    });
    await db.statements.bulkPut(floodStatements);
    expect(Object.values(await pairDerived(db)).some(([, , at]) => at === '')).toBe(true);
    await db.articles.put(floodArticle);
    expect(await pairDerived(db)).toEqual(await pairTruth(db));
    await clearWorkspace(db);
    expect(await db.sourceArticles.count()).toBe(0);
    expect(await db.articleRows.count()).toBe(0);
    expect(await db.sourceRows.count()).toBe(0);
    expect(await db.articleSketches.count()).toBe(0);
  });

  it('fills the derived tables when a version 2 workspace is upgraded', async () => {
    const name = `derived-upgrade-${Date.now()}`;
    const v2 = openDatabase(name, 2);
    await storeExtractedArticle(
      v2,
      article('Port', bodyA, [
        null,
        'Maria Lopez',
        ['Dockers Union', ['Harbour Radio', 'Harbour Radio']],
        null,
      ]),
    );
    await storeExtractedArticle(v2, article('Flood', bodyB, [null, 'Maria Lopez', null]));
    v2.close();
    const v3 = openDatabase(name);
    await v3.open();
    expect(v3.verno).toBe(LATEST_VERSION);
    expect(await derived(v3)).toEqual(await truth(v3));
    expect(await v3.articleSketches.count()).toBe(2);
    const lopez = (await v3.sources.toArray()).find((s) => s.name === 'Maria Lopez')!;
    expect(await v3.sourceRows.where('matchKeys').equals('maria lopez').primaryKeys()).toEqual([lopez.id]);
    v3.close();
  });

  it("count each article's annotations and orphans through tagging, orphaning, undo and deletion", async () => {
    const db = fresh();
    await storeExtractedArticles(db, [article('Port', bodyA, []), article('Flood', bodyB, [])]);
    const [port, flood] = await db.articles.orderBy('importedAt').toArray();
    const span = async (a: typeof port, i: number) => {
      const st = (await db.statements.where('articleId').equals(a!.id).sortBy('index'))[i]!;
      return { start: st.start, end: st.end, statementIds: [st.id] };
    };
    const tag = { id: 't1', name: 'Key claim' };
    await toggleSpanTag(db, port!, await span(port, 0), tag, 'Ana');
    await toggleSpanTag(db, port!, await span(port, 1), tag, 'Ana');
    await setSpanNote(db, flood!, await span(flood, 2), 'check the figure', 'Ana');
    expect(await annotationDerived(db)).toEqual({ [port!.id]: [2, 0], [flood!.id]: [1, 0] });
    // Edits that keep the annotation change no count; an orphaned one counts as an orphan too.
    await setSpanNote(db, port!, await span(port, 0), 'a note', 'Ana');
    const first = (await db.annotations.where('articleId').equals(port!.id).first())!;
    await db.annotations.put({ ...first, orphaned: true });
    expect(await annotationDerived(db)).toEqual({ [port!.id]: [2, 1], [flood!.id]: [1, 0] });
    expect(await annotationDerived(db)).toEqual(await annotationTruth(db));
    await deleteAnnotation(db, first.id);
    expect(await annotationDerived(db)).toEqual({ [port!.id]: [1, 0], [flood!.id]: [1, 0] });
    await undo(db);
    expect(await annotationDerived(db)).toEqual(await annotationTruth(db));
    // An article left without annotations has no row.
    await setSpanNote(db, flood!, await span(flood, 2), '', 'Ana');
    expect(Object.keys(await annotationDerived(db))).toEqual([port!.id]);
    await clearWorkspace(db);
    expect(await db.annotationCounts.count()).toBe(0);
  });

  it('counts the annotations and orphans of a version 8 workspace when it is upgraded', async () => {
    const name = `derived-upgrade-9-${Date.now()}`;
    const v8 = openDatabase(name, 8);
    await storeExtractedArticles(v8, [article('Port', bodyA, []), article('Flood', bodyB, [])]);
    const [port] = await v8.articles.orderBy('importedAt').toArray();
    const statements = await v8.statements.where('articleId').equals(port!.id).toArray();
    for (const st of statements) {
      const span = { start: st.start, end: st.end, statementIds: [st.id] };
      await toggleSpanTag(v8, port!, span, { id: 't', name: 'T' }, 'A');
    }
    const one = (await v8.annotations.toCollection().first())!;
    await v8.annotations.put({ ...one, orphaned: true });
    v8.close();
    const v9 = openDatabase(name);
    await v9.open();
    expect(v9.verno).toBe(LATEST_VERSION);
    expect(await annotationDerived(v9)).toEqual({ [port!.id]: [4, 1] });
    expect(await annotationDerived(v9)).toEqual(await annotationTruth(v9));
    v9.close();
  });

  it("counts each source's statements per article when a version 9 workspace is upgraded", async () => {
    const name = `derived-upgrade-10-${Date.now()}`;
    const v9 = openDatabase(name, 9);
    await storeExtractedArticles(v9, [
      article('Port', bodyA, [null, 'Maria Lopez', ['Dockers Union', ['Harbour Radio']], 'Maria Lopez']),
      article('Flood', bodyB, [null, ['Maria Lopez', ['Valley News', 'Harbour Radio']], 'Jean Dupont']),
    ]);
    v9.close();
    const v10 = openDatabase(name);
    await v10.open();
    expect(v10.verno).toBe(LATEST_VERSION);
    const truth = await pairTruth(v10);
    expect(Object.keys(truth)).toHaveLength(7);
    expect(await pairDerived(v10)).toEqual(truth);
    v10.close();
  });

  it('writes the text sketch of every article of a large batch, worked out in slices', async () => {
    const db = fresh();
    const batch = Array.from({ length: 60 }, (_, k) =>
      article(
        `Harbour ${k}`,
        Array.from({ length: 40 }, (_, i) => `Crane ${k} moved ${i * k} boxes on pier ${i}.`).join(' '),
        [],
      ),
    );
    const stored = await storeExtractedArticles(db, batch);
    const ids = stored.map((o) => (o instanceof Error || o.outcome !== 'imported' ? null : o.article.id));
    const sketches = await db.articleSketches.bulkGet(ids.map((id) => id ?? ''));
    expect(sketches.map((s) => s?.bands)).toEqual(batch.map((a) => sketchBands(a.text)));
  });

  it('offers only articles sharing a similarity band as version candidates', async () => {
    const db = fresh();
    const long = Array.from(
      { length: 30 },
      (_, i) => `Sentence ${i} tells of harbour cranes number ${i * 7} and tidal charts.`,
    ).join(' ');
    const first = await storeExtractedArticle(db, article('Original', long, []));
    await storeExtractedArticle(db, article('Other', bodyB, []));
    const edited = long.replace('Sentence 3 ', 'Sentence three ').replace('tidal', 'tide');
    const second = await storeExtractedArticle(db, article('Revised', edited, []));
    if (second.outcome !== 'imported' || first.outcome !== 'imported') throw new Error('not stored');
    expect(await versionCandidateIds(db, second.article)).toEqual([first.article.id]);
    expect((await findVersionCandidateIn(db, second.article))?.previous.id).toBe(first.article.id);
  });
});

describe('match keys', () => {
  const pairs: [string, string][] = [
    ['Mikhail Bogdanov', 'Mikhail Bogdanov'],
    ['World Health Organization', 'WHO'],
    ['The Moscow Times', 'Moscow Times'],
    ['Rwanda Defence Force', 'RDF'],
  ];
  it('give every pair of names that match at least one shared key', () => {
    for (const [a, b] of pairs) {
      const source = { name: a, aliases: [] as string[] };
      expect(findMatchingSource(ref(b), [source]), `${a} / ${b}`).toBe(source);
      const shared = matchKeys(source).filter((k) => matchKeys(ref(b)).includes(k));
      expect(shared.length, `${a} / ${b}`).toBeGreaterThan(0);
    }
  });

  it('never join a bare surname to a full name across articles', () => {
    const source = { name: 'Mikhail Bogdanov', aliases: [] as string[] };
    expect(findMatchingSource(ref('Bogdanov'), [source])).toBeNull();
  });

  it('keep unrelated names apart', () => {
    const keys = new Set(matchKeys({ name: 'Mikhail Bogdanov', aliases: [] }));
    for (const other of ['Jean Dupont', 'Ministry of Health', 'Reuters'])
      expect(matchKeys(ref(other)).filter((k) => keys.has(k))).toEqual([]);
  });
});
