// Importing a dossier into a workspace reads only the part of the workspace the merge touches (through
// indexes), yet must leave exactly the workspace that merging the whole workspace in memory gives: the
// dossier format's mergeDossiers is the specification. The incoming dossier here renames workspace records
// (same text, name, span or tag path under smaller ids), so records outside the paired part that refer to
// them (statements citing a renamed source, annotations on a renamed statement, a version of a renamed
// article, its import record) must be found and rewritten too.
import 'fake-indexeddb/auto';
import type { DBCore, DBCoreCursor, Middleware } from 'dexie';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { normaliseName } from '../../../../../src-main/shared/analysis/names';
import type { Dossier } from '../../../../../src-main/shared/dossier';
import { mergeDossiers, normaliseDossier } from '../../../../../src-main/shared/dossier';
import { openDatabase, type CorroborateDB } from '../../../../../src-renderer/lib/db/db';
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

/** Reads every record a database hands out (gets, queries, cursor steps), counted below every middleware. */
function readCounter(db: CorroborateDB) {
  const reads = { on: false, records: 0 };
  const counter: Middleware<DBCore> = {
    stack: 'dbcore',
    name: 'test-read-counter',
    // Below the derived tables' reader (-100), so their reads are counted too.
    level: -1000,
    create: (down) => ({
      ...down,
      table: (name) => {
        const t = down.table(name);
        const note = (n: number) => {
          if (reads.on) reads.records += n;
        };
        return {
          ...t,
          get: (req) => t.get(req).then((r) => (note(r === undefined ? 0 : 1), r)),
          getMany: (req) => t.getMany(req).then((rs) => (note(rs.filter((r) => r !== undefined).length), rs)),
          query: (req) => t.query(req).then((res) => (note(res.result.length), res)),
          openCursor: (req) =>
            t.openCursor(req).then((cursor: DBCoreCursor | null) => {
              if (cursor) {
                const start = cursor.start.bind(cursor);
                cursor.start = (onNext) =>
                  start(() => {
                    note(1);
                    onNext();
                  });
              }
              return cursor;
            }),
        };
      },
    }),
  };
  db.use(counter);
  return reads;
}

/** A generated dossier whose people are renamed apart: it shares no source, article or statement with others. */
function unrelated(seed: number, articles: number): Dossier {
  const d = generateWorkspace({ articles, statements: 8, annotations: 0, seed, people: 4000 });
  return {
    ...d,
    sources: d.sources.map((s) => ({ ...s, name: `${s.name} of the archive ${seed}` })),
    tags: [],
  };
}

describe('a dossier merged into a workspace of many sources (long tail of speakers)', () => {
  const dossier = (seed: number) =>
    generateWorkspace({ articles: 6, statements: 8, annotations: 6, seed, people: 60 });

  it('gives the workspace that merging the whole workspace in memory gives, after several merges', async () => {
    const db = openDatabase(`merge-base-tail-${Date.now()}`);
    await db.open();
    await importDossierIntoWorkspace(db, dossier(30), 'First');
    await importDossierIntoWorkspace(db, dossier(31), 'Second');
    const incoming = dossier(32);
    const before = await readWorkspaceDossier(db, 'A');
    const expected = mergeDossiers(before, alignTags(before, structuredClone(incoming)));
    // The merge renames workspace sources (same name, smaller id), whose statements must be rewritten.
    const kept = new Set(expected.dossier.sources.map((s) => s.id));
    expect(before.sources.some((s) => !kept.has(s.id))).toBe(true);

    const result = await importDossierIntoWorkspace(db, structuredClone(incoming), 'Third');

    expect(records(await readWorkspaceDossier(db, 'A'))).toEqual(records(expected.dossier));
    expect(result.report).toEqual(expected.report);
  });

  it('reads as many records from a workspace ten times as large, when the rest shares nothing with it', async () => {
    const readsInto = async (extra: number) => {
      const db = openDatabase(`merge-base-reads-${extra}-${Date.now()}`);
      const reads = readCounter(db);
      await db.open();
      const ws = dossier(40);
      if (extra) {
        const more = unrelated(41, extra);
        for (const table of ['articles', 'statements', 'sources'] as const)
          (ws[table] as unknown[]).push(...more[table]);
      }
      await replaceWorkspace(db, ws);
      reads.on = true;
      await importDossierIntoWorkspace(db, dossier(42), 'Merge');
      return { reads: reads.records, sources: ws.sources.length };
    };
    const small = await readsInto(0);
    const large = await readsInto(100);
    expect(large.sources).toBeGreaterThan(10 * small.sources);
    expect(small.reads).toBeGreaterThan(0);
    expect(large.reads).toBe(small.reads);
  });
});

describe('sources paired by name without case and surrounding spaces', () => {
  it('pairs a stored name with spaces around it, or in other capitals, as merging in memory does', async () => {
    const db = openDatabase(`merge-base-names-${Date.now()}`);
    await db.open();
    const ws = generateWorkspace({ articles: 3, statements: 6, annotations: 2, seed: 60 });
    const [spaced, plain] = [ws.sources[0]!, ws.sources[1]!];
    spaced.name = ` ${spaced.name} `;
    plain.name = 'François Bozizé';
    await replaceWorkspace(db, ws);
    const incoming = generateWorkspace({ articles: 1, statements: 4, annotations: 0, seed: 61 });
    incoming.sources.push(
      { ...spaced, id: '0-spaced', name: spaced.name.trim() },
      { ...plain, id: '0-plain', name: ' FRANÇOIS BOZIZÉ' },
    );
    const before = await readWorkspaceDossier(db, 'A');
    const expected = mergeDossiers(before, alignTags(before, structuredClone(incoming)));

    await importDossierIntoWorkspace(db, structuredClone(incoming), 'Names');

    const after = await readWorkspaceDossier(db, 'A');
    expect(records(after)).toEqual(records(expected.dossier));
    const ids = new Set(after.sources.map((x) => x.id));
    expect([ids.has(spaced.id), ids.has(plain.id), ids.has('0-spaced'), ids.has('0-plain')]).toEqual([
      false,
      false,
      true,
      true,
    ]);
  });

  it('finds them through the match-key index: names equal without case and spaces share their normal form', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: 'binary', maxLength: 12 }),
        fc.array(fc.boolean(), { maxLength: 12 }),
        (name, upper) => {
          const other = ` ${[...name].map((c, i) => (upper[i] ? c.toUpperCase() : c.toLowerCase())).join('')}\t`;
          fc.pre(other.trim().toLowerCase() === name.trim().toLowerCase());
          expect(normaliseName(other)).toBe(normaliseName(name));
        },
      ),
      { numRuns: 5000 },
    );
  });
});
