// What the import pipeline returns for one file: the article draft with its analysed
// statements, before the renderer stores it (speakers are names here, Source ids later).
import { z } from 'zod';
import {
  ArticleFormat,
  DocumentFields,
  Entity,
  OcrInfo,
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
  /** Set when pages were recognised by OCR. */
  ocr: OcrInfo.optional(),
});
export type ExtractedDocument = z.infer<typeof ExtractedDocument>;

type DocumentText = Pick<
  ExtractedDocument,
  'title' | 'outlet' | 'authors' | 'publishedAt' | 'url' | 'language' | 'text'
>;

/** The fields of a text that names nothing about itself: no title, outlet, author, date, address or language. */
export function withoutMetadata(text: string): DocumentText {
  return { title: '', outlet: null, authors: [], publishedAt: null, url: null, language: null, text };
}

/** A document whose file names no title, outlet, author, date, address or language (plain text, an image). */
export function bareDocument(
  format: ArticleFormat,
  text: string,
  warnings: string[] = [],
): ExtractedDocument {
  return { format, ...withoutMetadata(text), warnings };
}

export const ExtractedArticle = ExtractedDocument.extend({
  ...SourceFileFields,
  statements: z.array(AnalyzedStatement),
});
export type ExtractedArticle = z.infer<typeof ExtractedArticle>;

/** Progress of one file's import, for files that take a while (OCR reports each page). */
export const ImportProgress = z.object({
  stage: z.literal('ocr'),
  /** 1-based: the page being recognised, counted among the pages that need OCR. */
  page: z.number().int().positive(),
  /** How many pages of this file need OCR. */
  pages: z.number().int().positive(),
});
export type ImportProgress = z.infer<typeof ImportProgress>;
