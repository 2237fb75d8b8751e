// Any bytes give a document or an AppError with a reason: random junk under every extension, truncated files.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { AppError } from '../../../../../src-main/shared/errors';
import { ExtractedDocument } from '../../../../../src-main/shared/extraction';
import { extractDocument } from '../../../../../src-main/core/import/registry';
import { corpusBytes } from './corpus';

const EXTENSIONS = ['txt', 'md', 'html', 'htm', 'pdf', 'docx', 'eml', 'bin', ''];

// Real files cut short, so the fuzzing reaches deep into each importer rather than stopping at the sniffer.
const SAMPLES = [
  ['pdf', 'sample_fonts_solidconvertor.pdf'],
  ['pdf', 'hello3.pdf'],
  ['docx', 'tables.docx'],
  ['docx', 'footnotes.docx'],
  ['html', 'bbc-1/source.html'],
  ['html', 'rtl-1/source.html'],
].map(([folder, file]) => ({
  name: file!.replace(/.*\//, ''),
  bytes: corpusBytes(folder!, ...file!.split('/')),
}));

async function outcome(bytes: Uint8Array, name: string): Promise<'document' | 'refused'> {
  try {
    const document = await extractDocument(bytes, name);
    ExtractedDocument.parse(document);
    expect(document.text.length).toBeGreaterThan(0);
    return 'document';
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    expect(['refused', 'too-large']).toContain(error.code);
    expect(error.message.length).toBeGreaterThan(5);
    return 'refused';
  }
}

describe('never crashes', () => {
  it('random bytes under every extension give a document or a refusal', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.uint8Array({ maxLength: 2048 }),
        fc.constantFrom(...EXTENSIONS),
        async (bytes, extension) => {
          await outcome(bytes, `junk.${extension}`);
        },
      ),
      { numRuns: 250 },
    );
  });

  it('random bytes behind a real signature give a document or a refusal', async () => {
    const prefixes = [
      '%PDF-1.4\n',
      'PK\u0003\u0004',
      '<!doctype html><html><body>',
      'From: a@b.c\r\nSubject: x\r\n\r\n',
    ];
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...prefixes),
        fc.uint8Array({ maxLength: 1024 }),
        async (prefix, tail) => {
          const head = Uint8Array.from(prefix, (char) => char.charCodeAt(0));
          await outcome(new Uint8Array([...head, ...tail]), 'file.dat');
        },
      ),
      { numRuns: 120 },
    );
  });

  it('truncated and corrupted corpus files give a document or a refusal', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...SAMPLES),
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.array(fc.tuple(fc.nat(), fc.nat(255)), { maxLength: 4 }),
        async (sample, fraction, flips) => {
          const bytes = sample.bytes.slice(0, Math.floor(sample.bytes.length * fraction));
          for (const [position, value] of flips) if (bytes.length > 0) bytes[position % bytes.length] = value;
          await outcome(bytes, sample.name);
        },
      ),
      { numRuns: 150 },
    );
  });
});
