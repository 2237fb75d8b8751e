// Plain text and Markdown: encoding detection, normalisation and Markdown reduced to its text.
import { describe, expect, it } from 'vitest';
import { extractDocument } from '../../../../../src-main/core/import/registry';
import { normalizeText } from '../../../../../src-main/core/import/normalize';
import { corpusText } from './corpus';

// The Windows-1252 bytes our samples use outside Latin-1 (from the code page's published table).
const WINDOWS_1252_EXTRAS: Record<string, number> = { '€': 0x80, '’': 0x92, Œ: 0x8c, œ: 0x9c, '–': 0x96 };

/**
 * Encode with a single-byte legacy encoding: ISO-8859-15 from the platform decoder's table in reverse,
 * Latin-1 by code point, Windows-1252 as Latin-1 plus its published extras.
 */
function encodeSingleByte(text: string, label: 'windows-1252' | 'iso-8859-1' | 'iso-8859-15'): Uint8Array {
  const table = new Map<string, number>();
  if (label === 'iso-8859-15') {
    const decoder = new TextDecoder(label);
    for (let byte = 255; byte >= 0xa0; byte--) table.set(decoder.decode(new Uint8Array([byte])), byte);
  } else {
    for (let byte = 0xa0; byte <= 0xff; byte++) table.set(String.fromCharCode(byte), byte);
    if (label === 'windows-1252')
      for (const [char, byte] of Object.entries(WINDOWS_1252_EXTRAS)) table.set(char, byte);
  }
  for (let byte = 0; byte < 0x80; byte++) table.set(String.fromCharCode(byte), byte);
  return new Uint8Array(
    [...text].map((char) => {
      const byte = table.get(char);
      if (byte === undefined) throw new Error(`${char} is not in ${label}`);
      return byte;
    }),
  );
}

function encodeUtf16(text: string, littleEndian: boolean): Uint8Array {
  const bytes = new Uint8Array(2 + text.length * 2);
  const view = new DataView(bytes.buffer);
  view.setUint16(0, 0xfeff, littleEndian);
  for (let i = 0; i < text.length; i++) view.setUint16(2 + i * 2, text.charCodeAt(i), littleEndian);
  return bytes;
}

const french = 'L’été dernier à Noël, le café crème coûtait 5 € à Besançon. « Œuvre naïve », dit-il.';
const latin1 = 'Señor Muñoz bebió café en São Paulo; Grüße aus München, schön!';
const latin9 = 'Le cœur de l’œuvre coûte 12 € ; Šárka et Žofie sont là.'.replace('’', "'");

describe('text encodings', () => {
  const cases: Array<[string, Uint8Array, string]> = [
    ['UTF-8 without BOM', new TextEncoder().encode(french), french],
    ['UTF-8 with BOM', new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode(french)]), french],
    ['UTF-16 LE with BOM', encodeUtf16(french, true), french],
    ['UTF-16 BE with BOM', encodeUtf16(french, false), french],
    ['Windows-1252 (curly quotes, € at 0x80)', encodeSingleByte(french, 'windows-1252'), french],
    ['ISO-8859-1', encodeSingleByte(latin1, 'iso-8859-1'), latin1],
    ['ISO-8859-15 (€ at 0xA4, œ, Š, Ž)', encodeSingleByte(latin9, 'iso-8859-15'), latin9],
  ];
  for (const [name, bytes, original] of cases) {
    it(`reads ${name}`, async () => {
      const document = await extractDocument(bytes, 'note.txt');
      expect(document.text).toBe(original);
      expect(document.text).not.toContain('\ufffd');
      expect(document.format).toBe('txt');
    });
  }

  it('says which legacy encoding it used', async () => {
    const document = await extractDocument(encodeSingleByte(french, 'windows-1252'), 'note.txt');
    expect(document.warnings).toEqual(['read as windows-1252 (the file is not UTF-8)']);
  });

  it('reads the seed article unchanged apart from normalisation', async () => {
    const seed = corpusText('../fixtures/seed/car-dec-2020.txt');
    const document = await extractDocument(new TextEncoder().encode(seed), 'car-dec-2020.txt');
    expect(document.text).toBe(normalizeText(seed));
    const firstLine = normalizeText(seed).split('\n')[0]!;
    expect(firstLine.startsWith(document.title.replace(/…$/, ''))).toBe(true);
    expect(document.title.length).toBeLessThanOrEqual(121);
  });
});

describe('normalisation', () => {
  it('composes to NFC, unifies line ends and spaces, one blank line between paragraphs', () => {
    const raw =
      '\ufeff  Cafe\u0301\u00a0au\tlait  \r\n second  line \r\n\r\n\r\n\n  Next\u200b paragraph\u2029Third ';
    expect(normalizeText(raw)).toBe('Café au lait\nsecond line\n\nNext paragraph\n\nThird');
  });

  it('takes the first line with words in it as title, else the file name', async () => {
    const withWords = await extractDocument(new TextEncoder().encode('* * *\n\n• Body text.'), 'memo.txt');
    expect(withWords.title).toBe('Body text.');
    const noWords = await extractDocument(new TextEncoder().encode('* * *\n— —'), 'C:\\notes\\memo-2020.txt');
    expect(noWords.title).toBe('memo-2020');
  });
});

describe('Markdown', () => {
  const source = [
    '---',
    'title: Front matter title',
    'author: Jane Roe',
    'date: 2020-12-21',
    '---',
    '# Deployment in *Bangui*',
    '',
    'Russia **sent** [instructors](https://example.org) and `300` men,',
    'the ministry said.',
    '',
    '## Reactions',
    '',
    '- Tass quoted _Bogdanov_',
    '- Interfax did too',
    '',
    '> A quoted denial.',
    '',
    '![a photo](photo.jpg)',
    '',
    '| who | what |',
    '| --- | --- |',
    '| RFERL | report |',
  ].join('\n');

  it('keeps headings, paragraphs, lists, quotes and tables as text without the markup', async () => {
    const document = await extractDocument(new TextEncoder().encode(source), 'report.md');
    expect(document.format).toBe('md');
    expect(document.text.split('\n\n')).toEqual([
      'Deployment in Bangui',
      'Russia sent instructors and 300 men,\nthe ministry said.',
      'Reactions',
      '• Tass quoted Bogdanov\n• Interfax did too',
      'A quoted denial.',
      'who | what\nRFERL | report',
    ]);
  });

  it('takes title, author and date from the front matter', async () => {
    const document = await extractDocument(new TextEncoder().encode(source), 'report.md');
    expect(document.title).toBe('Front matter title');
    expect(document.authors).toEqual(['Jane Roe']);
    expect(document.publishedAt).toBe('2020-12-21');
  });

  it('uses the first level-1 heading as title without front matter', async () => {
    const document = await extractDocument(
      new TextEncoder().encode('Intro line\n\n# The real title\n\nText.'),
      'a.md',
    );
    expect(document.title).toBe('The real title');
  });
});
