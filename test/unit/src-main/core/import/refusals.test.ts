// Every refusal a user can meet, with the reason they will read, and format choice by content first.
import { describe, expect, it } from 'vitest';
import { AppError } from '../../../../../src-main/shared/errors';
import { DEFAULT_LIMITS, extractDocument } from '../../../../../src-main/core/import/registry';
import { formatBytes } from '../../../../../src-main/shared/sizes';
import { corpusBytes } from './corpus';

const utf8 = (text: string): Uint8Array => new TextEncoder().encode(text);

async function refusal(bytes: Uint8Array, name: string, limits = DEFAULT_LIMITS): Promise<AppError> {
  const error = await extractDocument(bytes, name, limits).then(
    () => new Error('imported instead of refused'),
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}

describe('refusals', () => {
  it('refuses an empty file', async () => {
    const error = await refusal(new Uint8Array(0), 'notes.txt');
    expect([error.code, error.message]).toEqual(['refused', 'the file is empty']);
    expect((await refusal(utf8(' \n\t\r\n '), 'blank.txt')).message).toBe('the file is empty');
  });

  it('refuses a file over the size limit, in megabytes', async () => {
    const error = await refusal(new Uint8Array(3 * 1048576).fill(0x61), 'big.txt', {
      ...DEFAULT_LIMITS,
      maxFileBytes: 2 * 1048576,
    });
    expect([error.code, error.message]).toEqual(['too-large', 'file is 3.0 MB; the limit is 2.0 MB']);
    expect(formatBytes(412 * 1048576)).toBe('412 MB');
    expect(formatBytes(DEFAULT_LIMITS.maxFileBytes)).toBe('200 MB');
  });

  it('refuses binary data whatever its name', async () => {
    const binary = new Uint8Array(256).map((_, i) => i);
    for (const name of ['data.txt', 'data.md', 'data.bin', 'data.html']) {
      expect((await refusal(binary, name)).message).toBe('not a supported format (binary data)');
    }
  });

  it('refuses a file whose content contradicts its .docx or .pdf extension', async () => {
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]);
    expect((await refusal(png, 'report.docx')).message).toBe(
      'not a Word document although it ends in .docx; it is a PNG image',
    );
    expect((await refusal(utf8('Just some text.'), 'report.docx')).message).toBe(
      'not a Word document although it ends in .docx',
    );
    expect((await refusal(utf8('Just some text.'), 'report.pdf')).message).toBe(
      'not a PDF although it ends in .pdf',
    );
    expect((await refusal(corpusBytes('pdf', 'yaddatest.pdf'), 'report.docx')).message).toBe(
      'not a Word document although it ends in .docx; it is a PDF',
    );
    expect((await refusal(corpusBytes('docx', 'tables.docx'), 'report.pdf')).message).toBe(
      'not a PDF although it ends in .pdf; it is a ZIP archive',
    );
  });

  it('says what an old .doc file is', async () => {
    const ole = new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0, 0]);
    expect((await refusal(ole, 'minutes.doc')).message).toBe(
      'not a supported format: this is an old-style Office file (.doc, .xls or .msg); save it as .docx',
    );
  });

  it('recognises a password-protected Word document (an encrypted OLE package)', async () => {
    const name = Array.from('EncryptedPackage').flatMap((char) => [char.charCodeAt(0), 0]);
    const ole = new Uint8Array([
      0xd0,
      0xcf,
      0x11,
      0xe0,
      0xa1,
      0xb1,
      0x1a,
      0xe1,
      ...new Uint8Array(500),
      ...name,
      0,
      0,
    ]);
    expect((await refusal(ole, 'secret.docx')).message).toBe('the Word document is password-protected');
  });

  it('refuses an .eml file that is not an e-mail', async () => {
    expect((await refusal(utf8('Dear diary, nothing happened.'), 'note.eml')).message).toBe(
      'not an e-mail message although it ends in .eml',
    );
  });

  it('refuses HTML nested deeper than the limit instead of overflowing the stack', async () => {
    const deep = `<html><body>${'<div>'.repeat(50_000)}deep${'</div>'.repeat(50_000)}</body></html>`;
    const error = await refusal(utf8(deep), 'deep.html');
    expect(error.message).toMatch(/^web page is nested about \d+ levels deep; the limit is 400/);
    const shallowEnough = await extractDocument(
      utf8(`<html><body>${'<div>'.repeat(300)}Shallow text.</body></html>`),
      'ok.html',
    );
    expect(shallowEnough.text).toBe('Shallow text.');
  });

  it('refuses a web page without text', async () => {
    expect(
      (await refusal(utf8('<!doctype html><html><body><img src="a.png"></body></html>'), 'pic.html')).message,
    ).toBe('the web page has no readable text');
  });
});

describe('format choice: content first, extension second', () => {
  it('reads a PDF, a Word document, a web page or an e-mail saved under a text name by its content', async () => {
    expect((await extractDocument(corpusBytes('pdf', 'yaddatest.pdf'), 'yadda.txt')).format).toBe('pdf');
    expect((await extractDocument(corpusBytes('docx', 'tables.docx'), 'tables.txt')).format).toBe('docx');
    const page =
      '<!DOCTYPE html><html><head><title>Saved page</title></head><body><p>Hello.</p></body></html>';
    expect((await extractDocument(utf8(page), 'page.txt')).format).toBe('html');
    const mail =
      'From: Jane <jane@example.org>\r\nSubject: Hi\r\nDate: Mon, 21 Dec 2020 10:00:00 +0000\r\n\r\nBody.';
    expect((await extractDocument(utf8(mail), 'mail.txt')).format).toBe('eml');
  });

  it('uses the extension for text that could be either', async () => {
    expect((await extractDocument(utf8('# Title\n\nText.'), 'a.md')).format).toBe('md');
    expect((await extractDocument(utf8('# Title\n\nText.'), 'a.txt')).format).toBe('txt');
    expect((await extractDocument(utf8('Plain words.'), 'page.htm')).format).toBe('html');
    expect((await extractDocument(utf8('Plain words.'), 'README')).format).toBe('txt');
  });
});
