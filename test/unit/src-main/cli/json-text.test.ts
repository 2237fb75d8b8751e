// The CLI writes a dossier bit by bit as articles come; the file must be byte for byte the one written at once.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DossierBuilder, dossierFromExtracted } from '../../../../src-main/cli/dossier-from-files';
import { IncrementalJson } from '../../../../src-main/cli/json-text';
import { importBytes } from '../../../../src-main/core/import/pipeline';

const fixture = (name: string) => readFileSync(resolve(import.meta.dirname, '../../../fixtures', name));

describe('a dossier written as its articles come', () => {
  it('is byte for byte JSON.stringify(dossier, null, 1) of the dossier built at once', async () => {
    const seed = await importBytes(fixture('car-dec-2020.txt'), 'car-dec-2020.txt');
    const other = await importBytes(fixture('car-second-outlet.txt'), 'car-second-outlet.txt');
    // Text beyond ASCII, quotes and a backslash in the file name: escaped and encoded the same either way.
    const accented = await importBytes(
      new TextEncoder().encode(
        'Le ministre a déclaré « nous partons » à Bangui. “Nothing changes,” he said.',
      ),
      'naïve "quoted" \\ name.txt',
    );
    const at = '2026-12-07T10:00:00.000Z';
    const builder = new DossierBuilder(at);
    const text = new IncrementalJson(builder.dossier, ['articles', 'statements', 'imports']);
    text.flush(); // nothing yet: flushing an empty dossier writes nothing
    builder.add(seed);
    text.flush();
    builder.add(seed); // a duplicate: an import record, no article
    builder.add(other);
    builder.refuse({ fileName: 'broken.pdf', reason: 'not a PDF' });
    text.flush();
    builder.add(accented);
    const dossier = builder.finish();
    const bytes = text.bytes();
    expect(bytes.toString('utf8')).toBe(`${JSON.stringify(dossier, null, 1)}\n`);
    expect(dossier.articles).toHaveLength(3);
    expect(dossier.imports.map((r) => r.outcome)).toEqual([
      'imported',
      'duplicate',
      'imported',
      'imported',
      'refused',
    ]);
    // The same records as the dossier built from all the files at once (ids and times apart).
    const atOnce = dossierFromExtracted(
      [seed, seed, other, accented],
      [{ fileName: 'broken.pdf', reason: 'not a PDF' }],
      at,
    );
    const shape = (d: typeof dossier) =>
      JSON.stringify(d).replace(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g, 'ID');
    expect(shape(dossier)).toBe(shape(atOnce));
  });

  it('lets the records go once they are text, and writes the same text', async () => {
    const seed = await importBytes(fixture('car-dec-2020.txt'), 'car-dec-2020.txt');
    const other = await importBytes(fixture('car-second-outlet.txt'), 'car-second-outlet.txt');
    const at = '2026-12-07T10:00:00.000Z';
    const builder = new DossierBuilder(at);
    const text = new IncrementalJson(builder.dossier, ['articles', 'statements', 'imports'], true);
    builder.add(seed);
    text.flush();
    expect(builder.dossier.statements).toEqual([]);
    builder.add(seed);
    builder.add(other);
    builder.refuse({ fileName: 'broken.pdf', reason: 'not a PDF' });
    builder.finish();
    const bytes = text.bytes().toString('utf8');
    expect(builder.dossier.articles).toEqual([]);
    expect(text.count('articles')).toBe(2);
    expect(text.count('statements')).toBe(seed.statements.length + other.statements.length);
    const atOnce = dossierFromExtracted(
      [seed, seed, other],
      [{ fileName: 'broken.pdf', reason: 'not a PDF' }],
      at,
    );
    const shape = (t: string) =>
      t.replace(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g, 'ID');
    expect(shape(bytes)).toBe(shape(`${JSON.stringify(atOnce, null, 1)}\n`));
  });

  it('writes an object with no append-only array, and empty arrays, as JSON.stringify does', () => {
    const value = { a: [] as number[], b: { c: [1, { d: 'é' }] }, skipped: undefined, e: null };
    expect(new IncrementalJson(value, ['a']).bytes().toString()).toBe(`${JSON.stringify(value, null, 1)}\n`);
    value.a.push(1, 2);
    expect(new IncrementalJson(value, ['a']).bytes().toString()).toBe(`${JSON.stringify(value, null, 1)}\n`);
    expect(new IncrementalJson({}, []).bytes().toString()).toBe('{}\n');
  });
});
