// The dossier format: validation with JSON paths, lossless JSON round trip, merge and selection.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  emptyDossier,
  mergeDossiers,
  normaliseDossier,
  selectDossier,
  validateDossier,
  type Dossier,
} from '../../../../../src-main/shared/dossier';
import { workspaceArbitrary } from '../../../helpers/dossier-arbitrary';
import { goldStatements, sampleDossier, seedText } from '../../../helpers/dossier-sample';

const records = (d: Dossier) => {
  const { exportedAt: _a, exportedBy: _b, scope: _c, ...rest } = normaliseDossier(d);
  return rest;
};
const clone = <T>(x: T): T => structuredClone(x);

describe('validateDossier', () => {
  it('accepts the sample built from the seed article, whose statements match the gold text', () => {
    const d = sampleDossier();
    const text = seedText();
    for (const g of goldStatements()) expect(text.slice(g.start, g.end)).toBe(g.text);
    const result = validateDossier(JSON.parse(JSON.stringify(d)));
    expect(result.ok).toBe(true);
  });

  it('reports schema errors with JSON paths', () => {
    const d = clone(sampleDossier()) as unknown as { annotations: { position: { start: unknown } }[] };
    d.annotations[3]!.position.start = 'twelve';
    const result = validateDossier(d);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.errors.map((e) => e.path)).toContain('$.annotations[3].position.start');
  });

  it('reports broken references and out-of-range offsets', () => {
    const d = clone(sampleDossier());
    d.statements[2]!.articleId = 'gone';
    d.annotations[1]!.tagIds.push('no-such-tag');
    d.links[0]!.toStatementId = 'missing';
    d.annotations[0]!.position.end = d.articles[0]!.text.length + 5;
    d.tags[0]!.parentId = 'tag-deploy-ru'; // a cycle
    const result = validateDossier(d);
    expect(result.ok).toBe(false);
    const paths = result.ok ? [] : result.errors.map((e) => e.path);
    expect(paths).toEqual(
      expect.arrayContaining([
        '$.statements[2].articleId',
        '$.annotations[1].tagIds[1]',
        '$.links[0].toStatementId',
        '$.annotations[0].position.end',
        '$.tags[0].parentId',
      ]),
    );
  });

  it('rejects a file that is not a dossier', () => {
    const result = validateDossier({ format: 'something-else' });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.errors.some((e) => e.path === '$.format')).toBe(true);
  });
});

describe('JSON round trip (property)', () => {
  it('export → parse → validate gives the identical workspace', () => {
    fc.assert(
      fc.property(workspaceArbitrary, (d) => {
        const result = validateDossier(JSON.parse(JSON.stringify(d)));
        if (!result.ok) throw new Error(JSON.stringify(result.errors.slice(0, 3)));
        expect(result.dossier).toEqual(d);
      }),
      { numRuns: 300 },
    );
  });
});

/** A second analyst's copy: some records edited later, one article re-imported under a new id. */
function divergedCopy(d: Dossier, salt: number): Dossier {
  const c = clone(d);
  c.annotations.forEach((a, i) => {
    if ((i + salt) % 3 === 0)
      Object.assign(a, {
        note: `${a.note} edited ${salt}`,
        updatedAt: `2031-0${1 + (salt % 9)}-01T00:00:00.000Z`,
      });
  });
  if (c.claims[0]) c.claims[0].note = `claim note ${salt}`;
  if (salt % 2 === 1) {
    // The same text imported again by the colleague: new article and statement ids, same hash.
    const re = (id: string) => (id === 'a0' || id.startsWith('st') ? `re-${id}` : id);
    c.articles.forEach((a) => Object.assign(a, { id: re(a.id), versionOf: a.versionOf && re(a.versionOf) }));
    c.statements.forEach((st) => Object.assign(st, { id: re(st.id), articleId: re(st.articleId) }));
    c.annotations.forEach((a) =>
      Object.assign(a, { articleId: re(a.articleId), statementIds: a.statementIds.map(re) }),
    );
    c.links.forEach((l) =>
      Object.assign(l, { fromStatementId: re(l.fromStatementId), toStatementId: re(l.toStatementId) }),
    );
    c.claimStatements.forEach((cs) => (cs.statementId = re(cs.statementId)));
  }
  return c;
}

describe('mergeDossiers', () => {
  it('merging a dossier with itself changes nothing', () => {
    fc.assert(
      fc.property(workspaceArbitrary, (d) => {
        const { dossier, report } = mergeDossiers(d, d);
        expect(records(dossier)).toEqual(records(d));
        expect(report.added + report.updated + report.conflicts.length).toBe(0);
      }),
      { numRuns: 60 },
    );
  });

  it('gives the same workspace in either order, and merging again changes nothing', () => {
    fc.assert(
      fc.property(workspaceArbitrary, workspaceArbitrary, fc.nat(8), (a, other, salt) => {
        const b = divergedCopy(a, salt);
        // Annotations only the second analyst made, on articles both have.
        const extra = other.annotations.map((x, i) => ({
          ...x,
          id: `o-${x.id}`,
          articleId: b.articles[i % b.articles.length]!.id,
          position: { start: 0, end: 0 },
          quote: { exact: '', prefix: '', suffix: '' },
          tagIds: [],
          statementIds: [],
        }));
        b.annotations.push(...extra);
        const ab = mergeDossiers(a, b).dossier;
        const ba = mergeDossiers(b, a).dossier;
        expect(records(ab)).toEqual(records(ba));
        expect(records(mergeDossiers(ab, b).dossier)).toEqual(records(ab));
        expect(validateDossier(ab).ok).toBe(true);
      }),
      { numRuns: 60 },
    );
  });

  it('into an empty workspace restores everything', () => {
    const d = sampleDossier();
    const { dossier, report } = mergeDossiers(emptyDossier('2026-01-01T00:00:00.000Z'), d);
    expect(records(dossier)).toEqual(records(d));
    const total =
      d.articles.length +
      d.statements.length +
      d.sources.length +
      d.annotations.length +
      d.tags.length +
      d.links.length +
      d.claims.length +
      d.claimStatements.length +
      d.imports.length;
    expect(report.added).toBe(total);
  });

  it('keeps the newer edit and moves the older one into history', () => {
    const base = sampleDossier();
    const incoming = clone(base);
    base.annotations[0]!.note = 'base edit';
    base.annotations[0]!.updatedAt = '2027-01-01T00:00:00.000Z';
    incoming.annotations[0]!.note = 'incoming edit';
    incoming.annotations[0]!.updatedAt = '2027-02-01T00:00:00.000Z';
    const { dossier, report } = mergeDossiers(base, incoming);
    expect(dossier.annotations.find((a) => a.id === 'ann-1')!.note).toBe('incoming edit');
    expect(dossier.history).toHaveLength(1);
    expect(dossier.history[0]!.record).toMatchObject({ id: 'ann-1', note: 'base edit' });
    expect(report.conflicts).toEqual([{ table: 'annotations', id: 'ann-1', kept: 'incoming' }]);
    expect(report.updated).toBe(1);
  });

  it('matches an article re-imported under another id by its text hash and remaps its records', () => {
    const base = sampleDossier();
    const incoming = clone(base);
    const newId = 'zz-reimported';
    incoming.articles[0]!.id = newId;
    incoming.statements.forEach((s) => Object.assign(s, { id: `zz-${s.id}`, articleId: newId }));
    incoming.annotations.forEach((a) =>
      Object.assign(a, { articleId: newId, statementIds: a.statementIds.map((s) => `zz-${s}`) }),
    );
    incoming.links.forEach((l) =>
      Object.assign(l, {
        fromStatementId: `zz-${l.fromStatementId}`,
        toStatementId: `zz-${l.toStatementId}`,
      }),
    );
    incoming.claimStatements.forEach((cs) => (cs.statementId = `zz-${cs.statementId}`));
    incoming.imports[0]!.articleId = newId;
    const { dossier, report } = mergeDossiers(base, incoming);
    expect(dossier.articles).toHaveLength(1);
    expect(dossier.statements).toHaveLength(base.statements.length);
    expect(records(dossier)).toEqual(records(base));
    expect(report.added).toBe(0);
  });
});

describe('selectDossier', () => {
  it('keeps a valid dossier with only the chosen tag subtree and its articles', () => {
    const d = sampleDossier();
    const selected = selectDossier(d, { tagIds: ['tag-deploy'] });
    expect(validateDossier(selected).ok).toBe(true);
    expect(selected.annotations.map((a) => a.id).sort()).toEqual(['ann-1', 'ann-4']);
    expect(selected.tags.map((t) => t.id).sort()).toEqual(['tag-deploy', 'tag-deploy-ru']);
    expect(selected.scope.whole).toBe(false);
  });

  it('selecting a claim brings its articles and the claim rows', () => {
    const d = sampleDossier();
    d.claims.push({
      id: 'claim-2',
      text: 'Other',
      note: '',
      createdAt: d.exportedAt,
      updatedAt: d.exportedAt,
    });
    const selected = selectDossier(d, { claimIds: ['claim-1'] });
    expect(selected.claims.map((c) => c.id)).toEqual(['claim-1']);
    expect(selected.claimStatements).toHaveLength(4);
    expect(validateDossier(selected).ok).toBe(true);
  });
});

describe('merging codebooks', () => {
  it('pairs tags with the same name path instead of duplicating them, and moves annotations along', async () => {
    const { mergeDossiers, emptyDossier } = await import('../../../../../src-main/shared/dossier');
    const at = '2026-01-01T00:00:00.000Z';
    const tag = (id: string, name: string, parentId: string | null = null) => ({
      id,
      name,
      colour: '#d9534f',
      parentId,
      description: '',
      shortcut: null,
      createdAt: at,
      updatedAt: at,
    });
    const a = {
      ...emptyDossier(at),
      tags: [tag('a-root', 'Key claim'), tag('a-child', 'Figures', 'a-root')],
    };
    const b = {
      ...emptyDossier(at),
      tags: [tag('b-root', 'Key claim'), tag('b-child', 'Figures', 'b-root'), tag('b-other', 'Denial')],
    };
    const merged = mergeDossiers(a, b).dossier;
    expect(merged.tags.map((t) => t.name).sort()).toEqual(['Denial', 'Figures', 'Key claim']);
    const child = merged.tags.find((t) => t.name === 'Figures')!;
    expect(merged.tags.find((t) => t.id === child.parentId)?.name).toBe('Key claim');
    expect(mergeDossiers(b, a).dossier.tags).toEqual(merged.tags);
  });
});
