// Moves unit tests so their folders mirror the source folders (issue #11), and fixes relative paths.
//
// The rule (ARCHITECTURE.md, "Tests"): a unit test lives under test/unit/ at the folder of the module it
// tests, e.g. test/unit/src-main/shared/compare/align.test.ts for src-main/shared/compare/align.ts. A test
// that exercises several modules goes under the folder of its main subject: the module whose name the test
// file carries, else the source folder it imports most from (OVERRIDES below settle the few cases the
// imports do not). Cross-cutting suites keep a named top-level folder (CROSS_CUTTING); fixtures and helpers
// move with their users, or to test/unit/helpers/ when users sit in several folders.
// test/unit/lint/test-layout.test.ts fails when a test sits anywhere else.
//
// Usage: tsx scripts/mirror-tests.ts          prints the proposed moves
//        tsx scripts/mirror-tests.ts --apply  `git mv`s them and rewrites every relative path that changed
// Only files not yet in a valid place are moved, so it can be run again after merging new tests.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, relative, resolve, sep } from 'node:path';

const root = resolve(import.meta.dirname, '..');
const UNIT = 'test/unit';
export const CROSS_CUTTING = ['lint', 'fuzz', 'hostile', 'security'] as const;
const HELPERS = 'helpers';
const SOURCE_ROOTS = ['src-main', 'src-renderer'];

// Tests whose main subject the imports do not show, checked by eye: old path → source folder, or → a
// test path when the old name would collide in its new folder.
const OVERRIDES: Record<string, string> = {
  'test/unit/analysis/registry.test.ts': 'src-main/shared/analysis',
  'test/unit/analysis/robustness.test.ts': 'src-main/shared/analysis',
  'test/unit/reader/provenance.test.ts': 'src-renderer/lib',
  'test/unit/codebook/annotation-filter.test.ts': 'src-renderer/features/annotations',
  'test/unit/corroboration/quantities.test.ts': 'src-main/shared/compare/corroboration',
  'test/unit/corroboration/workspace.test.ts': 'src-renderer/lib/db/corroboration.test.ts',
  'test/unit/import/docx.test.ts': 'src-main/core/import',
  'test/unit/import/never-crash.test.ts': 'src-main/core/import',
  'test/unit/import/refusals.test.ts': 'src-main/core/import',
  'test/unit/import/ocr/ocr-quality.test.ts': 'src-main/core/import/ocr',
  'test/unit/search/persist.test.ts': 'src-renderer/lib/search',
  'test/unit/search/search.test.ts': 'src-renderer/lib/search',
  'test/unit/spine/dispatch.test.ts': 'src-main/core',
};
// A helper moves to the nearest folder holding all its users when that is a source folder, else to
// test/unit/helpers/ with its old folder's name as prefix, unless named or placed here.
const HELPER_NAMES: Record<string, string> = {
  // Fixture builders for scripts/gen-ocr-fixtures.ts, kept with the OCR tests.
  'test/unit/import/ocr/rotated-pdf.ts': 'src-main/core/import/ocr/rotated-pdf.ts',
  'test/unit/import/ocr/scan-pdf.ts': 'src-main/core/import/ocr/scan-pdf.ts',
  'test/unit/analysis/fixtures.ts': 'seed-fixtures.ts',
  'test/unit/compare-ui/setup.ts': 'compare-workspace.ts',
  'test/unit/dossier/arbitrary.ts': 'dossier-arbitrary.ts',
  'test/unit/dossier/sample.ts': 'dossier-sample.ts',
  'test/unit/import/corpus.ts': 'corpus.ts',
  'test/unit/import/word-f1.ts': 'word-f1.ts',
  'test/unit/server/services.ts': 'team-services.ts',
};

// Where the first move (December 2026) put the helpers, so that a test written meanwhile in an old
// folder, and moved by a later run, still finds the helper it imports.
const MOVED_HELPERS: Record<string, string> = {
  'test/unit/analysis/fixtures.ts': 'test/unit/src-main/shared/analysis/fixtures.ts',
  'test/unit/compare-ui/setup.ts': 'test/unit/helpers/compare-workspace.ts',
  'test/unit/compare/fixtures.ts': 'test/unit/src-main/shared/compare/fixtures.ts',
  'test/unit/dossier/arbitrary.ts': 'test/unit/helpers/dossier-arbitrary.ts',
  'test/unit/dossier/generate.ts': 'test/unit/src-main/core/export/generate.ts',
  'test/unit/dossier/sample.ts': 'test/unit/helpers/dossier-sample.ts',
  'test/unit/extracted-article.ts': 'test/unit/src-renderer/lib/db/extracted-article.ts',
  'test/unit/import/corpus.ts': 'test/unit/src-main/core/import/corpus.ts',
  'test/unit/import/make-pdf.ts': 'test/unit/src-main/core/import/make-pdf.ts',
  'test/unit/import/ocr/render.ts': 'test/unit/src-main/core/import/ocr/render.ts',
  'test/unit/import/ocr/rotated-pdf.ts': 'test/unit/src-main/core/import/ocr/rotated-pdf.ts',
  'test/unit/import/ocr/scan-pdf.ts': 'test/unit/src-main/core/import/ocr/scan-pdf.ts',
  'test/unit/import/ocr/text-pages.ts': 'test/unit/src-main/core/import/ocr/text-pages.ts',
  'test/unit/import/word-f1.ts': 'test/unit/src-main/core/import/word-f1.ts',
  'test/unit/server/client.ts': 'test/unit/src-main/server/client.ts',
  'test/unit/server/services.ts': 'test/unit/helpers/team-services.ts',
};

const posix = (p: string): string => p.split(sep).join('/');

function walk(dir: string): string[] {
  const abs = join(root, dir);
  if (!existsSync(abs)) return [];
  return readdirSync(abs, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? walk(`${dir}/${e.name}`) : [`${dir}/${e.name}`],
  );
}

/** True when a test at `path` (repo-relative) sits where the layout rule allows. */
export function validTestFolder(path: string): boolean {
  const rel = posix(relative(UNIT, dirname(path)));
  const top = rel.split('/')[0] ?? '';
  if ((CROSS_CUTTING as readonly string[]).includes(top)) return true;
  if (!SOURCE_ROOTS.includes(top)) return false;
  const source = join(root, rel);
  return existsSync(source) && statSync(source).isDirectory();
}

const EXTS = ['', '.ts', '.svelte.ts', '.svelte', '.js', '.mjs', '.json', '/index.ts'];

/** The repo-relative file a relative specifier in `from` names, or undefined. */
function resolveSpec(from: string, spec: string): string | undefined {
  const base = resolve(root, dirname(from), spec);
  for (const ext of EXTS) {
    const p = base + ext;
    if (existsSync(p) && (ext !== '' || statSync(p).isFile() || statSync(p).isDirectory()))
      return posix(relative(root, p));
  }
  return undefined;
}

const SPEC = /(['"`])(\.{1,2}\/[^'"`\n$]*)\1/g;

function relativeSpecs(file: string): string[] {
  return [...readFileSync(join(root, file), 'utf8').matchAll(SPEC)].map((m) => m[2] ?? '');
}

/** Source folder of the main subject of a test, from its imports. */
function subjectOf(test: string): string | undefined {
  const override = OVERRIDES[test];
  if (override) return override;
  const targets = relativeSpecs(test)
    .map((s) => resolveSpec(test, s))
    .filter((p): p is string => p !== undefined && SOURCE_ROOTS.some((r) => p.startsWith(`${r}/`)));
  if (targets.length === 0) return undefined;
  const folderOf = (p: string): string =>
    existsSync(join(root, p)) && statSync(join(root, p)).isDirectory() ? p : dirname(p);
  const stem = basename(test).replace(/\.test\.ts$/, '');
  const named = targets.find((p) => basename(p).replace(/(\.svelte)?\.(ts|svelte)$/, '') === stem);
  if (named) return folderOf(named);
  const counts = new Map<string, number>();
  for (const t of targets) counts.set(folderOf(t), (counts.get(folderOf(t)) ?? 0) + 1);
  return [...counts.entries()].sort((a, b) => b[1] - a[1])[0]?.[0];
}

export function proposeMoves(): Map<string, string> {
  const files = walk(UNIT).filter((f) => f.endsWith('.ts'));
  const moves = new Map<string, string>();
  for (const test of files.filter((f) => f.endsWith('.test.ts'))) {
    if (validTestFolder(test)) continue;
    const subject = subjectOf(test);
    if (!subject) throw new Error(`no source module found for ${test}: add it to OVERRIDES`);
    moves.set(
      test,
      subject.endsWith('.test.ts') ? `${UNIT}/${subject}` : `${UNIT}/${subject}/${basename(test)}`,
    );
  }
  // Helpers follow the tests (and helpers) that use them, transitively.
  const helpers = files.filter((f) => !f.endsWith('.test.ts') && !inKeptFolder(f));
  const usersOf = new Map<string, Set<string>>();
  for (const f of files)
    for (const s of relativeSpecs(f)) {
      const p = resolveSpec(f, s);
      if (p && helpers.includes(p)) usersOf.set(p, (usersOf.get(p) ?? new Set()).add(f));
    }
  const destOf = (f: string, seen = new Set<string>()): Set<string> => {
    if (moves.has(f) || f.endsWith('.test.ts') || inKeptFolder(f))
      return new Set([dirname(moves.get(f) ?? f)]);
    if (seen.has(f)) return new Set();
    seen.add(f);
    const out = new Set<string>();
    for (const u of usersOf.get(f) ?? []) for (const d of destOf(u, seen)) out.add(d);
    return out;
  };
  for (const h of helpers) {
    let dirs = [...destOf(h)];
    // A helper only scripts use stays with the tests of its old folder.
    if (dirs.length === 0)
      dirs = [
        ...new Set(
          [...moves]
            .filter(([from]) => dirname(from) === dirname(h) && from.endsWith('.test.ts'))
            .map(([, to]) => dirname(to)),
        ),
      ];
    const prefix = posix(relative(UNIT, dirname(h)))
      .split('/')
      .join('-');
    const named = HELPER_NAMES[h];
    const common = commonFolder(dirs);
    const target = named?.includes('/')
      ? `${UNIT}/${named}`
      : common && common.split('/').length > 3 // below test/unit/src-main or test/unit/src-renderer
        ? `${common}/${basename(h)}`
        : `${UNIT}/${HELPERS}/${named ?? (prefix && prefix !== '.' ? `${prefix}-${basename(h)}` : basename(h))}`;
    if (target !== h) moves.set(h, target);
  }
  const targets = [...moves.values()];
  const clash = targets.find(
    (t, i) => targets.indexOf(t) !== i || (existsSync(join(root, t)) && !moves.has(t)),
  );
  if (clash) throw new Error(`two files would move to ${clash}: add an OVERRIDE or HELPER_NAMES entry`);
  return moves;
}

function commonFolder(dirs: string[]): string | undefined {
  if (dirs.length === 0) return undefined;
  const parts = dirs.map((d) => d.split('/'));
  const first = parts[0] ?? [];
  let n = 0;
  while (n < first.length && parts.every((p) => p[n] === first[n])) n++;
  return first.slice(0, n).join('/');
}

function inKeptFolder(f: string): boolean {
  const top = posix(relative(UNIT, f)).split('/');
  if (top.length === 1) return false;
  return (
    (CROSS_CUTTING as readonly string[]).includes(top[0] ?? '') ||
    top[0] === HELPERS ||
    SOURCE_ROOTS.includes(top[0] ?? '')
  );
}

/** `file`'s text with every relative specifier pointing where its target will be after `moves`. */
function rewritten(file: string, moves: Map<string, string>): string {
  const now = moves.get(file) ?? file;
  return readFileSync(join(root, file), 'utf8').replace(SPEC, (whole, q: string, spec: string) => {
    const base = posix(relative(root, resolve(root, dirname(file), spec)));
    const ext = EXTS.find((e) => existsSync(join(root, base + e)) || MOVED_HELPERS[base + e]);
    if (ext === undefined) return whole;
    const found = MOVED_HELPERS[base + ext] ?? base + ext;
    const target = moves.get(found) ?? found;
    let next = posix(relative(dirname(now), target.slice(0, target.length - ext.length)));
    if (!next.startsWith('.')) next = `./${next}`;
    if (spec.endsWith('/') && !next.endsWith('/')) next += '/';
    return next === spec.replace(/\/$/, '') || next === spec ? whole : `${q}${next}${q}`;
  });
}

if (process.argv[1] && resolve(process.argv[1]) === resolve(import.meta.filename)) {
  const moves = proposeMoves();
  const width = Math.max(0, ...[...moves.keys()].map((k) => k.length));
  for (const [from, to] of moves) console.log(`${from.padEnd(width)}  ->  ${to}`);
  if (process.argv.includes('--apply') && moves.size > 0) {
    // Rewrite paths first, while every file is still where its old specifiers resolve.
    const all = [...walk(UNIT), ...walk('scripts'), ...walk('test/bench'), ...walk('test/e2e')].filter((f) =>
      /\.(ts|mjs)$/.test(f),
    );
    const texts = new Map(all.map((f) => [f, rewritten(f, moves)]));
    for (const [f, text] of texts)
      if (text !== readFileSync(join(root, f), 'utf8')) writeFileSync(join(root, f), text);
    for (const [from, to] of moves) {
      mkdirSync(dirname(join(root, to)), { recursive: true });
      execFileSync('git', ['mv', from, to], { cwd: root });
    }
    console.log(`moved ${moves.size} files`);
  }
}
