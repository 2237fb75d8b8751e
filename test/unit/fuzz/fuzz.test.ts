// The short fuzz run of npm test: a few thousand mutated and random files through every importer, and
// mutated dossiers and REFI-QDA projects through their readers. Every case ends in a document or a reason.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { extractDocument } from '../../../src-main/core/import/registry';
import { judge } from './outcome';
import { runFuzz } from './run';

describe('fuzzing (short run)', () => {
  it('every mutated or random file gives a document or a clear refusal, and the dossier readers never crash', async () => {
    const report = await runFuzz({ cases: 2000, seed: Date.now() % 1_000_000 });
    expect(report.cases).toBeGreaterThanOrEqual(2000);
    for (const stats of Object.values(report.byTarget)) expect(stats.cases).toBeGreaterThan(0);
    // Mutation must reach the importers, not only the sniffer: some mutants of every format still import.
    for (const format of ['pdf', 'docx', 'html', 'eml', 'txt'])
      expect(report.byTarget[format]!.documents).toBeGreaterThan(0);
    expect(report.findings).toEqual([]);
  });

  it('text of any Unicode, under any text name, imports as NFC text or is refused with a reason', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.string({ unit: 'binary', maxLength: 400 }),
        fc.constantFrom('a.txt', 'a.md', 'a.html', 'a.eml'),
        async (text, name) => {
          const verdict = await judge(() => extractDocument(new TextEncoder().encode(text), name));
          expect(verdict).toMatchObject({ ok: true });
        },
      ),
      { numRuns: 300 },
    );
  });
});
