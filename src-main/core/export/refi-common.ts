// Shared pieces of the REFI-QDA formats (.qdpx project, .qdc codebook): GUIDs, codebook XML, XML parsing.
import { createHash } from 'node:crypto';
import { DOMParser } from 'linkedom';
import type { Tag } from '../../shared/domain';
import { escapeXml, safeColour } from './escape';

export const PROJECT_NS = 'urn:QDA-XML:project:1.0';
export const CODEBOOK_NS = 'urn:QDA-XML:codebook:1.0';
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** REFI-QDA requires GUIDs; ids that are not UUIDs get a stable name-based (v5-style) one. */
export function guidFor(kind: string, id: string): string {
  if (UUID.test(id)) return id.toLowerCase();
  const h = createHash('sha1').update(`corroborate:${kind}:${id}`).digest('hex');
  const variant = ((parseInt(h[16]!, 16) & 0x3) | 0x8).toString(16);
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-5${h.slice(13, 16)}-${variant}${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

export const attr = (name: string, value: string | number | boolean | null | undefined) =>
  value === null || value === undefined || value === '' ? '' : ` ${name}="${escapeXml(String(value))}"`;

/** The codebook as nested <Code> elements (children inside their parent), in the order given. */
export function codesXml(tags: readonly Tag[], indent = '    '): string {
  const byParent = new Map<string | null, Tag[]>();
  const ids = new Set(tags.map((t) => t.id));
  for (const t of tags) {
    const parent = t.parentId !== null && ids.has(t.parentId) ? t.parentId : null;
    byParent.set(parent, [...(byParent.get(parent) ?? []), t]);
  }
  const seen = new Set<string>();
  const render = (t: Tag, pad: string): string => {
    if (seen.has(t.id)) return '';
    seen.add(t.id);
    const children = (byParent.get(t.id) ?? []).map((c) => render(c, `${pad}  `)).join('');
    const description = t.description
      ? `${pad}  <Description>${escapeXml(t.description)}</Description>\n`
      : '';
    const open = `${pad}<Code${attr('guid', guidFor('tag', t.id))}${attr('name', t.name)} isCodable="true"${attr('color', safeColour(t.colour).toUpperCase())}`;
    return description || children ? `${open}>\n${description}${children}${pad}</Code>\n` : `${open}/>\n`;
  };
  return (byParent.get(null) ?? []).map((t) => render(t, indent)).join('');
}

export interface XmlElement {
  localName: string;
  tagName: string;
  children: ArrayLike<XmlElement>;
  textContent: string | null;
  getAttribute(name: string): string | null;
}

/** Parses XML and returns the root element, or throws a message a person understands. */
export function parseXmlRoot(xml: string, expected: string): XmlElement {
  const doc = new DOMParser().parseFromString(xml.replace(/^\uFEFF/, ''), 'text/xml') as unknown as {
    documentElement: XmlElement | null;
  };
  const root = doc.documentElement;
  if (!root || localName(root) !== expected)
    throw new Error(`Not a REFI-QDA file: expected a <${expected}> root element`);
  return root;
}

const XML_ENTITIES: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

/**
 * An attribute value. linkedom's XML mode leaves &lt; &gt; &amp; undecoded in attributes (it decodes
 * &quot; and numeric ones), so what remains is decoded here in a single pass.
 */
export function attribute(el: XmlElement, name: string): string | null {
  const raw = el.getAttribute(name);
  return raw === null
    ? null
    : raw.replace(/&(lt|gt|amp|quot|apos|#\d+|#x[0-9a-f]+);/gi, (m, e: string) =>
        e[0] === '#'
          ? String.fromCodePoint(e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : Number(e.slice(1)))
          : (XML_ENTITIES[e.toLowerCase()] ?? m),
      );
}

export const localName = (el: XmlElement) => (el.localName ?? el.tagName).replace(/^.*:/, '');
export const childElements = (el: XmlElement, name: string): XmlElement[] =>
  Array.from(el.children).filter((c) => localName(c) === name);
export const firstChild = (el: XmlElement, name: string): XmlElement | undefined =>
  childElements(el, name)[0];

/** <Code> elements (nested) → tags with parentId; GUIDs become the tag ids. */
export function tagsFromCodes(codes: XmlElement | undefined, now: string): Tag[] {
  const tags: Tag[] = [];
  const visit = (el: XmlElement, parentId: string | null) => {
    const id = attribute(el, 'guid') ?? guidFor('code', `${parentId}/${attribute(el, 'name')}`);
    const colour = attribute(el, 'color') ?? '';
    tags.push({
      id,
      name: attribute(el, 'name')?.trim() || 'Untitled code',
      colour: /^#[0-9a-f]{6}$/i.test(colour) ? colour.toLowerCase() : '#9ca3af',
      parentId,
      description: firstChild(el, 'Description')?.textContent?.trim() ?? '',
      shortcut: null,
      createdAt: now,
      updatedAt: now,
    });
    for (const child of childElements(el, 'Code')) visit(child, id);
  };
  if (codes) for (const code of childElements(codes, 'Code')) visit(code, null);
  return tags;
}
