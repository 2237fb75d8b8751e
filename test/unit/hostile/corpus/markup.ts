// Hostile web pages, Markdown and e-mails: active content, remote references, absurd nesting and sizes.
import { strToU8 } from 'fflate';
import { MARKER, type CorpusOptions, type HostileCase } from './types';

const utf8 = (text: string): Uint8Array => strToU8(text);

// Enough prose for Readability to call it an article; `tag` makes each page's text its own (no duplicates).
function prose(tag = ''): string {
  return Array.from(
    { length: 6 },
    (_, i) =>
      `<p>${i === 0 ? `${MARKER}${tag ? ` (${tag})` : ''}. ` : ''}The minister said on Monday that the bridge would reopen in May, ` +
      `according to officials who confirmed the date in paragraph ${i + 1} of this report.</p>`,
  ).join('\n');
}
const PROSE = prose();

/** Script-like payload: sets the canary and calls home. Must never run anywhere. */
export function payload(canaryUrl: string, tag: string): string {
  return `globalThis.__canary = '${tag}'; fetch('${canaryUrl}${tag}')`;
}

function page(title: string, head: string, body: string): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${title}</title>${head}</head><body><article><h1>${title}</h1>${body}</article></body></html>`;
}

export function htmlCases(options: CorpusOptions, depthLimit: number): HostileCase[] {
  const c = options.canaryUrl;
  const activeExcludes = ['__canary', 'fetch(', 'javascript:'];
  const active = (id: string, head: string, body: string, name = `${id}.html`): HostileCase => ({
    id: `html-${id}.html`,
    name,
    bytes: () => utf8(page(`Page with ${id}`, head, `${body}\n${prose(id)}`)),
    expect: { outcome: 'imported', format: 'html', includes: [MARKER], excludes: activeExcludes },
  });
  return [
    active(
      'script',
      `<script>${payload(c, 'html-head-script')}</script>`,
      `<script>${payload(c, 'html-body-script')}</script><script src="${c}html-script-src.js"></script>`,
    ),
    active(
      'onerror',
      '',
      `<img src="${c}html-img.png" onerror="${payload(c, 'html-onerror')}"><svg onload="${payload(c, 'html-svg-onload')}"></svg><body onload="${payload(c, 'html-onload')}">`,
    ),
    active(
      'javascript-links',
      '',
      `<p><a href="javascript:${payload(c, 'html-js-link')}">Click here</a> and <a href="JaVaScRiPt:alert(1)">here</a>.</p><form action="javascript:alert(1)"><button>go</button></form>`,
    ),
    active('meta-refresh', `<meta http-equiv="refresh" content="0; url=${c}html-refresh">`, ''),
    active(
      'iframe',
      '',
      `<iframe src="${c}html-iframe"></iframe><iframe srcdoc="<script>${payload(c, 'html-srcdoc')}</script>"></iframe><frameset><frame src="${c}html-frame"></frameset>`,
    ),
    active(
      'object-embed',
      '',
      `<object data="${c}html-object.swf"><param name="movie" value="${c}html-param"></object><embed src="${c}html-embed"><applet code="X.class" codebase="${c}html-applet"></applet>`,
    ),
    active(
      'css-url',
      `<link rel="stylesheet" href="${c}html-link.css"><style>@import url(${c}html-import.css); body { background: url('${c}html-css-bg.png') } @font-face { font-family: x; src: url(${c}html-font.woff) }</style>`,
      `<div style="background-image: url(${c}html-inline-css.png)">styled</div>`,
    ),
    active(
      'remote-everything',
      `<base href="${c}"><link rel="preload" href="${c}html-preload"><link rel="prefetch" href="${c}html-prefetch"><link rel="icon" href="${c}html-icon">`,
      `<img srcset="${c}html-srcset.png 2x"><video poster="${c}html-poster.png" src="${c}html-video"></video><audio src="${c}html-audio"></audio><input type="image" src="${c}html-input.png"><math href="${c}html-math">x</math>`,
    ),
    active('script-named-txt', `<script>${payload(c, 'html-as-txt')}</script>`, '', 'innocent.txt'),
    {
      id: 'html-named.pdf',
      name: 'report.pdf',
      bytes: () => utf8(page('Not a PDF', `<script>${payload(c, 'html-as-pdf')}</script>`, PROSE)),
      expect: { outcome: 'refused', reason: /not a PDF although it ends in \.pdf/ },
    },
    {
      id: 'html-nested-100000.html',
      name: 'nested.html',
      bytes: () =>
        utf8(page('Nested', '', `${PROSE}${'<div>'.repeat(100_000)}deep${'</div>'.repeat(100_000)}`)),
      expect: {
        outcome: 'refused',
        reason: new RegExp(`nested about \\d+ levels deep; the limit is ${depthLimit}`),
      },
    },
    {
      id: 'html-nested-unclosed.html',
      name: 'unclosed.html',
      bytes: () => utf8(page('Unclosed', '', `${PROSE}${'<span><b><i>'.repeat(40_000)}`)),
      expect: { outcome: 'refused', reason: /nested about \d+ levels deep/ },
    },
    {
      id: 'html-single-line-50mb.html',
      name: 'one-line.html',
      // 50 MB on one line: a real article at the top, then four million elements without a newline. Parsing
      // and Readability need minutes for that, so the time limit ends it and the next file is unaffected.
      bytes: () =>
        utf8(
          page(
            'One line',
            '',
            PROSE.replace(/\n/g, ' ') + '<p>filler</p>'.repeat(Math.ceil((50 << 20) / 13)),
          ).replace(/\n/g, ' '),
        ),
      expect: { outcome: 'refused', code: 'timeout', reason: /time limit per file/ },
      testLimits: { timeoutMs: 3000 },
    },
    {
      id: 'html-entities.html',
      name: 'entities.html',
      bytes: () =>
        utf8(page('Entities', '', `${PROSE}<p>${'&amp;&#x1F4A3;&#0;&#xD800;&bogus;'.repeat(20000)}</p>`)),
      expect: { outcome: 'imported', includes: [MARKER], excludes: ['\u0000'] },
    },
    {
      id: 'html-svg-script.html',
      name: 'svg.html',
      bytes: () =>
        utf8(
          page(
            'SVG',
            '',
            `<svg><script>${payload(c, 'html-svg-script')}</script><foreignObject><iframe src="${c}html-svg-iframe"></iframe></foreignObject></svg>${PROSE}`,
          ),
        ),
      expect: { outcome: 'imported', includes: [MARKER], excludes: ['__canary'] },
    },
  ];
}

export function markdownCases(options: CorpusOptions): HostileCase[] {
  const c = options.canaryUrl;
  return [
    {
      id: 'md-active.md',
      name: 'notes.md',
      bytes: () =>
        utf8(
          `# ${MARKER}\n\nA [javascript link](javascript:alert(document.domain)) and ![image](${c}md-image.png).\n\n` +
            `<script>${payload(c, 'md-script')}</script>\n\n<img src="${c}md-img.png" onerror="${payload(c, 'md-onerror')}">\n\nThe end.\n`,
        ),
      expect: {
        outcome: 'imported',
        includes: [MARKER, 'javascript link', 'The end.'],
        excludes: ['__canary'],
      },
    },
  ];
}

export function emailCases(options: CorpusOptions): HostileCase[] {
  const c = options.canaryUrl;
  const headers = (contentType: string): string =>
    `From: Mallory <mallory@example.invalid>\r\nTo: analyst@example.invalid\r\nSubject: ${MARKER}\r\n` +
    `Date: Mon, 7 Dec 2020 10:00:00 +0000\r\nMIME-Version: 1.0\r\nContent-Type: ${contentType}\r\n\r\n`;
  const nested = (depth: number): string => {
    let body = `--b${depth}\r\nContent-Type: text/plain\r\n\r\n${MARKER} at the bottom.\r\n`;
    for (let i = depth - 1; i >= 0; i--) {
      body = `--b${i}\r\nContent-Type: multipart/mixed; boundary="b${i + 1}"\r\n\r\n${body}`;
    }
    return body; // no closing boundaries at all
  };
  return [
    {
      id: 'eml-unclosed-boundary.eml',
      name: 'unclosed.eml',
      bytes: () =>
        utf8(
          headers('multipart/alternative; boundary="XYZ"') +
            `--XYZ\r\nContent-Type: text/plain\r\n\r\n${MARKER}. Body text.\r\n--XYZ\r\nContent-Type: text/html\r\n\r\n<p>${MARKER}. Body text.</p><script>${payload(c, 'eml-script')}</script>`,
        ),
      expect: { outcome: 'imported', format: 'eml', includes: [MARKER, 'Body text'], excludes: ['__canary'] },
    },
    {
      id: 'eml-nested-multipart.eml',
      name: 'nested.eml',
      bytes: () => utf8(headers('multipart/mixed; boundary="b0"') + nested(5000)),
      expect: { outcome: 'refused', reason: /MIME nesting depth/ },
    },
    {
      id: 'eml-missing-boundary.eml',
      name: 'no-boundary.eml',
      bytes: () =>
        utf8(
          headers('multipart/mixed') +
            `--\r\nContent-Type: text/plain\r\n\r\n${MARKER}. Orphan part.\r\n----\r\n`,
        ),
      // Without a boundary no part can be found: postal-mime yields no body, and the file is refused.
      expect: { outcome: 'refused', reason: /e-mail has no text/ },
    },
    {
      id: 'eml-bad-encodings.eml',
      name: 'encodings.eml',
      bytes: () =>
        utf8(
          headers('multipart/mixed; boundary="Q"') +
            `--Q\r\nContent-Type: text/plain; charset="x-no-such-charset"\r\nContent-Transfer-Encoding: base64\r\n\r\n${btoa(`${MARKER}. Decoded.`)}!!!%%%\r\n` +
            `--Q\r\nContent-Type: application/octet-stream; name="evil.exe"\r\nContent-Transfer-Encoding: quoted-printable\r\n\r\n=ZZ=0=\r\n--Q--\r\n`,
        ),
      expect: { outcome: 'imported', includes: [MARKER] },
    },
    {
      id: 'eml-html-remote.eml',
      name: 'remote.eml',
      bytes: () =>
        utf8(
          headers('text/html; charset=utf-8') +
            `<html><head><meta http-equiv="refresh" content="0;url=${c}eml-refresh"><link rel="stylesheet" href="${c}eml-css"></head>` +
            `<body onload="${payload(c, 'eml-onload')}"><p>${MARKER}. Tracking pixel below.</p><img src="${c}eml-pixel.gif"><iframe src="${c}eml-iframe"></iframe></body></html>`,
        ),
      expect: { outcome: 'imported', includes: [MARKER, 'Tracking pixel below'], excludes: ['__canary'] },
    },
    {
      id: 'eml-headers-only.eml',
      name: 'headers.eml',
      bytes: () => utf8(headers('text/plain')),
      expect: { outcome: 'refused', reason: /e-mail has no text/ },
    },
  ];
}
