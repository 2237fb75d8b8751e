// Bylines on the corpus web pages: the app's authors next to bare Readability's byline, both scored
// against the names read by hand from each page (test/fixtures/bylines/corpus-pages.json); then bylines written
// for the test after the cleaner was built (written.json), the cleaner next to the byline left as it is.
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { Readability } from '@mozilla/readability';
import { parseHTML } from 'linkedom';
import { authorsFromByline } from '../src-main/core/import/byline';
import { extractDocument } from '../src-main/core/import/registry';

/** Words that join names in a byline without being part of one. */
const CONNECTIVES = new Set(['by', 'and', 'avec', 'et', 'with']);

function nameWords(text: string): string {
  const words = text
    .toLowerCase()
    .split(/[^\p{L}]+/u)
    .filter((w) => w && !CONNECTIVES.has(w));
  return [...new Set(words)].sort().join(' ');
}

/** Right when it names exactly the credited people: no name word missing, no date, time or count left. */
export function bylineRight(given: string, names: readonly string[]): boolean {
  return nameWords(given) === nameWords(names.join(' ')) && !/\d/.test(given);
}

export async function printBylineEval(repoRoot: string, corpus: string): Promise<void> {
  const truth = JSON.parse(
    readFileSync(resolve(repoRoot, 'test/fixtures/bylines/corpus-pages.json'), 'utf8'),
  ) as {
    names: Record<string, string[]>;
  };
  let ours = 0;
  let bare = 0;
  const lines: string[] = [];
  const pages = Object.entries(truth.names);
  for (const [page, names] of pages) {
    const html = readFileSync(join(corpus, 'html', page, 'source.html'));
    const document = await extractDocument(new Uint8Array(html), `${page}.html`);
    const readability =
      new Readability(parseHTML(html.toString('utf8')).document as unknown as Document).parse()?.byline ?? '';
    const oursRight = bylineRight(document.authors.join(', '), names);
    const bareRight = bylineRight(readability, names);
    ours += Number(oursRight);
    bare += Number(bareRight);
    if (!oursRight || !bareRight)
      lines.push(
        `  ${page}: want ${JSON.stringify(names)}; ours ${oursRight ? 'right' : JSON.stringify(document.authors)}; Readability ${bareRight ? 'right' : JSON.stringify(readability)}`,
      );
  }
  console.log(`\n## Bylines on the corpus web pages (${pages.length} pages, names read by hand)`);
  console.log(`right: ours ${ours}/${pages.length}, bare Readability ${bare}/${pages.length}`);
  console.log(lines.length ? lines.join('\n') : 'misses: none');
}

export function printWrittenBylines(repoRoot: string): void {
  const { cases } = JSON.parse(
    readFileSync(resolve(repoRoot, 'test/fixtures/bylines/written.json'), 'utf8'),
  ) as {
    cases: { byline: string; names: string[] }[];
  };
  let ours = 0;
  let raw = 0;
  const misses: string[] = [];
  for (const c of cases) {
    const authors = authorsFromByline(c.byline);
    if (bylineRight(authors.join(', '), c.names)) ours++;
    else misses.push(`  ours misses ${JSON.stringify(c.byline)}: ${JSON.stringify(authors)}`);
    if (bylineRight(c.byline, c.names)) raw++;
  }
  console.log(`\n## Bylines written for the test (${cases.length}, not tuned on)`);
  console.log(
    `right: ours ${ours}/${cases.length}, the byline as the library gives it ${raw}/${cases.length}`,
  );
  console.log(misses.length ? misses.join('\n') : 'misses: none');
}
