// Human labels for source kinds, and matching a source by what the user typed (grades: shared/grades.ts).
import type { SourceKind } from '../../src-main/shared/domain';

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
