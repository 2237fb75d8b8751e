// Workspace ⇄ dossier: read every table into a Dossier, restore one exactly, merge one in, clear the workspace.
import {
  emptyDossier,
  mergeDossiers,
  RECORD_TABLES,
  sameRecord,
  type Dossier,
  type DossierTableName,
  type HistoryEntry as DossierHistoryEntry,
  type MergeReport,
} from '../../../src-main/shared/dossier';
import type { Tag } from '../../../src-main/shared/domain';
import { db } from './app-db';
import { hasRecords, WORKSPACE_TABLES, type CorroborateDB } from './db';
import { applyEdit, type EditOp } from './history';
import { mergeIntoPart } from './merge-base';

/** Where the merge history (older versions that lost a merge) lives, so it survives export and re-import. */
const MERGE_HISTORY_KEY = 'dossierHistory';

type AnyRecord = { id: string } & Record<string, unknown>;
const rowsOf = (d: Dossier, table: DossierTableName) => d[table] as unknown as AnyRecord[];
const dossierTables = (target: CorroborateDB) => RECORD_TABLES.map((t) => target.table(t));

export interface DossierImportResult {
  mode: 'restored' | 'merged';
  report: MergeReport;
  /** The workspace ids of the dossier's articles (a merge may keep an existing id for the same text). */
  articleIds: string[];
}

/** The merge history: older versions of records that lost a merge, kept so no edit is lost. */
export async function mergeHistoryOf(target: CorroborateDB): Promise<DossierHistoryEntry[]> {
  const history = await target.meta.get(MERGE_HISTORY_KEY);
  return Array.isArray(history?.value) ? (history.value as DossierHistoryEntry[]) : [];
}

/** The whole workspace as a dossier (every record of every table, plus the merge history). */
export async function readWorkspaceDossier(target: CorroborateDB, exportedBy: string): Promise<Dossier> {
  return target.transaction('r', [...dossierTables(target), target.meta], async () => {
    const d = emptyDossier(new Date().toISOString(), exportedBy);
    for (const table of RECORD_TABLES)
      (d as Record<DossierTableName, unknown[]>)[table] = await target.table(table).toArray();
    d.history = await mergeHistoryOf(target);
    return d;
  });
}

export async function isWorkspaceEmpty(target: CorroborateDB): Promise<boolean> {
  for (const table of RECORD_TABLES) if (await hasRecords(target.table(table))) return false;
  return true;
}

/**
 * Empties every workspace table and the undo log, then runs `then`, all in one transaction. Undo entries describe
 * records that no longer exist: replaying them would resurrect ghosts.
 */
async function emptyWorkspaceThen(target: CorroborateDB, then: () => Promise<unknown>): Promise<void> {
  await target.transaction(
    'rw',
    [...WORKSPACE_TABLES.map((t) => target.table(t)), target.meta, target.history],
    async () => {
      for (const t of WORKSPACE_TABLES) await target.table(t).clear();
      await target.history.clear();
      await then();
    },
  );
}

/** Replaces the whole workspace by a dossier, exactly, in one transaction (restore of a backup, empty import). */
export async function replaceWorkspace(target: CorroborateDB, dossier: Dossier): Promise<number> {
  let written = 0;
  await emptyWorkspaceThen(target, async () => {
    for (const table of RECORD_TABLES) {
      const rows = rowsOf(dossier, table);
      await target.table(table).bulkAdd(rows);
      written += rows.length;
    }
    await target.meta.put({ key: MERGE_HISTORY_KEY, value: dossier.history });
  });
  return written;
}

/**
 * The edits that turn `current` (the workspace, or the part of it a merge touches) into `merged`: changed or
 * new records put, vanished ones deleted. Each op carries the stored record it replaces, read with `current`.
 */
export function mergeOps(current: Dossier, merged: Dossier): EditOp[] {
  const ops: EditOp[] = [];
  for (const table of RECORD_TABLES) {
    const before = new Map(rowsOf(current, table).map((r) => [r.id, r]));
    const after = new Set<string>();
    for (const record of rowsOf(merged, table)) {
      after.add(record.id);
      const old = before.get(record.id);
      if (!old || !sameRecord(old, record))
        ops.push({ table, id: record.id, after: record, before: old ?? null });
    }
    // Records merged under another id (same article text, same statement span) leave their old id behind.
    for (const [id, old] of before) if (!after.has(id)) ops.push({ table, id, after: null, before: old });
  }
  return ops;
}

const tagKey = (name: string, parentId: string | null) =>
  `${parentId ?? ''}\u0000${name.trim().toLowerCase()}`;
const sameExceptTimes = (a: Tag, b: Tag) =>
  sameRecord({ ...a, id: '', createdAt: '', updatedAt: '' }, { ...b, id: '', createdAt: '', updatedAt: '' });

/**
 * mergeDossiers matches tags only by id, so two workspaces that each started from the starter codebook
 * would end with every tag twice. Tags with the same name under the same parent are the same code:
 * the incoming one takes the workspace's id (and, when only its timestamps differ, the workspace's record).
 */
export function alignTags(current: Dossier, incoming: Dossier): Dossier {
  const ids = new Set(current.tags.map((t) => t.id));
  const remap = new Map<string, string>();
  const byKey = new Map(current.tags.map((t) => [tagKey(t.name, t.parentId), t]));
  // Parents first, so a child's key uses its parent's workspace id.
  const pending = [...incoming.tags];
  for (let progressed = true; progressed && pending.length;) {
    progressed = false;
    for (let i = 0; i < pending.length; i++) {
      const t = pending[i]!;
      if (t.parentId !== null && pending.some((p) => p.id === t.parentId)) continue;
      pending.splice(i--, 1);
      progressed = true;
      if (ids.has(t.id)) continue;
      const match = byKey.get(
        tagKey(t.name, t.parentId === null ? null : (remap.get(t.parentId) ?? t.parentId)),
      );
      if (match && !incoming.tags.some((x) => x.id === match.id)) remap.set(t.id, match.id);
    }
  }
  if (remap.size === 0) return incoming;
  const to = (id: string) => remap.get(id) ?? id;
  const currentById = new Map(current.tags.map((t) => [t.id, t]));
  return {
    ...incoming,
    tags: incoming.tags.map((t) => {
      const moved = { ...t, id: to(t.id), parentId: t.parentId === null ? null : to(t.parentId) };
      const existing = currentById.get(moved.id);
      return existing && sameExceptTimes(existing, moved) ? existing : moved;
    }),
    annotations: incoming.annotations.map((a) => ({ ...a, tagIds: [...new Set(a.tagIds.map(to))] })),
    scope: { ...incoming.scope, tagIds: incoming.scope.tagIds.map(to) },
  };
}

/**
 * Brings a dossier into the workspace. Into an empty workspace it restores everything exactly; into a
 * non-empty one it merges (mergeDossiers) and writes the result in one undoable transaction.
 */
export async function importDossierIntoWorkspace(
  target: CorroborateDB,
  incoming: Dossier,
  label: string,
): Promise<DossierImportResult> {
  return target.transaction(
    'rw',
    // The source rows: their match-key index finds the workspace's sources of the dossier's names (merge-base.ts).
    [...WORKSPACE_TABLES.map((t) => target.table(t)), target.meta, target.history, target.sourceRows],
    async () => {
      if (await isWorkspaceEmpty(target)) {
        const added = await replaceWorkspace(target, incoming);
        const articleIds = incoming.articles.map((a) => a.id);
        return { mode: 'restored', report: { added, updated: 0, unchanged: 0, conflicts: [] }, articleIds };
      }
      const history = await mergeHistoryOf(target);
      const { base, result } = await mergeIntoPart(target, incoming, history, (part) =>
        mergeDossiers(part, alignTags(part, incoming)),
      );
      const { dossier: merged, report } = result;
      await applyEdit(target, label, mergeOps(base, merged));
      await target.meta.put({ key: MERGE_HISTORY_KEY, value: merged.history });
      const idByText = new Map(merged.articles.map((a) => [a.textSha256, a.id]));
      const articleIds = incoming.articles.map((a) => idByText.get(a.textSha256) ?? a.id);
      return { mode: 'merged', report, articleIds };
    },
  );
}

/** Empties the workspace (every table, the undo log and the merge history); the starter seed is not re-added. */
export async function clearWorkspace(target: CorroborateDB): Promise<void> {
  await emptyWorkspaceThen(target, () => target.meta.delete(MERGE_HISTORY_KEY));
}

export interface ExportChoices {
  articles: { id: string; title: string; outlet: string | null }[];
  tags: { id: string; name: string; colour: string; parentId: string | null }[];
  claims: { id: string; text: string }[];
}

/** What the export dialog lets the user pick from. */
export async function exportChoices(target: CorroborateDB): Promise<ExportChoices> {
  const [articles, tags, claims] = await Promise.all([
    target.articles.orderBy('importedAt').toArray(),
    target.tags.toArray(),
    target.claims.toArray(),
  ]);
  return {
    articles: articles.map((a) => ({ id: a.id, title: a.title || a.fileName, outlet: a.outlet })),
    tags: tags
      .map((t) => ({ id: t.id, name: t.name, colour: t.colour, parentId: t.parentId }))
      .sort((a, b) => a.name.localeCompare(b.name)),
    claims: claims.map((c) => ({ id: c.id, text: c.text })),
  };
}

/** The same operations on the app's workspace database, for the screens. */
export const dossiers = {
  read: (exportedBy: string) => readWorkspaceDossier(db, exportedBy),
  import: (incoming: Dossier, label: string) => importDossierIntoWorkspace(db, incoming, label),
  clear: () => clearWorkspace(db),
  exportChoices: () => exportChoices(db),
};
