// The hostile-input corpus: every file the issue lists, built from code, each with the outcome it must have.
import { strToU8 } from 'fflate';
import { DEFAULT_LIMITS } from '../../../../src-main/core/import/limits';
import { docxCases, pdfCases } from './documents';
import { htmlCases, emailCases, markdownCases } from './markup';
import { MARKER, randomBytes, type CorpusOptions, type HostileCase } from './types';

export * from './types';

const utf8 = (text: string): Uint8Array => strToU8(text);
const latin1 = (text: string): Uint8Array => Uint8Array.from(text, (c) => c.charCodeAt(0) & 0xff);
function utf16(text: string, littleEndian: boolean): Uint8Array {
  const out = new Uint8Array(text.length * 2);
  const view = new DataView(out.buffer);
  for (let i = 0; i < text.length; i++) view.setUint16(i * 2, text.charCodeAt(i), littleEndian);
  return out;
}
const ARTICLE = `${MARKER}. The minister said on Monday that the bridge would reopen in May. Officials confirmed the date.`;

function binaryCases(): HostileCase[] {
  const refusedBinary: Array<[string, RegExp]> = [
    ['txt', /binary data/],
    ['md', /binary data/],
    ['html', /binary data/],
    ['eml', /binary data/],
    ['pdf', /not a PDF although it ends in \.pdf/],
    ['docx', /not a Word document although it ends in \.docx/],
    ['bin', /binary data/],
  ];
  return refusedBinary.flatMap(([ext, reason], i) => [
    {
      id: `random-small.${ext}`,
      name: `random.${ext}`,
      bytes: () => randomBytes(4096, 11 + i),
      expect: { outcome: 'refused', reason },
    },
    {
      id: `random-large.${ext}`,
      name: `noise.${ext}`,
      bytes: () => randomBytes(3 << 20, 101 + i),
      expect: { outcome: 'refused', reason },
    },
  ]);
}

function textCases(options: CorpusOptions): HostileCase[] {
  const lines = [
    MARKER,
    'Line two ends in CRLF',
    'line three in CR',
    'line four in LF',
    '',
    'A new paragraph.',
  ];
  return [
    {
      id: 'zero-byte.txt',
      name: 'empty.txt',
      bytes: () => new Uint8Array(0),
      expect: { outcome: 'refused', reason: /empty/ },
    },
    {
      id: 'whitespace-only.txt',
      name: 'blank.txt',
      bytes: () => utf8(' \t\r\n\u00a0\u2003\n'.repeat(5000)),
      expect: { outcome: 'refused', reason: /empty/ },
    },
    {
      id: 'bom-only.txt',
      name: 'bom.txt',
      bytes: () => new Uint8Array([0xef, 0xbb, 0xbf]),
      expect: { outcome: 'refused', reason: /empty/ },
    },
    {
      id: 'over-size-limit.txt',
      name: 'just-over-the-limit.txt',
      bytes: () => new Uint8Array(options.maxFileBytes + 1).fill(0x61),
      // Just over the limit: the reason must still show two different sizes, not "1.0 MB; the limit is 1.0 MB".
      expect: {
        outcome: 'refused',
        code: 'too-large',
        reason: new RegExp(
          `file is ${(options.maxFileBytes + 1).toLocaleString('en-US')} bytes; the limit is ${options.maxFileBytes.toLocaleString('en-US')} bytes`,
        ),
      },
    },
    {
      id: 'invalid-utf8.txt',
      name: 'legacy.txt',
      bytes: () => latin1(`${MARKER}. Caf\xe9 cr\xe8me br\xfbl\xe9e, \x93quoted\x94 \x80 5.`),
      expect: {
        outcome: 'imported',
        includes: [MARKER, 'Café crème brûlée', '“quoted” € 5'],
        excludes: ['\ufffd'],
      },
    },
    {
      id: 'invalid-utf8-sequences.txt',
      name: 'broken-utf8.txt',
      bytes: () =>
        new Uint8Array([
          ...utf8(`${MARKER} `),
          0xc3,
          0x28,
          0xa0,
          0xa1,
          0xe2,
          0x28,
          0xa1,
          0xf0,
          0x28,
          0x8c,
          0xbc,
          0x20,
          0x2e,
        ]),
      expect: { outcome: 'imported', includes: [MARKER], excludes: ['\ufffd'] },
    },
    {
      id: 'utf16le-no-bom.txt',
      name: 'utf16le.txt',
      bytes: () => utf16(`${ARTICLE} Ünïcödé.`, true),
      expect: { outcome: 'imported', includes: [MARKER, 'Ünïcödé'] },
    },
    {
      id: 'utf16be-no-bom.txt',
      name: 'utf16be.txt',
      bytes: () => utf16(`${ARTICLE} Ünïcödé.`, false),
      expect: { outcome: 'imported', includes: [MARKER, 'Ünïcödé'] },
    },
    {
      id: 'mixed-line-endings.txt',
      name: 'mixed.txt',
      bytes: () => utf8(`${lines[0]}\r\n${lines[1]}\r\n${lines[2]}\r${lines[3]}\n\n${lines[5]}\r\n`),
      expect: {
        outcome: 'imported',
        includes: [MARKER, 'line four in LF', 'A new paragraph.'],
        excludes: ['\r'],
      },
    },
    {
      id: 'nul-bytes-in-text.txt',
      name: 'nul.txt',
      bytes: () => new Uint8Array([...utf8(ARTICLE), 0, 0, ...utf8(' more text')]),
      expect: { outcome: 'refused', reason: /binary data/ },
    },
    {
      id: 'nfd-text.txt',
      name: 'decomposed.txt',
      bytes: () => utf8(`${MARKER}. Cafe\u0301 re\u0301sume\u0301.`),
      expect: { outcome: 'imported', includes: ['Café résumé'] },
    },
    {
      id: 'one-word-5mb.txt',
      name: 'one-word.txt',
      bytes: () => utf8(`${MARKER} ` + 'x'.repeat(5 << 20)),
      expect: { outcome: 'imported', includes: [MARKER] },
    },
    {
      id: 'quotes-and-cues.txt',
      name: 'quotes.txt',
      // Pathological input for the attribution patterns: endless unclosed quotes and speech verbs.
      bytes: () =>
        utf8(
          `${MARKER}. ` + '“He said “that ‘she said '.repeat(20000) + 'according to sources, '.repeat(5000),
        ),
      expect: { outcome: 'imported', includes: [MARKER] },
    },
    {
      id: 'bidi-and-zero-width.txt',
      name: 'bidi.txt',
      bytes: () =>
        utf8(
          `${MARKER}. \u202eevil\u202c \u200b\u200d\ufeff text \u2066isolate\u2069 ${'\u0301'.repeat(1000)}.`,
        ),
      expect: { outcome: 'imported', includes: [MARKER] },
    },
  ];
}

function nameCases(): HostileCase[] {
  const named = (id: string, name: string): HostileCase => ({
    id,
    name,
    bytes: () => utf8(`${ARTICLE} (${id})`),
    expect: { outcome: 'imported', includes: [MARKER, `(${id})`] },
  });
  return [
    named('name-dot-dot-slash.txt', '../../../../etc/passwd.txt'),
    named('name-backslashes.txt', '..\\..\\Windows\\System32\\evil.txt'),
    named('name-absolute.txt', '/etc/cron.d/evil.txt'),
    named('name-control-chars.txt', 'report\u0000\u0007\u001b[31m\r\nline.txt'),
    named('name-rlo.txt', 'invoice\u202egpj.txt'),
    named('name-300-chars.txt', `${'a'.repeat(296)}.txt`),
    named('name-html.txt', '<img src=x onerror="globalThis.__canary=1">.txt'),
    named('name-no-extension', 'README'),
    named('name-unicode.txt', 'Zürich 東京 \u{1F4A3}.txt'),
  ];
}

/** Every case, for a given canary URL and size limit; `huge` adds nothing here (see writeCorpus for 300 MB). */
export function hostileCases(options: CorpusOptions): HostileCase[] {
  const depthLimit = options.maxHtmlDepth ?? DEFAULT_LIMITS.maxHtmlDepth;
  const cases = [
    ...textCases(options),
    ...binaryCases(),
    ...nameCases(),
    ...pdfCases(options),
    ...docxCases(options),
    ...htmlCases(options, depthLimit),
    ...markdownCases(options),
    ...emailCases(options),
  ];
  const twice = cases.find((c) => c.id === 'pdf-valid.pdf')!;
  cases.push({ ...twice, id: 'pdf-valid-again.pdf', name: 'valid (copy).pdf', sameAs: twice.id });
  const twiceText = cases.find((c) => c.id === 'invalid-utf8.txt')!;
  cases.push({ ...twiceText, id: 'invalid-utf8-again.txt', name: 'legacy-copy.txt', sameAs: twiceText.id });
  return cases;
}
