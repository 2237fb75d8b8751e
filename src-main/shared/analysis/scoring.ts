// Scores the analysis against reference data: sentence boundaries (golden rules, seed gold) and
// speaker / relay / kind agreement with a gold file. Shared by `npm run eval` and the unit tests.
import type { AnalyzedStatement, SpeakerRef } from '../extraction';
import type { Span } from './split';
import { normaliseName } from './names';

export interface BoundaryCounts {
  truePositives: number;
  falsePositives: number;
  falseNegatives: number;
}

export interface BoundaryScores extends BoundaryCounts {
  precision: number;
  recall: number;
  f1: number;
}

/** Offsets of expected sentences given as strings, found in order in the text; null if one is missing. */
export function locateSentences(text: string, sentences: string[]): Span[] | null {
  const spans: Span[] = [];
  let from = 0;
  for (const sentence of sentences) {
    const start = text.indexOf(sentence, from);
    if (start < 0) return null;
    spans.push({ start, end: start + sentence.length });
    from = start + sentence.length;
  }
  return spans;
}

/** A boundary is where a sentence after the first one starts. */
export function countBoundaries(expected: Span[], predicted: Span[]): BoundaryCounts {
  const want = new Set(expected.slice(1).map((s) => s.start));
  const got = new Set(predicted.slice(1).map((s) => s.start));
  let truePositives = 0;
  for (const b of got) if (want.has(b)) truePositives++;
  return {
    truePositives,
    falsePositives: got.size - truePositives,
    falseNegatives: want.size - truePositives,
  };
}

export function scoreBoundaries(counts: BoundaryCounts[]): BoundaryScores {
  const sum = counts.reduce(
    (a, c) => ({
      truePositives: a.truePositives + c.truePositives,
      falsePositives: a.falsePositives + c.falsePositives,
      falseNegatives: a.falseNegatives + c.falseNegatives,
    }),
    { truePositives: 0, falsePositives: 0, falseNegatives: 0 },
  );
  const precision = sum.truePositives / Math.max(1, sum.truePositives + sum.falsePositives);
  const recall = sum.truePositives / Math.max(1, sum.truePositives + sum.falseNegatives);
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { ...sum, precision, recall, f1 };
}

/**
 * Whether an analysed speaker or relay is the gold one: null only matches null; otherwise by canonical name
 * only (normalised: case, accents, dots and a leading article ignored). No credit for an alias the analysis
 * collected: "The Times" found for "The Moscow Times" is a miss.
 */
export function sameActor(gold: string | null, ref: SpeakerRef | null | undefined): boolean {
  if (gold === null) return ref === null || ref === undefined;
  if (!ref) return false;
  return normaliseName(ref.name) === normaliseName(gold);
}

export interface GoldStatement {
  index: number;
  start: number;
  end: number;
  text: string;
  speaker: string | null;
  /** The relay the speaker's words came through (the gold gives at most one): compared with via[0]. */
  via: string | null;
  cue: string | null;
  kind: string;
}

export interface AttributionRow {
  gold: GoldStatement;
  found: AnalyzedStatement | null;
  speakerOk: boolean;
  viaOk: boolean;
  kindOk: boolean;
}

/**
 * Compares analysed statements with gold ones matched by exact offsets. `via` is right when the gold has no
 * relay and none was found, or when exactly one relay was found and it is the gold's (a longer chain
 * would claim relays the gold does not list).
 */
export function compareAttribution(gold: GoldStatement[], analysed: AnalyzedStatement[]): AttributionRow[] {
  const byOffsets = new Map(analysed.map((s) => [`${s.start}:${s.end}`, s]));
  return gold.map((g) => {
    const found = byOffsets.get(`${g.start}:${g.end}`) ?? null;
    const viaOk =
      !!found &&
      (g.via === null ? found.via.length === 0 : found.via.length === 1 && sameActor(g.via, found.via[0]));
    return {
      gold: g,
      found,
      speakerOk: !!found && sameActor(g.speaker, found.speaker),
      viaOk,
      kindOk: !!found && found.kind === g.kind,
    };
  });
}
