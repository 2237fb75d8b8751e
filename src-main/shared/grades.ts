// NATO Admiralty grading: source reliability A–F (on the Source) and information credibility 1–6
// (on an annotation), shown together as e.g. "B2". The one home of their labels, in the app and in exports.
import type { Reliability, Source } from './domain';

export const RELIABILITY_LABELS: Record<Reliability, string> = {
  A: 'Completely reliable',
  B: 'Usually reliable',
  C: 'Fairly reliable',
  D: 'Not usually reliable',
  E: 'Unreliable',
  F: 'Reliability cannot be judged',
};
/** For narrow buttons: the same labels, with F shortened. */
export const RELIABILITY_SHORT_LABELS: Record<Reliability, string> = {
  ...RELIABILITY_LABELS,
  F: 'Cannot be judged',
};
export const RELIABILITIES = Object.keys(RELIABILITY_LABELS) as Reliability[];

export const CREDIBILITY_LABELS: Record<number, string> = {
  1: 'Confirmed by other sources',
  2: 'Probably true',
  3: 'Possibly true',
  4: 'Doubtful',
  5: 'Improbable',
  6: 'Truth cannot be judged',
};
export const CREDIBILITIES = [1, 2, 3, 4, 5, 6] as const;

/** Shown in place of a grade that has not been set (it is not the same as F or 6). */
export const UNGRADED = '–';

/**
 * The combined grade, e.g. "B2", with "–" for the half that is not set; null when neither is.
 * `source` is the statement's speaker (or null for narrative).
 */
export function combinedGrade(
  source: Pick<Source, 'reliability'> | null | undefined,
  credibility: number | null | undefined,
): string | null {
  const r = source?.reliability ?? null;
  const c = credibility ?? null;
  if (r === null && c === null) return null;
  return `${r ?? UNGRADED}${c ?? UNGRADED}`;
}

/** "B — Usually reliable", or "Not graded". */
export const reliabilityLabel = (grade: Reliability | null): string =>
  grade ? `${grade} — ${RELIABILITY_LABELS[grade]}` : 'Not graded';

/** A sentence explaining a combined grade, for tooltips. */
export function describeGrade(
  source: Pick<Source, 'reliability' | 'name'> | null | undefined,
  credibility: number | null | undefined,
): string {
  const r = source?.reliability;
  const who = source ? source.name : 'The narrator';
  const rel = r ? `${who}: ${r} — ${RELIABILITY_LABELS[r].toLowerCase()}` : `${who}: reliability not graded`;
  const cred = credibility
    ? `information: ${credibility} — ${(CREDIBILITY_LABELS[credibility] ?? '').toLowerCase()}`
    : 'information: credibility not graded';
  return `${rel}; ${cred}`;
}
