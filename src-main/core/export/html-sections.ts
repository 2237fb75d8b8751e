// The back matter of the HTML dossier: links and claim matrix, indexes, notes and provenance.
import type { Dossier } from '../../shared/dossier';
import { escapeHtml as e } from '../../shared/html-escape';
import { RELIABILITY_LABELS } from '../../shared/grades';
import { sourceChip, truncate, type HtmlContext } from './html-common';
import type { DocumentModel } from './document-model';
import { renderNoteHtml } from '../../shared/notes';

export function claimsSection(ctx: HtmlContext): string {
  const m = ctx.model;
  const quote = (s: Parameters<DocumentModel['statementText']>[0]) => {
    const article = m.articleOf(s);
    const text = truncate(m.statementText(s), 160);
    // Statements that are themselves quotations already open with a quotation mark.
    const quoted = /^["“‘'«]/.test(text) ? e(text) : `“${e(text)}”`;
    return `${quoted} <span class="muted">(${e(article?.title ?? 'missing article')})</span>`;
  };
  const links = m.links.length
    ? `<table><thead><tr><th>Statement</th><th>Relation</th><th>Statement</th><th>Note</th></tr></thead><tbody>${m.links
        .map(
          ({ link, from, to }) =>
            `<tr><td>${quote(from)}</td><td><strong>${e(link.type)}</strong></td><td>${quote(to)}</td><td>${renderNoteHtml(link.note)}</td></tr>`,
        )
        .join('')}</tbody></table>`
    : '<p class="muted">No links between statements.</p>';
  const claims = m.claims
    .map((row) => {
      const items = row.statements
        .map(({ stance, statement }) => {
          const speaker = statement.speakerId ? m.sourceById.get(statement.speakerId)?.name : undefined;
          return `<li><span class="${stance}">${stance}</span>${speaker ? ` — <strong>${e(speaker)}</strong>` : ''}: ${quote(statement)}</li>`;
        })
        .join('');
      return `<h4>${e(row.claim.text)}</h4>${row.claim.note ? renderNoteHtml(row.claim.note) : ''}${items ? `<ul class="claim-statements">${items}</ul>` : ''}`;
    })
    .join('');
  const header = m.matrixSources
    .map(
      (s) => `<th>${e(s.name)}${s.reliability ? ` <span class="grade">${e(s.reliability)}</span>` : ''}</th>`,
    )
    .join('');
  const rows = m.claims
    .map((row) => {
      const cells = m.matrixSources.map(
        (s) =>
          `<td>${(row.cells.get(s.id) ?? []).map((st) => `<span class="${st}">${st}</span>`).join('<br>')}</td>`,
      );
      return `<tr><td class="claim">${e(row.claim.text)}</td>${cells.join('')}</tr>`;
    })
    .join('');
  const matrix = m.claims.length
    ? `<h3>Claim × source matrix</h3><table class="matrix"><thead><tr><th>Claim</th>${header}</tr></thead><tbody>${rows}</tbody></table>`
    : '<p class="muted">No claims.</p>';
  return `<section class="part" id="claims"><h2>Links and claims</h2><h3>Links</h3>${links}<h3>Claims</h3>${claims}${matrix}</section>`;
}

export function sourcesSection(ctx: HtmlContext): string {
  const rows = ctx.model.sources
    .map(
      (s) =>
        `<tr><td>${sourceChip(ctx, s, 'speaker')}</td><td>${e(s.kind)}</td><td>${s.reliability ? `<span class="grade">${e(s.reliability)}</span> ${e(RELIABILITY_LABELS[s.reliability])}` : '<span class="muted">not graded</span>'}</td><td>${e(s.aliases.join(', '))}</td><td>${renderNoteHtml(s.note)}</td></tr>`,
    )
    .join('');
  return `<section class="part" id="sources"><h2>Index of sources</h2>${rows ? `<table><thead><tr><th>Source</th><th>Kind</th><th>Reliability</th><th>Also known as</th><th>Note</th></tr></thead><tbody>${rows}</tbody></table>` : '<p class="muted">No sources.</p>'}</section>`;
}

export function tagsSection(ctx: HtmlContext): string {
  const items = ctx.model.tags
    .map(
      ({ tag, depth, count }) =>
        `<li style="padding-left:${Math.min(depth, 12) * 1.2}rem"><span class="swatch ${ctx.tagClass.get(tag.id)?.replace('t', 's') ?? ''}"></span><strong>${e(tag.name)}</strong> <span class="muted">— ${count} annotation(s)${tag.description ? `; ${e(tag.description)}` : ''}</span></li>`,
    )
    .join('');
  return `<section class="part" id="tags"><h2>Index of tags</h2>${items ? `<ul class="codebook">${items}</ul>` : '<p class="muted">No tags.</p>'}</section>`;
}

export function footnotesSection(ctx: HtmlContext): string {
  const items = ctx.model.footnotes
    .map(
      (v) =>
        `<li id="fn-${v.footnote}">${renderNoteHtml(v.annotation.note)} <a href="#fnref-${v.footnote}" class="muted" aria-label="back">↩</a></li>`,
    )
    .join('');
  return `<section class="part" id="notes"><h2>Notes</h2>${items ? `<ol class="footnotes">${items}</ol>` : '<p class="muted">No notes.</p>'}</section>`;
}

export function provenanceSection(ctx: HtmlContext, d: Dossier): string {
  const rows = ctx.model.articles
    .map(
      ({ article: a }) =>
        `<tr><td>${e(a.fileName)}</td><td>${e(a.format)}, ${a.fileSize.toLocaleString('en')} bytes</td><td>${e(a.importedAt)}</td><td><span class="hash">file ${e(a.fileSha256)}<br>text ${e(a.textSha256)}</span></td></tr>`,
    )
    .join('');
  const imports = d.imports.length
    ? `<h3>Import history</h3><table><thead><tr><th>File</th><th>Outcome</th><th>When</th><th>Reason</th></tr></thead><tbody>${d.imports
        .map(
          (r) =>
            `<tr><td>${e(r.fileName)}</td><td>${e(r.outcome)}</td><td>${e(r.at)}</td><td>${e(r.reason ?? '')}</td></tr>`,
        )
        .join('')}</tbody></table>`
    : '';
  return `<section class="part" id="provenance"><h2>Provenance</h2><p>Exported ${e(d.exportedAt)} by ${e(d.exportedBy)}. SHA-256 hashes identify the original file and the normalised text every offset refers to.</p><table><thead><tr><th>Original file</th><th>Type</th><th>Imported</th><th>SHA-256</th></tr></thead><tbody>${rows}</tbody></table>${imports}</section>`;
}
