// The sources registry on the workspace database (fake-indexeddb): rename, merge, split and
// attribution corrections are undoable, and re-analysis never overwrites what the user corrected.
import 'fake-indexeddb/auto';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Source, Statement } from '../../../../../src-main/shared/domain';
import type {
  AnalyzedStatement,
  ExtractedArticle,
  SpeakerRef,
} from '../../../../../src-main/shared/extraction';
import { type CorroborateDB, openDatabase } from '../../../../../src-renderer/lib/db/db';
import { storeExtractedArticle } from '../../../../../src-renderer/lib/db/articles';
import { undo, redo } from '../../../../../src-renderer/lib/db/history';
import {
  deleteUnusedSource,
  editAttribution,
  mergeSources,
  reanalyseArticle,
  sourceOverview,
  splitSource,
  updateSource,
} from '../../../../../src-renderer/lib/db/sources';
import { articlesOfSource, statementsOfSource } from '../../../../../src-renderer/lib/db/source-articles';
import { extractedArticle } from './extracted-article';

interface GoldStatement {
  start: number;
  end: number;
  speaker: string | null;
  via: string | null;
  cue: string | null;
  kind: AnalyzedStatement['kind'];
}
const gold = JSON.parse(readFileSync('test/fixtures/statements.gold.json', 'utf8')) as {
  statements: GoldStatement[];
};
const seedText = readFileSync('test/fixtures/car-dec-2020.txt', 'utf8');

const ref = (name: string): SpeakerRef => ({ name, kind: 'unknown', aliases: [] });
/** The gold attribution as the analysis would hand it over (independent of the analyser's accuracy). */
const goldAnalysis = (): AnalyzedStatement[] =>
  gold.statements.map((g) => ({
    start: g.start,
    end: g.end,
    kind: g.kind,
    speaker: g.speaker ? ref(g.speaker) : null,
    cue: g.cue,
    via: g.via ? [ref(g.via)] : [],
    entities: [],
  }));
const countSpeaker = (name: string) => gold.statements.filter((g) => g.speaker === name).length;
const countVia = (name: string) => gold.statements.filter((g) => g.via === name).length;

function extracted(text: string, statements: AnalyzedStatement[], sha: string): ExtractedArticle {
  return extractedArticle(text, statements, { sha, title: 'CAR faces alleged coup', fileName: 'seed.txt' });
}

let n = 0;
async function seededDb(): Promise<{ db: CorroborateDB; articleId: string }> {
  const db = openDatabase(`sources-ui-${Date.now()}-${n++}`);
  const out = await storeExtractedArticle(db, extracted(seedText, goldAnalysis(), 'seed'));
  return { db, articleId: out.article.id };
}
const byName = async (db: CorroborateDB, name: string): Promise<Source> => {
  const s = await db.sources.where('name').equals(name).first();
  if (!s) throw new Error(`no source ${name}`);
  return s;
};
const snapshot = async (db: CorroborateDB) => ({
  sources: (await db.sources.toArray()).sort((a, b) => a.id.localeCompare(b.id)),
  statements: (await db.statements.toArray()).sort((a, b) => a.id.localeCompare(b.id)),
});

describe('sources registry', () => {
  it('counts speaking and relaying statements per source, as in the gold', async () => {
    const { db } = await seededDb();
    const overview = await sourceOverview(db);
    const row = (name: string) => overview.find((o) => o.source.name === name);
    expect(row('Mikhail Bogdanov')?.speaking).toBe(countSpeaker('Mikhail Bogdanov'));
    expect(row('Tass')?.relaying).toBe(countVia('Tass'));
    expect(row('Tass')?.speaking).toBe(countSpeaker('Tass'));
    const bogdanov = row('Mikhail Bogdanov')!.source.id;
    expect((await articlesOfSource(db, bogdanov)).articles.map((a) => a.title)).toEqual([
      'CAR faces alleged coup',
    ]);
  });

  it('renames a source, keeps the old name as an alias, and undo restores it', async () => {
    const { db } = await seededDb();
    const tass = await byName(db, 'Tass');
    await updateSource(db, tass.id, { name: 'TASS Russian News Agency', reliability: 'C' });
    const renamed = await db.sources.get(tass.id);
    expect(renamed?.name).toBe('TASS Russian News Agency');
    expect(renamed?.aliases).toContain('Tass');
    expect(renamed?.reliability).toBe('C');
    expect(renamed?.userEdited).toBe(true);
    // A later article naming "Tass" lands on the renamed source instead of creating a new one.
    const second = 'Moscow denied it, Tass reported.';
    const analysed: AnalyzedStatement[] = [
      {
        start: 0,
        end: second.length,
        kind: 'reported',
        speaker: ref('Moscow'),
        cue: 'denied',
        via: [ref('Tass')],
        entities: [],
      },
    ];
    await storeExtractedArticle(db, extracted(second, analysed, 'second'));
    expect(await db.sources.where('name').equals('Tass').count()).toBe(0);
    expect((await sourceOverview(db)).find((o) => o.source.id === tass.id)?.relaying).toBe(
      countVia('Tass') + 1,
    );

    expect(await undo(db)).toBe('Rename “Tass” to “TASS Russian News Agency”');
    expect((await db.sources.get(tass.id))?.name).toBe('Tass');
    expect((await db.sources.get(tass.id))?.reliability).toBeNull();
  });

  it('merges sources: statements follow, aliases unite, the merged-away source goes; undo restores all', async () => {
    const { db } = await seededDb();
    const before = await snapshot(db);
    const rwanda = await byName(db, 'Rwanda');
    const military = await byName(db, 'Rwandan military');
    const interfax = await byName(db, 'Interfax');
    const tass = await byName(db, 'Tass');
    await mergeSources(db, rwanda.id, [military.id]);
    await mergeSources(db, tass.id, [interfax.id]);

    expect(await db.sources.get(military.id)).toBeUndefined();
    expect(await db.sources.get(interfax.id)).toBeUndefined();
    expect((await db.sources.get(rwanda.id))?.aliases).toContain('Rwandan military');
    expect(await db.statements.where('speakerId').equals(rwanda.id).count()).toBe(
      countSpeaker('Rwanda') + countSpeaker('Rwandan military'),
    );
    expect(await db.statements.where('viaIds').equals(tass.id).count()).toBe(
      countVia('Tass') + countVia('Interfax'),
    );
    expect(await db.statements.where('viaIds').equals(interfax.id).count()).toBe(0);

    await undo(db);
    await undo(db);
    expect(await snapshot(db)).toEqual(before);
    await redo(db);
    expect(await db.sources.get(military.id)).toBeUndefined();
  });

  it('splits chosen statements and aliases off into a new source; undo puts them back', async () => {
    const { db } = await seededDb();
    const before = await snapshot(db);
    const bogdanov = await byName(db, 'Mikhail Bogdanov');
    const his = (await statementsOfSource(db, bogdanov.id)).map((s) => s.statement);
    expect(his).toHaveLength(countSpeaker('Mikhail Bogdanov'));
    const moved = his.slice(0, 3).map((s) => s.id);
    const newId = await splitSource(db, bogdanov.id, {
      name: 'Russian foreign ministry',
      kind: 'government',
      aliases: [],
      statementIds: moved,
    });
    expect(await db.statements.where('speakerId').equals(newId).primaryKeys()).toEqual(
      expect.arrayContaining(moved),
    );
    expect(await db.statements.where('speakerId').equals(bogdanov.id).count()).toBe(
      his.length - moved.length,
    );

    await undo(db);
    expect(await snapshot(db)).toEqual(before);
  });

  it('deletes a source only once no statement names it', async () => {
    const { db } = await seededDb();
    const rwanda = await byName(db, 'Rwanda');
    const military = await byName(db, 'Rwandan military');
    await expect(deleteUnusedSource(db, military.id)).rejects.toThrow(/still speaks/);
    const st = (await db.statements.where('speakerId').equals(military.id).first()) as Statement;
    await editAttribution(db, st.id, { speaker: { id: rwanda.id } });
    await deleteUnusedSource(db, military.id);
    expect(await db.sources.get(military.id)).toBeUndefined();
    await undo(db);
    expect((await db.sources.get(military.id))?.name).toBe('Rwandan military');
  });

  it('moves the chosen aliases to the split-off source', async () => {
    const { db } = await seededDb();
    const tass = await byName(db, 'Tass');
    await updateSource(db, tass.id, { aliases: ['ITAR-TASS', 'TASS news agency'] });
    const newId = await splitSource(db, tass.id, {
      name: 'ITAR-TASS',
      kind: 'agency',
      aliases: ['ITAR-TASS', 'TASS news agency'],
      statementIds: [],
    });
    expect((await db.sources.get(tass.id))?.aliases).toEqual([]);
    expect((await db.sources.get(newId))?.aliases).toEqual(['TASS news agency']);
  });
});

describe('attribution corrections', () => {
  it('changes speaker, relays, kind and cue in one undoable edit, creating a new source if asked', async () => {
    const { db, articleId } = await seededDb();
    const st = (await db.statements.where('[articleId+index]').equals([articleId, 1]).first()) as Statement;
    const interfax = await byName(db, 'Interfax');
    await editAttribution(db, st.id, {
      speaker: { create: { name: 'Kremlin', kind: 'government' } },
      via: [{ id: interfax.id }],
      kind: 'quote',
      cue: 'claimed',
    });
    const after = await db.statements.get(st.id);
    const kremlin = await byName(db, 'Kremlin');
    expect(after).toMatchObject({
      speakerId: kremlin.id,
      viaIds: [interfax.id],
      kind: 'quote',
      cue: 'claimed',
    });
    expect(after?.userEdited).toBe(true);
    await undo(db);
    expect(await db.statements.get(st.id)).toEqual(st);
    expect(await db.sources.where('name').equals('Kremlin').count()).toBe(0);
  });

  it('re-analysis updates untouched statements but never a corrected one', async () => {
    const { db, articleId } = await seededDb();
    const statements = await db.statements.where('articleId').equals(articleId).sortBy('index');
    const corrected = statements[1]!;
    await editAttribution(db, corrected.id, { speaker: { create: { name: 'Kremlin', kind: 'government' } } });
    const edited = await db.statements.get(corrected.id);

    // A (worse) analysis that attributes everything to one speaker, as a narrative.
    const analysis = goldAnalysis().map((a) => ({
      ...a,
      speaker: ref('Someone Else'),
      kind: 'narrative' as const,
    }));
    const outcome = await reanalyseArticle(db, articleId, analysis);
    expect(outcome).toEqual({
      updated: statements.length - 1,
      unchanged: 0,
      keptUserEdits: 1,
      unmatched: 0,
    });

    expect(await db.statements.get(corrected.id)).toEqual(edited);
    const someone = await byName(db, 'Someone Else');
    expect(await db.statements.where('speakerId').equals(someone.id).count()).toBe(statements.length - 1);
  });

  it('re-analysis leaves the aliases of a source the user edited alone', async () => {
    const { db, articleId } = await seededDb();
    const bogdanov = await byName(db, 'Mikhail Bogdanov');
    await updateSource(db, bogdanov.id, { aliases: ['Bogdanov'] });
    const analysis = goldAnalysis().map((a) =>
      a.speaker?.name === 'Mikhail Bogdanov'
        ? { ...a, speaker: { ...a.speaker, aliases: ['Deputy FM Bogdanov'] } }
        : a,
    );
    await reanalyseArticle(db, articleId, analysis);
    expect((await db.sources.get(bogdanov.id))?.aliases).toEqual(['Bogdanov']);
    expect(await db.statements.where('speakerId').equals(bogdanov.id).count()).toBe(
      countSpeaker('Mikhail Bogdanov'),
    );
  });
});

describe('the statements of a source, a page of articles at a time', () => {
  it('reads only the first articles in import order when asked for a page, the same statements as the whole list', async () => {
    const db = openDatabase('source-page-' + Math.random());
    const { importBytes } = await import('../../../../../src-main/core/import/pipeline');
    for (const f of ['car-dec-2020.txt', 'car-second-outlet.txt'])
      await storeExtractedArticle(
        db,
        await importBytes(new Uint8Array(readFileSync(`test/fixtures/${f}`)), f),
      );
    const articlesOf = (list: { statement: Statement }[]) => [
      ...new Set(list.map((s) => s.statement.articleId)),
    ];
    let shared: { source: Source; all: Awaited<ReturnType<typeof statementsOfSource>> } | null = null;
    for (const source of await db.sources.toArray()) {
      const all = await statementsOfSource(db, source.id);
      if (articlesOf(all).length === 2) shared = { source, all };
    }
    expect(shared, 'a source heard in both articles').not.toBeNull();
    const first = await statementsOfSource(db, shared!.source.id, 1);
    expect(articlesOf(first)).toHaveLength(1);
    expect(first).toEqual(shared!.all.filter((s) => s.statement.articleId === articlesOf(first)[0]));
    // The article shown first is the one imported first, as in the full list.
    expect(first[0]!.articleTitle).toBe(shared!.all[0]!.articleTitle);
    expect(await statementsOfSource(db, shared!.source.id, 5)).toEqual(shared!.all);
  });
});
