// DOCX extraction: the mammoth test documents, structure kept as text, and the archive guards.
import {
  Document,
  Packer,
  Paragraph,
  TextRun,
  DeletedTextRun,
  InsertedTextRun,
  CommentRangeStart,
  CommentRangeEnd,
  CommentReference,
  HeadingLevel,
} from 'docx';
import { strToU8, unzipSync, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { AppError } from '../../../../../src-main/shared/errors';
import { DEFAULT_LIMITS, extractDocument } from '../../../../../src-main/core/import/registry';
import { corpusBytes, corpusText } from './corpus';
import { words } from './word-f1';

interface ExpectedCase {
  file: string;
  text: string;
}

const expected = JSON.parse(corpusText('docx', 'expected.json')) as { cases: ExpectedCase[] };

const failure = (promise: Promise<unknown>): Promise<AppError> =>
  promise.then(
    () => {
      throw new Error('expected a refusal');
    },
    (error: unknown) => {
      expect(error).toBeInstanceOf(AppError);
      return error as AppError;
    },
  );

describe('DOCX corpus (mammoth test documents)', () => {
  it('has the 17 documents of expected.json', () => {
    expect(expected.cases).toHaveLength(17);
  });

  for (const testCase of expected.cases) {
    it(`${testCase.file}: gives the expected text`, async () => {
      const bytes = corpusBytes('docx', testCase.file);
      if (testCase.text.trim() === '') {
        // Nothing but images (or nothing at all): refused with a reason rather than stored as an empty article.
        const error = await failure(extractDocument(bytes, testCase.file));
        expect(error.message).toMatch(/has no text/);
        return;
      }
      const document = await extractDocument(bytes, testCase.file);
      expect(document.format).toBe('docx');
      expect(words(document.text)).toEqual(words(testCase.text));
    });
  }

  it('refuses empty.zip with a clear reason, also when renamed to .docx', async () => {
    const zip = corpusBytes('docx', 'empty.zip');
    expect((await failure(extractDocument(zip, 'empty.zip'))).message).toBe(
      'not a supported format: this is an empty ZIP archive',
    );
    expect((await failure(extractDocument(zip, 'report.docx'))).message).toBe(
      'not a Word document although it ends in .docx; it is an empty ZIP archive',
    );
  });

  it('keeps lists and tables as lines, and notes after the body', async () => {
    const list = await extractDocument(corpusBytes('docx', 'simple-list.docx'), 'simple-list.docx');
    expect(list.text).toBe('• Apple\n• Banana');
    const table = await extractDocument(corpusBytes('docx', 'tables.docx'), 'tables.docx');
    expect(table.text).toBe('Above\n\nTop left | Top right\nBottom left | Bottom right\n\nBelow');
    const notes = await extractDocument(corpusBytes('docx', 'footnotes.docx'), 'footnotes.docx');
    expect(notes.text).not.toContain('↑');
  });

  it('reads author and date from the document properties', async () => {
    const document = await extractDocument(
      corpusBytes('docx', 'single-paragraph.docx'),
      'single-paragraph.docx',
    );
    expect(document.authors).toEqual(['Michael Williamson']);
    expect(document.publishedAt).toMatch(/^2013-04-03T/);
    expect(document.title).toBe('Walking on imported air');
  });
});

describe('DOCX structure and revisions', () => {
  it('keeps headings as paragraphs and leaves out comments and tracked deletions', async () => {
    const doc = new Document({
      creator: 'Jane Roe',
      title: 'Field notes',
      comments: {
        children: [
          { id: 0, author: 'Reviewer', date: new Date(), children: [new Paragraph('A REVIEWER REMARK')] },
        ],
      },
      sections: [
        {
          children: [
            new Paragraph({ text: 'Findings', heading: HeadingLevel.HEADING_1 }),
            new Paragraph({
              children: [
                new CommentRangeStart(0),
                new TextRun('The minister '),
                new DeletedTextRun({ text: 'never ', id: 1, author: 'Editor', date: '2020-12-01T00:00:00Z' }),
                new InsertedTextRun({
                  text: 'later ',
                  id: 2,
                  author: 'Editor',
                  date: '2020-12-01T00:00:00Z',
                }),
                new TextRun('confirmed the deployment.'),
                new CommentRangeEnd(0),
                new TextRun({ children: [new CommentReference(0)] }),
              ],
            }),
          ],
        },
      ],
    });
    const bytes = new Uint8Array(await Packer.toBuffer(doc));
    const document = await extractDocument(bytes, 'notes.docx');
    expect(document.text).toBe('Findings\n\nThe minister later confirmed the deployment.');
    expect(document.title).toBe('Field notes');
    expect(document.authors).toEqual(['Jane Roe']);
  });
});

describe('DOCX archive guards', () => {
  const repack = (mutate: (files: Record<string, Uint8Array>) => void): Uint8Array => {
    const files = unzipSync(corpusBytes('docx', 'single-paragraph.docx'));
    mutate(files);
    return zipSync(files);
  };

  it('refuses a document that would unpack beyond the limit (zip bomb)', async () => {
    const bomb = repack((files) => {
      files['word/media/padding.bin'] = new Uint8Array(8 * 1024 * 1024); // zeros: compresses to a few KB
    });
    expect(bomb.length).toBeLessThan(100_000);
    const error = await failure(
      extractDocument(bomb, 'bomb.docx', { ...DEFAULT_LIMITS, maxDocxUncompressedBytes: 4 * 1024 * 1024 }),
    );
    expect(error.code).toBe('too-large');
    expect(error.message).toMatch(/^Word document would unpack to 8\.\d MB; the limit is 4\.0 MB/);
  });

  it('refuses XML with a DOCTYPE or ENTITY declaration (billion laughs)', async () => {
    const laughs = repack((files) => {
      const xml = new TextDecoder().decode(files['word/document.xml']);
      const dtd =
        '<!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">]>';
      files['word/document.xml'] = strToU8(xml.replace(/(<\?xml[^>]*\?>)/, `$1${dtd}`));
    });
    const error = await failure(extractDocument(laughs, 'laughs.docx'));
    expect(error.message).toMatch(/DTD declaration in word\/document\.xml/);
  });

  it('names other Office archives instead of calling them damaged', async () => {
    const workbook = zipSync({
      '[Content_Types].xml': strToU8('<Types/>'),
      'xl/workbook.xml': strToU8('<workbook/>'),
    });
    const error = await failure(extractDocument(workbook, 'budget.docx'));
    expect(error.message).toBe('not a Word document although it ends in .docx; it is an Excel workbook');
  });

  it('refuses a truncated document', async () => {
    const bytes = corpusBytes('docx', 'tables.docx');
    const error = await failure(extractDocument(bytes.subarray(0, bytes.length - 200), 'cut.docx'));
    expect(error.code).toBe('refused');
  });
});
