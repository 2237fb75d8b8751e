// E-mail import: subject, sender, date and body, preferring the HTML part.
import { describe, expect, it } from 'vitest';
import { extractDocument } from '../../../../../src-main/core/import/registry';

const crlf = (lines: string[]): Uint8Array => new TextEncoder().encode(lines.join('\r\n'));

describe('e-mail', () => {
  it('takes subject, sender and date from the headers and the text from the HTML part', async () => {
    const message = crlf([
      'From: "Ivan Petrov" <ivan@example.org>',
      'To: desk@example.org',
      'Subject: =?UTF-8?B?RMOpcGxvaWVtZW50IMOgIEJhbmd1aQ==?=',
      'Date: Mon, 21 Dec 2020 10:15:00 +0300',
      'MIME-Version: 1.0',
      'Content-Type: multipart/alternative; boundary="b1"',
      '',
      '--b1',
      'Content-Type: text/plain; charset=utf-8',
      '',
      'Plain version.',
      '--b1',
      'Content-Type: text/html; charset=utf-8',
      'Content-Transfer-Encoding: quoted-printable',
      '',
      '<html><body><p>Tass reported the deployment.</p><ul><li>300 instructors</li><li>two aircraft</li></ul>',
      '<p>The ministry denied it =E2=80=94 twice.</p><script>globalThis.__mailCanary=1</script></body></html>',
      '--b1--',
      '',
    ]);
    const document = await extractDocument(message, 'tip.eml');
    expect(document.format).toBe('eml');
    expect(document.title).toBe('Déploiement à Bangui');
    expect(document.authors).toEqual(['Ivan Petrov']);
    expect(document.publishedAt).toBe('2020-12-21T07:15:00.000Z');
    expect(document.text).toBe(
      'Tass reported the deployment.\n\n• 300 instructors\n• two aircraft\n\nThe ministry denied it — twice.',
    );
    expect((globalThis as { __mailCanary?: number }).__mailCanary).toBeUndefined();
  });

  it('uses the text part when there is no HTML, and the address when the sender has no name', async () => {
    const message = crlf([
      'From: reporter@example.org',
      'Subject: Short note',
      'Date: Tue, 22 Dec 2020 08:00:00 +0000',
      'Content-Type: text/plain; charset=iso-8859-1',
      'Content-Transfer-Encoding: quoted-printable',
      '',
      'Premi=E8re ligne.',
      '',
      'Second paragraph.',
      '',
    ]);
    const document = await extractDocument(message, 'note.eml');
    expect(document.authors).toEqual(['reporter@example.org']);
    expect(document.text).toBe('Première ligne.\n\nSecond paragraph.');
    expect(document.title).toBe('Short note');
  });

  it('reads a message saved from an mbox, behind its "From " separator line', async () => {
    const message = crlf([
      'From reporter@example.org Tue Dec 22 08:00:00 2020',
      'From: Reporter <reporter@example.org>',
      'Subject: From the archive',
      '',
      'Archived body.',
      '',
    ]);
    const document = await extractDocument(message, 'archived.eml');
    expect([document.format, document.title, document.authors, document.text]).toEqual([
      'eml',
      'From the archive',
      ['Reporter'],
      'Archived body.',
    ]);
  });

  it('notes attachments it leaves out', async () => {
    const message = crlf([
      'From: a@example.org',
      'Subject: With attachment',
      'Content-Type: multipart/mixed; boundary="m"',
      '',
      '--m',
      'Content-Type: text/plain',
      '',
      'See attached.',
      '--m',
      'Content-Type: application/pdf; name="r.pdf"',
      'Content-Disposition: attachment; filename="r.pdf"',
      'Content-Transfer-Encoding: base64',
      '',
      'JVBERi0xLjQK',
      '--m--',
      '',
    ]);
    const document = await extractDocument(message, 'with.eml');
    expect(document.text).toBe('See attached.');
    expect(document.warnings).toEqual(['1 attachment not imported']);
  });
});
