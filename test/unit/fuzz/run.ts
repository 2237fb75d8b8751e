// Runs the fuzz targets for a number of cases, in this process (fast, for npm test) or through the import
// worker with a per-case time limit (the long run, where a hang or a crash must not stop the run).
import fc from 'fast-check';
import { DEFAULT_LIMITS } from '../../../src-main/core/import/limits';
import { extractDocument } from '../../../src-main/core/import/registry';
import { ImportWorkerHost } from '../../../src-main/core/import/worker-host';
import { judge } from './outcome';
import { seedsFor } from './seeds';
import { dossierTargets, fileTargets, judgeDossier, type DossierTarget, type FileTarget } from './targets';

export interface Finding {
  target: string;
  how: string;
  problem: string;
  seed: number;
}

export interface FuzzReport {
  cases: number;
  /** documents: files imported or dossiers accepted; refused: refused with a reason or rejected. */
  byTarget: Record<string, { cases: number; documents: number; refused: number; findings: number }>;
  findings: Finding[];
  ms: number;
}

export interface FuzzOptions {
  cases: number;
  seed?: number;
  /** Through the import worker with this per-case time limit; in this process when absent. */
  workerTimeoutMs?: number;
  only?: string[];
  onProgress?: (done: number, report: FuzzReport) => void;
}

const BATCH = 250;

/** Load the worker's modules, pdf.js included, outside any measured case. */
async function warm(host: ImportWorkerHost): Promise<void> {
  const pdf = seedsFor('pdf')[0]!;
  await host.run(pdf.name, pdf.bytes, { ...DEFAULT_LIMITS, timeoutMs: 60_000 }).catch(() => undefined);
}

export async function runFuzz(options: FuzzOptions): Promise<FuzzReport> {
  const started = Date.now();
  const all: Array<FileTarget | DossierTarget> = [...fileTargets(), ...(await dossierTargets())];
  const targets = options.only ? all.filter((t) => options.only!.includes(t.name)) : all;
  const totalWeight = targets.reduce((n, t) => n + t.weight, 0);
  const report: FuzzReport = { cases: 0, byTarget: {}, findings: [], ms: 0 };
  const host = options.workerTimeoutMs ? new ImportWorkerHost(1024) : null;
  const limits = { ...DEFAULT_LIMITS, timeoutMs: options.workerTimeoutMs ?? DEFAULT_LIMITS.timeoutMs };
  const baseSeed = options.seed ?? 20261129;
  if (host) await warm(host);
  try {
    for (const [index, target] of targets.entries()) {
      const numRuns = Math.max(1, Math.round((options.cases * target.weight) / totalWeight));
      const stats = (report.byTarget[target.name] = { cases: 0, documents: 0, refused: 0, findings: 0 });
      // Samples rather than fc.assert: a long run keeps going after a finding and reports all of them.
      // They are drawn in batches (each with its own seed, recorded with a finding) to keep memory flat.
      for (let batch = 0; batch * BATCH < numRuns; batch++) {
        const seed = baseSeed + index * 1_000_000 + batch;
        const samples = fc.sample(target.arbitrary as fc.Arbitrary<unknown>, {
          numRuns: Math.min(BATCH, numRuns - batch * BATCH),
          seed,
        });
        for (const sample of samples) {
          stats.cases++;
          report.cases++;
          if (target.kind === 'file') {
            const c = sample as { bytes: Uint8Array; name: string; how: string };
            const attempt = () =>
              judge(() =>
                host ? host.run(c.name, c.bytes, limits) : extractDocument(c.bytes, c.name, limits),
              );
            let verdict = await attempt();
            // A fresh worker spends seconds loading its modules (and pdf.js) before the file: on a loaded
            // machine that alone can pass a short limit. Only a file that times out in a warm worker counts.
            if (host && !verdict.ok && /time limit per file/.test(verdict.problem)) {
              await warm(host);
              verdict = await attempt();
            }
            if (verdict.ok) stats[verdict.kind === 'document' ? 'documents' : 'refused']++;
            else {
              stats.findings++;
              report.findings.push({ target: target.name, how: c.how, problem: verdict.problem, seed });
            }
          } else {
            const c = sample as { how: string; run: () => unknown };
            const verdict = judgeDossier(c.run);
            if (verdict.ok) stats[verdict.accepted ? 'documents' : 'refused']++;
            else {
              stats.findings++;
              report.findings.push({ target: target.name, how: c.how, problem: verdict.problem, seed });
            }
          }
          if (report.cases % 500 === 0) options.onProgress?.(report.cases, report);
        }
      }
    }
  } finally {
    await host?.close();
  }
  report.ms = Date.now() - started;
  return report;
}
