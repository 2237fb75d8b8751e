// Messages between the workbench and the corroboration worker.
import type { CandidateClaim } from '../../../src-main/shared/compare/corroboration/candidates';
import type { Match } from '../../../src-main/shared/compare/corroboration/matchIndex';
import type { CorroborationRecord } from '../../../src-main/shared/compare/corroboration/signature';

export type ToWorker =
  /** Read the persisted index from the database itself (a page at a time, off the UI thread). */
  | { type: 'load'; id: number; database: string; store: string }
  /** Reads someone waits for are in flight (true) or done: the load holds back between pages meanwhile. */
  | { type: 'hold'; busy: boolean }
  | { type: 'add'; records: CorroborationRecord[] }
  | { type: 'removeArticles'; articleIds: string[] }
  | { type: 'matches'; id: number; statementId: string; limit: number }
  | { type: 'counts'; id: number; articleIds: string[] }
  /** The articles the index holds (as the persisted index: the worker is kept in step with it). */
  | { type: 'articles'; id: number }
  | { type: 'candidates'; id: number };

export type FromWorker =
  /** The persisted index is in, or could not be read here (`error`: the workbench then sends it). */
  | { type: 'loaded'; id: number; error?: string }
  | { type: 'matches'; id: number; matches: Match[] }
  | { type: 'counts'; id: number; counts: Record<string, number> }
  | { type: 'articles'; id: number; articleIds: string[] }
  | { type: 'progress'; id: number; done: number }
  | { type: 'candidates'; id: number; candidates: CandidateClaim[] };
