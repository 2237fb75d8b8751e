// The built `corroborate import` (bundled, the analysis's lexicon as data; with one worker the text is analysed in
// the CLI's own thread, with two the import workers take batches in turn) writes the same dossier, byte for byte,
// as the dossier builder fed in this process from the TypeScript sources, file by file in the order given: ids and
// the time of the import apart, which differ from run to run.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { writeNewsFolder } from '../../scripts/gen-workspace';
import { dossierFromExtracted } from '../../src-main/cli/dossier-from-files';
import { importBytes } from '../../src-main/core/import/pipeline';
import type { ExtractedArticle } from '../../src-main/shared/extraction';
import { repoRoot } from './harness';

const SEED = join(repoRoot, 'test/fixtures/car-dec-2020.txt');
const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g;

/** The text with each id replaced by its rank of first appearance, and the time of the import by "AT". */
function comparable(text: string): string {
  const at = (JSON.parse(text) as { exportedAt: string }).exportedAt;
  const ranks = new Map<string, number>();
  return text
    .replaceAll(at, 'AT')
    .replace(UUID, (id) => `id-${ranks.get(id) ?? ranks.set(id, ranks.size).get(id)}`);
}

describe('corroborate import (built)', () => {
  // One worker: text analysed in the CLI's own thread; two: the worker pool, taking batches in turn.
  for (const workers of ['1', '2'])
    it(`writes the dossier the builder makes from the sources, for the seed and a folder of news, in the order given (--workers ${workers})`, async () => {
      const dir = mkdtempSync(join(tmpdir(), 'cli-import-'));
      const news = writeNewsFolder(join(dir, 'news'), 80);
      // The seed first and again in the middle (a duplicate), so the order shows.
      const files = [SEED, ...news.slice(0, 40), SEED, ...news.slice(40)];
      const out = join(dir, 'built.json');
      const run = spawnSync(
        process.execPath,
        [join(repoRoot, 'out/main/cli.js'), 'import', ...files, '--out', out, '--workers', workers],
        { encoding: 'utf8' },
      );
      assert.equal(run.status, 0, run.stderr);
      assert.deepEqual(
        run.stderr.trim().split('\n'),
        files.map((f) => `imported ${f}`),
      );

      const extracted: ExtractedArticle[] = [];
      for (const file of files) extracted.push(await importBytes(readFileSync(file), basename(file)));
      const reference = `${JSON.stringify(dossierFromExtracted(extracted, [], '2026-12-07T00:00:00.000Z'), null, 1)}\n`;
      const built = readFileSync(out, 'utf8');
      assert.equal(
        (JSON.parse(built) as { imports: { outcome: string }[] }).imports[41]?.outcome,
        'duplicate',
      );
      assert.ok(comparable(built) === comparable(reference), 'the built CLI wrote a different dossier');
    });
});
