// "Re-analyse all articles" on the workspace database (fake-indexeddb): every article gets today's
// analysis in batches, corrections and tags stay, and Cancel stops between batches.
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { analyzeText } from '../../../../../src-main/shared/analysis';
import type { AnalyzedStatement, ExtractedArticle } from '../../../../../src-main/shared/extraction';
import { storeExtractedArticle } from '../../../../../src-renderer/lib/db/articles';
import { createTag } from '../../../../../src-renderer/lib/db/codebook';
import { type CorroborateDB, openDatabase } from '../../../../../src-renderer/lib/db/db';
import { reanalyseWorkspace } from '../../../../../src-renderer/lib/db/reanalyse';
import { editAttribution } from '../../../../../src-renderer/lib/db/sources';
import { statementAnnotation, toggleStatementTag } from '../../../../../src-renderer/lib/db/tags';
import { extractedArticle } from './extracted-article';

const TEXTS = [
  'The port reopened on Monday. "Ships are moving again," said Maria Okafor, the harbour master.',
  'Rain flooded the valley. The mayor, Tomas Berg, said the dam held.',
  'Prices rose in May. "We expect a calm summer," the central bank governor Ana Duarte told reporters.',
  'The strike ended. Union leader Kofi Mensah said members had accepted the offer.',
  'Schools closed early. "Safety comes first," said Lena Vogel, the education minister.',
];

/** An old analysis that found no speakers at all: re-analysis has something to improve. */
const speakerless = (text: string): AnalyzedStatement[] =>
  analyzeText(text).map((s) => ({
    ...s,
    speaker: null,
    via: [],
    cue: null,
    kind: 'narrative',
    speakerFound: null,
  }));

function extracted(text: string, i: number): ExtractedArticle {
  return extractedArticle(text, speakerless(text), {
    sha: `sha-${i}`,
    title: `Article ${i + 1}`,
    fileName: `a${i}.txt`,
  });
}

let n = 0;
async function workspace(): Promise<CorroborateDB> {
  const db = openDatabase(`reanalyse-${Date.now()}-${n++}`);
  for (const [i, text] of TEXTS.entries()) await storeExtractedArticle(db, extracted(text, i));
  return db;
}

const analyse = async (texts: string[]) => texts.map((t) => analyzeText(t));

describe('reanalyseWorkspace', () => {
  it('gives every article the current analysis, a batch at a time, keeping corrections and tags', async () => {
    const db = await workspace();
    const [corrected, tagged] = (await db.statements.toArray()).filter((s) => s.index === 1);
    await editAttribution(db, corrected!.id, {
      speaker: { create: { name: 'Desk editor', kind: 'person' } },
    });
    const correctedBefore = await db.statements.get(corrected!.id);
    const article = (await db.articles.get(tagged!.articleId))!;
    const tag = await createTag(db, { name: 'Check', parentId: null });
    await toggleStatementTag(db, article, tagged!, tag, 'analyst');

    const batches: number[] = [];
    const progress: number[] = [];
    const result = await reanalyseWorkspace(
      db,
      async (texts) => {
        batches.push(texts.length);
        return analyse(texts);
      },
      { batchArticles: 2, onProgress: (p) => progress.push(p.done) },
    );

    expect(batches).toEqual([2, 2, 1]);
    expect(progress).toEqual([0, 2, 4, 5]);
    expect(result).toMatchObject({ done: 5, total: 5, cancelled: false });
    expect(result.outcome.keptUserEdits).toBe(1);
    // The correction is exactly as the analyst left it; the tag still sits on its statement.
    expect(await db.statements.get(corrected!.id)).toEqual(correctedBefore);
    expect((await statementAnnotation(db, (await db.statements.get(tagged!.id))!))?.tagIds).toEqual([tag.id]);
    // Speakers the current analysis finds, which the old one lacked, are now in the workspace.
    const correctedText = (await db.articles.get(corrected!.articleId))!.text;
    const found = TEXTS.flatMap((text) =>
      analyzeText(text).filter((a) => !(text === correctedText && a.start === corrected!.start)),
    ).flatMap((a) => (a.speaker ? [a.speaker.name] : []));
    expect(found.length).toBeGreaterThanOrEqual(3);
    const names = new Set((await db.sources.toArray()).map((s) => s.name));
    for (const name of found) expect(names).toContain(name);
    expect(result.outcome.updated).toBeGreaterThanOrEqual(3);
  });

  it('stops between batches when cancelled, leaving the rest as it was', async () => {
    const db = await workspace();
    const before = await db.statements.toArray();
    let calls = 0;
    const result = await reanalyseWorkspace(
      db,
      async (texts) => {
        calls++;
        return analyse(texts);
      },
      { batchArticles: 2, shouldStop: () => calls >= 1 },
    );
    expect(result).toMatchObject({ done: 2, total: 5, cancelled: true });
    const after = await db.statements.toArray();
    const changed = after.filter(
      (s) => JSON.stringify(s) !== JSON.stringify(before.find((b) => b.id === s.id)),
    );
    expect(new Set(changed.map((s) => s.articleId)).size).toBeLessThanOrEqual(2);
    expect(changed.length).toBeGreaterThan(0);
  });
});
