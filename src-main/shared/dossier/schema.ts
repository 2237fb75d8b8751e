// The lossless dossier file format (version 1): every workspace table plus a header and the history of replaced records.
import { z } from 'zod';
import {
  Annotation,
  Article,
  Claim,
  ClaimStatement,
  Id,
  ImportRecord,
  IsoTime,
  Link,
  Source,
  Statement,
  Tag,
} from '../domain';

export const DOSSIER_FORMAT = 'corroborate-dossier';
export const DOSSIER_FORMAT_VERSION = 1;

/** Names of the record tables, identical to the renderer's Dexie table names. */
export const DossierTableName = z.enum([
  'articles',
  'statements',
  'sources',
  'annotations',
  'tags',
  'links',
  'claims',
  'claimStatements',
  'imports',
]);
export type DossierTableName = z.infer<typeof DossierTableName>;

/** What was exported; `whole` means the whole workspace, otherwise the ids the user picked. */
export const DossierScope = z.object({
  whole: z.boolean(),
  articleIds: z.array(Id),
  tagIds: z.array(Id),
  claimIds: z.array(Id),
});
export type DossierScope = z.infer<typeof DossierScope>;

/** A record that lost a merge (edited on both sides, older one) — kept so no edit is ever lost. */
export const HistoryEntry = z.object({
  table: DossierTableName,
  record: z.looseObject({ id: Id }),
  replacedAt: IsoTime,
});
export type HistoryEntry = z.infer<typeof HistoryEntry>;

export const Dossier = z.object({
  format: z.literal(DOSSIER_FORMAT),
  formatVersion: z.literal(DOSSIER_FORMAT_VERSION),
  exportedAt: IsoTime,
  /** The program and version that wrote the file, e.g. "Corroborate 0.1.0". */
  exportedBy: z.string(),
  scope: DossierScope,
  articles: z.array(Article),
  statements: z.array(Statement),
  sources: z.array(Source),
  annotations: z.array(Annotation),
  tags: z.array(Tag),
  links: z.array(Link),
  claims: z.array(Claim),
  claimStatements: z.array(ClaimStatement),
  /** The import history rows of the exported articles (file names, outcomes); optional in files. */
  imports: z.array(ImportRecord).default([]),
  history: z.array(HistoryEntry),
});
export type Dossier = z.infer<typeof Dossier>;
/** A dossier as written in a file (where `imports` may be absent). */
export type DossierInput = z.input<typeof Dossier>;

export const RECORD_TABLES: readonly DossierTableName[] = DossierTableName.options;

/** The time a record last changed, used to decide which side of a merge is newer. */
export function recordTime(record: { updatedAt?: string; at?: string }): string {
  return record.updatedAt ?? record.at ?? '';
}

/** An empty dossier, e.g. the starting point of an import into an empty workspace. */
export function emptyDossier(exportedAt: string, exportedBy = 'Corroborate'): Dossier {
  return {
    format: DOSSIER_FORMAT,
    formatVersion: DOSSIER_FORMAT_VERSION,
    exportedAt,
    exportedBy,
    scope: { whole: true, articleIds: [], tagIds: [], claimIds: [] },
    articles: [],
    statements: [],
    sources: [],
    annotations: [],
    tags: [],
    links: [],
    claims: [],
    claimStatements: [],
    imports: [],
    history: [],
  };
}
