// Exports for other tools (CSV, JSON, REFI-QDA) and importing REFI-QDA back.
import { strFromU8, unzipSync, zipSync, strToU8 } from 'fflate';
import { describe, expect, it } from 'vitest';
import { exportCsv } from '../../../../../src-main/core/export/csv';
import { exportJson } from '../../../../../src-main/core/export/json';
import { exportQdc, parseQdc } from '../../../../../src-main/core/export/qdc';
import { exportQdpx } from '../../../../../src-main/core/export/qdpx';
import { importQdpx } from '../../../../../src-main/core/export/qdpx-import';
import { validateDossier } from '../../../../../src-main/shared/dossier';
import { goldStatements, sampleDossier } from '../../../helpers/dossier-sample';

/** RFC 4180 reader, enough to check what a spreadsheet would see. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(cell);
      cell = '';
    } else if (c === '\r' && text[i + 1] === '\n') {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
      i++;
    } else cell += c;
  }
  return rows;
}

describe('CSV export', () => {
  it('zips annotations.csv and statements.csv with one row per record, formulas neutralised', async () => {
    const d = sampleDossier();
    d.annotations[0]!.note = '=HYPERLINK("http://evil")';
    d.annotations[1]!.note = 'line one\nline "two", with comma';
    const files = unzipSync(await exportCsv(d));
    const annotations = parseCsv(strFromU8(files['annotations.csv']!).replace(/^\uFEFF/, ''));
    const statements = parseCsv(strFromU8(files['statements.csv']!).replace(/^\uFEFF/, ''));
    expect(annotations).toHaveLength(d.annotations.length + 1);
    expect(statements).toHaveLength(d.statements.length + 1);
    const note = annotations[0]!.indexOf('note');
    expect(annotations[1]![note]).toBe(`'=HYPERLINK("http://evil")`);
    expect(annotations[2]![note]).toBe('line one\nline "two", with comma');
    const text = statements[0]!.indexOf('text');
    expect(statements.slice(1).map((r) => r[text])).toEqual(goldStatements().map((g) => g.text));
  });
});

describe('JSON export', () => {
  it('writes the lossless dossier and refuses an invalid workspace', async () => {
    const d = sampleDossier();
    const back = validateDossier(JSON.parse(await exportJson(d)));
    expect(back.ok && back.dossier).toEqual(d);
    d.links[0]!.fromStatementId = 'nowhere';
    await expect(exportJson(d)).rejects.toThrow('$.links[0].fromStatementId');
  });
});

describe('REFI-QDA', () => {
  it('a .qdpx export imports back with the same texts, quotes, codes and notes', async () => {
    const d = sampleDossier();
    const back = importQdpx(await exportQdpx(d, { author: 'A. Analyst' }));
    expect(back.articles.map((a) => a.text)).toEqual(d.articles.map((a) => a.text));
    expect(back.articles[0]!.textSha256).toBe(d.articles[0]!.textSha256);
    const tagName = (dossier: typeof d, id: string) => dossier.tags.find((t) => t.id === id)!.name;
    const summary = (dossier: typeof d) =>
      dossier.annotations
        .map((a) => ({
          exact: a.quote.exact,
          position: a.position,
          tags: a.tagIds.map((id) => tagName(dossier, id)).sort(),
          note: a.note,
          credibility: a.credibility,
          author: a.author,
        }))
        .sort((x, y) => x.position.start - y.position.start);
    expect(summary(back)).toEqual(summary(d));
  });

  it('counts positions in code points of the plain-text source', async () => {
    const d = sampleDossier();
    const article = d.articles[0]!;
    article.text = `𝒞𝒜ℛ ${article.text}`; // two astral letters (2 units each) and one BMP letter
    for (const a of d.annotations) a.position = { start: a.position.start + 6, end: a.position.end + 6 };
    for (const s of d.statements) Object.assign(s, { start: s.start + 6, end: s.end + 6 });
    const files = unzipSync(await exportQdpx(d));
    const project = strFromU8(files['project.qde']!);
    const source = strFromU8(files[Object.keys(files).find((k) => k.startsWith('sources/'))!]!);
    const codePoints = [...source];
    const first = /startPosition="(\d+)" endPosition="(\d+)"/.exec(project)!;
    expect(codePoints.slice(Number(first[1]), Number(first[2])).join('')).toBe(d.annotations[0]!.quote.exact);
    const back = importQdpx(zipSync(files));
    expect(back.annotations.find((a) => a.quote.exact === d.annotations[0]!.quote.exact)!.position).toEqual(
      d.annotations[0]!.position,
    );
  });

  it('refuses files that are not projects with a clear message', () => {
    expect(() => importQdpx(strToU8('hello'))).toThrow('not a zip');
    expect(() => importQdpx(zipSync({ 'x.txt': strToU8('x') }))).toThrow('project.qde is missing');
  });

  it('a deep codebook survives .qdc export and parseQdc', async () => {
    const d = sampleDossier();
    for (let i = 0; i < 8; i++)
      d.tags.push({
        ...d.tags[0]!,
        id: `deep-${i}`,
        name: `Level ${i} <&>`,
        parentId: i === 0 ? 'tag-deploy-ru' : `deep-${i - 1}`,
        shortcut: null,
      });
    const tags = parseQdc(await exportQdc(d));
    const path = (list: { id: string; name: string; parentId: string | null }[], name: string): string[] => {
      const byId = new Map(list.map((t) => [t.id, t]));
      const out: string[] = [];
      for (let t = list.find((x) => x.name === name); t; t = t.parentId ? byId.get(t.parentId) : undefined)
        out.unshift(t.name);
      return out;
    };
    expect(tags).toHaveLength(d.tags.length);
    expect(path(tags, 'Level 7 <&>')).toEqual(path(d.tags, 'Level 7 <&>'));
    expect(path(tags, 'Level 7 <&>')).toHaveLength(10);
    expect(tags.find((t) => t.name === 'Deployment')!.colour).toBe(d.tags[0]!.colour);
  });
});
