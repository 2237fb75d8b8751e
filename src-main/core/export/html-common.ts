// Pieces shared by the HTML dossier's main body and its back matter.
import type { AnnotationView, DocumentModel } from './document-model';
import { escapeHtml as e } from '../../shared/html-escape';
import { RELIABILITY_LABELS } from '../../shared/grades';
import type { Reliability } from '../../shared/domain';

export interface HtmlContext {
  model: DocumentModel;
  tagClass: Map<string, string>;
}

export function sourceChip(
  ctx: HtmlContext,
  source: { name: string; reliability: Reliability | null },
  cls: string,
): string {
  const grade = source.reliability
    ? ` <span class="grade" title="${e(RELIABILITY_LABELS[source.reliability])}">${e(source.reliability)}</span>`
    : '';
  return `<span class="chip ${cls}">${e(source.name)}${grade}</span>`;
}

export function annotationSummary(ctx: HtmlContext, v: AnnotationView): string {
  const tags = v.tags
    .map((t) => `<span class="swatch ${ctx.tagClass.get(t.id)?.replace('t', 's') ?? ''}"></span>${e(t.name)}`)
    .join(', ');
  const parts = [
    `“${e(truncate(v.annotation.quote.exact, 90))}”`,
    tags,
    v.grade ? `credibility <span class="grade">${e(v.grade)}</span>` : '',
    v.footnote !== null ? `note <a href="#fn-${v.footnote}">${v.footnote}</a>` : '',
    v.annotation.author ? `by ${e(v.annotation.author)}` : '',
  ];
  return parts.filter(Boolean).join(' · ');
}

export function truncate(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}
