// What the import pipeline returns for one file: the article draft with its analysed
// statements, before the renderer stores it (speakers are names here, Source ids later).
import { z } from 'zod';
import {
  ArticleFormat,
  DocumentFields,
  Entity,
  SourceFileFields,
  SourceKind,
  SpeakerFound,
  StatementKind,
} from './domain';

/** A speaker or relay as the analysis found it: a canonical name plus the surface forms seen. */
export const SpeakerRef = z.object({
  name: z.string().min(1),
  kind: SourceKind,
  aliases: z.array(z.string()),
});
export type SpeakerRef = z.infer<typeof SpeakerRef>;

export const AnalyzedStatement = z.object({
  start: z.number().int().nonnegative(),
  end: z.number().int().nonnegative(),
  kind: StatementKind,
  speaker: SpeakerRef.nullable(),
  cue: z.string().nullable(),
  /** Relaying outlets in order, nearest to the speaker first. */
  via: z.array(SpeakerRef),
  entities: z.array(Entity),
  /** How the speaker was found (direct, group or description as written, coreference). */
  speakerFound: SpeakerFound.nullable().optional(),
});
export type AnalyzedStatement = z.infer<typeof AnalyzedStatement>;

/** The document an importer extracts, before analysis. `text` is already normalised. */
export const ExtractedDocument = z.object({
  format: ArticleFormat,
  ...DocumentFields,
  warnings: z.array(z.string()),
});
export type ExtractedDocument = z.infer<typeof ExtractedDocument>;

export const ExtractedArticle = ExtractedDocument.extend({
  ...SourceFileFields,
  statements: z.array(AnalyzedStatement),
});
export type ExtractedArticle = z.infer<typeof ExtractedArticle>;
