// Cheap checks on raw HTML before any parser sees it: nesting depth, active content, declared charset.

// Elements that never have children, and those whose end tag may be omitted (they close implicitly,
// so counting them would overstate the depth of ordinary pages).
const VOID_OR_IMPLICIT = new Set([
  'area',
  'base',
  'br',
  'col',
  'embed',
  'hr',
  'img',
  'input',
  'link',
  'meta',
  'param',
  'source',
  'track',
  'wbr',
  'p',
  'li',
  'dt',
  'dd',
  'tr',
  'td',
  'th',
  'thead',
  'tbody',
  'tfoot',
  'option',
  'optgroup',
  'colgroup',
  'caption',
  'rb',
  'rt',
  'rp',
  'image',
  'basefont',
  'bgsound',
  'frame',
  'keygen',
]);

/**
 * The deepest element nesting of the page, estimated from its tags in one linear pass (a parser and
 * Readability walk the tree recursively or quadratically, so a hostile page must be refused before).
 */
export function estimateNestingDepth(html: string): number {
  // [^<>] (not [^>]) keeps the scan linear on broken markup full of unclosed "<a".
  const tag = /<!--[\s\S]*?(?:-->|$)|<(\/?)([a-zA-Z][a-zA-Z0-9:-]*)\b[^<>]*?(\/?)>/g;
  let depth = 0;
  let deepest = 0;
  for (let match = tag.exec(html); match; match = tag.exec(html)) {
    const name = match[2]?.toLowerCase();
    if (!name || VOID_OR_IMPLICIT.has(name) || match[3]) continue;
    if (match[1]) {
      if (depth > 0) depth--;
    } else if (++depth > deepest) {
      deepest = depth;
    }
  }
  return deepest;
}

/**
 * Remove scripts (except JSON-LD metadata, which is data), frames, objects and embeds from the source.
 * linkedom runs and fetches nothing; this is a second wall, and it makes the parse cheaper.
 */
export function stripActiveContent(html: string): string {
  return html
    .replace(/<script\b(?![^<>]*application\/ld\+json)[^<>]*>[\s\S]*?(?:<\/script\s*>|$)/gi, '')
    .replace(/<(iframe|object|frameset)\b[\s\S]*?(?:<\/\1\s*>|$)/gi, '')
    .replace(/<(?:embed|frame|applet)\b[^>]*>/gi, '');
}

/** The charset a page declares in its first kilobytes (<meta charset> or http-equiv), if any. */
export function declaredCharset(html: string): string | null {
  const head = html.slice(0, 4096);
  const match =
    /<meta[^>]+charset\s*=\s*["']?\s*([\w:.-]+)/i.exec(head) ??
    /<\?xml[^>]+encoding\s*=\s*["']([\w:.-]+)/i.exec(head);
  if (!match) return null;
  try {
    return new TextDecoder(match[1]!).encoding;
  } catch {
    return null;
  }
}
