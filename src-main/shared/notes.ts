// The one note sanitiser: an analyst's Markdown note as inert HTML, the same in the reader and in every export.
// Raw HTML in a note is shown as the text typed, images show their alt text, and links carry no href: their
// http(s)/mailto address sits in data-href (the reader copies it on click), so nothing in a note can navigate.
import { Marked, type Tokens } from 'marked';
import { escapeHtml } from './html-escape';

/** Tags a rendered note may contain; marked emits no other once raw HTML, images and checkboxes are text. */
export const NOTE_TAGS = [
  'p',
  'br',
  'strong',
  'em',
  'del',
  'code',
  'pre',
  'blockquote',
  'ul',
  'ol',
  'li',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'hr',
  'a',
  'table',
  'thead',
  'tbody',
  'tr',
  'th',
  'td',
];
export const NOTE_ATTRIBUTES = ['data-href', 'title', 'rel', 'class', 'start', 'align'];

/** Link addresses a note may show: web and mail only (no javascript:, data:, file: or in-page jumps). */
export const SAFE_NOTE_LINK = /^(https?:|mailto:)/i;

/** The address a link may point to, or null for anything but http(s) and mailto. */
export function safeLinkTarget(href: string): string | null {
  const trimmed = href.trim();
  return SAFE_NOTE_LINK.test(trimmed) ? trimmed : null;
}

const marked = new Marked({
  gfm: true,
  breaks: true,
  async: false,
  renderer: {
    // Raw HTML blocks and inline tags are text in a note.
    html({ text }: Tokens.HTML | Tokens.Tag) {
      return escapeHtml(text);
    },
    link(this: { parser: { parseInline(t: Tokens.Generic[]): string } }, token: Tokens.Link) {
      const label = this.parser.parseInline(token.tokens);
      const target = safeLinkTarget(token.href);
      if (!target) return label;
      const addr = escapeHtml(target);
      return `<a class="note-link" data-href="${addr}" title="${addr}" rel="noopener noreferrer">${label}</a>`;
    },
    // Images would fetch; a note shows their alt text only.
    image({ text }: Tokens.Image) {
      return escapeHtml(text);
    },
    // A task list's box is text, not a form control.
    checkbox({ checked }: Tokens.Checkbox) {
      return checked ? '[x] ' : '[ ] ';
    },
  },
});

/** Safe HTML for a Markdown note ('' for an empty note). */
export function renderNoteHtml(markdown: string): string {
  if (markdown.trim() === '') return '';
  return marked.parse(markdown, { async: false }).trim();
}

/** A one-line plain-text preview of a note (for lists and tooltips). */
export function notePreview(markdown: string, max = 120): string {
  const flat = markdown
    .replace(/[*_`#>~[\]()!]/g, '')
    .replace(/\s+/g, ' ')
    .trim();
  return flat.length > max ? flat.slice(0, max - 1) + '…' : flat;
}
