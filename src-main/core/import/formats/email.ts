// E-mail importer: postal-mime; subject as title, sender as author, the HTML part through the HTML importer.
import PostalMime, { type Email } from 'postal-mime';
import { AppError } from '../../../shared/errors';
import type { ExtractedDocument } from '../../../shared/extraction';
import type { ImportLimits } from '../limits';
import { cleanTitle, normalizeDate, normalizeText } from '../normalize';
import { MBOX_SEPARATOR } from '../sniff';
import { importHtml } from './html';

export async function importEmail(bytes: Uint8Array, limits: ImportLimits): Promise<ExtractedDocument> {
  let email: Email;
  try {
    email = await PostalMime.parse(withoutMboxSeparator(bytes), { attachmentEncoding: 'arraybuffer' });
  } catch (error) {
    throw new AppError(
      'refused',
      `the e-mail cannot be read (${(error as Error)?.message ?? String(error)})`,
    );
  }
  const sender = email.from && 'address' in email.from ? email.from : null;
  const author = cleanTitle(sender?.name) ?? cleanTitle(sender?.address);
  // Prefer the plain-text part when both exist? No: the HTML part keeps paragraphs and lists that
  // text/plain alternatives often flatten; it goes through the HTML importer (whole body, no Readability).
  const fromHtml = email.html
    ? importHtml({ text: email.html, encoding: 'utf-8' }, null, limits, { wholeBody: true })
    : null;
  const text = fromHtml?.text || normalizeText(email.text ?? '');
  const attachments = email.attachments.length;
  return {
    format: 'eml',
    title: cleanTitle(email.subject) ?? '',
    outlet: null,
    authors: author ? [author] : [],
    publishedAt: normalizeDate(email.date),
    url: null,
    language: fromHtml?.language ?? null,
    text,
    warnings: attachments > 0 ? [`${attachments} attachment${attachments > 1 ? 's' : ''} not imported`] : [],
  };
}

// postal-mime would read an mbox "From sender date" line as a broken header and lose the real ones.
function withoutMboxSeparator(bytes: Uint8Array): Uint8Array {
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 1024));
  const separator = MBOX_SEPARATOR.exec(head);
  return separator ? bytes.subarray(separator[0].length) : bytes;
}
