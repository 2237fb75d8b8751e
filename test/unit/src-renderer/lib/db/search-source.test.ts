// Building the search index from scratch reads the workspace a page of articles at a time; across the pages
// every statement, note and tag must come exactly once, and the progress must end at every article.
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../../../../src-renderer/lib/db/db';
import { replaceWorkspace } from '../../../../../src-renderer/lib/db/dossier';
import { docId } from '../../../../../src-renderer/lib/search/docs';
import { searchDocPages } from '../../../../../src-renderer/lib/db/search-source';
import { generateWorkspace } from '../../../../../scripts/gen-workspace';

describe('the search documents read for a rebuild', () => {
  it('come page by page, each statement, note and tag once, with progress up to every article', async () => {
    const db = openDatabase(`search-pages-${Date.now()}`);
    await db.open();
    const ws = generateWorkspace({ articles: 450, statements: 3, annotations: 40, seed: 5 });
    ws.annotations.forEach((a, i) => (a.note = i % 2 ? `checked ${i}` : ''));
    await replaceWorkspace(db, ws);
    const ids: string[] = [];
    const progress: number[] = [];
    for await (const page of searchDocPages(db)) {
      ids.push(...page.docs.map((d) => d.id));
      progress.push(page.done / page.total);
    }
    const expected = [
      ...ws.statements.map((s) => docId('statement', s.id)),
      ...ws.annotations.filter((a) => a.note).map((a) => docId('note', a.id)),
      ...ws.tags.map((t) => docId('tag', t.id)),
    ];
    expect(ids.sort()).toEqual(expected.sort());
    expect(progress.length).toBeGreaterThan(3); // 450 articles are three pages, then notes and tags
    expect(progress.at(-1)).toBe(1);
  });
});
