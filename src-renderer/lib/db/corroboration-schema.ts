// Schema version 3 (2026-12-03): the corroboration index (each statement's rare keys, multiEntry) and the
// dismissed candidate claims. Its own block, so the version can be renumbered at a merge without touching others.
import type Dexie from 'dexie';

export const CORROBORATION_VERSION = 3;

/** Derived from statements, so no dossier carries it: rebuilt for any article that lacks it. */
export const V3 = {
  corroborationKeys: 'statementId, articleId, *keys',
  candidateDismissals: 'key',
};

/** Registers the block; both tables start empty and fill as articles are indexed, so no upgrade function. */
export function declareCorroborationVersion(db: Dexie): void {
  db.version(CORROBORATION_VERSION).stores(V3);
}
