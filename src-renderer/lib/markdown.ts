// Annotation notes: Markdown rendered to inert HTML. Raw HTML in a note is shown as text, never
// parsed; links never navigate the app window (they carry their address in data-href and the
// reader copies it on click); DOMPurify then re-checks the result against a strict allow-list.
import { Marked, type Tokens } from 'marked';
import DOMPurify from 'dompurify';

/** Tags a rendered note may contain; everything else is dropped (its text kept). */
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
export const NOTE_ATTRIBUTES = ['data-href', 'title', 'rel', 'class', 'start'];

const SAFE_LINK = /^(https?:|mailto:)/i;

export function escapeHtml(s: string): string {
  return s
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

/** The address a link may point to, or null for anything but http(s) and mailto. */
export function safeLinkTarget(href: string): string | null {
  const trimmed = href.trim();
  return SAFE_LINK.test(trimmed) ? trimmed : null;
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
    // Links carry no href: nothing in a note can navigate the window, even if a click handler
    // is missing. The reader copies data-href to the clipboard instead (see NoteView).
    link(this: { parser: { parseInline(t: Tokens.Generic[]): string } }, token: Tokens.Link) {
      const label = this.parser.parseInline(token.tokens);
      const target = safeLinkTarget(token.href);
      if (!target) return label;
      const addr = escapeHtml(target);
      return `<a class="note-link" data-href="${addr}" title="${addr} (click to copy)" rel="noopener noreferrer">${label}</a>`;
    },
    // Images would fetch; a note shows their alt text only.
    image({ text }: Tokens.Image) {
      return escapeHtml(text);
    },
  },
});

type Purifier = { sanitize(html: string, cfg: Record<string, unknown>): string; isSupported: boolean };
let purifier: Purifier | null = null;
function getPurifier(): Purifier | null {
  if (purifier) return purifier;
  if (typeof window === 'undefined' || !DOMPurify.isSupported) return null;
  // Links keep (or regain) their rel whatever the allow-list did to it.
  DOMPurify.addHook('afterSanitizeAttributes', (node) => {
    if (node.tagName === 'A') node.setAttribute('rel', 'noopener noreferrer');
  });
  purifier = DOMPurify as unknown as Purifier;
  return purifier;
}

/** Markdown without sanitising by DOMPurify (the first layer; exported for tests). */
export function markdownToHtml(markdown: string): string {
  return marked.parse(markdown, { async: false });
}

/** A note as sanitised HTML, safe to insert with {@html}. */
export function renderNote(markdown: string): string {
  const html = markdownToHtml(markdown);
  const p = getPurifier();
  if (!p) return html;
  return p.sanitize(html, {
    ALLOWED_TAGS: NOTE_TAGS,
    ALLOWED_ATTR: NOTE_ATTRIBUTES,
    ALLOW_DATA_ATTR: false,
    ALLOWED_URI_REGEXP: SAFE_LINK,
  });
}

/** A one-line plain-text preview of a note (for lists and tooltips). */
export function notePreview(markdown: string, max = 120): string {
  const flat = markdown
    .replace(/[*_`#>~[\]()!]/g, '')
    .replace(/\s+/g, ' ')
    .trim();
  return flat.length > max ? flat.slice(0, max - 1) + '…' : flat;
}
