// The dated schema history of the workspace database. One block per version, never edited
// once released; each later version adds its block, its upgrade function and an upgrade test.
import type Dexie from 'dexie';
import { CORROBORATION_VERSION, declareCorroborationVersion } from './corroboration-schema';

export const DB_NAME = 'corroborate';

/** Version 1 (2026-11-29): the first cut of the domain model. */
export const V1 = {
  articles: 'id, textSha256, fileSha256, importedAt, url, versionOf',
  statements: 'id, articleId, [articleId+index], speakerId, *viaIds',
  sources: 'id, name',
  annotations: 'id, articleId, *statementIds, *tagIds, updatedAt',
  tags: 'id, parentId, name',
  links: 'id, fromStatementId, toStatementId',
  claims: 'id',
  claimStatements: 'id, claimId, statementId',
  imports: 'id, batchId, at',
  alignments: 'id, aStatementId, bStatementId',
  history: '++seq, at',
  meta: 'key',
};

/**
 * Version 2 (2026-11-29): index the undo log by `undone`, so clearing the redo tail after an edit
 * does not read every entry (a dossier import can write one entry of 15,000 changes).
 */
export const V2 = { history: '++seq, at, undone, [undone+seq]' };

/** The newest schema version, for tests and for the dossier's provenance. */
export const LATEST_VERSION = CORROBORATION_VERSION;

/** Register the versions up to `upTo` (all by default) on a Dexie instance, oldest first. */
export function declareVersions(db: Dexie, upTo = LATEST_VERSION): void {
  db.version(1).stores(V1);
  // Only an index is added: existing rows need no upgrade function.
  if (upTo >= 2) db.version(2).stores(V2);
  if (upTo >= CORROBORATION_VERSION) declareCorroborationVersion(db);
}
