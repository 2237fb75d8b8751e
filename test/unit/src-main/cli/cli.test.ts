// The `corroborate` dossier commands as a user runs them: import, export (W3C passes the MUST suite), validate, merge.
import { mkdtempSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join, resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runDossierCommand, type CliIo } from '../../../../src-main/cli/commands';
import { W3cAnnotationValidator } from '../../../../src-main/core/export/w3c-validate';
import { sampleDossier } from '../../helpers/dossier-sample';
import { writeNewsFolder } from '../../../../scripts/gen-workspace';

const SUITE = resolve(import.meta.dirname, '../../../../../shared/corpus/w3c-annotation');
const SEED = resolve(import.meta.dirname, '../../../fixtures/car-dec-2020.txt');
const gold = JSON.parse(
  readFileSync(resolve(import.meta.dirname, '../../../fixtures/statements.gold.json'), 'utf8'),
) as {
  statements: unknown[];
};

function capture(): CliIo & { lines: string[]; errors: string[] } {
  const lines: string[] = [];
  const errors: string[] = [];
  return { lines, errors, out: (l) => lines.push(l), err: (l) => errors.push(l) };
}

let dir: string;
let dossierPath: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'dossier-cli-'));
  dossierPath = join(dir, 'sample.json');
  writeFileSync(dossierPath, JSON.stringify(sampleDossier()));
});

describe('corroborate export', () => {
  it('writes W3C Web Annotation JSON-LD that passes every MUST assertion of the W3C suite', async () => {
    const out = join(dir, 'annotations.jsonld');
    const io = capture();
    expect(await runDossierCommand('export', [dossierPath, '--format', 'w3c', '--out', out], io)).toBe(0);
    const collection = JSON.parse(readFileSync(out, 'utf8')) as { type: unknown; total?: number };
    expect(collection.type).toBe('AnnotationCollection');
    expect(collection.total).toBe(sampleDossier().annotations.length);
    expect(new W3cAnnotationValidator(SUITE).checkCollection(collection)).toEqual({ ok: true });
  });

  it('refuses an unknown format and names the ones it knows', async () => {
    const io = capture();
    const code = await runDossierCommand(
      'export',
      [dossierPath, '--format', 'odt', '--out', join(dir, 'x')],
      io,
    );
    expect(code).toBe(2);
    expect(io.errors.join('\n')).toMatch(/--format must be one of: .*html.*pdf/);
    expect(existsSync(join(dir, 'x'))).toBe(false);
  });

  it('prints a PDF with Chromium', { timeout: 60_000 }, async () => {
    const out = join(dir, 'dossier.pdf');
    expect(await runDossierCommand('export', [dossierPath, '--format', 'pdf', '--out', out], capture())).toBe(
      0,
    );
    const pdf = readFileSync(out);
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    // More than a cover: every statement of the seed is printed.
    expect(Number(/\/Count (\d+)/.exec(pdf.toString('latin1'))?.[1])).toBeGreaterThan(2);
  });
});

describe('corroborate validate', () => {
  it('accepts a valid dossier', async () => {
    const io = capture();
    expect(await runDossierCommand('validate', [dossierPath], io)).toBe(0);
    expect(io.lines.join('\n')).toMatch(/valid dossier/);
  });

  it('rejects a damaged dossier naming the JSON path of each fault', async () => {
    const damaged = sampleDossier() as unknown as { annotations: { position: { start: unknown } }[] };
    damaged.annotations[0]!.position.start = 'twelve';
    const path = join(dir, 'damaged.json');
    writeFileSync(path, JSON.stringify(damaged));
    const io = capture();
    expect(await runDossierCommand('validate', [path], io)).toBe(1);
    const report = io.lines.join('\n');
    expect(report).toContain('$.annotations[0].position.start');
  });

  it('rejects a dangling reference with its path', async () => {
    const damaged = sampleDossier();
    damaged.statements[2]!.articleId = 'no-such-article';
    const path = join(dir, 'dangling.json');
    writeFileSync(path, JSON.stringify(damaged));
    const io = capture();
    expect(await runDossierCommand('validate', [path], io)).toBe(1);
    expect(io.lines.join('\n')).toMatch(/\$\.statements\[2\]\.articleId: .*no-such-article/);
  });
});

describe('corroborate import and merge', () => {
  it('builds a dossier from a source file, and merging it with itself adds nothing', async () => {
    const built = join(dir, 'built.json');
    const io = capture();
    expect(await runDossierCommand('import', [SEED, '--out', built], io)).toBe(0);
    const d = JSON.parse(readFileSync(built, 'utf8')) as { articles: unknown[]; statements: unknown[] };
    expect(d.articles).toHaveLength(1);
    expect(d.statements).toHaveLength(gold.statements.length);
    expect(await runDossierCommand('validate', [built], capture())).toBe(0);

    const merged = join(dir, 'merged.json');
    const mio = capture();
    expect(await runDossierCommand('merge', [built, built, '--out', merged], mio)).toBe(0);
    expect(mio.errors.join('\n')).toMatch(/added 0, updated 0, .*conflicts 0/);
    expect((JSON.parse(readFileSync(merged, 'utf8')) as { statements: unknown[] }).statements).toHaveLength(
      gold.statements.length,
    );
  });

  it('reads a REFI-QDA codebook (.qdc) like the app does: import takes its tags, merge adds them', async () => {
    const qdc = join(dir, 'codebook.qdc');
    expect(await runDossierCommand('export', [dossierPath, '--format', 'qdc', '--out', qdc], capture())).toBe(
      0,
    );
    const tagNames = sampleDossier()
      .tags.map((t) => t.name)
      .sort();
    const fromQdc = join(dir, 'from-qdc.json');
    expect(await runDossierCommand('import', [qdc, '--out', fromQdc], capture())).toBe(0);
    const imported = JSON.parse(readFileSync(fromQdc, 'utf8')) as { tags: { name: string }[] };
    expect(imported.tags.map((t) => t.name).sort()).toEqual(tagNames);

    const empty = join(dir, 'empty.json');
    expect(await runDossierCommand('import', [SEED, '--out', empty], capture())).toBe(0);
    const merged = join(dir, 'with-codebook.json');
    expect(await runDossierCommand('merge', [empty, qdc, '--out', merged], capture())).toBe(0);
    const result = JSON.parse(readFileSync(merged, 'utf8')) as {
      tags: { name: string }[];
      articles: unknown[];
    };
    expect(result.articles).toHaveLength(1);
    expect(result.tags.map((t) => t.name).sort()).toEqual(tagNames);
  });

  it('names a file that is not a codebook although it ends in .qdc, and exits 1', async () => {
    const bad = join(dir, 'bad.qdc');
    writeFileSync(bad, 'not xml at all');
    const io = capture();
    expect(await runDossierCommand('import', [bad, '--out', join(dir, 'never.json')], io)).toBe(1);
    expect(io.errors.join('\n')).toMatch(/bad\.qdc: not a REFI-QDA codebook/);
    expect(existsSync(join(dir, 'never.json'))).toBe(false);
  });

  // One worker and a pool of three.
  it.each([[['--workers', '1']], [['--workers', '3']]])(
    'records many files in the order given, duplicates and refusals included, whichever worker took them (%j)',
    async (workers) => {
      const news = join(dir, 'news');
      const paths = writeNewsFolder(news, 24);
      const order = [paths[0]!, join(news, 'missing.txt'), ...paths.slice(1), paths[3]!, SEED];
      const out = join(dir, 'many.json');
      const io = capture();
      expect(await runDossierCommand('import', [...order, '--out', out, ...workers], io)).toBe(0);
      const d = JSON.parse(readFileSync(out, 'utf8')) as {
        articles: { id: string; fileName: string }[];
        statements: { articleId: string; index: number }[];
        imports: { fileName: string; outcome: string }[];
      };
      // Refused files are listed after the others, each group in the order of the command line.
      const expected = order.filter((p) => !p.endsWith('missing.txt')).map((p) => basename(p));
      expect(d.imports.map((r) => r.fileName)).toEqual([...expected, 'missing.txt']);
      expect(d.imports.map((r) => r.outcome).slice(-3)).toEqual(['duplicate', 'imported', 'refused']);
      expect(d.articles.map((a) => a.fileName)).toEqual(expected.filter((_, i) => i !== expected.length - 2));
      // Statements follow their articles, in article order and in text order within each.
      const rank = new Map(d.articles.map((a, i) => [a.id, i]));
      const keys = d.statements.map((s) => rank.get(s.articleId)! * 10_000 + s.index);
      expect(keys).toEqual([...keys].sort((a, b) => a - b));
      expect(io.errors.filter((l) => l.startsWith('imported ') || l.startsWith('refused '))).toEqual(
        order.map((p) => (p.endsWith('missing.txt') ? `refused ${p}: no such file` : `imported ${p}`)),
      );
    },
  );

  it('takes a number of workers from 1 up, and says so otherwise', async () => {
    const io = capture();
    expect(
      await runDossierCommand('import', [SEED, '--out', join(dir, 'w.json'), '--workers', '0'], io),
    ).toBe(2);
    expect(io.errors.join('\n')).toMatch(/--workers takes a whole number from 1 to 64 \(not "0"\)/);
  });

  it('requires --out and says so', async () => {
    const io = capture();
    expect(await runDossierCommand('import', [SEED], io)).toBe(2);
    expect(io.errors.join('\n')).toMatch(/--out FILE is required/);
  });
});
