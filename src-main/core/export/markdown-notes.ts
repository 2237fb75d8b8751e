// A note as plain-text paragraphs, for formats without HTML (DOCX footnotes), from the one note sanitiser.
import { parseHTML } from 'linkedom';
import { renderNoteHtml } from '../../shared/notes';

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
