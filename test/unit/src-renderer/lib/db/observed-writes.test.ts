// An import batch reports the keys it wrote, however many statements it holds, so live queries and the search
// index take in the new records instead of re-reading the whole workspace after every batch.
import 'fake-indexeddb/auto';
import Dexie, { type DBCore, type ObservabilitySet } from 'dexie';
import type { Tag } from '../../../../../src-main/shared/domain';
import { afterEach, describe, expect, it } from 'vitest';
import type { AnalyzedStatement } from '../../../../../src-main/shared/extraction';
import { openDatabase } from '../../../../../src-renderer/lib/db/db';
import { storeExtractedArticles } from '../../../../../src-renderer/lib/db/articles';
import {
  collectChanges,
  type ChangedKeys,
  updatesFor,
} from '../../../../../src-renderer/lib/db/search-source';
import { extractedArticle, saidBy } from './extracted-article';

const SPEAKERS = ['Maria Lopez', 'Jean Dupont', 'Aiko Tanaka', 'Kwame Mensah', 'Lena Novak'];

/** An article of `n` sentences, each spoken by a different person of the list, some of them new to the workspace. */
function article(tag: string, n: number) {
  const parts: string[] = [];
  const statements: AnalyzedStatement[] = [];
  let at = 0;
  for (let i = 0; i < n; i++) {
    const who = i < SPEAKERS.length ? SPEAKERS[i]! : `Speaker ${tag}-${i}`;
    const sentence = `${who} said the ${tag} harbour plan number ${i} was on track.`;
    statements.push(saidBy(who, sentence, at));
    parts.push(sentence);
    at += sentence.length + 1;
  }
  return extractedArticle(parts.join(' '), statements, {
    sha: `sha-${tag}`,
    fileSha256: `file-${tag}`,
    title: `Harbour ${tag}`,
    fileName: `${tag}.txt`,
  });
}

let stop: (() => void) | null = null;
afterEach(() => stop?.());

describe('writes of an import batch', () => {
  it('report each statement and source written, even for a batch of 90 statements and 80 new speakers', async () => {
    const db = openDatabase(`observed-${Date.now()}`);
    await db.open();
    const changed: ChangedKeys = {};
    const listener = (parts: ObservabilitySet) => collectChanges(db.name, parts, changed);
    Dexie.on('storagemutated', listener);
    stop = () => Dexie.on.storagemutated.unsubscribe(listener);

    await storeExtractedArticles(db, [article('a', 30), article('b', 30), article('c', 30)]);

    expect(changed.statements).not.toBe('all');
    expect(changed.sources).not.toBe('all');
    expect((changed.statements as Set<string>).size).toBe(90);
    expect((changed.sources as Set<string>).size).toBe(await db.sources.count());
    // The search index takes in the 90 new statements; nothing is rebuilt.
    const update = await updatesFor(db, changed);
    expect(update.rebuild).toBe(false);
    expect(update.upsert.filter((d) => d.kind === 'statement')).toHaveLength(90);
  });

  it('report each key of one bulk write of 130 records, and a refused record at its own place in the batch', async () => {
    const db = openDatabase(`observed-bulk-${Date.now()}`);
    await db.open();
    const changed: ChangedKeys = {};
    const listener = (parts: ObservabilitySet) => collectChanges(db.name, parts, changed);
    Dexie.on('storagemutated', listener);
    stop = () => Dexie.on.storagemutated.unsubscribe(listener);
    const at = new Date().toISOString();
    const tag = (i: number): Tag => ({
      id: `tag-${String(i).padStart(3, '0')}`,
      name: `Tag ${i}`,
      description: '',
      colour: '#336699',
      parentId: null,
      shortcut: null,
      createdAt: at,
      updatedAt: at,
    });
    await db.tags.add(tag(100));
    const error = await db.tags
      .bulkAdd(Array.from({ length: 130 }, (_, i) => tag(i)))
      .catch((e: unknown) => e);

    // Record 100 was there already: only it is refused, and the 129 others are written.
    expect(Object.keys((error as { failuresByPos: Record<number, unknown> }).failuresByPos)).toEqual(['100']);
    expect(await db.tags.count()).toBe(130);
    expect(changed.tags).not.toBe('all');
    expect((changed.tags as Set<string>).size).toBe(130);
  });

  it("write each new article's library row and each source's row once per batch, with the right counts", async () => {
    const db = openDatabase(`observed-once-${Date.now()}`);
    // Counts the records each write hands to IndexedDB for the two derived tables, below every other layer.
    const written: Record<string, string[]> = { articleRows: [], sourceRows: [] };
    db.use({
      stack: 'dbcore',
      name: 'test-count-writes',
      level: -200,
      create: (down: DBCore) => ({
        ...down,
        table: (name: string) => {
          const table = down.table(name);
          const ids = written[name];
          if (!ids) return table;
          return {
            ...table,
            mutate: (req) => {
              if (req.type === 'put' || req.type === 'add')
                ids.push(...req.values.map((v: { id: string }) => v.id));
              return table.mutate(req);
            },
          };
        },
      }),
    });
    await db.open();
    await storeExtractedArticles(db, [article('a', 30)]);
    written.articleRows!.length = 0;
    written.sourceRows!.length = 0;

    // Three new articles: the five named speakers are known already, each article brings 25 new ones.
    const outcomes = await storeExtractedArticles(db, [article('b', 30), article('c', 30), article('d', 30)]);

    const ids = outcomes.map((o) => (o instanceof Error ? '' : o.article.id));
    expect(written.articleRows!.sort()).toEqual([...ids].sort());
    expect(new Set(written.sourceRows).size).toBe(5 + 3 * 25);
    expect(written.sourceRows).toHaveLength(5 + 3 * 25);
    const rows = await db.articleRows.bulkGet(ids);
    expect(rows.map((r) => r?.statementCount)).toEqual([30, 30, 30]);
    const maria = await db.sources.where('name').equals('Maria Lopez').first();
    const row = await db.sourceRows.get(maria!.id);
    expect(row?.statements).toBe(4);
    expect(row?.matchKeys.length).toBeGreaterThan(0);
    const newcomer = await db.sources.where('name').equals('Speaker c-7').first();
    expect((await db.sourceRows.get(newcomer!.id))?.matchKeys.length).toBeGreaterThan(0);
  });
});
