// HTML export: one self-contained, script-free document (cover, contents, sources, notes, indexes, provenance).
import type { Dossier } from '../../shared/dossier';
import {
  buildDocumentModel,
  type AnnotationView,
  type ArticleView,
  type DocumentModel,
  type StatementView,
} from './document-model';
import { escapeHtml as e } from '../../shared/html-escape';
import { dossierCss } from './html-style';
import {
  claimsSection,
  footnotesSection,
  provenanceSection,
  sourcesSection,
  tagsSection,
} from './html-sections';
import { RELIABILITY_LABELS } from '../../shared/grades';
import { annotationSummary, sourceChip, type HtmlContext } from './html-common';
import { progressTicker } from './progress';
import type { ExportOptions } from './types';

function annotationClass(ctx: HtmlContext, v: AnnotationView): string {
  const tag = v.tags[0];
  return tag ? (ctx.tagClass.get(tag.id) ?? '') : 't-none';
}

function footnoteRef(v: AnnotationView): string {
  return v.footnote === null
    ? ''
    : `<sup class="fn"><a href="#fn-${v.footnote}" id="fnref-${v.footnote}">${v.footnote}</a></sup>`;
}

function blockHtml(ctx: HtmlContext, block: StatementView): string {
  const s = block.statement;
  const chips: string[] = [];
  if (block.speaker) chips.push(sourceChip(ctx, block.speaker, 'speaker'));
  // The relay chain reads from the speaker outwards: Bogdanov → Tass → RFERL.
  for (const via of block.via) chips.push(`<span class="arrow">→</span>${sourceChip(ctx, via, 'relay')}`);
  if (s?.cue) chips.push(`<span class="cue">“${e(s.cue)}”</span>`);
  if (s) chips.push(`<span class="kind">${e(s.kind)}</span>`);
  const text = block.segments
    .map((seg) => {
      const inner = seg.annotations[seg.annotations.length - 1];
      const body = inner ? `<mark class="${annotationClass(ctx, inner)}">${e(seg.text)}</mark>` : e(seg.text);
      return body + seg.endingHere.map(footnoteRef).join('');
    })
    .join('');
  const annotations = [...new Set(block.segments.flatMap((seg) => seg.endingHere))];
  const list = annotations.length
    ? `<ul class="anno-list">${annotations.map((v) => `<li>${annotationSummary(ctx, v)}</li>`).join('')}</ul>`
    : '';
  return `<li>${chips.length ? `<div class="chips">${chips.join(' ')}</div>` : ''}<p class="stmt">${text}</p>${list}</li>`;
}

function articleHtml(ctx: HtmlContext, view: ArticleView, n: number): string {
  const a = view.article;
  const row = (label: string, value: string) => (value ? `<dt>${label}</dt><dd>${value}</dd>` : '');
  const outlet = a.outlet
    ? view.outletSource
      ? `${sourceChip(ctx, view.outletSource, 'outlet')}${view.outletSource.reliability ? ` <span class="muted">${e(RELIABILITY_LABELS[view.outletSource.reliability])}</span>` : ' <span class="muted">not graded</span>'}`
      : `${e(a.outlet)} <span class="muted">not graded</span>`
    : '';
  const meta = [
    row('Outlet', outlet),
    row('Authors', e(a.authors.join(', '))),
    row('Published', e(a.publishedAt ?? '')),
    row('URL', a.url ? `<span class="hash">${e(a.url)}</span>` : ''),
    row('Language', e(a.language ?? '')),
    row('Statements', String(view.blocks.filter((b) => b.statement).length)),
    row('Annotations', String(view.annotations.length)),
    row(
      'File',
      `${e(a.fileName)} <span class="muted">(${e(a.format)}, imported ${e(a.importedAt.slice(0, 10))})</span>`,
    ),
  ].join('');
  const orphaned = view.orphaned.length
    ? `<h4>Annotations not placed in the text</h4><ul class="anno-list">${view.orphaned.map((v) => `<li>${annotationSummary(ctx, v)}${footnoteRef(v)}</li>`).join('')}</ul>`
    : '';
  return `<article class="source" id="article-${n}"><h2>${n}. ${e(a.title || a.fileName)}</h2><dl class="meta">${meta}</dl><ol class="statements">${view.blocks.map((b) => blockHtml(ctx, b)).join('')}</ol>${orphaned}</article>`;
}

function coverHtml(m: DocumentModel): string {
  return `<section class="cover"><div class="kicker">Annotated dossier</div><h1>${e(m.title)}</h1>${m.author ? `<p class="byline">${e(m.author)}</p>` : ''}<p class="facts">${e(m.date)}</p><p class="facts">${e(m.scope)}</p></section>`;
}

function tocHtml(m: DocumentModel): string {
  const articles = m.articles
    .map((v, i) => `<li><a href="#article-${i + 1}">${e(v.article.title || v.article.fileName)}</a></li>`)
    .join('');
  return `<nav class="toc"><h2>Contents</h2><ol><li><a href="#articles">Sources and statements</a><ol>${articles}</ol></li><li><a href="#claims">Links and claims</a></li><li><a href="#sources">Index of sources</a></li><li><a href="#tags">Index of tags</a></li><li><a href="#notes">Notes</a></li><li><a href="#provenance">Provenance</a></li></ol></nav>`;
}

export async function exportHtml(dossier: Dossier, opts: ExportOptions = {}): Promise<string> {
  const model = buildDocumentModel(dossier, opts);
  const ctx: HtmlContext = { model, tagClass: new Map(dossier.tags.map((t, i) => [t.id, `t${i}`])) };
  const progress = progressTicker(model.articles.length, opts.onProgress, opts.signal);
  const articles: string[] = [];
  for (const [i, view] of model.articles.entries()) {
    articles.push(articleHtml(ctx, view, i + 1));
    await progress.tick();
  }
  progress.finish();
  // The CSP makes the no-script, no-remote-resource promise enforceable by the browser itself.
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">
<meta name="generator" content="${e(dossier.exportedBy)}"><title>${e(model.title)}</title>
<style>${dossierCss(dossier.tags)}</style></head>
<body>
${coverHtml(model)}
${tocHtml(model)}
<section class="part" id="articles"><h2>Sources and statements</h2><p class="muted">Highlights are coloured by tag; grades read reliability of the source (A–F) then credibility of the information (1–6).</p></section>
${articles.join('\n')}
${claimsSection(ctx)}
${sourcesSection(ctx)}
${tagsSection(ctx)}
${footnotesSection(ctx)}
${provenanceSection(ctx, dossier)}
</body></html>
`;
}
