// Re-anchoring benchmark data and runs (see compare.bench.ts).
export function runReanchorBench(_runs: number): string[] {
  return [];
}
