// The byline cleaner on bylines written for this test: dates, times, counts and "By" go, names stay.
import { describe, expect, it } from 'vitest';
import { authorsFromByline } from '../../../../../src-main/core/import/byline';
import { extractDocument } from '../../../../../src-main/core/import/registry';

describe('authorsFromByline', () => {
  it('strips "By" and splits co-authors', () => {
    expect(authorsFromByline('By Jane Roe and John Doe')).toEqual(['Jane Roe', 'John Doe']);
    expect(authorsFromByline('Written by: Ana Lima, Tomás Ruiz')).toEqual(['Ana Lima', 'Tomás Ruiz']);
  });

  it('keeps the name when the byline carries its date', () => {
    expect(authorsFromByline('By Jane Roe April 28, 2019')).toEqual(['Jane Roe']);
    expect(authorsFromByline('By Jane Roe | Updated 6:01 p.m. ET Apr. 29, 2019')).toEqual(['Jane Roe']);
    expect(authorsFromByline('Posted on Monday, 12 March 2018 by Ana Lima')).toEqual(['Ana Lima']);
    expect(
      authorsFromByline('By KWAME OSEI, Associated Press • Published 3:33 PM EDT, Tue April 2, 2024'),
    ).toEqual(['KWAME OSEI', 'Associated Press']);
  });

  it('keeps a name glued to a date and a count', () => {
    expect(authorsFromByline('Jane RoeMay 3, 20195 min read')).toEqual(['Jane Roe']);
    expect(authorsFromByline('By Piotr Nowak 2019-11-05T08:00:00Z 12 comments')).toEqual(['Piotr Nowak']);
    expect(authorsFromByline('Mei Chen3h ago')).toEqual(['Mei Chen']);
  });

  it('does not mistake a name for a month or a weekday', () => {
    expect(authorsFromByline('By April Ryan and May Olsen')).toEqual(['April Ryan', 'May Olsen']);
    expect(authorsFromByline('By Sun Li, June 4, 2021')).toEqual(['Sun Li']);
  });

  it('splits at an ampersand between two people, not inside a firm name', () => {
    expect(authorsFromByline('By Jane Roe & John Doe')).toEqual(['Jane Roe', 'John Doe']);
    expect(authorsFromByline('By Marks &amp; Spencer press office')).toEqual([
      'Marks & Spencer press office',
    ]);
    expect(authorsFromByline('Staff of Ernst & Young, 2 May 2020')).toEqual(['Staff of Ernst & Young']);
  });

  it('gives no author for a byline that is only a date', () => {
    expect(authorsFromByline('March 3, 2021 at 9:15 am Updated March 4, 2021 at 1:02 pm')).toEqual([]);
    expect(authorsFromByline('   ')).toEqual([]);
  });

  it('keeps "Surname, Given" whole', () => {
    expect(authorsFromByline('Lindqvist, Maja')).toEqual(['Lindqvist, Maja']);
  });

  it('never returns fewer name words than the byline had', () => {
    // A byline it cannot take apart is kept whole rather than losing a name.
    const odd = 'Reporting from Kyiv: Oksana - with help from Ivan';
    const words = authorsFromByline(odd).join(' ');
    for (const name of ['Oksana', 'Ivan', 'Kyiv']) expect(words).toContain(name);
  });
});

describe('page authors', () => {
  const body = Array.from(
    { length: 6 },
    (_, i) =>
      `<p>The council met for the ${i + 1}th time on the harbour plan, and the vote was put off again.</p>`,
  ).join('');
  const page = (head: string, byline: string) =>
    `<!doctype html><html><head><title>Harbour plan</title>${head}</head><body><article><h1>Harbour plan</h1>` +
    `<p class="byline">${byline}</p>${body}</article></body></html>`;
  const authors = async (html: string) =>
    (await extractDocument(new TextEncoder().encode(html), 'page.html')).authors;

  it('takes the author from the page markup when the byline is only a date', async () => {
    const jsonLd =
      '<script type="application/ld+json">{"@type":"NewsArticle","author":[{"@type":"Person","name":"Rosa Lindgren"}]}</script>';
    expect(await authors(page(jsonLd, 'March 3, 2021 at 9:15 am'))).toEqual(['Rosa Lindgren']);
    const microdata = '<meta itemprop="author" content="Idris Bello">';
    expect(await authors(page(microdata, 'Updated 4:02 p.m. EST'))).toEqual(['Idris Bello']);
  });

  it('keeps the name of a byline that carries its date', async () => {
    expect(await authors(page('', 'By Rosa Lindgren, March 3, 2021'))).toEqual(['Rosa Lindgren']);
  });
});
