// DOCX export with the `docx` library: the same content as the HTML dossier, notes as real Word footnotes.
import {
  AlignmentType,
  Document,
  FootnoteReferenceRun,
  HeadingLevel,
  Packer,
  PageNumber,
  Paragraph,
  ShadingType,
  Table,
  TableCell,
  TableOfContents,
  TableRow,
  TextRun,
  WidthType,
  Footer,
  type ParagraphChild,
} from 'docx';
import type { Dossier } from '../../shared/dossier';
import {
  buildDocumentModel,
  type AnnotationView,
  type ArticleView,
  type DocumentModel,
} from './document-model';
import { safeColour } from './escape';
import { renderNoteParagraphs } from './markdown-notes';
import { progressTicker } from './progress';
import type { ExportOptions } from './types';

/** Word's XML rejects control characters and lone surrogates; they become U+FFFD. */
const xmlSafe = (text: string) =>
  text.replace(
    /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g,
    '\uFFFD',
  );
const run = (text: string, opts: { bold?: boolean; italics?: boolean; color?: string; size?: number } = {}) =>
  new TextRun({ text: xmlSafe(text), ...opts });
const para = (
  children: ParagraphChild[] | string,
  opts: { heading?: (typeof HeadingLevel)[keyof typeof HeadingLevel]; spacingAfter?: number } = {},
) =>
  new Paragraph({
    children: typeof children === 'string' ? [run(children)] : children,
    heading: opts.heading,
    spacing: { after: opts.spacingAfter ?? 120 },
  });

/** A pale version of the tag colour for the highlight shading (print-friendly). */
function paleFill(colour: string): string {
  const c = safeColour(colour).slice(1);
  const full = c.length === 3 ? c.replace(/./g, '$&$&') : c;
  const mix = (i: number) =>
    Math.round(parseInt(full.slice(i, i + 2), 16) * 0.3 + 255 * 0.7)
      .toString(16)
      .padStart(2, '0');
  return `${mix(0)}${mix(2)}${mix(4)}`;
}

function table(header: string[], rows: string[][]): Table {
  const cellOf = (text: string, bold = false) =>
    new TableCell({ children: [para([run(text, { bold, size: 18 })], { spacingAfter: 40 })] });
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    rows: [
      new TableRow({ tableHeader: true, children: header.map((h) => cellOf(h, true)) }),
      ...rows.map((r) => new TableRow({ children: r.map((c) => cellOf(c)) })),
    ],
  });
}

function annotationText(v: AnnotationView): string {
  return [
    `“${v.annotation.quote.exact}”`,
    v.tags.map((t) => t.name).join(', '),
    v.grade ? `credibility ${v.grade}` : '',
    v.annotation.author ? `by ${v.annotation.author}` : '',
  ]
    .filter(Boolean)
    .join(' · ');
}

function articleParagraphs(view: ArticleView, n: number): (Paragraph | Table)[] {
  const a = view.article;
  const out: (Paragraph | Table)[] = [
    para(`${n}. ${a.title || a.fileName}`, { heading: HeadingLevel.HEADING_2 }),
  ];
  const meta: [string, string][] = [
    [
      'Outlet',
      a.outlet
        ? `${a.outlet} — ${view.outletSource?.reliability ? `reliability ${view.outletSource.reliability}` : 'not graded'}`
        : '',
    ],
    ['Authors', a.authors.join(', ')],
    ['Published', a.publishedAt ?? ''],
    ['URL', a.url ?? ''],
    ['File', `${a.fileName} (${a.format}, imported ${a.importedAt.slice(0, 10)})`],
  ];
  for (const [k, v] of meta)
    if (v) out.push(para([run(`${k}: `, { bold: true, color: '5B616B' }), run(v)], { spacingAfter: 40 }));
  view.blocks.forEach((block, i) => {
    const chips: ParagraphChild[] = [run(`${i + 1}  `, { color: '9AA0A8', size: 16 })];
    if (block.speaker)
      chips.push(
        run(`${block.speaker.name}${block.speaker.reliability ? ` (${block.speaker.reliability})` : ''}`, {
          bold: true,
          size: 18,
        }),
      );
    for (const via of block.via)
      chips.push(run(` → ${via.name}${via.reliability ? ` (${via.reliability})` : ''}`, { size: 18 }));
    if (block.statement?.cue) chips.push(run(`  “${block.statement.cue}”`, { size: 18, color: '5B616B' }));
    if (block.statement)
      chips.push(run(`  ${block.statement.kind.toUpperCase()}`, { size: 14, color: '5B616B' }));
    out.push(new Paragraph({ children: chips, spacing: { before: 160, after: 40 }, keepNext: true }));
    const text: ParagraphChild[] = [];
    for (const seg of block.segments) {
      const inner = seg.annotations[seg.annotations.length - 1];
      const tag = inner?.tags[0];
      text.push(
        new TextRun({
          text: xmlSafe(seg.text),
          ...(inner
            ? {
                shading: { type: ShadingType.CLEAR, color: 'auto', fill: paleFill(tag?.colour ?? '#9ca3af') },
              }
            : {}),
        }),
      );
      for (const v of seg.endingHere)
        if (v.footnote !== null) text.push(new FootnoteReferenceRun(v.footnote));
    }
    out.push(new Paragraph({ children: text, spacing: { after: 60 } }));
    for (const v of new Set(block.segments.flatMap((s) => s.endingHere)))
      out.push(para([run(annotationText(v), { size: 16, color: '5B616B' })], { spacingAfter: 40 }));
  });
  if (view.orphaned.length) {
    out.push(para('Annotations not placed in the text', { heading: HeadingLevel.HEADING_4 }));
    for (const v of view.orphaned)
      out.push(
        para([
          run(annotationText(v), { size: 18 }),
          ...(v.footnote !== null ? [new FootnoteReferenceRun(v.footnote)] : []),
        ]),
      );
  }
  return out;
}

type Block = Paragraph | Table;

/** Links, claims with their statements, and the claim × source matrix. */
function linksAndClaims(m: DocumentModel): Block[] {
  const quote = (s: Parameters<DocumentModel['statementText']>[0]) =>
    `“${m.statementText(s)}” (${m.articleOf(s)?.title ?? 'missing'})`;
  const out: Block[] = [
    new Paragraph({ text: 'Links and claims', heading: HeadingLevel.HEADING_1, pageBreakBefore: true }),
  ];
  out.push(para('Links', { heading: HeadingLevel.HEADING_3 }));
  out.push(
    m.links.length
      ? table(
          ['Statement', 'Relation', 'Statement', 'Note'],
          m.links.map(({ link, from, to }) => [quote(from), link.type, quote(to), link.note].map(xmlSafe)),
        )
      : para('No links between statements.'),
  );
  out.push(para('Claims', { heading: HeadingLevel.HEADING_3 }));
  for (const row of m.claims) {
    out.push(para([run(row.claim.text, { bold: true })]));
    if (row.claim.note) out.push(...renderNoteParagraphs(row.claim.note).map((p) => para(p)));
    for (const { stance, statement } of row.statements) {
      const speaker = statement.speakerId ? m.sourceById.get(statement.speakerId)?.name : undefined;
      out.push(
        new Paragraph({
          indent: { left: 360 },
          spacing: { after: 60 },
          children: [
            run(stance, { bold: true }),
            run(`${speaker ? ` — ${speaker}` : ''}: ${quote(statement)}`),
          ],
        }),
      );
    }
  }
  out.push(para('Claim × source matrix', { heading: HeadingLevel.HEADING_3 }));
  out.push(
    m.claims.length
      ? table(
          [
            'Claim',
            ...m.matrixSources.map((s) => `${s.name}${s.reliability ? ` (${s.reliability})` : ''}`),
          ].map(xmlSafe),
          m.claims.map((r) =>
            [r.claim.text, ...m.matrixSources.map((s) => (r.cells.get(s.id) ?? []).join(', '))].map(xmlSafe),
          ),
        )
      : para('No claims.'),
  );
  return out;
}

/** The index of sources with their grades, and of tags in codebook order with their use counts. */
function indexes(m: DocumentModel): Block[] {
  const out: Block[] = [];
  out.push(
    new Paragraph({ text: 'Index of sources', heading: HeadingLevel.HEADING_1, pageBreakBefore: true }),
  );
  out.push(
    table(
      ['Source', 'Kind', 'Reliability', 'Also known as', 'Note'],
      m.sources.map((s) =>
        [s.name, s.kind, s.reliability ?? 'not graded', s.aliases.join(', '), s.note].map(xmlSafe),
      ),
    ),
  );
  out.push(para('Index of tags', { heading: HeadingLevel.HEADING_1 }));
  for (const { tag, depth, count } of m.tags)
    out.push(
      new Paragraph({
        indent: { left: Math.min(depth, 12) * 360 },
        children: [
          run('■ ', { color: safeColour(tag.colour).slice(1) }),
          run(tag.name, { bold: true }),
          run(` — ${count} annotation(s)${tag.description ? `; ${tag.description}` : ''}`),
        ],
      }),
    );
  return out;
}

/** Where each article came from: file, type, import time and hashes. */
function provenance(m: DocumentModel, d: Dossier): Block[] {
  const out: Block[] = [
    new Paragraph({ text: 'Provenance', heading: HeadingLevel.HEADING_1, pageBreakBefore: true }),
  ];
  out.push(para(`Exported ${d.exportedAt} by ${d.exportedBy}.`));
  out.push(
    table(
      ['Original file', 'Type', 'Imported', 'SHA-256 (file / text)'],
      m.articles.map(({ article: a }) =>
        [
          a.fileName,
          `${a.format}, ${a.fileSize} bytes`,
          a.importedAt,
          `${a.fileSha256} / ${a.textSha256}`,
        ].map(xmlSafe),
      ),
    ),
  );
  return out;
}

function backMatter(m: DocumentModel, d: Dossier): Block[] {
  return [...linksAndClaims(m), ...indexes(m), ...provenance(m, d)];
}

export async function exportDocx(dossier: Dossier, opts: ExportOptions = {}): Promise<Uint8Array> {
  const m = buildDocumentModel(dossier, opts);
  const progress = progressTicker(m.articles.length + 1, opts.onProgress, opts.signal);
  const body: (Paragraph | Table | TableOfContents)[] = [
    new Paragraph({
      children: [run('ANNOTATED DOSSIER', { color: '7A2E1D', size: 18, bold: true })],
      spacing: { before: 3000, after: 200 },
    }),
    new Paragraph({ text: xmlSafe(m.title), heading: HeadingLevel.TITLE }),
    ...(m.author ? [para([run(m.author, { size: 28 })])] : []),
    para([run(`${m.date} · ${m.scope}`, { color: '5B616B' })]),
    new Paragraph({
      children: [run('Contents', { bold: true, size: 32 })],
      pageBreakBefore: true,
      spacing: { after: 240 },
    }),
    // Word fills the table of contents in when the document is opened (updateFields).
    new TableOfContents('Contents', { hyperlink: true, headingStyleRange: '1-2' }),
    new Paragraph({ text: 'Sources and statements', heading: HeadingLevel.HEADING_1, pageBreakBefore: true }),
  ];
  for (const [i, view] of m.articles.entries()) {
    body.push(...articleParagraphs(view, i + 1));
    await progress.tick();
  }
  body.push(...backMatter(m, dossier));
  const footnotes: Record<number, { children: Paragraph[] }> = {};
  for (const v of m.footnotes)
    if (v.footnote !== null)
      footnotes[v.footnote] = {
        children: renderNoteParagraphs(v.annotation.note).map((p) => para(p)),
      };
  const doc = new Document({
    creator: xmlSafe(opts.author ?? dossier.exportedBy),
    title: xmlSafe(m.title),
    features: { updateFields: true },
    styles: {
      default: {
        document: { run: { font: 'Georgia', size: 22 } },
        heading1: { run: { font: 'Arial', size: 32, bold: true } },
        heading2: { run: { font: 'Arial', size: 26, bold: true } },
      },
    },
    footnotes,
    sections: [
      {
        footers: {
          default: new Footer({
            children: [
              new Paragraph({
                alignment: AlignmentType.CENTER,
                children: [
                  new TextRun({ children: [PageNumber.CURRENT, ' / ', PageNumber.TOTAL_PAGES], size: 18 }),
                ],
              }),
            ],
          }),
        },
        children: body,
      },
    ],
  });
  const bytes = await Packer.toBuffer(doc);
  await progress.tick();
  progress.finish();
  return new Uint8Array(bytes);
}
