// Notes render Markdown (bold, links) but never HTML from the note: tags are shown as text,
// links carry no href, unsafe schemes and images are dropped — also for random hostile input.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { parseHTML } from 'linkedom';
import { renderNote } from '../../../../src-renderer/lib/markdown';
import {
  NOTE_ATTRIBUTES,
  NOTE_TAGS,
  renderNoteHtml as markdownToHtml,
} from '../../../../src-main/shared/notes';
import { exportHtml } from '../../../../src-main/core/export/html';
import { sampleDossier } from '../../helpers/dossier-sample';

function parse(html: string) {
  const { document } = parseHTML(`<!doctype html><html><body><div id="root">${html}</div></body></html>`);
  return document.getElementById('root')!;
}

describe('note rendering', () => {
  it('renders bold and links, with links that cannot navigate', () => {
    const root = parse(renderNote('See **this** and [RFERL](https://www.rferl.org/a/x "t").'));
    expect(root.querySelector('strong')!.textContent).toBe('this');
    const a = root.querySelector('a')!;
    expect(a.textContent).toBe('RFERL');
    expect(a.getAttribute('href')).toBeNull();
    expect(a.getAttribute('data-href')).toBe('https://www.rferl.org/a/x');
    expect(a.getAttribute('rel')).toBe('noopener noreferrer');
  });

  it('shows raw HTML as text and runs nothing', () => {
    const note =
      'x <img src=x onerror="window.__pwned=1"> <script>window.__pwned=1</script>\n\n<div onclick="y">z</div>';
    const root = parse(renderNote(note));
    expect(root.querySelectorAll('img, script, div').length).toBe(0);
    expect(root.textContent).toContain('<img src=x onerror="window.__pwned=1">');
    expect(root.textContent).toContain('<script>window.__pwned=1</script>');
  });

  it('drops javascript: and data: links and images, keeping their text', () => {
    const root = parse(
      renderNote('[a](javascript:alert(1)) [b](data:text/html,x) ![pic](https://e.org/p.png)'),
    );
    expect(root.querySelectorAll('a, img').length).toBe(0);
    expect(root.textContent).toContain('a');
    expect(root.textContent).toContain('pic');
  });

  it('produces only allowed tags and attributes for any input', () => {
    const hostile = fc.constantFrom(
      '<img src=x onerror=alert(1)>',
      '<script>alert(1)</script>',
      '<a href="javascript:alert(1)">x</a>',
      '[x](javascript:alert(1))',
      '[x](https://ok.example)',
      '<iframe src="https://e.org"></iframe>',
      '<svg onload=alert(1)>',
      '**b**',
      '`code`',
      '> quote',
      '\n\n',
      '"',
      '<',
      '](',
      '<style>*{}</style>',
      '\n| a | b |\n|:-|-:|\n| c | d |\n',
      '\n- [x] done\n- [ ] ',
    );
    fc.assert(
      fc.property(fc.array(fc.oneof(hostile, fc.string({ maxLength: 8 })), { maxLength: 12 }), (parts) => {
        const root = parse(markdownToHtml(parts.join('')));
        for (const el of root.querySelectorAll('*')) {
          expect(NOTE_TAGS).toContain(el.tagName.toLowerCase());
          for (const attr of el.getAttributeNames()) expect(NOTE_ATTRIBUTES).toContain(attr);
          const target = el.getAttribute('data-href');
          if (target) expect(target).toMatch(/^(https?:|mailto:)/i);
        }
      }),
      { numRuns: 300 },
    );
  });
});

describe('one sanitiser for the reader and every export', () => {
  const notes = [
    'See **this** and [RFERL](https://www.rferl.org/a/x "t").',
    'x <img src=x onerror="alert(1)"> <b>bold?</b>\n\n<div onclick="y">z</div>',
    '[jump](#top) [local](file:///etc/passwd) [js](javascript:alert(1)) [mail](mailto:desk@example.org)',
    '- [x] checked with Tass\n- [ ] ask Interfax\n\n| who | said |\n|:---|---:|\n| Bogdanov | no troops |',
    'line one\nline two',
  ];

  it('renders a note to the same HTML in the reader and in the HTML export', async () => {
    for (const note of notes) {
      const reader = renderNote(note);
      expect(reader).toBe(markdownToHtml(note));
      const dossier = sampleDossier();
      dossier.annotations[0]!.note = note;
      const html = await exportHtml(dossier, {});
      expect(html, note).toContain(`<li id="fn-1">${reader} <a href="#fnref-1"`);
    }
  });

  it('keeps the strictest link rule everywhere: no href, only http(s) and mailto addresses, no in-page jumps', () => {
    const root = parse(markdownToHtml(notes[2]!));
    expect(root.querySelectorAll('[href]').length).toBe(0);
    expect([...root.querySelectorAll('a')].map((a) => a.getAttribute('data-href'))).toEqual([
      'mailto:desk@example.org',
    ]);
    const tasks = parse(markdownToHtml(notes[3]!));
    expect(tasks.querySelectorAll('input').length).toBe(0);
    expect(tasks.textContent).toContain('[x] checked with Tass');
    for (const el of tasks.querySelectorAll('*')) expect(NOTE_TAGS).toContain(el.tagName.toLowerCase());
  });
});
