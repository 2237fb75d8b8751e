// Domain records of the workspace (first cut per DESIGN.md), as zod schemas so that the
// same definitions validate IPC payloads, dossiers and database upgrades.
import { z } from 'zod';

export const Id = z.string().min(1).max(100);
export const IsoTime = z.string().min(1).max(40);

export const StatementKind = z.enum(['narrative', 'reported', 'quote', 'hedged']);
export type StatementKind = z.infer<typeof StatementKind>;

export const EntityType = z.enum(['person', 'organisation', 'place', 'date']);
export type EntityType = z.infer<typeof EntityType>;

/** An entity mentioned in a statement; offsets are JS string indices into the article text. */
export const Entity = z.object({
  type: EntityType,
  text: z.string(),
  start: z.number().int().nonnegative(),
  end: z.number().int().nonnegative(),
});
export type Entity = z.infer<typeof Entity>;

export const ArticleFormat = z.enum(['txt', 'md', 'html', 'pdf', 'docx', 'eml', 'paste']);
export type ArticleFormat = z.infer<typeof ArticleFormat>;

/** What an importer reads from a document: its metadata and normalised text (also the pipeline's draft). */
export const DocumentFields = {
  title: z.string(),
  outlet: z.string().nullable(),
  authors: z.array(z.string()),
  publishedAt: z.string().nullable(),
  url: z.string().nullable(),
  language: z.string().nullable(),
  /** Normalised text; never changes after import. */
  text: z.string(),
};

/** The file an article came from, identified by the hashes of its bytes and of its text. */
export const SourceFileFields = {
  textSha256: z.string(),
  fileSha256: z.string(),
  fileName: z.string(),
  format: ArticleFormat,
  fileSize: z.number().int().nonnegative(),
};

export const Article = z.object({
  id: Id,
  ...DocumentFields,
  ...SourceFileFields,
  importedAt: IsoTime,
  updatedAt: IsoTime,
  /** An earlier article this one revises. */
  versionOf: Id.nullable(),
});
export type Article = z.infer<typeof Article>;

/**
 * How a statement's speaker was found: named right there (`direct`), a group or description kept as written
 * (`group`: "Republicans", "a spokesman for his party"), or a pronoun or description resolved to an earlier
 * speaker of the article (`coreference`: "he" → Mikhail Bogdanov). `mention` is the words as written.
 */
export const SpeakerFound = z.object({
  how: z.enum(['direct', 'group', 'coreference']),
  mention: z.string(),
});
export type SpeakerFound = z.infer<typeof SpeakerFound>;

export const Statement = z.object({
  id: Id,
  articleId: Id,
  index: z.number().int().nonnegative(),
  start: z.number().int().nonnegative(),
  end: z.number().int().nonnegative(),
  kind: StatementKind,
  speakerId: Id.nullable(),
  cue: z.string().nullable(),
  /** Relaying sources in order, nearest to the speaker first (Bogdanov → Tass → RFERL). */
  viaIds: z.array(Id),
  entities: z.array(Entity),
  /** How the analysis found the speaker, so the analyst can check it (absent on older records). */
  speakerFound: SpeakerFound.nullable().optional(),
  /** True once the user corrected speaker/kind/via: automatic analysis never overwrites it. */
  userEdited: z.boolean(),
  updatedAt: IsoTime,
});
export type Statement = z.infer<typeof Statement>;

export const SourceKind = z.enum([
  'person',
  'organisation',
  'government',
  'outlet',
  'agency',
  'group',
  'unknown',
]);
export type SourceKind = z.infer<typeof SourceKind>;

export const Reliability = z.enum(['A', 'B', 'C', 'D', 'E', 'F']);
export type Reliability = z.infer<typeof Reliability>;

export const Source = z.object({
  id: Id,
  name: z.string().min(1),
  kind: SourceKind,
  aliases: z.array(z.string()),
  reliability: Reliability.nullable(),
  note: z.string(),
  userEdited: z.boolean(),
  createdAt: IsoTime,
  updatedAt: IsoTime,
});
export type Source = z.infer<typeof Source>;

export const Credibility = z.number().int().min(1).max(6);

export const TextQuoteSelector = z.object({
  exact: z.string(),
  prefix: z.string(),
  suffix: z.string(),
});
export const TextPositionSelector = z.object({
  start: z.number().int().nonnegative(),
  end: z.number().int().nonnegative(),
});

export const Annotation = z.object({
  id: Id,
  articleId: Id,
  statementIds: z.array(Id),
  quote: TextQuoteSelector,
  position: TextPositionSelector,
  /** Markdown, rendered sanitised. */
  note: z.string(),
  tagIds: z.array(Id),
  credibility: Credibility.nullable(),
  author: z.string(),
  /** Set when re-anchoring onto a new version could not place it confidently. */
  orphaned: z.boolean(),
  createdAt: IsoTime,
  updatedAt: IsoTime,
});
export type Annotation = z.infer<typeof Annotation>;

export const Tag = z.object({
  id: Id,
  name: z.string().min(1),
  colour: z.string(),
  parentId: Id.nullable(),
  description: z.string(),
  shortcut: z.number().int().min(1).max(9).nullable(),
  createdAt: IsoTime,
  updatedAt: IsoTime,
});
export type Tag = z.infer<typeof Tag>;

export const LinkType = z.enum(['corroborates', 'contradicts', 'repeats', 'elaborates']);
export type LinkType = z.infer<typeof LinkType>;

export const Link = z.object({
  id: Id,
  fromStatementId: Id,
  toStatementId: Id,
  type: LinkType,
  note: z.string(),
  createdAt: IsoTime,
  updatedAt: IsoTime,
});
export type Link = z.infer<typeof Link>;

export const Claim = z.object({
  id: Id,
  text: z.string().min(1),
  note: z.string(),
  createdAt: IsoTime,
  updatedAt: IsoTime,
});
export type Claim = z.infer<typeof Claim>;

export const Stance = z.enum(['asserts', 'denies', 'qualifies']);
export type Stance = z.infer<typeof Stance>;

/** A statement attached to a claim. */
export const ClaimStatement = z.object({
  id: Id,
  claimId: Id,
  statementId: Id,
  stance: Stance,
  createdAt: IsoTime,
  updatedAt: IsoTime,
});
export type ClaimStatement = z.infer<typeof ClaimStatement>;

export const ImportOutcome = z.enum(['imported', 'duplicate', 'refused']);
export type ImportOutcome = z.infer<typeof ImportOutcome>;

/** One row of the import history. */
export const ImportRecord = z.object({
  id: Id,
  batchId: Id,
  fileName: z.string(),
  format: z.string().nullable(),
  outcome: ImportOutcome,
  articleId: Id.nullable(),
  title: z.string().nullable(),
  statementCount: z.number().int().nonnegative(),
  reason: z.string().nullable(),
  at: IsoTime,
});
export type ImportRecord = z.infer<typeof ImportRecord>;
