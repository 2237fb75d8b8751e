// Turns a parsed HTML tree into paragraphs of text: blocks become paragraphs, list items and table rows lines.
import { joinBlocks } from './normalize';

// Elements whose content is never readable text (or is code that must not leak into an article).
const SKIPPED = new Set([
  'script',
  'style',
  'noscript',
  'template',
  'iframe',
  'object',
  'embed',
  'svg',
  'math',
  'canvas',
  'head',
  'title',
  'select',
  'button',
  'textarea',
  'input',
  'audio',
  'video',
  'map',
  'frameset',
]);

// Elements that start a new paragraph (lists and tables are CONTAINERS, below).
const BLOCKS = new Set([
  'address',
  'article',
  'aside',
  'blockquote',
  'body',
  'center',
  'dd',
  'details',
  'dialog',
  'div',
  'dt',
  'fieldset',
  'figcaption',
  'figure',
  'footer',
  'form',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'header',
  'hgroup',
  'hr',
  'html',
  'li',
  'main',
  'nav',
  'p',
  'pre',
  'section',
  'summary',
  'caption',
  'legend',
]);

// Elements whose children are lines of one paragraph (items, rows) rather than paragraphs of their own.
const CONTAINERS = new Set(['ul', 'ol', 'menu', 'dl', 'table']);

const ELEMENT_NODE = 1;
const TEXT_NODE = 3;

interface Frame {
  node: Node;
  leaving: boolean;
}

/**
 * Text of an element, as normalised paragraphs: each block is a paragraph, except inside a list or a table,
 * which form one paragraph with an item or a row per line. Iterative, so deep trees cannot overflow the stack.
 */
export function htmlToText(root: Node): string {
  const blocks: string[] = [];
  let line = '';
  let preDepth = 0;
  let containerDepth = 0; // lists and tables we are inside
  const flush = (): void => {
    if (line.trim()) blocks.push(line);
    line = '';
  };
  const stack: Frame[] = [{ node: root, leaving: false }];
  while (stack.length > 0) {
    const { node, leaving } = stack.pop()!;
    if (node.nodeType === TEXT_NODE) {
      const text = node.nodeValue ?? '';
      line += preDepth > 0 ? text : text.replace(/\s+/g, ' ');
      continue;
    }
    if (node.nodeType !== ELEMENT_NODE) continue;
    const element = node as Element;
    const tag = element.localName.toLowerCase();
    const isContainer = CONTAINERS.has(tag);
    if (leaving) {
      if (tag === 'pre') preDepth--;
      if (isContainer) containerDepth--;
      if (tag === 'tr') line += '\n';
      else if (containerDepth > 0) line += BLOCKS.has(tag) ? ' ' : '';
      else if (BLOCKS.has(tag) || isContainer) flush();
      continue;
    }
    if (SKIPPED.has(tag)) continue;
    if (tag === 'br') {
      line += '\n';
      continue;
    }
    if (containerDepth === 0 && (BLOCKS.has(tag) || isContainer)) flush();
    else if (tag === 'li' || tag === 'dt' || tag === 'dd') line += '\n';
    else if ((tag === 'td' || tag === 'th') && element.previousElementSibling) line += ' | ';
    else if (containerDepth > 0 && BLOCKS.has(tag)) line += ' ';
    if (tag === 'li') line += listMarker(element);
    if (tag === 'pre') preDepth++;
    if (isContainer) containerDepth++;
    stack.push({ node, leaving: true });
    const children = element.childNodes;
    for (let i = children.length - 1; i >= 0; i--) stack.push({ node: children[i]!, leaving: false });
  }
  flush();
  return joinBlocks(blocks);
}

// "• " in a bulleted list, "3. " in a numbered one (honouring start="…").
function listMarker(item: Element): string {
  const list = item.parentElement;
  if (!list || list.localName.toLowerCase() !== 'ol') return '• ';
  const start = Number.parseInt(list.getAttribute('start') ?? '1', 10);
  let index = 0;
  for (let sibling = item.previousElementSibling; sibling; sibling = sibling.previousElementSibling) {
    if (sibling.localName.toLowerCase() === 'li') index++;
  }
  return `${(Number.isFinite(start) ? start : 1) + index}. `;
}
