// Markdown importer: marked's lexer reduces the source to its text, keeping headings, paragraphs and lists.
import { Lexer, type Token, type Tokens } from 'marked';
import type { ExtractedDocument } from '../../../shared/extraction';
import type { DecodedText } from '../decode';
import { cleanTitle, joinBlocks, normalizeDate } from '../normalize';
import { importText } from './text';

export function importMarkdown(decoded: DecodedText): ExtractedDocument {
  const { body, frontMatter } = splitFrontMatter(decoded.text);
  const tokens = new Lexer({ gfm: true }).lex(body);
  const blocks: string[] = [];
  let title: string | null = cleanTitle(frontMatter.title);
  for (const token of tokens) {
    if (token.type === 'heading' && !title && (token as Tokens.Heading).depth === 1) {
      title = cleanTitle(inlineText((token as Tokens.Heading).tokens));
    }
    blocks.push(...blockText(token));
  }
  const authors = frontMatter.author ? [frontMatter.author] : [];
  return {
    ...importText(decoded),
    format: 'md',
    title: title ?? '',
    authors,
    publishedAt: normalizeDate(frontMatter.date),
    text: joinBlocks(blocks),
  };
}

// Block tokens → paragraphs. Lists put each item on its own line with a marker, like in the source.
function blockText(token: Token): string[] {
  switch (token.type) {
    case 'heading':
    case 'paragraph':
      return [inlineText((token as Tokens.Heading | Tokens.Paragraph).tokens)];
    case 'text': {
      const text = token as Tokens.Text;
      return [text.tokens ? inlineText(text.tokens) : text.text];
    }
    case 'code':
      return [(token as Tokens.Code).text];
    case 'blockquote':
      return (token as Tokens.Blockquote).tokens.flatMap(blockText);
    case 'list': {
      const list = token as Tokens.List;
      const start = typeof list.start === 'number' ? list.start : 1;
      const lines = list.items.map((item, i) => {
        const marker = list.ordered ? `${start + i}. ` : '• ';
        return marker + item.tokens.flatMap(blockText).join(' ');
      });
      return [lines.join('\n')];
    }
    case 'table': {
      const table = token as Tokens.Table;
      const row = (cells: Tokens.TableCell[]): string =>
        cells.map((cell) => inlineText(cell.tokens)).join(' | ');
      return [[row(table.header), ...table.rows.map(row)].join('\n')];
    }
    case 'html':
      return [stripTags((token as Tokens.HTML).text)];
    default:
      return []; // space, hr, def: no text
  }
}

function inlineText(tokens: Token[] | undefined): string {
  if (!tokens) return '';
  let out = '';
  // Inline raw HTML arrives one tag per token: skip what sits between <script> (or <style>) and its end tag.
  let skippingUntil: RegExp | null = null;
  for (const token of tokens) {
    if (skippingUntil) {
      if (token.type === 'html' && skippingUntil.test(token.raw)) skippingUntil = null;
      continue;
    }
    const opening = token.type === 'html' ? /^<(script|style)\b/i.exec(token.raw) : null;
    if (opening && !new RegExp(`</${opening[1]}\\s*>`, 'i').test(token.raw)) {
      skippingUntil = new RegExp(`^</${opening[1]}\\s*>`, 'i');
      continue;
    }
    switch (token.type) {
      case 'br':
        out += '\n';
        break;
      case 'image':
        break; // an image's alt text is not part of the prose
      case 'codespan':
        out += (token as Tokens.Codespan).text;
        break;
      case 'html':
        out += stripTags((token as Tokens.Tag).text);
        break;
      case 'escape':
      case 'text': {
        const text = token as Tokens.Text;
        out += text.tokens ? inlineText(text.tokens) : decodeEntities(text.text);
        break;
      }
      default:
        out +=
          'tokens' in token && Array.isArray(token.tokens) ? inlineText(token.tokens) : (token.raw ?? '');
    }
  }
  return out;
}

// Raw HTML in Markdown is markup, not prose: scripts and styles are code, never article text.
function stripTags(html: string): string {
  return decodeEntities(
    html
      .replace(/<!--[\s\S]*?-->/g, '')
      .replace(/<(script|style)\b[\s\S]*?(?:<\/\1\s*>|$)/gi, ' ')
      .replace(/<[^>]*>/g, ' '),
  );
}

// marked escapes &, <, >, " and ' in text tokens; undo that (and the common named entities) for plain text.
function decodeEntities(text: string): string {
  const named: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' };
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, entity: string) => {
    if (entity[0] === '#') {
      const code =
        entity[1] === 'x' || entity[1] === 'X'
          ? parseInt(entity.slice(2), 16)
          : parseInt(entity.slice(1), 10);
      return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    }
    return named[entity.toLowerCase()] ?? whole;
  });
}

// YAML front matter (--- … ---) holds metadata, not prose; read the few simple keys we use.
function splitFrontMatter(source: string): { body: string; frontMatter: Record<string, string> } {
  const match = /^\uFEFF?---\r?\n([\s\S]*?)\r?\n---\r?\n/.exec(source);
  if (!match) return { body: source, frontMatter: {} };
  const frontMatter: Record<string, string> = {};
  for (const line of match[1]!.split(/\r?\n/)) {
    const pair = /^(title|author|date):\s*(.+)$/i.exec(line);
    if (pair) frontMatter[pair[1]!.toLowerCase()] = pair[2]!.trim().replace(/^(["'])(.*)\1$/, '$2');
  }
  return { body: source.slice(match[0].length), frontMatter };
}
