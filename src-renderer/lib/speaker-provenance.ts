// How a speaker chip says where its speaker came from, so the analyst can check it: a pronoun or
// description resolved to an earlier speaker ("he →"), or a group or description kept as written.
import type { SpeakerFound } from '../../src-main/shared/domain';

/** The words shown before the speaker's name, or null when the name was written right there. */
export function provenancePrefix(found: SpeakerFound | null | undefined): string | null {
  if (!found || found.how === 'direct') return null;
  if (found.how === 'coreference') return `“${found.mention}” →`;
  return null;
}

/** The tooltip line explaining the provenance. */
export function provenanceNote(found: SpeakerFound | null | undefined, name: string): string | null {
  if (!found || found.how === 'direct') return null;
  if (found.how === 'coreference')
    return `Speaker found from “${found.mention}”, resolved to ${name} earlier in the article: check it.`;
  return `A group or description kept as written (“${found.mention}”), not a named source.`;
}
