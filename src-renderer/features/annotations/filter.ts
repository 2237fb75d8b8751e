// Filtering the workspace's annotations: by tag (with its child tags), speaker, credibility,
// reliability of the speaker, article, text, and orphans (annotations a new version could not place).
import type { Reliability, Source, Tag } from '../../../src-main/shared/domain';
import type { AnnotationRow } from '../../lib/db';
import { descendantsOf } from '../../lib/tag-tree';

export interface AnnotationFilter {
  tagId: string | null;
  speakerId: string | null;
  credibility: number | null;
  reliability: Reliability | null;
  articleId: string | null;
  text: string;
  /** Only orphaned annotations. */
  orphaned?: boolean;
}

/** The rows matching every set filter, in their original order. */
export function filterRows(
  rows: AnnotationRow[],
  f: AnnotationFilter,
  tags: Pick<Tag, 'id' | 'parentId'>[],
  sources: Map<string, Pick<Source, 'reliability'>>,
): AnnotationRow[] {
  const tagSet = f.tagId ? descendantsOf(tags, f.tagId) : null;
  const needle = f.text.trim().toLowerCase();
  return rows.filter(
    (r) =>
      (!tagSet || r.tagIds.some((t) => tagSet.has(t))) &&
      (!f.speakerId || r.speakerIds.includes(f.speakerId)) &&
      (f.credibility === null || r.credibility === f.credibility) &&
      (!f.reliability || r.speakerIds.some((s) => sources.get(s)?.reliability === f.reliability)) &&
      (!f.articleId || r.articleId === f.articleId) &&
      (!f.orphaned || r.orphaned) &&
      (!needle || r.exact.toLowerCase().includes(needle) || r.note.toLowerCase().includes(needle)),
  );
}
