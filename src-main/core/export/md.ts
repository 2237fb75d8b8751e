// Markdown export (GitHub and Obsidian): the same content as the HTML dossier, footnotes as [^n].
import type { Dossier } from '../../shared/dossier';
import { ocrSummary } from '../../shared/ocr-note';
import {
  buildDocumentModel,
  type AnnotationView,
  type ArticleView,
  type DocumentModel,
  type StatementView,
} from './document-model';
import { progressTicker } from './progress';
import type { ExportOptions } from './types';

/** Escapes text so that Markdown and inline HTML never interpret it. */
export function escapeMarkdown(text: string): string {
  return text
    .replace(/[\\`*_{}[\]#+!|~=]/g, '\\$&')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(
      /^(\s*)([-+]|\d+\.)(?=\s)/gm,
      (_m, space: string, marker: string) => `${space}${marker.replace(/([-+.])/, '\\$1')}`,
    )
    .replace(/\r?\n/g, ' ');
}

/** A note keeps its Markdown, but raw HTML is shown as text and continuation lines are indented for [^n]. */
function noteMarkdown(note: string): string {
  return (
    note
      .trim()
      .replace(/&/g, '&amp;')
      .replace(/</g, '&lt;')
      .replace(/>/g, '&gt;')
      // Only web and mail links stay links; `javascript:` and friends become plain text.
      .replace(/\]\(\s*(?!https?:|mailto:|#)([^)]*)\)/gi, (_m, target: string) => `\\](${target})`)
      .split(/\r?\n/)
      .join('\n    ')
  );
}

const cell = (text: string) => escapeMarkdown(text).replace(/\n/g, ' ');

function chips(block: StatementView): string {
  const parts: string[] = [];
  if (block.speaker)
    parts.push(
      `**${escapeMarkdown(block.speaker.name)}**${block.speaker.reliability ? ` (${block.speaker.reliability})` : ''}`,
    );
  for (const via of block.via)
    parts.push(`→ ${escapeMarkdown(via.name)}${via.reliability ? ` (${via.reliability})` : ''}`);
  if (block.statement?.cue) parts.push(`“${escapeMarkdown(block.statement.cue)}”`);
  if (block.statement) parts.push(`*${block.statement.kind}*`);
  return parts.join(' · ');
}

function annotationLine(v: AnnotationView): string {
  return [
    `“${escapeMarkdown(v.annotation.quote.exact)}”`,
    v.tags.length ? v.tags.map((t) => `#${t.name.replace(/[^\p{L}\p{N}_/-]+/gu, '-')}`).join(' ') : '',
    v.grade ? `credibility **${v.grade}**` : '',
    v.footnote !== null ? `[^${v.footnote}]` : '',
  ]
    .filter(Boolean)
    .join(' · ');
}

function blockMarkdown(block: StatementView, n: number): string {
  // Highlighted spans are bold (GitHub has no highlight syntax); the note marker follows the span.
  const text = block.segments
    .map((seg) => {
      const body = escapeMarkdown(seg.text);
      const marked = seg.annotations.length && body.trim() ? `**${body}**` : body;
      return marked + seg.endingHere.map((v) => (v.footnote !== null ? `[^${v.footnote}]` : '')).join('');
    })
    .join('');
  const annotations = [...new Set(block.segments.flatMap((s) => s.endingHere))].map(
    (v) => `    - ${annotationLine(v)}`,
  );
  const head = chips(block);
  return [`${n}. ${head ? `${head}  \n    ` : ''}${text}`, ...annotations].join('\n');
}

function articleMarkdown(view: ArticleView, n: number): string {
  const a = view.article;
  const outlet = a.outlet
    ? `${escapeMarkdown(a.outlet)}${view.outletSource?.reliability ? ` (reliability ${view.outletSource.reliability})` : ' (not graded)'}`
    : '';
  const meta = [
    ['Outlet', outlet],
    ['Authors', escapeMarkdown(a.authors.join(', '))],
    ['Published', escapeMarkdown(a.publishedAt ?? '')],
    ['URL', a.url ? `<${a.url.replace(/[<>\s]/g, encodeURIComponent)}>` : ''],
    ['Language', escapeMarkdown(a.language ?? '')],
    ['File', `${escapeMarkdown(a.fileName)} (${a.format}, imported ${a.importedAt.slice(0, 10)})`],
    ['OCR', a.ocr ? escapeMarkdown(ocrSummary(a.ocr)) : ''],
  ]
    .filter(([, v]) => v)
    .map(([k, v]) => `- **${k}:** ${v}`)
    .join('\n');
  const blocks = view.blocks.map((b, i) => blockMarkdown(b, i + 1)).join('\n');
  const orphaned = view.orphaned.length
    ? `\n\n#### Annotations not placed in the text\n\n${view.orphaned.map((v) => `- ${annotationLine(v)}`).join('\n')}`
    : '';
  return `### ${n}. ${escapeMarkdown(a.title || a.fileName)}\n\n${meta}\n\n${blocks}${orphaned}\n`;
}

function backMatter(m: DocumentModel, d: Dossier): string {
  const quote = (s: Parameters<DocumentModel['statementText']>[0]) =>
    `“${cell(m.statementText(s))}” (${cell(m.articleOf(s)?.title ?? 'missing')})`;
  const links = m.links.length
    ? `| Statement | Relation | Statement | Note |\n|---|---|---|---|\n${m.links.map(({ link, from, to }) => `| ${quote(from)} | **${link.type}** | ${quote(to)} | ${cell(link.note)} |`).join('\n')}`
    : '*No links between statements.*';
  const claims =
    m.claims
      .map((r) => {
        const head = `- **${escapeMarkdown(r.claim.text)}**${r.claim.note ? ` — ${cell(r.claim.note)}` : ''}`;
        const rows = r.statements.map(({ stance, statement }) => {
          const speaker = statement.speakerId ? m.sourceById.get(statement.speakerId)?.name : undefined;
          return `  - *${stance}*${speaker ? ` — **${escapeMarkdown(speaker)}**` : ''}: ${quote(statement)}`;
        });
        return [head, ...rows].join('\n');
      })
      .join('\n') || '*No claims.*';
  const matrix = m.claims.length
    ? `| Claim | ${m.matrixSources.map((s) => `${cell(s.name)}${s.reliability ? ` (${s.reliability})` : ''}`).join(' | ')} |\n|---|${m.matrixSources.map(() => ':---:').join('|')}|\n${m.claims
        .map(
          (r) =>
            `| ${cell(r.claim.text)} | ${m.matrixSources.map((s) => (r.cells.get(s.id) ?? []).join(', ')).join(' | ')} |`,
        )
        .join('\n')}`
    : '';
  const sources = m.sources.length
    ? `| Source | Kind | Reliability | Also known as | Note |\n|---|---|---|---|---|\n${m.sources.map((s) => `| ${cell(s.name)} | ${s.kind} | ${s.reliability ?? 'not graded'} | ${cell(s.aliases.join(', '))} | ${cell(s.note)} |`).join('\n')}`
    : '*No sources.*';
  const tags =
    m.tags
      .map(
        ({ tag, depth, count }) =>
          `${'  '.repeat(Math.min(depth, 12))}- **${escapeMarkdown(tag.name)}** — ${count} annotation(s)${tag.description ? `; ${escapeMarkdown(tag.description)}` : ''}`,
      )
      .join('\n') || '*No tags.*';
  const provenance = `| Original file | Type | Imported | File SHA-256 | Text SHA-256 |\n|---|---|---|---|---|\n${m.articles
    .map(
      ({ article: a }) =>
        `| ${cell(a.fileName)} | ${a.format}, ${a.fileSize} bytes | ${a.importedAt} | \`${a.fileSha256}\` | \`${a.textSha256}\` |`,
    )
    .join('\n')}`;
  const notes = m.footnotes.map((v) => `[^${v.footnote}]: ${noteMarkdown(v.annotation.note)}`).join('\n');
  return [
    `## Links and claims\n\n### Links\n\n${links}\n\n### Claims\n\n${claims}\n\n${matrix ? `### Claim × source matrix\n\n${matrix}\n` : ''}`,
    `## Index of sources\n\n${sources}\n`,
    `## Index of tags\n\n${tags}\n`,
    `## Provenance\n\nExported ${d.exportedAt} by ${escapeMarkdown(d.exportedBy)}.\n\n${provenance}\n`,
    notes ? `## Notes\n\n${notes}\n` : '',
  ].join('\n');
}

export async function exportMarkdown(dossier: Dossier, opts: ExportOptions = {}): Promise<string> {
  const m = buildDocumentModel(dossier, opts);
  const progress = progressTicker(m.articles.length, opts.onProgress, opts.signal);
  const articles: string[] = [];
  for (const [i, view] of m.articles.entries()) {
    articles.push(articleMarkdown(view, i + 1));
    await progress.tick();
  }
  progress.finish();
  const toc = [
    '- Sources and statements',
    ...m.articles.map((v, i) => `  - ${i + 1}. ${escapeMarkdown(v.article.title || v.article.fileName)}`),
    '- Links and claims',
    '- Index of sources',
    '- Index of tags',
    '- Provenance',
    '- Notes',
  ].join('\n');
  const cover = [
    `# ${escapeMarkdown(m.title)}`,
    m.author ? `*${escapeMarkdown(m.author)}*` : '',
    `${m.date} · ${escapeMarkdown(m.scope)}`,
  ]
    .filter(Boolean)
    .join('\n\n');
  return `${cover}\n\n## Contents\n\n${toc}\n\n## Sources and statements\n\nGrades read the reliability of the source (A–F) then the credibility of the information (1–6).\n\n${articles.join('\n')}\n${backMatter(m, dossier)}`;
}
