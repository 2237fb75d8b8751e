// Notes in the reader: the one note sanitiser's HTML (src-main/shared/notes.ts), re-checked in the browser by
// DOMPurify against the same allow-list as a second layer before it is inserted with {@html}.
import DOMPurify from 'dompurify';
import { NOTE_ATTRIBUTES, NOTE_TAGS, renderNoteHtml, SAFE_NOTE_LINK } from '../../src-main/shared/notes';

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

/** A note as sanitised HTML, safe to insert with {@html}. */
export function renderNote(markdown: string): string {
  const html = renderNoteHtml(markdown);
  const p = getPurifier();
  if (!p) return html;
  return p.sanitize(html, {
    ALLOWED_TAGS: NOTE_TAGS,
    ALLOWED_ATTR: NOTE_ATTRIBUTES,
    ALLOW_DATA_ATTR: false,
    ALLOWED_URI_REGEXP: SAFE_NOTE_LINK,
  });
}
