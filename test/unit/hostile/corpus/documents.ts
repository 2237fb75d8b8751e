// Hostile PDFs and Word documents: damaged, encrypted, active, bombs, entity expansion, external links.
import { buildPdf, pdfString } from './pdf';
import { MARKER, randomBytes, type CorpusOptions, type HostileCase } from './types';
import { buildDocx, documentXml, docxBomb, externalRelationships } from './zip';

const latin1 = (text: string): Uint8Array => Uint8Array.from(text, (c) => c.charCodeAt(0) & 0xff);

export function pdfCases(options: CorpusOptions): HostileCase[] {
  const page = [MARKER, 'The minister said the bridge would reopen in May.'];
  const good = () => buildPdf({ lines: page });
  const script = `globalThis.__canary = 1; app.launchURL("${options.canaryUrl}pdf-js");`;
  return [
    {
      id: 'pdf-valid.pdf',
      name: 'valid.pdf',
      bytes: good,
      expect: { outcome: 'imported', format: 'pdf', includes: [MARKER] },
    },
    {
      id: 'pdf-header-only.pdf',
      name: 'header.pdf',
      bytes: () => good().subarray(0, 16),
      expect: { outcome: 'refused', reason: /damaged or incomplete/ },
    },
    {
      id: 'pdf-truncated-10.pdf',
      name: 'cut.pdf',
      bytes: () => good().subarray(0, 60),
      expect: { outcome: 'refused', reason: /damaged or incomplete/ },
    },
    {
      // Cut after the page content, losing the cross-reference table and the trailer that names the catalog.
      id: 'pdf-truncated-before-xref.pdf',
      name: 'no-xref.pdf',
      bytes: () => {
        const bytes = good();
        const text = new TextDecoder('latin1').decode(bytes);
        return bytes.subarray(0, text.indexOf('xref'));
      },
      expect: { outcome: 'refused', reason: /damaged or incomplete/ },
    },
    {
      id: 'pdf-corrupted-xref.pdf',
      name: 'bad-xref.pdf',
      bytes: () =>
        latin1(new TextDecoder('latin1').decode(good()).replace(/startxref\n\d+/, 'startxref\n999999')),
      expect: { outcome: 'imported', includes: [MARKER] },
    },
    {
      id: 'pdf-garbage-body.pdf',
      name: 'garbage.pdf',
      bytes: () => new Uint8Array([...latin1('%PDF-1.7\n'), ...randomBytes(20000, 7)]),
      expect: { outcome: 'refused', reason: /damaged or incomplete/ },
    },
    {
      id: 'pdf-encrypted.pdf',
      name: 'secret.pdf',
      bytes: () => buildPdf({ lines: page, encrypted: true }),
      expect: { outcome: 'refused', reason: /password/i },
    },
    {
      id: 'pdf-javascript-embedded.pdf',
      name: 'active.pdf',
      bytes: () =>
        buildPdf({
          lines: page,
          catalogExtra: (add) => {
            const js = add(`<< /S /JavaScript /JS ${pdfString(script)} >>`);
            const payload = `globalThis.__canary = 1`;
            const file = add(
              `<< /Type /EmbeddedFile /Length ${payload.length} >>\nstream\n${payload}\nendstream`,
            );
            const spec = add(
              `<< /Type /Filespec /F (payload.js) /UF (payload.js) /EF << /F ${file} 0 R >> >>`,
            );
            return (
              `/OpenAction ${js} 0 R /AA << /WC ${js} 0 R >> ` +
              `/Names << /JavaScript << /Names [(init) ${js} 0 R] >> /EmbeddedFiles << /Names [(payload.js) ${spec} 0 R] >> >>`
            );
          },
          pageExtra: (add) => {
            const link = add(
              `<< /Type /Annot /Subtype /Link /Rect [72 700 300 720] /A << /S /URI /URI ${pdfString(`${options.canaryUrl}pdf-link`)} >> >>`,
            );
            const launch = add(
              `<< /Type /Annot /Subtype /Link /Rect [72 680 300 700] /A << /S /Launch /F (calc.exe) >> >>`,
            );
            return `/Annots [${link} 0 R ${launch} 0 R] /AA << /O << /S /JavaScript /JS ${pdfString(script)} >> >>`;
          },
        }),
      expect: { outcome: 'imported', includes: [MARKER], excludes: ['__canary', 'launchURL'] },
    },
    {
      id: 'pdf-deep-arrays.pdf',
      name: 'deep.pdf',
      // 100,000 nested arrays in the catalog: pdf.js's recursive parser gives up, which must be a refusal.
      bytes: () =>
        buildPdf({ lines: page, catalogExtra: () => `/Deep ${'['.repeat(100_000)}${']'.repeat(100_000)}` }),
      expect: { outcome: 'refused', reason: /damaged or incomplete/ },
    },
    {
      id: 'pdf-named.docx',
      name: 'report.docx',
      bytes: good,
      expect: { outcome: 'refused', reason: /not a Word document although it ends in \.docx; it is a PDF/ },
    },
  ];
}

export function docxCases(options: CorpusOptions): HostileCase[] {
  const laughs =
    '<!DOCTYPE lolz [<!ENTITY lol "lol">' +
    Array.from(
      { length: 9 },
      (_, i) => `<!ENTITY lol${i + 1} "${`&lol${i === 0 ? '' : i};`.repeat(10)}">`,
    ).join('') +
    ']>';
  const external = externalRelationships([
    { id: 'rIdLink', type: 'hyperlink', target: `${options.canaryUrl}docx-hyperlink` },
    { id: 'rIdImg', type: 'image', target: `${options.canaryUrl}docx-image.png` },
    { id: 'rIdTpl', type: 'attachedTemplate', target: `${options.canaryUrl}docx-template.dotm` },
    { id: 'rIdSub', type: 'subDocument', target: `${options.canaryUrl}docx-sub.docx` },
    { id: 'rIdFrame', type: 'frame', target: `${options.canaryUrl}docx-frame.html` },
  ]);
  const linkedContent =
    `<w:p><w:hyperlink r:id="rIdLink"><w:r><w:t>a link</w:t></w:r></w:hyperlink></w:p>` +
    `<w:p><w:r><w:drawing><wp:inline xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing">` +
    `<wp:docPr id="1" name="x"/><a:graphic xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main">` +
    `<a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/picture"><pic:pic xmlns:pic="http://schemas.openxmlformats.org/drawingml/2006/picture">` +
    `<pic:blipFill><a:blip r:link="rIdImg"/></pic:blipFill></pic:pic></a:graphicData></a:graphic></wp:inline></w:drawing></w:r></w:p>` +
    `<w:p><w:subDoc r:id="rIdSub"/></w:p>`;
  const good = () =>
    buildDocx({ 'word/document.xml': documentXml([MARKER, 'The minister said the bridge would reopen.']) });
  return [
    {
      id: 'docx-valid.docx',
      name: 'valid.docx',
      bytes: good,
      expect: { outcome: 'imported', format: 'docx', includes: [MARKER] },
    },
    {
      id: 'docx-zip-bomb.docx',
      name: 'bomb.docx',
      bytes: () => docxBomb(2.5 * 2 ** 30),
      expect: { outcome: 'refused', code: 'too-large', reason: /zip bomb/ },
    },
    {
      id: 'docx-zip-bomb-lying.docx',
      name: 'liar.docx',
      bytes: () => docxBomb(2 ** 30, 4096),
      // Headers declare 4 KB; the streaming guard counts what inflation really produces and stops at 500 MB.
      expect: {
        outcome: 'refused',
        code: 'too-large',
        reason: /unpacks to more than .* although its zip headers declare/,
      },
    },
    {
      id: 'docx-billion-laughs.docx',
      name: 'laughs.docx',
      bytes: () =>
        buildDocx({
          'word/document.xml': documentXml([MARKER, '&lol9;'], '', laughs).replace('&amp;lol9;', '&lol9;'),
        }),
      expect: { outcome: 'refused', reason: /DTD/ },
    },
    {
      id: 'docx-billion-laughs-styles.docx',
      name: 'laughs-in-styles.docx',
      bytes: () =>
        buildDocx({
          'word/document.xml': documentXml([MARKER]),
          'word/styles.xml': `<?xml version="1.0"?>${laughs}<w:styles xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">&lol9;</w:styles>`,
        }),
      expect: { outcome: 'refused', reason: /DTD/ },
    },
    {
      id: 'docx-external-relationships.docx',
      name: 'external.docx',
      bytes: () =>
        buildDocx({
          'word/document.xml': documentXml([MARKER], linkedContent),
          'word/_rels/document.xml.rels': external,
        }),
      expect: { outcome: 'imported', includes: [MARKER, 'a link'] },
    },
    {
      id: 'docx-truncated.docx',
      name: 'cut.docx',
      bytes: () => good().subarray(0, 200),
      expect: { outcome: 'refused', reason: /damaged|not a Word document/ },
    },
    {
      id: 'docx-corrupted-deflate.docx',
      name: 'flipped.docx',
      bytes: () => {
        const bytes = good().slice();
        // Flip bytes inside the compressed data of the first entry (after its 30-byte header and name).
        for (let i = 60; i < 90; i++) bytes[i] = bytes[i]! ^ 0xa5;
        return bytes;
      },
      expect: { outcome: 'refused', reason: /damaged|cannot be read|not a Word document/ },
    },
    {
      id: 'docx-empty-zip.docx',
      name: 'empty.docx',
      bytes: () => new Uint8Array([0x50, 0x4b, 0x05, 0x06, ...new Array(18).fill(0)]),
      expect: { outcome: 'refused', reason: /empty ZIP/ },
    },
    {
      id: 'docx-xlsx-inside.docx',
      name: 'sheet.docx',
      bytes: () => buildDocx({ 'xl/workbook.xml': '<workbook/>' }),
      expect: { outcome: 'refused', reason: /Excel workbook/ },
    },
  ];
}
