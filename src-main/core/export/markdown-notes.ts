// Turns an analyst's Markdown note into safe HTML: marked renders it, a strict allowlist rebuilds it.
import { parseHTML } from 'linkedom';
import { Marked } from 'marked';
import { escapeHtml } from './escape';

// DOMPurify reports isSupported=false on linkedom and then returns input unchanged, so instead the
// parsed tree is re-serialised from scratch: only these elements and attributes can ever come out.
const ALLOWED_ELEMENTS = new Set([
  'p',
  'em',
  'strong',
  'del',
  'code',
  'pre',
  'ul',
  'ol',
  'li',
  'blockquote',
  'br',
  'hr',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'table',
  'thead',
  'tbody',
  'tr',
  'th',
  'td',
  'a',
]);
/** Elements whose content is never text for a reader (dropped with everything inside). */
const DROPPED_WITH_CONTENT = new Set([
  'script',
  'style',
  'iframe',
  'object',
  'embed',
  'template',
  'noscript',
  'svg',
  'math',
  'textarea',
  'select',
]);
const VOID_ELEMENTS = new Set(['br', 'hr']);
const SAFE_HREF = /^(https?:|mailto:|#)/i;

interface MiniNode {
  nodeType: number;
  nodeName: string;
  textContent: string | null;
  childNodes: ArrayLike<MiniNode>;
  getAttribute?(name: string): string | null;
}

function serialise(node: MiniNode): string {
  if (node.nodeType === 3) return escapeHtml(node.textContent ?? '');
  if (node.nodeType !== 1 && node.nodeType !== 11 && node.nodeType !== 9) return '';
  const name = node.nodeName.toLowerCase();
  if (DROPPED_WITH_CONTENT.has(name)) return '';
  let inner = '';
  for (let i = 0; i < node.childNodes.length; i++) inner += serialise(node.childNodes[i]!);
  if (node.nodeType !== 1 || !ALLOWED_ELEMENTS.has(name)) return inner; // unknown element: keep its text only
  if (VOID_ELEMENTS.has(name)) return `<${name}>`;
  if (name === 'a') {
    const href = (node.getAttribute?.('href') ?? '').trim();
    // Links leave the document, so they are shown but never active script.
    return SAFE_HREF.test(href)
      ? `<a href="${escapeHtml(href)}" rel="noreferrer noopener">${inner}</a>`
      : inner;
  }
  return `<${name}>${inner}</${name}>`;
}

// Raw HTML written in a note is shown as the text the analyst typed, never interpreted.
const notesMarked = new Marked({
  gfm: true,
  renderer: {
    html(token) {
      return escapeHtml(token.text);
    },
  },
});

/** Safe HTML for a Markdown note; raw HTML inside the note is reduced to its text. */
export function renderNoteHtml(markdown: string): string {
  if (markdown.trim() === '') return '';
  const html = notesMarked.parse(markdown, { async: false });
  const { document } = parseHTML(`<!doctype html><html><body><div id="root">${html}</div></body></html>`);
  const root = document.getElementById('root') as unknown as MiniNode | null;
  return root ? serialise(root).trim() : escapeHtml(markdown);
}

/** The note as plain-text paragraphs (for formats without HTML, like DOCX footnotes). */
export function renderNoteParagraphs(markdown: string): string[] {
  const html = renderNoteHtml(markdown);
  if (html === '') return [];
  const { document } = parseHTML(`<!doctype html><html><body><div id="root">${html}</div></body></html>`);
  const root = document.getElementById('root');
  if (!root) return [markdown];
  const blocks = [...root.children].map((el) =>
    el.tagName === 'UL' || el.tagName === 'OL'
      ? [...el.children].map((li) => `• ${li.textContent ?? ''}`).join('\n')
      : (el.textContent ?? ''),
  );
  return blocks
    .flatMap((b) => b.split('\n'))
    .map((s) => s.trim())
    .filter(Boolean);
}
