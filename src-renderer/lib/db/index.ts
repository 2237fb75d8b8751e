// How features reach the database: one facade object per area, each binding its module's db-first functions
// (`fn(db, …)`, what the unit tests call with a database of their own) to the app's workspace database
// (app-db.ts). Features import these facades, the reactive `live` queries and the types from here only.
export { db } from './app-db';
export { library, NO_SOURCES, type ArticleSummary, type IndexedSources, type SourceCount } from './queries';
export type { ArticlesOfSource, SourceStatement, SpeakerPage, SpeakerStatements } from './source-articles';
export { libraryArticles, workspaceSources } from './library.svelte';
export { live, sharedLive, type Live } from './live.svelte';
export { holdLiveQueries } from './watch';
export { backgroundTurn, foreground, onForeground, startLoad } from './priority';
export { imports, type ImportFilter } from './imports';
export type { StoreOutcome } from './articles';
export { workspace } from './workspace';
export { annotations, type AnnotationChange, type Span } from './annotations';
export {
  annotationList,
  articleGroup,
  countedGroups,
  earlyGroups,
  needsMatching,
  type AnnotationRow,
  type ArticleAnnotationCount,
  type ListGroup,
  type MatchFilter,
} from './annotation-list';
export {
  codebook,
  canMove,
  codebookDossier,
  draftTag,
  type Codebook,
  type DeleteMode,
  type TagChange,
  type TagUsage,
} from './codebook';
export {
  sourceRegistry,
  type AttributionPatch,
  type SourceChoice,
  type SourceOverview,
  type SourcePatch,
} from './sources';
export { claims, type ClaimEntry, type ClaimSummary } from './claims';
export { links, LINK_TYPES, type LinkFromStatement } from './links';
export { comparison, type Alignment, type CompareColumn } from './compare';
export { versions, type VersionCandidate } from './versions';
export { corroboration, type StatementCard } from './corroboration';
export { dossiers, type ExportChoices } from './dossier';
export { reanalysis, type ReanalyseResult } from './reanalyse';
export { backups, type BackupSchedule } from './backup';
export { searchSource, type ChangedKeys, type SavedIndexPlan } from './search-source';
export type { SyncedTable } from './sync-bridge';
export { EditRefused } from './history';
