// The dated schema history of the workspace database. One block per version, never edited
// once released; each later version adds its block, its upgrade function and an upgrade test.
import type Dexie from 'dexie';

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

/** The newest schema version, for tests and for the dossier's provenance. */
export const LATEST_VERSION = 1;

/** Register the versions up to `upTo` (all by default) on a Dexie instance, oldest first. */
export function declareVersions(db: Dexie, upTo = LATEST_VERSION): void {
  db.version(1).stores(V1);
  void upTo; // later versions: `if (upTo >= 2) db.version(2).stores(V2).upgrade(upgradeToV2);`
}
