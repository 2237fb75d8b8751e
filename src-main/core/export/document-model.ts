// The reader-facing view of a dossier shared by the HTML, Markdown and DOCX exports (same content in each).
import type { Annotation, Article, Claim, Link, Source, Stance, Statement, Tag } from '../../shared/domain';
import type { Dossier } from '../../shared/dossier';
import { combinedGrade } from '../../shared/grades';

export interface AnnotationView {
  annotation: Annotation;
  tags: Tag[];
  /** Footnote number when the annotation has a note. */
  footnote: number | null;
  /** Admiralty grade, e.g. "B2": the speaker's reliability letter and the credibility digit ("–" when not graded). */
  grade: string | null;
}

/** A run of statement text, with the annotations covering it (innermost last). */
export interface Segment {
  text: string;
  annotations: AnnotationView[];
  /** Annotations ending right after this segment (their footnote markers go here). */
  endingHere: AnnotationView[];
}

export interface StatementView {
  statement: Statement | null;
  speaker: Source | null;
  via: Source[];
  segments: Segment[];
}

export interface ArticleView {
  article: Article;
  /** The outlet as a graded source, when the workspace has one of that name. */
  outletSource: Source | null;
  blocks: StatementView[];
  annotations: AnnotationView[];
  orphaned: AnnotationView[];
}

export interface ClaimRow {
  claim: Claim;
  /** Stances per source id (a source may assert in one statement and qualify in another). */
  cells: Map<string, Stance[]>;
  /** The statements attached to the claim, in reading order. */
  statements: { stance: Stance; statement: Statement }[];
}

export interface DocumentModel {
  title: string;
  author: string;
  date: string;
  scope: string;
  articles: ArticleView[];
  footnotes: AnnotationView[];
  links: { link: Link; from: Statement | undefined; to: Statement | undefined }[];
  claims: ClaimRow[];
  /** Sources that appear as columns of the claim matrix. */
  matrixSources: Source[];
  sources: Source[];
  tags: { tag: Tag; depth: number; count: number }[];
  statementText: (s: Statement | undefined) => string;
  articleOf: (s: Statement | undefined) => Article | undefined;
  sourceById: Map<string, Source>;
}

/** Rows grouped by a key, in their original order. */
export function groupBy<T>(rows: readonly T[], key: (row: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const row of rows) {
    const k = key(row);
    const group = groups.get(k);
    if (group) group.push(row);
    else groups.set(k, [row]);
  }
  return groups;
}

const byText = (a: string, b: string) => a.localeCompare(b, 'en');

/** Cuts a block [start, end) into segments at every annotation boundary inside it. */
function segment(text: string, start: number, end: number, annotations: AnnotationView[]): Segment[] {
  const inside = annotations.filter(
    (v) => v.annotation.position.start < end && v.annotation.position.end > start,
  );
  const cuts = new Set([start, end]);
  for (const v of inside) {
    cuts.add(Math.max(start, v.annotation.position.start));
    cuts.add(Math.min(end, v.annotation.position.end));
  }
  const points = [...cuts].sort((a, b) => a - b);
  const segments: Segment[] = [];
  for (let i = 0; i + 1 < points.length; i++) {
    const [from, to] = [points[i]!, points[i + 1]!];
    segments.push({
      text: text.slice(from, to),
      annotations: inside.filter(
        (v) => v.annotation.position.start <= from && v.annotation.position.end >= to,
      ),
      endingHere: inside.filter(
        (v) => Math.min(end, v.annotation.position.end) === to && v.annotation.position.end <= end,
      ),
    });
  }
  // Zero-length annotations (a point) and annotations ending past the block still get their marker.
  const last = segments[segments.length - 1];
  if (last) {
    for (const v of inside) if (v.annotation.position.end > end) last.endingHere.push(v);
  }
  return segments;
}

/** Lookups over the dossier, built once per export. */
interface DossierIndex {
  sourceById: Map<string, Source>;
  sourceByName: Map<string, Source>;
  tagById: Map<string, Tag>;
  statementById: Map<string, Statement>;
  articleById: Map<string, Article>;
  statementsByArticle: Map<string, Statement[]>;
  annotationsByArticle: Map<string, Annotation[]>;
}

function indexDossier(d: Dossier): DossierIndex {
  return {
    sourceById: new Map(d.sources.map((s) => [s.id, s])),
    sourceByName: new Map(d.sources.map((s) => [s.name.trim().toLowerCase(), s])),
    tagById: new Map(d.tags.map((t) => [t.id, t])),
    statementById: new Map(d.statements.map((s) => [s.id, s])),
    articleById: new Map(d.articles.map((a) => [a.id, a])),
    statementsByArticle: groupBy(d.statements, (s) => s.articleId),
    annotationsByArticle: groupBy(d.annotations, (a) => a.articleId),
  };
}

/** An article's annotations in reading order, each with its tags and its "B2" grade; tag uses are counted. */
function annotationViews(
  ix: DossierIndex,
  articleId: string,
  tagCounts: Map<string, number>,
): AnnotationView[] {
  return [...(ix.annotationsByArticle.get(articleId) ?? [])]
    .sort((a, b) => a.position.start - b.position.start || b.position.end - a.position.end)
    .map((annotation): AnnotationView => {
      const tags = annotation.tagIds.flatMap((id) => ix.tagById.get(id) ?? []);
      for (const t of tags) tagCounts.set(t.id, (tagCounts.get(t.id) ?? 0) + 1);
      const speakerId = annotation.statementIds
        .map((id) => ix.statementById.get(id)?.speakerId)
        .find((x) => x);
      const speaker = speakerId ? ix.sourceById.get(speakerId) : undefined;
      const grade = annotation.credibility === null ? null : combinedGrade(speaker, annotation.credibility);
      return { annotation, tags, footnote: null, grade };
    });
}

/** The article's text as statement blocks, each cut into segments by the annotations placed in it. */
function statementBlocks(ix: DossierIndex, article: Article, placed: AnnotationView[]): StatementView[] {
  const statements = [...(ix.statementsByArticle.get(article.id) ?? [])].sort(
    (a, b) => a.start - b.start || a.index - b.index,
  );
  // Statements cover the text; without statements the whole text is one block.
  const spans = statements.length > 0 ? statements : [null];
  return spans.map((statement): StatementView => {
    const [start, end] = statement ? [statement.start, statement.end] : [0, article.text.length];
    return {
      statement,
      speaker: statement?.speakerId ? (ix.sourceById.get(statement.speakerId) ?? null) : null,
      via: (statement?.viaIds ?? []).flatMap((id) => ix.sourceById.get(id) ?? []),
      segments: segment(article.text, start, end, placed),
    };
  });
}

/** Numbers the notes in reading order, then those of annotations not shown in the text; returns the latter. */
function numberFootnotes(
  blocks: StatementView[],
  views: AnnotationView[],
  footnotes: AnnotationView[],
): AnnotationView[] {
  const seen = new Set<AnnotationView>();
  for (const block of blocks)
    for (const seg of block.segments)
      for (const v of seg.endingHere)
        if (!seen.has(v) && v.annotation.note.trim() !== '') {
          seen.add(v);
          v.footnote = footnotes.push(v);
        }
  // Annotations not shown in the text (orphaned, or outside every statement) are listed after it.
  const shown = new Set(
    blocks.flatMap((b) => b.segments.flatMap((seg) => [...seg.annotations, ...seg.endingHere])),
  );
  const orphaned = views.filter((v) => v.annotation.orphaned || !shown.has(v));
  for (const v of orphaned)
    if (v.footnote === null && v.annotation.note.trim() !== '') v.footnote = footnotes.push(v);
  return orphaned;
}

function articleViews(
  d: Dossier,
  ix: DossierIndex,
  footnotes: AnnotationView[],
  tagCounts: Map<string, number>,
): ArticleView[] {
  return [...d.articles]
    .sort((a, b) => byText(a.publishedAt ?? '', b.publishedAt ?? '') || byText(a.title, b.title))
    .map((article): ArticleView => {
      const views = annotationViews(ix, article.id, tagCounts);
      const blocks = statementBlocks(
        ix,
        article,
        views.filter((v) => !v.annotation.orphaned),
      );
      const orphaned = numberFootnotes(blocks, views, footnotes);
      const outletSource = ix.sourceByName.get((article.outlet ?? '').trim().toLowerCase()) ?? null;
      return { article, outletSource, blocks, annotations: views, orphaned };
    });
}

/** A column of the claim matrix for an outlet that speaks in its own voice but is not a Source record. */
const outletPseudoSource = (id: string): Source => ({
  id,
  name: id.slice('outlet:'.length),
  kind: 'outlet',
  aliases: [],
  reliability: null,
  note: '',
  userEdited: false,
  createdAt: '',
  updatedAt: '',
});

/** Claims with their statements and stances per source, and the matrix's columns. */
function claimMatrix(d: Dossier, ix: DossierIndex): { claims: ClaimRow[]; matrixSources: Source[] } {
  const claims = [...d.claims]
    .sort((a, b) => byText(a.text, b.text))
    .map((claim): ClaimRow => ({ claim, cells: new Map(), statements: [] }));
  const claimRow = new Map(claims.map((r) => [r.claim.id, r]));
  const matrixSourceIds = new Set<string>();
  for (const cs of d.claimStatements) {
    const row = claimRow.get(cs.claimId);
    const statement = ix.statementById.get(cs.statementId);
    if (!row || !statement) continue;
    row.statements.push({ stance: cs.stance, statement });
    const article = ix.articleById.get(statement.articleId);
    // An unattributed statement counts as the outlet's own voice.
    const sourceId =
      statement.speakerId ??
      (article?.outlet ? ix.sourceByName.get(article.outlet.toLowerCase())?.id : undefined) ??
      `outlet:${article?.outlet ?? 'unknown'}`;
    matrixSourceIds.add(sourceId);
    const stances = row.cells.get(sourceId) ?? [];
    if (!stances.includes(cs.stance)) stances.push(cs.stance);
    row.cells.set(sourceId, stances);
  }
  const matrixSources = [...matrixSourceIds]
    .map((id) => ix.sourceById.get(id) ?? outletPseudoSource(id))
    .sort((a, b) => byText(a.name, b.name));
  return { claims, matrixSources };
}

/** Codebook order: each tag followed by its children, alphabetical at every level, with its use count. */
function codebookOrder(d: Dossier, ix: DossierIndex, tagCounts: Map<string, number>): DocumentModel['tags'] {
  const depthOf = (t: Tag): number => {
    let depth = 0;
    for (let p = t.parentId; p !== null && depth < 64; p = ix.tagById.get(p)?.parentId ?? null) depth++;
    return depth;
  };
  const tags: DocumentModel['tags'] = [];
  const children = (parentId: string | null) =>
    d.tags.filter((t) => t.parentId === parentId).sort((a, b) => byText(a.name, b.name));
  const seen = new Set<string>();
  const visit = (t: Tag, depth: number) => {
    if (seen.has(t.id)) return;
    seen.add(t.id);
    tags.push({ tag: t, depth, count: tagCounts.get(t.id) ?? 0 });
    for (const c of children(t.id)) visit(c, depth + 1);
  };
  for (const t of d.tags
    .filter((t) => t.parentId === null || !ix.tagById.has(t.parentId))
    .sort((a, b) => byText(a.name, b.name)))
    visit(t, depthOf(t));
  return tags;
}

/** "Whole workspace — 3 article(s), …" or what the selection holds. */
function describeScope(d: Dossier, ix: DossierIndex): string {
  const scope = d.scope.whole
    ? 'Whole workspace'
    : [
        d.scope.articleIds.length ? `${d.scope.articleIds.length} selected article(s)` : '',
        d.scope.tagIds.length
          ? `tags: ${d.scope.tagIds.map((id) => ix.tagById.get(id)?.name ?? id).join(', ')}`
          : '',
        d.scope.claimIds.length ? `${d.scope.claimIds.length} selected claim(s)` : '',
      ]
        .filter(Boolean)
        .join('; ') || 'Selection';
  return `${scope} — ${d.articles.length} article(s), ${d.statements.length} statement(s), ${d.annotations.length} annotation(s)`;
}

export function buildDocumentModel(d: Dossier, opts: { title?: string; author?: string }): DocumentModel {
  const ix = indexDossier(d);
  const footnotes: AnnotationView[] = [];
  const tagCounts = new Map<string, number>();
  // Articles first: they number the footnotes and count the tags the codebook shows.
  const articles = articleViews(d, ix, footnotes, tagCounts);
  const { claims, matrixSources } = claimMatrix(d, ix);
  return {
    title: opts.title ?? 'Dossier',
    author: opts.author ?? '',
    date: d.exportedAt.slice(0, 10),
    scope: describeScope(d, ix),
    articles,
    footnotes,
    links: d.links.map((link) => ({
      link,
      from: ix.statementById.get(link.fromStatementId),
      to: ix.statementById.get(link.toStatementId),
    })),
    claims,
    matrixSources,
    sources: [...d.sources].sort((a, b) => byText(a.name, b.name)),
    tags: codebookOrder(d, ix, tagCounts),
    statementText: (s) => (s ? (ix.articleById.get(s.articleId)?.text.slice(s.start, s.end) ?? '') : ''),
    articleOf: (s) => (s ? ix.articleById.get(s.articleId) : undefined),
    sourceById: ix.sourceById,
  };
}
