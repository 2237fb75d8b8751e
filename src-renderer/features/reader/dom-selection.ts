// Map a DOM selection in the reader to article offsets. Each statement's text element carries
// data-text-start/-end, and each rendered piece of it data-s (its article offset), so offsets
// never depend on how the browser splits or joins text nodes.
import { type TextPoint, spanFromPoints } from './spans';

const TEXT_SELECTOR = '[data-text-start]';

function textBounds(el: Element): { start: number; end: number } {
  return { start: Number(el.getAttribute('data-text-start')), end: Number(el.getAttribute('data-text-end')) };
}

/** The article offset of a point given as (element, child index) inside a text element. */
function segmentStartAt(container: Node, offset: number, textEl: Element): number {
  if (container instanceof Element && container.matches('[data-s]')) {
    const s = Number(container.getAttribute('data-s'));
    return offset === 0 ? s : s + (container.textContent?.length ?? 0);
  }
  for (let n: Node | null = container.childNodes[offset] ?? null; n; n = n.nextSibling) {
    if (!(n instanceof Element)) continue;
    const seg = n.matches('[data-s]') ? n : n.querySelector('[data-s]');
    if (seg) return Number(seg.getAttribute('data-s'));
  }
  return textBounds(textEl).end;
}

/** Describe a DOM point relative to the rendered statement texts inside `root`. */
export function describePoint(root: Element, node: Node, offset: number): TextPoint | null {
  const el = node instanceof Element ? node : node.parentElement;
  if (!el || !root.contains(el)) return null;
  const textEl = el.closest(TEXT_SELECTOR);
  if (textEl) {
    const seg = el.closest('[data-s]');
    if (seg && node.nodeType === Node.TEXT_NODE) {
      return {
        kind: 'segment',
        segmentStart: Number(seg.getAttribute('data-s')),
        segmentLength: seg.textContent?.length ?? 0,
        offset,
      };
    }
    return { kind: 'before', textStart: segmentStartAt(node, offset, textEl) };
  }
  // Outside any text (a chip, the gutter, the gap between rows): snap to the nearest text.
  const texts = [...root.querySelectorAll(TEXT_SELECTOR)];
  const range = document.createRange();
  for (const t of texts) {
    range.selectNodeContents(t);
    if (range.comparePoint(node, offset) < 0) return { kind: 'before', textStart: textBounds(t).start };
  }
  const last = texts.at(-1);
  return last ? { kind: 'after', textEnd: textBounds(last).end } : null;
}

/** The article span of the current selection inside `root`, or null. */
export function selectionSpan(root: Element, articleText: string): { start: number; end: number } | null {
  const sel = root.ownerDocument.getSelection();
  if (!sel || sel.rangeCount === 0 || sel.isCollapsed) return null;
  const range = sel.getRangeAt(0);
  if (!root.contains(range.commonAncestorContainer)) return null;
  const a = describePoint(root, range.startContainer, range.startOffset);
  const b = describePoint(root, range.endContainer, range.endOffset);
  if (!a || !b) return null;
  return spanFromPoints(articleText, a, b);
}
