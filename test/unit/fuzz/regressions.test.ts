// Failures the fuzzer found, kept as tests so they stay fixed.
import { describe, expect, it } from 'vitest';
import { extractDocument } from '../../../src-main/core/import/registry';
import { AppError } from '../../../src-main/shared/errors';
import { flipBits } from './mutate';
import { seedsFor } from './seeds';

const seed = (name: string) => seedsFor('docx').find((s) => s.name === `docx/${name}`)!.bytes;

describe('fuzz regressions', () => {
  // mammoth threw TypeErrors on damaged XML, which reached the import report as
  // "the Word document cannot be read (Cannot read properties of null (reading 'type'))".
  it.each([
    ['footnotes.docx', [736647626, 30, 9059201, 1914299441, 819381157]],
    [
      'tiny-picture.docx',
      [
        12, 23, 25, 1787214002, 601925890, 290207348, 281844736, 1151042595, 1446678913, 1752349664,
        2022501056,
      ],
    ],
    ['footnote-hyperlink.docx', [1524236197, 1301405345, 1699651617, 260173942, 2147483639, 1416623618, 9]],
  ])('a damaged %s is refused as damaged, not with a programming error', async (name, flips) => {
    const error = await extractDocument(flipBits(seed(name), flips), name).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).message).toMatch(/damaged/);
    expect((error as AppError).message).not.toMatch(/Cannot read|undefined|null/);
  });
});
