// The membership rule of a shared selection: what of a workspace reaches the dossier, and what never leaves.
import { describe, expect, it } from 'vitest';
import type { RecordChange, SyncedTable } from '../../../../../src-renderer/lib/db/sync-bridge';
import { admitChanges, WHOLE, type ShareScope } from '../../../../../src-renderer/lib/sync/share-scope';

const put = (table: SyncedTable, id: string, fields: Record<string, unknown> = {}): RecordChange => ({
  table,
  id,
  value: { id, ...fields },
});
const del = (table: SyncedTable, id: string): RecordChange => ({ table, id, value: null });

/** Two articles: A (shared) and B (not), each with two statements, a source each, annotations and links. */
const workspace: RecordChange[] = [
  put('articles', 'A'),
  put('articles', 'B'),
  put('statements', 'a1', { articleId: 'A', speakerId: 'ana-src', viaIds: ['tass'] }),
  put('statements', 'a2', { articleId: 'A', speakerId: null, viaIds: [] }),
  put('statements', 'b1', { articleId: 'B', speakerId: 'ben-src', viaIds: [] }),
  put('statements', 'b2', { articleId: 'B', speakerId: null, viaIds: ['tass'] }),
  put('sources', 'ana-src', { reliability: 'B' }),
  put('sources', 'ben-src', { reliability: 'E' }),
  put('sources', 'tass', { reliability: 'C' }),
  put('sources', 'nobody', { reliability: null }),
  put('annotations', 'on-a', { articleId: 'A', statementIds: ['a1'], tagIds: ['t-used'] }),
  put('annotations', 'on-b', { articleId: 'B', statementIds: ['b1'], tagIds: ['t-used'] }),
  put('tags', 't-used', { parentId: null }),
  put('tags', 't-unused', { parentId: 't-used' }),
  put('links', 'inside-a', { fromStatementId: 'a1', toStatementId: 'a2' }),
  put('links', 'across', { fromStatementId: 'a1', toStatementId: 'b1' }),
  put('links', 'inside-b', { fromStatementId: 'b1', toStatementId: 'b2' }),
  put('alignments', 'al-across', { aStatementId: 'a1', bStatementId: 'b1' }),
  put('claims', 'claim-both', { text: 'spans A and B' }),
  put('claims', 'claim-b', { text: 'only B' }),
  put('claims', 'claim-none', { text: 'no statement yet' }),
  put('claimStatements', 'cs-a1', { claimId: 'claim-both', statementId: 'a1' }),
  put('claimStatements', 'cs-b1', { claimId: 'claim-both', statementId: 'b1' }),
  put('claimStatements', 'cs-b2', { claimId: 'claim-b', statementId: 'b2' }),
];

const onlyA: ShareScope = { kind: 'articles', articleIds: ['A'] };
const ids = (changes: RecordChange[]) => changes.map((c) => `${c.table}:${c.id}`).sort();
/** A dossier holding exactly the given records. */
const dossierOf = (changes: RecordChange[]) => {
  const keys = new Set(changes.filter((c) => c.value).map((c) => `${c.table}:${c.id}`));
  return (table: SyncedTable, id: string) => keys.has(`${table}:${id}`);
};

describe('sharing a selection of articles', () => {
  const first = admitChanges(workspace, onlyA, () => false);

  it('shares the chosen article, what hangs on it, the sources it cites and the codebook, nothing of the other', () => {
    expect(ids(first.send)).toEqual(
      [
        'articles:A',
        'statements:a1',
        'statements:a2',
        'sources:ana-src',
        'sources:tass',
        'annotations:on-a',
        'tags:t-used',
        'tags:t-unused',
        'links:inside-a',
        'claims:claim-both',
        'claimStatements:cs-a1',
      ].sort(),
    );
    expect(first.pull).toEqual([]);
  });

  it('keeps a grade with its source', () => {
    expect(first.send.find((c) => c.id === 'ana-src')?.value).toMatchObject({ reliability: 'B' });
  });

  it('shares everything when the whole workspace is shared', () => {
    expect(admitChanges(workspace, WHOLE, () => false).send).toEqual(workspace);
  });

  describe('later edits', () => {
    const inDossier = dossierOf(first.send);
    const later = (changes: RecordChange[]) => admitChanges(changes, onlyA, inDossier);

    it('shares a new annotation in the shared article and keeps one in the other article here', () => {
      const { send } = later([
        put('annotations', 'new-a', { articleId: 'A', statementIds: ['a2'], tagIds: [] }),
        put('annotations', 'new-b', { articleId: 'B', statementIds: ['b2'], tagIds: [] }),
      ]);
      expect(ids(send)).toEqual(['annotations:new-a']);
    });

    it('shares a correction of a shared statement and asks for the source it now names', () => {
      const { send, pull } = later([
        put('statements', 'a2', { articleId: 'A', speakerId: 'nobody', viaIds: [] }),
        put('statements', 'b2', { articleId: 'B', speakerId: 'ben-src', viaIds: [] }),
      ]);
      expect(ids(send)).toEqual(['statements:a2']);
      expect(pull).toEqual([{ table: 'sources', id: 'nobody' }]);
    });

    it('shares a new grade of a shared source, not of a source only the other article cites', () => {
      const { send } = later([put('sources', 'tass', { reliability: 'A' }), put('sources', 'ben-src', {})]);
      expect(ids(send)).toEqual(['sources:tass']);
    });

    it('keeps a link or an alignment spanning the shared and the unshared article here', () => {
      const { send } = later([
        put('links', 'new-across', { fromStatementId: 'b2', toStatementId: 'a2' }),
        put('alignments', 'new-inside', { aStatementId: 'a1', bStatementId: 'a2' }),
      ]);
      expect(ids(send)).toEqual(['alignments:new-inside']);
    });

    it('shares a local claim once a stance on a shared statement is attached, asking for the claim', () => {
      const { send, pull } = later([
        put('claimStatements', 'cs-none-a2', { claimId: 'claim-none', statementId: 'a2' }),
        put('claimStatements', 'cs-b-b1', { claimId: 'claim-b', statementId: 'b1' }),
      ]);
      expect(ids(send)).toEqual(['claimStatements:cs-none-a2']);
      expect(pull).toEqual([{ table: 'claims', id: 'claim-none' }]);
    });

    it('shares a new tag, and passes deletions', () => {
      const { send } = later([put('tags', 'fresh'), del('annotations', 'on-a'), del('annotations', 'on-b')]);
      expect(ids(send)).toEqual(['annotations:on-a', 'annotations:on-b', 'tags:fresh']);
    });

    it('takes a record that no longer belongs out of the dossier, and keeps it here', () => {
      const { send } = later([put('annotations', 'on-a', { articleId: 'B', statementIds: ['b1'] })]);
      expect(send).toEqual([del('annotations', 'on-a')]);
    });

    it('shares a new version of a shared article, asking for what hangs on it, however the batch is ordered', () => {
      const { send, pull } = later([
        put('articles', 'A3', { versionOf: 'A2' }),
        put('articles', 'A2', { versionOf: 'A' }),
        put('articles', 'B2', { versionOf: 'B' }),
        put('annotations', 'carried', { articleId: 'A3', statementIds: [], tagIds: [] }),
      ]);
      expect(ids(send)).toEqual(['annotations:carried', 'articles:A2', 'articles:A3']);
      expect(pull).toEqual([
        { table: 'articles', id: 'A2' },
        { table: 'articles', id: 'A3' },
      ]);
    });

    it('shares an article someone else brought into the dossier, and what is written on it', () => {
      const withC = (t: SyncedTable, id: string) => inDossier(t, id) || (t === 'articles' && id === 'C');
      const { send } = admitChanges(
        [put('annotations', 'on-c', { articleId: 'C', statementIds: [], tagIds: [] })],
        onlyA,
        withC,
      );
      expect(ids(send)).toEqual(['annotations:on-c']);
    });
  });
});
