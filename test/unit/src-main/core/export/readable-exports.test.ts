// HTML, Markdown and DOCX exports: complete, escaped, and free of anything a note could smuggle in.
import mammoth from 'mammoth';
import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { exportDocx } from '../../../../../src-main/core/export/docx';
import { exportHtml } from '../../../../../src-main/core/export/html';
import { exportMarkdown } from '../../../../../src-main/core/export/md';
import { goldStatements, sampleDossier } from '../../../helpers/dossier-sample';

function hostileSample() {
  const d = sampleDossier();
  d.sources.find((s) => s.name === 'Russia')!.reliability = 'B';
  d.tags[0]!.colour = 'red; } body { display: none } .x {';
  d.articles[0]!.title = 'Title with <b>markup</b> & "quotes"';
  return d;
}

describe('HTML export', () => {
  it('is one self-contained document with no script, no remote resource and no markup from notes', async () => {
    const html = await exportHtml(hostileSample(), { title: 'CAR <dossier>', author: 'A. Analyst' });
    const { document } = parseHTML(html);
    expect(document.querySelectorAll('script, iframe, object, embed, img, link, base, form').length).toBe(0);
    for (const el of document.querySelectorAll('*'))
      for (const name of el.getAttributeNames())
        expect(name.startsWith('on'), `${el.tagName} ${name}`).toBe(false);
    expect(html).not.toMatch(/@import|url\(|javascript:/i);
    expect(html).not.toContain('display: none } .x');
    expect(document.querySelector('title')!.textContent).toBe('CAR <dossier>');
    expect(document.querySelector('h2#article-1, #article-1 h2')!.textContent).toContain(
      'Title with <b>markup</b> & "quotes"',
    );
  });

  it('shows every gold statement, footnotes for every note, grades like B2 and the claim matrix', async () => {
    const d = hostileSample();
    const { document } = parseHTML(await exportHtml(d, {}));
    const footnoteMarkers = [...document.querySelectorAll('.stmt sup.fn')];
    expect(footnoteMarkers).toHaveLength(d.annotations.filter((a) => a.note.trim() !== '').length);
    for (const sup of footnoteMarkers) sup.remove();
    const statements = [...document.querySelectorAll('.stmt')].map((p) => p.textContent);
    expect(statements).toEqual(goldStatements().map((g) => g.text));
    const withNotes = d.annotations.filter((a) => a.note.trim() !== '');
    expect(document.querySelectorAll('ol.footnotes > li')).toHaveLength(withNotes.length);
    // Annotation on Russia's statement: Russia graded B, credibility 2.
    expect(document.body.textContent).toContain('credibility B2');
    const header = [...document.querySelectorAll('table.matrix th')].map((th) => th.textContent!.trim());
    const russia = header.findIndex((h) => h.startsWith('Russia'));
    const cells = [...document.querySelectorAll('table.matrix tbody tr')][0]!.querySelectorAll('td');
    expect(cells[russia]!.textContent).toBe('denies');
    expect(document.querySelectorAll('mark')).toHaveLength(d.annotations.length);
    expect(document.querySelector('#provenance')!.textContent).toContain(d.articles[0]!.fileSha256);
  });

  it('reports progress and can be cancelled', async () => {
    const d = sampleDossier();
    for (let i = 0; i < 60; i++) d.articles.push({ ...d.articles[0]!, id: `copy-${i}` });
    const seen: number[] = [];
    await exportHtml(d, { onProgress: (done, total) => seen.push(done / total) });
    expect(seen[0]).toBe(0);
    expect(seen[seen.length - 1]).toBe(1);
    const controller = new AbortController();
    const run = exportHtml(d, {
      signal: controller.signal,
      onProgress: (done) => done > 0 && controller.abort(),
    });
    await expect(run).rejects.toThrow('cancelled');
  });
});

describe('Markdown export', () => {
  it('has the statements, footnotes and tables, and no raw HTML from notes', async () => {
    const d = hostileSample();
    const md = await exportMarkdown(d, { title: 'CAR' });
    expect(md).not.toMatch(/<script|<img|<b>/);
    expect(md).toContain('&lt;script&gt;');
    const withNotes = d.annotations.filter((a) => a.note.trim() !== '').length;
    expect(md.match(/^\[\^\d+\]: /gm)).toHaveLength(withNotes);
    expect(md).toContain('| Claim |');
    // Gold text survives Markdown escaping: remove the escapes and bold markers and compare.
    const plain = md
      .replace(/\*\*/g, '')
      .replace(/\\([\\`*_{}[\]#+!|~=.-])/g, '$1')
      .replace(/\[\^\d+\]/g, '');
    for (const g of goldStatements()) expect(plain).toContain(g.text);
  });
});

describe('DOCX export', () => {
  it('opens in a DOCX reader with the statements and the notes as footnotes', async () => {
    const d = sampleDossier();
    const bytes = await exportDocx(d, { title: 'CAR' });
    const { value: html } = await mammoth.convertToHtml({ buffer: Buffer.from(bytes) });
    const { document } = parseHTML(`<html><body>${html}</body></html>`);
    const text = document.body.textContent!.replace(/\[\d+\]/g, '');
    for (const g of goldStatements()) expect(text).toContain(g.text);
    expect(document.querySelectorAll('li[id^="footnote-"]')).toHaveLength(
      d.annotations.filter((a) => a.note.trim()).length,
    );
    expect(html).not.toContain('<script');
    // The hostile note arrives as the text the analyst typed, never as markup.
    expect(text).toContain('Check this <script>alert("x")</script>');
  });
});
