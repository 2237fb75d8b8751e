// W3C Web Annotation export: a JSON-LD AnnotationCollection with TextQuote and TextPosition selectors.
import type { Dossier } from '../../shared/dossier';
import { offsetConverter } from '../../shared/dossier/offsets';
import { progressTicker } from './progress';
import type { ExportOptions } from './types';

/** A stable URN for an article: its text hash identifies exactly the text the offsets refer to. */
export const articleUrn = (textSha256: string) => `urn:sha256:${textSha256}`;
const annotationUrn = (id: string) => `urn:uuid:${/^[0-9a-f-]{36}$/i.test(id) ? id : encodeURIComponent(id)}`;
/** Dates in the model must be xsd:dateTime; anything unparsable is left out rather than written invalid. */
const dateTime = (iso: string) =>
  Number.isNaN(Date.parse(iso)) ? undefined : new Date(iso).toISOString().replace('.000Z', 'Z');

export async function exportW3c(d: Dossier, opts: ExportOptions = {}): Promise<string> {
  const progress = progressTicker(d.annotations.length, opts.onProgress, opts.signal, 500);
  const article = new Map(d.articles.map((a) => [a.id, a]));
  const tag = new Map(d.tags.map((t) => [t.id, t]));
  const converters = new Map<string, ReturnType<typeof offsetConverter>>();
  const items: unknown[] = [];
  for (const a of d.annotations) {
    const art = article.get(a.articleId);
    // The W3C model counts characters as code points; Corroborate stores UTF-16 offsets.
    let convert = converters.get(a.articleId);
    if (!convert) converters.set(a.articleId, (convert = offsetConverter(art?.text ?? '')));
    const bodies: Record<string, unknown>[] = [];
    if (a.note.trim() !== '')
      bodies.push({ type: 'TextualBody', value: a.note, format: 'text/markdown', purpose: 'commenting' });
    for (const id of a.tagIds) {
      const t = tag.get(id);
      if (t) bodies.push({ type: 'TextualBody', value: t.name, purpose: 'tagging' });
    }
    if (a.credibility !== null)
      bodies.push({ type: 'TextualBody', value: `credibility ${a.credibility}`, purpose: 'assessing' });
    items.push({
      '@context': 'http://www.w3.org/ns/anno.jsonld',
      id: annotationUrn(a.id),
      type: 'Annotation',
      motivation: a.tagIds.length ? 'tagging' : a.note ? 'commenting' : 'highlighting',
      ...(a.author ? { creator: { type: 'Person', name: a.author } } : {}),
      created: dateTime(a.createdAt),
      modified: dateTime(a.updatedAt),
      ...(bodies.length === 1 ? { body: bodies[0] } : bodies.length > 1 ? { body: bodies } : {}),
      target: {
        source: articleUrn(art?.textSha256 ?? a.articleId),
        selector: [
          { type: 'TextQuoteSelector', exact: a.quote.exact, prefix: a.quote.prefix, suffix: a.quote.suffix },
          {
            type: 'TextPositionSelector',
            start: convert.toCodePoints(a.position.start),
            end: convert.toCodePoints(a.position.end),
          },
        ],
      },
    });
    await progress.tick();
  }
  progress.finish();
  const id = `urn:corroborate:dossier:${encodeURIComponent(d.exportedAt)}`;
  // The one page is embedded; as a page it needs its own @context and id to pass the page MUSTs.
  const page = {
    '@context': 'http://www.w3.org/ns/anno.jsonld',
    id: `${id}:page:0`,
    type: 'AnnotationPage',
    startIndex: 0,
    items,
  };
  const collection = {
    '@context': 'http://www.w3.org/ns/anno.jsonld',
    id,
    type: 'AnnotationCollection',
    label: opts.title ?? 'Corroborate dossier',
    total: items.length,
    ...(items.length ? { first: page } : {}),
  };
  return `${JSON.stringify(collection, null, 1)}\n`;
}
