// HTML quality on the Readability test pages: article text, titles and the other metadata.
import { describe, expect, it } from 'vitest';
import { extractDocument } from '../../../../../src-main/core/import/registry';
import { normalizeDate } from '../../../../../src-main/core/import/normalize';
import { corpusBytes, corpusDir, corpusText } from './corpus';
import { visibleText, wordF1 } from './word-f1';

interface ExpectedMetadata {
  title: string | null;
  byline: string | null;
  siteName: string | null;
  publishedTime: string | null;
  lang?: string | null;
}

const squash = (text: string | null | undefined): string =>
  (text ?? '')
    .replace(/^by\s+/i, '')
    .replace(/\s+/g, ' ')
    .trim()
    .toLowerCase();

describe('HTML corpus (mozilla/readability test pages)', async () => {
  const pages = corpusDir('html');
  const results = await Promise.all(
    pages.map(async (page) => {
      const expected = JSON.parse(corpusText('html', page, 'expected-metadata.json')) as ExpectedMetadata;
      const document = await extractDocument(corpusBytes('html', page, 'source.html'), `${page}.html`);
      const f1 = wordF1(document.text, visibleText(corpusText('html', page, 'expected.html')));
      return { page, expected, document, f1 };
    }),
  );

  it('keeps the article text: mean word-F1 against expected.html ≥ 0.99', () => {
    const mean = results.reduce((sum, result) => sum + result.f1, 0) / results.length;
    console.log(
      `HTML mean word-F1 ${mean.toFixed(4)} over ${results.length} pages; lowest:`,
      results
        .sort((a, b) => a.f1 - b.f1)
        .slice(0, 3)
        .map((r) => `${r.page} ${r.f1.toFixed(4)}`)
        .join(', '),
    );
    expect(results.length).toBe(24);
    expect(mean).toBeGreaterThanOrEqual(0.99);
  });

  it('finds the title of at least 95 % of pages', () => {
    const matching = results.filter((r) => r.document.title === r.expected.title);
    console.log(
      `titles ${matching.length}/${results.length}; different:`,
      results
        .filter((r) => r.document.title !== r.expected.title)
        .map((r) => `${r.page}: ${r.document.title}`),
    );
    expect(matching.length / results.length).toBeGreaterThanOrEqual(0.95);
  });

  it('finds bylines, site names and dates on most pages that have them', () => {
    const rate = (have: typeof results, same: (r: (typeof results)[number]) => boolean): [number, number] => [
      have.filter(same).length,
      have.length,
    ];
    const bylines = rate(
      results.filter((r) => r.expected.byline),
      (r) => squash(r.document.authors.join(', ')) === squash(r.expected.byline),
    );
    const sites = rate(
      results.filter((r) => r.expected.siteName),
      (r) => squash(r.document.outlet) === squash(r.expected.siteName),
    );
    const dates = rate(
      results.filter((r) => r.expected.publishedTime),
      (r) => r.document.publishedAt === normalizeDate(r.expected.publishedTime),
    );
    const languages = rate(
      results.filter((r) => r.expected.lang),
      (r) => r.document.language === r.expected.lang,
    );
    console.log(
      `bylines ${bylines.join('/')}, site names ${sites.join('/')}, dates ${dates.join('/')}, languages ${languages.join('/')}`,
    );
    for (const [found, total] of [bylines, sites, dates, languages])
      expect(found / total).toBeGreaterThan(0.5);
  });

  it('gives a canonical URL only as an absolute http(s) address', () => {
    const withUrl = results.filter((r) => r.document.url);
    expect(withUrl.length).toBeGreaterThan(5);
    for (const r of withUrl) expect(r.document.url).toMatch(/^https?:\/\//);
  });

  it('returns normalised text: NFC, no blank-line runs, no stray spaces', () => {
    for (const { document } of results) {
      expect(document.text).toBe(document.text.normalize('NFC'));
      expect(document.text).not.toMatch(/\n{3,}|^\s|\s$| {2,}|[ \t]\n|\n[ \t]/);
    }
  });
});
