// Importing a dossier into a workspace reads only the part of the workspace the merge touches (through
// indexes), yet must leave exactly the workspace that merging the whole workspace in memory gives: the
// dossier format's mergeDossiers is the specification. The incoming dossier here renames workspace records
// (same text, name, span or tag path under smaller ids), so records outside the paired part that refer to
// them (statements citing a renamed source, annotations on a renamed statement, a version of a renamed
// article, its import record) must be found and rewritten too.
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import type { Dossier } from '../../../../../src-main/shared/dossier';
import { mergeDossiers, normaliseDossier } from '../../../../../src-main/shared/dossier';
import { openDatabase } from '../../../../../src-renderer/lib/db/db';
import {
  alignTags,
  importDossierIntoWorkspace,
  readWorkspaceDossier,
  replaceWorkspace,
} from '../../../../../src-renderer/lib/db/dossier';
import { undo } from '../../../../../src-renderer/lib/db/history';
import { generateWorkspace } from '../../../../../scripts/gen-workspace';

const LATER = '2026-12-06T10:00:00.000Z';
const records = (d: Dossier) => {
  const { exportedAt: _at, exportedBy: _by, scope: _scope, ...rest } = normaliseDossier(d);
  return rest;
};

/** A workspace of 8 generated articles, with a version link, an import record, a link and a claim. */
function workspace(): Dossier {
  const d = generateWorkspace({ articles: 8, statements: 6, annotations: 12, seed: 7 });
  d.articles[5]!.versionOf = d.articles[0]!.id;
  const [s0, s1] = [d.statements[0]!, d.statements.find((s) => s.articleId === d.articles[3]!.id)!];
  d.links.push({
    id: 'ws-link',
    fromStatementId: s0.id,
    toStatementId: s1.id,
    type: 'corroborates',
    note: '',
    createdAt: d.exportedAt,
    updatedAt: d.exportedAt,
  });
  d.claims.push({
    id: 'ws-claim',
    text: 'Port traffic fell',
    note: '',
    createdAt: d.exportedAt,
    updatedAt: d.exportedAt,
  });
  d.claimStatements.push({
    id: 'ws-cs',
    claimId: 'ws-claim',
    statementId: s0.id,
    stance: 'asserts',
    createdAt: d.exportedAt,
    updatedAt: d.exportedAt,
  });
  d.imports.push({
    id: 'ws-import',
    batchId: 'b1',
    fileName: d.articles[0]!.fileName,
    format: 'txt',
    outcome: 'imported',
    articleId: d.articles[0]!.id,
    title: d.articles[0]!.title,
    statementCount: 6,
    reason: null,
    at: d.exportedAt,
  });
  return d;
}

/**
 * A colleague's dossier: article 0 of the workspace and its statements under smaller ids (so the workspace's
 * records are the ones renamed), two sources by name under smaller ids, a tag by path under a smaller id, an
 * annotation of the workspace edited later, and two articles the workspace does not have.
 */
function colleague(ws: Dossier): Dossier {
  const d = generateWorkspace({ articles: 2, statements: 5, annotations: 3, seed: 8 });
  const article = { ...ws.articles[0]!, id: '0-article' };
  const statementId = new Map(
    ws.statements.filter((s) => s.articleId === ws.articles[0]!.id).map((s, i) => [s.id, `0-statement-${i}`]),
  );
  const sourceId = new Map(ws.sources.slice(0, 2).map((s, i) => [s.id, `0-source-${i}`]));
  d.articles.push(article);
  d.statements.push(
    ...ws.statements
      .filter((s) => statementId.has(s.id))
      .map((s) => ({
        ...s,
        id: statementId.get(s.id)!,
        articleId: article.id,
        speakerId: s.speakerId && (sourceId.get(s.speakerId) ?? s.speakerId),
      })),
  );
  d.sources.push(...ws.sources.slice(0, 2).map((s) => ({ ...s, id: sourceId.get(s.id)! })));
  const tag = ws.tags.find((t) => t.parentId === null)!;
  d.tags.push({ ...tag, id: '0-tag' });
  const edited = ws.annotations.find((a) => a.articleId !== ws.articles[0]!.id)!;
  d.annotations.push({ ...edited, note: 'Checked against the port log', updatedAt: LATER });
  return d;
}

describe('importing a dossier into a workspace through its indexes', () => {
  it('leaves the same workspace as merging the whole workspace in memory, renamed records included', async () => {
    const db = openDatabase(`merge-base-${Date.now()}`);
    await db.open();
    const ws = workspace();
    await replaceWorkspace(db, ws);
    const incoming = colleague(ws);
    const before = await readWorkspaceDossier(db, 'A');
    const expected = mergeDossiers(before, alignTags(before, structuredClone(incoming)));

    const result = await importDossierIntoWorkspace(db, structuredClone(incoming), 'Import colleague');

    const after = await readWorkspaceDossier(db, 'A');
    expect(records(after)).toEqual(records(expected.dossier));
    expect(result.report).toEqual(expected.report);
    // The renames reached records outside the paired part: the version, the import record, other statements.
    const renamedArticle = after.articles.find((a) => a.textSha256 === ws.articles[0]!.textSha256)!;
    expect(renamedArticle.id).toBe('0-article');
    expect(after.articles.find((a) => a.id === ws.articles[5]!.id)!.versionOf).toBe('0-article');
    expect(after.imports.find((r) => r.id === 'ws-import')!.articleId).toBe('0-article');
    const cited = new Set(after.statements.flatMap((s) => [s.speakerId, ...s.viaIds]));
    for (const s of ws.sources.slice(0, 2)) expect(cited.has(s.id)).toBe(false);
    expect(after.annotations.some((a) => a.note === 'Checked against the port log')).toBe(true);
    expect(result.articleIds).toContain('0-article');
  });

  it('undoes the whole merge in one step', async () => {
    const db = openDatabase(`merge-base-undo-${Date.now()}`);
    await db.open();
    const ws = workspace();
    await replaceWorkspace(db, ws);
    const before = records(await readWorkspaceDossier(db, 'A'));
    await importDossierIntoWorkspace(db, colleague(ws), 'Import colleague');
    expect(await undo(db)).toBe('Import colleague');
    // The merge history (older versions that lost) is kept; every record is back as it was.
    const undone = records(await readWorkspaceDossier(db, 'A'));
    expect({ ...undone, history: [] }).toEqual({ ...before, history: [] });
  });
});
