// Admiralty grades shown together: source reliability (A–F) and the statement's credibility (1–6), e.g. "B2".
import type { Reliability } from '../../../src-main/shared/domain';

/** "B2"; a missing half shows as "?" so the reader sees what is not graded yet; "—" when neither is. */
export function gradeLabel(
  reliability: Reliability | null | undefined,
  credibility: number | null | undefined,
): string {
  if (!reliability && !credibility) return '—';
  return `${reliability ?? '?'}${credibility ?? '?'}`;
}

export function gradeTitle(
  reliability: Reliability | null | undefined,
  credibility: number | null | undefined,
): string {
  const r = reliability ? `source reliability ${reliability}` : 'source reliability not graded';
  const c = credibility ? `credibility ${credibility}` : 'credibility not graded';
  return `${r}; ${c}`;
}
