// fast-check arbitrary for random but internally consistent workspaces (Unicode, huge notes, deep codebooks).
import fc from 'fast-check';
import { emptyDossier, type Dossier } from '../../../src-main/shared/dossier';

const time = fc
  .integer({ min: Date.UTC(2000, 0, 1), max: Date.UTC(2030, 0, 1) })
  .map((ms) => new Date(ms).toISOString());
const unicode = (maxLength: number) => fc.string({ unit: 'binary', maxLength });
const note = fc.oneof(
  { weight: 3, arbitrary: fc.constant('') },
  { weight: 4, arbitrary: unicode(80) },
  { weight: 1, arbitrary: fc.string({ minLength: 1, maxLength: 4 }).map((s) => s.repeat(30_000)) },
);
const pick = <T>(rows: readonly T[], n: number): T | undefined =>
  rows.length === 0 ? undefined : rows[n % rows.length];
/** A span [start, end) inside a text of the given length, from two raw numbers. */
const span = (length: number, a: number, b: number) => {
  const x = length === 0 ? 0 : a % (length + 1);
  const y = length === 0 ? 0 : b % (length + 1);
  return { start: Math.min(x, y), end: Math.max(x, y) };
};

const rawWorkspace = fc.record({
  texts: fc.array(unicode(300), { minLength: 1, maxLength: 4 }),
  sourceNames: fc.array(
    unicode(20).map((s) => `S${s}`),
    { maxLength: 5 },
  ),
  tagDepth: fc.array(fc.nat(), { maxLength: 12 }),
  statements: fc.array(
    fc.tuple(
      fc.nat(),
      fc.nat(),
      fc.nat(),
      fc.nat(),
      fc.option(fc.nat()),
      fc.array(fc.nat(), { maxLength: 3 }),
    ),
    { maxLength: 25 },
  ),
  annotations: fc.array(
    fc.tuple(
      fc.nat(),
      fc.nat(),
      fc.nat(),
      note,
      fc.array(fc.nat(), { maxLength: 3 }),
      fc.option(fc.integer({ min: 1, max: 6 })),
    ),
    { maxLength: 25 },
  ),
  links: fc.array(
    fc.tuple(
      fc.nat(),
      fc.nat(),
      fc.constantFrom('corroborates', 'contradicts', 'repeats', 'elaborates' as const),
      note,
    ),
    { maxLength: 10 },
  ),
  claims: fc.array(
    fc.tuple(
      unicode(60).map((s) => `C${s}`),
      note,
    ),
    { maxLength: 4 },
  ),
  claimRows: fc.array(
    fc.tuple(fc.nat(), fc.nat(), fc.constantFrom('asserts', 'denies', 'qualifies' as const)),
    { maxLength: 10 },
  ),
  times: fc.array(time, { minLength: 1, maxLength: 5 }),
});

export const workspaceArbitrary: fc.Arbitrary<Dossier> = rawWorkspace.map((raw) => {
  const d = emptyDossier('2026-11-29T00:00:00.000Z', 'fast-check');
  const t = (n: number) => pick(raw.times, n)!;
  raw.texts.forEach((text, i) => {
    d.articles.push({
      id: `a${i}`,
      title: text.slice(0, 20),
      outlet: i % 2 ? null : 'Outlet',
      authors: [text.slice(0, 5)],
      publishedAt: null,
      url: null,
      language: null,
      text,
      textSha256: `sha-${i}-${text.length}`,
      fileSha256: `file-${i}`,
      fileName: `f${i}.txt`,
      format: 'txt',
      fileSize: text.length,
      importedAt: t(i),
      updatedAt: t(i + 1),
      versionOf: i > 0 ? 'a0' : null,
    });
  });
  raw.sourceNames.forEach((name, i) => {
    d.sources.push({
      id: `s${i}`,
      name,
      kind: 'person',
      aliases: [name],
      reliability: pick(['A', 'B', 'F', null] as const, i)!,
      note: '',
      userEdited: i % 2 === 0,
      createdAt: t(i),
      updatedAt: t(i + 2),
    });
  });
  // Each tag's parent is an earlier tag, so depth can reach the whole list (a deep codebook).
  raw.tagDepth.forEach((n, i) => {
    d.tags.push({
      id: `t${i}`,
      name: `tag ${i}`,
      colour: '#123456',
      parentId: i === 0 || n % 5 === 0 ? null : `t${i - 1 - (n % i)}`,
      description: '',
      shortcut: i < 9 ? i + 1 : null,
      createdAt: t(i),
      updatedAt: t(i),
    });
  });
  raw.statements.forEach(([a, x, y, tk, speaker, via], i) => {
    const article = pick(d.articles, a)!;
    d.statements.push({
      id: `st${i}`,
      articleId: article.id,
      index: i,
      ...span(article.text.length, x, y),
      kind: pick(['narrative', 'reported', 'quote', 'hedged'] as const, tk)!,
      speakerId: speaker === null ? null : (pick(d.sources, speaker)?.id ?? null),
      cue: null,
      viaIds: via.flatMap((v) => pick(d.sources, v)?.id ?? []),
      entities: [],
      userEdited: false,
      updatedAt: t(i),
    });
  });
  raw.annotations.forEach(([a, x, y, text, tags, credibility], i) => {
    const article = pick(d.articles, a)!;
    const position = span(article.text.length, x, y);
    const inArticle = d.statements.filter((s) => s.articleId === article.id);
    d.annotations.push({
      id: `an${i}`,
      articleId: article.id,
      statementIds: inArticle.slice(0, 1).map((s) => s.id),
      quote: {
        exact: article.text.slice(position.start, position.end),
        prefix: article.text.slice(0, position.start).slice(-32),
        suffix: '',
      },
      position,
      note: text,
      tagIds: [...new Set(tags.flatMap((n) => pick(d.tags, n)?.id ?? []))],
      credibility,
      author: 'me',
      orphaned: false,
      createdAt: t(i),
      updatedAt: t(i + 1),
    });
  });
  raw.links.forEach(([f, to, type, text], i) => {
    const from = pick(d.statements, f);
    const target = pick(d.statements, to);
    if (from && target)
      d.links.push({
        id: `l${i}`,
        fromStatementId: from.id,
        toStatementId: target.id,
        type,
        note: text,
        createdAt: t(i),
        updatedAt: t(i),
      });
  });
  raw.claims.forEach(([text, n], i) =>
    d.claims.push({ id: `c${i}`, text, note: n, createdAt: t(i), updatedAt: t(i) }),
  );
  raw.claimRows.forEach(([c, s, stance], i) => {
    const claim = pick(d.claims, c);
    const statement = pick(d.statements, s);
    if (claim && statement)
      d.claimStatements.push({
        id: `cs${i}`,
        claimId: claim.id,
        statementId: statement.id,
        stance,
        createdAt: t(i),
        updatedAt: t(i),
      });
  });
  return d;
});
