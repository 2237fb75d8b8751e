// The CLI with one worker analyses plain text and Markdown in its own thread and hands every other file to a
// worker: each file's outcome (article or refusal, with its reason) must be the one the worker pool gives.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cliImporter, inThreadImporter } from '../../../../src-main/cli/input';
import { DEFAULT_LIMITS } from '../../../../src-main/core/import/limits';
import type { ExtractedArticle } from '../../../../src-main/shared/extraction';
import { AppError } from '../../../../src-main/shared/errors';
import { makePdf } from '../core/import/make-pdf';

const SEED = resolve(import.meta.dirname, '../../../fixtures/car-dec-2020.txt');

async function outcomesOf(
  importer: ReturnType<typeof cliImporter>,
  paths: string[],
): Promise<PromiseSettledResult<ExtractedArticle>[]> {
  const all: PromiseSettledResult<ExtractedArticle>[] = [];
  try {
    for await (const outcome of importer.importAll(paths)) all.push(outcome);
  } finally {
    await importer.close();
  }
  return all;
}

/** What a user sees of an outcome: the article, or the refusal's code and reason. */
function seen(outcome: PromiseSettledResult<ExtractedArticle>): unknown {
  if (outcome.status === 'fulfilled') return outcome.value;
  const reason = outcome.reason as AppError;
  return { refused: reason instanceof AppError ? reason.code : 'not an AppError', reason: reason.message };
}

describe('the CLI importer with one worker', () => {
  it('gives every file the outcome the worker pool gives it: text, Markdown, web page, PDF and refusals', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'cli-in-thread-'));
    const write = (name: string, data: string | Uint8Array) => {
      writeFileSync(join(dir, name), data);
      return join(dir, name);
    };
    const seedText = readFileSync(SEED, 'utf8');
    const paths = [
      SEED,
      write(
        'brief.md',
        '# Talks resume in Bangui\n\n> “We will not leave,” the minister said on Tuesday.\n\nThe UN envoy told reporters the ceasefire held.\n',
      ),
      write(
        'page.html',
        `<!doctype html><html><head><title>Ceasefire holds</title></head><body><article><h1>Ceasefire holds</h1>${seedText
          .split('\n\n')
          .map((p) => `<p>${p}</p>`)
          .join('')}</article></body></html>`,
      ),
      write(
        'report.pdf',
        makePdf([
          [
            { x: 72, y: 720, text: 'Ceasefire report' },
            { x: 72, y: 700, text: '"The talks went well," the envoy said on Monday.' },
          ],
        ]),
      ),
      // A GIF under a text file's name, an empty file, and one that is not there: refused, each with its reason.
      write('picture.txt', new Uint8Array([0x47, 0x49, 0x46, 0x38, 0x39, 0x61, 1, 0, 1, 0])),
      write('empty.txt', ''),
      join(dir, 'missing.txt'),
      SEED,
    ];
    const inThread = await outcomesOf(inThreadImporter(DEFAULT_LIMITS), paths);
    const pool = await outcomesOf(cliImporter(paths.length, DEFAULT_LIMITS, 2), paths);
    expect(inThread.map((o) => o.status)).toEqual([
      'fulfilled',
      'fulfilled',
      'fulfilled',
      'fulfilled',
      'rejected',
      'rejected',
      'rejected',
      'fulfilled',
    ]);
    expect(inThread.map(seen)).toEqual(pool.map(seen));
    const formats = inThread.flatMap((o) => (o.status === 'fulfilled' ? [o.value.format] : []));
    expect(formats).toEqual(['txt', 'md', 'html', 'pdf', 'txt']);
    expect(seen(inThread[4]!)).toMatchObject({ refused: 'refused', reason: expect.stringMatching(/GIF/) });
    expect(seen(inThread[6]!)).toEqual({ refused: 'not-found', reason: 'no such file' });
  }, 120_000);
});
