// Shared set-up for the compare UI tests: a fresh workspace database holding the seed and the second outlet.
import 'fake-indexeddb/auto';
import { readFileSync } from 'node:fs';
import { openDatabase, type CorroborateDB } from '../../../src-renderer/lib/db/db';
import type { Article, Source, Statement } from '../../../src-main/shared/domain';

export const seedText = readFileSync('test/fixtures/car-dec-2020.txt', 'utf8');
export const secondText = readFileSync('test/fixtures/car-second-outlet.txt', 'utf8');
export const gold = JSON.parse(readFileSync('test/fixtures/statements.gold.json', 'utf8')) as {
  statements: { text: string; start: number; end: number; speaker: string | null; cue: string | null }[];
};

let n = 0;
export function freshDb(): CorroborateDB {
  return openDatabase(`compare-ui-${Date.now()}-${n++}`);
}

export interface Stored {
  article: Article;
  statements: Statement[];
}

/**
 * Store an article directly (no import pipeline, which other work changes under our feet): statements and
 * speakers from the gold file for the seed, one statement per paragraph otherwise.
 */
export async function store(db: CorroborateDB, text: string, name: string): Promise<Stored> {
  const at = new Date().toISOString();
  const articleId = crypto.randomUUID();
  const article: Article = {
    id: articleId,
    title: text.slice(0, 60),
    outlet: null,
    authors: [],
    publishedAt: '2020-12-22',
    url: null,
    language: 'en',
    text,
    textSha256: `${name}-${text.length}-${n++}`,
    fileSha256: name,
    fileName: name,
    format: 'txt',
    fileSize: text.length,
    importedAt: at,
    updatedAt: at,
    versionOf: null,
  };
  const sources = new Map<string, Source>((await db.sources.toArray()).map((s) => [s.name, s]));
  const sourceId = (speaker: string | null) => {
    if (!speaker) return null;
    if (!sources.has(speaker)) {
      sources.set(speaker, {
        id: crypto.randomUUID(),
        name: speaker,
        kind: 'unknown',
        aliases: [],
        reliability: null,
        note: '',
        userEdited: false,
        createdAt: at,
        updatedAt: at,
      });
    }
    return sources.get(speaker)!.id;
  };
  const spans: { start: number; end: number; speaker: string | null }[] =
    text === seedText
      ? gold.statements.map((g) => ({ start: g.start, end: g.end, speaker: g.speaker }))
      : [...text.matchAll(/[^\n]+/g)].map((m) => ({
          start: m.index,
          end: m.index + m[0].length,
          speaker: null,
        }));
  const statements: Statement[] = spans.map((sp, index) => ({
    id: crypto.randomUUID(),
    articleId,
    index,
    start: sp.start,
    end: sp.end,
    kind: sp.speaker ? 'reported' : 'narrative',
    speakerId: sourceId(sp.speaker),
    cue: null,
    viaIds: [],
    entities: [],
    userEdited: false,
    updatedAt: at,
  }));
  await db.articles.add(article);
  await db.statements.bulkAdd(statements);
  await db.sources.bulkPut([...sources.values()]);
  return { article, statements };
}

/** The statement whose text starts like the given words. */
export function statementStarting(s: Stored, words: string): Statement {
  const found = s.statements.find((st) => s.article.text.slice(st.start, st.end).startsWith(words));
  if (!found) throw new Error(`no statement starts with “${words}”`);
  return found;
}
