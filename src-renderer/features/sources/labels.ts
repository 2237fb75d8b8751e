// Human labels for source grades and kinds (the NATO Admiralty scale for source reliability).
import type { Reliability, SourceKind } from '../../../src-main/shared/domain';

export const RELIABILITY: { grade: Reliability; label: string; short: string }[] = [
  { grade: 'A', label: 'Completely reliable', short: 'Completely reliable' },
  { grade: 'B', label: 'Usually reliable', short: 'Usually reliable' },
  { grade: 'C', label: 'Fairly reliable', short: 'Fairly reliable' },
  { grade: 'D', label: 'Not usually reliable', short: 'Not usually reliable' },
  { grade: 'E', label: 'Unreliable', short: 'Unreliable' },
  { grade: 'F', label: 'Reliability cannot be judged', short: 'Cannot be judged' },
];

export const reliabilityLabel = (grade: Reliability | null): string =>
  grade ? `${grade} — ${RELIABILITY.find((r) => r.grade === grade)?.label ?? ''}` : 'Not graded';

export const SOURCE_KINDS: { kind: SourceKind; label: string }[] = [
  { kind: 'person', label: 'Person' },
  { kind: 'organisation', label: 'Organisation' },
  { kind: 'government', label: 'Government' },
  { kind: 'outlet', label: 'Outlet' },
  { kind: 'agency', label: 'News agency' },
  { kind: 'group', label: 'Group or description' },
  { kind: 'unknown', label: 'Unknown' },
];

export const kindLabel = (kind: SourceKind): string =>
  SOURCE_KINDS.find((k) => k.kind === kind)?.label ?? kind;

/** Does a source match what the user typed (name or any alias, case- and accent-insensitive)? */
export function matchesQuery(source: { name: string; aliases: string[] }, query: string): boolean {
  const fold = (s: string) => s.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
  const q = fold(query.trim());
  return !q || [source.name, ...source.aliases].some((n) => fold(n).includes(q));
}
