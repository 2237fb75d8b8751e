// HTML importer: Mozilla Readability on linkedom for the article text and its metadata; nothing runs or loads.
import { Readability } from '@mozilla/readability';
import { parseHTML } from 'linkedom';
import { AppError } from '../../../shared/errors';
import type { ExtractedDocument } from '../../../shared/extraction';
import { decodeAs, type DecodedText } from '../decode';
import { declaredCharset, estimateNestingDepth, stripActiveContent } from '../html-guard';
import { htmlToText } from '../html-text';
import type { ImportLimits } from '../limits';
import { authorsFromByline } from '../byline';
import { cleanTitle, normalizeDate } from '../normalize';

// Readability needs this much text to call something an article; below it we keep the whole body.
const MIN_ARTICLE_CHARS = 200;

export interface HtmlImportOptions {
  /** E-mail bodies are not web pages: keep all their text instead of looking for an article in them. */
  wholeBody?: boolean;
}

export function importHtml(
  decoded: DecodedText,
  bytes: Uint8Array | null,
  limits: ImportLimits,
  options: HtmlImportOptions = {},
): ExtractedDocument {
  const source = redecodeIfDeclared(decoded, bytes);
  const depth = estimateNestingDepth(source);
  if (depth > limits.maxHtmlDepth) {
    throw new AppError(
      'refused',
      `web page is nested about ${depth} levels deep; the limit is ${limits.maxHtmlDepth} (damaged or hostile page?)`,
    );
  }
  const document = parsePage(stripActiveContent(source));
  for (const active of document.querySelectorAll(
    'script:not([type="application/ld+json"]),iframe,object,embed,frame',
  )) {
    active.remove();
  }
  const meta = readHeadMetadata(document as unknown as Document);
  const body = document.body as unknown as Element | null;
  const wholeText = body ? htmlToText(body) : '';

  let article: ReturnType<Readability<Element>['parse']> = null;
  if (!options.wholeBody) {
    try {
      article = new Readability<Element>(document as unknown as Document, {
        serializer: (node) => node as Element,
        // Readability retries with looser rules while its result is shorter than charThreshold; on a short
        // page every retry walks the whole tree again, which costs seconds on deep markup. A threshold
        // below the page's own length lets the first pass succeed.
        charThreshold: Math.min(500, Math.max(20, Math.floor(wholeText.length / 2))),
      }).parse();
    } catch (error) {
      if (error instanceof RangeError) throw new AppError('refused', 'web page is too deeply nested to read');
      article = null; // Readability gave up on odd markup: the whole visible text is still worth keeping
    }
  }
  const articleText = article?.content ? htmlToText(article.content) : '';
  const useArticle = articleText.length >= Math.min(MIN_ARTICLE_CHARS, wholeText.length);
  const warnings: string[] = [];
  if (!options.wholeBody && !useArticle && wholeText)
    warnings.push('no article found in the page; kept all its text');

  return {
    format: 'html',
    title: cleanTitle(article?.title) ?? meta.title ?? '',
    outlet: cleanTitle(article?.siteName) ?? meta.siteName,
    // A byline that is only a date (no name left once cleaned) gives way to the page's author metadata.
    authors: firstNonEmpty(authorsFromByline(article?.byline), authorsFromByline(meta.author)),
    publishedAt: normalizeDate(article?.publishedTime ?? meta.published),
    url: meta.url,
    language: cleanTitle(article?.lang ?? meta.lang),
    text: useArticle ? articleText : wholeText,
    warnings,
  };
}

function firstNonEmpty(...lists: string[][]): string[] {
  return lists.find((list) => list.length > 0) ?? [];
}

// linkedom builds no implicit <html>/<body> for a fragment, and Readability needs both: wrap what lacks them.
function parsePage(html: string): ReturnType<typeof parseHTML>['document'] {
  const { document } = parseHTML(html);
  if (document.documentElement && document.body) return document;
  return parseHTML(`<!doctype html><html><head></head><body>${html}</body></html>`).document;
}

// A page that declares a charset other than the one our byte-level guess chose is decoded as it says,
// unless it came with a BOM or as valid UTF-8 (both are stronger evidence than a meta tag).
function redecodeIfDeclared(decoded: DecodedText, bytes: Uint8Array | null): string {
  if (!bytes || decoded.encoding === 'utf-8' || decoded.encoding.startsWith('utf-16')) return decoded.text;
  const declared = declaredCharset(decoded.text);
  if (!declared || declared === decoded.encoding || declared.startsWith('utf-16')) return decoded.text;
  return decodeAs(declared, bytes);
}

interface HeadMetadata {
  title: string | null;
  siteName: string | null;
  author: string | null;
  published: string | null;
  url: string | null;
  lang: string | null;
}

// Read before Readability runs, because Readability rewrites the document it is given.
function readHeadMetadata(document: Document): HeadMetadata {
  const metaContent = (...keys: string[]): string | null => {
    for (const key of keys) {
      const element = document.querySelector(`meta[property="${key}"],meta[name="${key}"]`);
      const content = element?.getAttribute('content')?.trim();
      if (content) return content;
    }
    return null;
  };
  const canonical = document.querySelector('link[rel~="canonical"]')?.getAttribute('href')?.trim();
  return {
    title: cleanTitle(
      metaContent('og:title', 'twitter:title') ?? document.querySelector('title')?.textContent,
    ),
    siteName: cleanTitle(metaContent('og:site_name', 'application-name')),
    author: pageAuthor(document, metaContent),
    published: metaContent('article:published_time', 'date', 'dc.date', 'pubdate'),
    url: absoluteHttpUrl(canonical) ?? absoluteHttpUrl(metaContent('og:url')),
    lang: document.documentElement?.getAttribute('lang')?.trim() || metaContent('og:locale'),
  };
}

/**
 * The page's author from its markup, for when Readability's byline names nobody: meta tags (a profile URL
 * is not a name), then schema.org microdata (itemprop="author", or its itemprop="name"), then JSON-LD.
 */
function pageAuthor(document: Document, metaContent: (...keys: string[]) => string | null): string | null {
  const notUrl = (value: string | null | undefined): string | null =>
    value?.trim() && !/^https?:\/\//i.test(value.trim()) ? value.trim() : null;
  const fromMeta = notUrl(metaContent('author', 'article:author', 'dc.creator'));
  if (fromMeta) return fromMeta;
  for (const element of document.querySelectorAll('[itemprop~="author"]')) {
    // <meta itemprop="author" content>, a nested itemprop="name", or a short element that is the name itself.
    const named = element.matches('[content]')
      ? element
      : (element.querySelector('[itemprop~="name"]') ?? element);
    const text = named.getAttribute('content') ?? named.textContent;
    const value = text && text.trim().length <= 100 ? notUrl(text) : null;
    if (value) return value;
  }
  for (const script of document.querySelectorAll('script[type="application/ld+json"]')) {
    const names = jsonLdAuthors(script.textContent ?? '');
    if (names.length) return names.join(', ');
  }
  return null;
}

function jsonLdAuthors(json: string): string[] {
  let data: unknown;
  try {
    data = JSON.parse(json);
  } catch {
    return [];
  }
  const names: string[] = [];
  const visit = (node: unknown, depth: number): void => {
    if (depth > 4 || !node || typeof node !== 'object') return;
    if (Array.isArray(node)) return node.slice(0, 50).forEach((n) => visit(n, depth + 1));
    const record = node as Record<string, unknown>;
    for (const author of [record.author].flat()) {
      const name = typeof author === 'string' ? author : (author as { name?: unknown } | null)?.name;
      if (typeof name === 'string' && name.trim() && !/^https?:\/\//i.test(name)) names.push(name.trim());
    }
    if (!names.length && record['@graph']) visit(record['@graph'], depth + 1);
  };
  visit(data, 0);
  return [...new Set(names)];
}

function absoluteHttpUrl(value: string | null | undefined): string | null {
  if (!value) return null;
  try {
    const url = new URL(value);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : null;
  } catch {
    return null;
  }
}
