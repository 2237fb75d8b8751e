// Shapes of the hostile corpus: a case, its expected outcome, and the options the corpus is built for.

export type Expected =
  | { outcome: 'imported'; includes?: string[]; excludes?: string[]; format?: string }
  | { outcome: 'refused'; code?: 'refused' | 'too-large' | 'timeout'; reason: RegExp };

export interface HostileCase {
  /** Stable id, also the generated file's name on disk (safe characters only). */
  id: string;
  /** The name given to the importer, as a dropped file would carry it (may be hostile itself). */
  name: string;
  bytes: () => Uint8Array;
  expect: Expected;
  /** Limits for this case in `npm test` only, e.g. a short time limit so a file that runs out the real one
   * (60 s) does not cost a minute of every test run; the outcome must be the same under the real limits. */
  testLimits?: { timeoutMs?: number };
  /** The same bytes as another case: both must give the same article (duplicate detection relies on it). */
  sameAs?: string;
}

export interface CorpusOptions {
  /** Where script-like payloads and remote references point; any request arriving there is a failure. */
  canaryUrl: string;
  /** Size limit the corpus is checked against; the over-limit file is one byte over it. */
  maxFileBytes: number;
  /** HTML nesting limit the corpus is checked against. */
  maxHtmlDepth?: number;
}

/** Text every importable case carries, so the test can tell the real content was read. */
export const MARKER = 'Corroborate hostile corpus marker';

/** Deterministic pseudo-random bytes (mulberry32), so the corpus is the same on every run. */
export function randomBytes(length: number, seed: number): Uint8Array {
  const out = new Uint8Array(length);
  let a = seed >>> 0;
  for (let i = 0; i < length; i++) {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    out[i] = (t ^ (t >>> 14)) & 0xff;
  }
  out[0] = 0; // never a file signature by chance
  return out;
}
