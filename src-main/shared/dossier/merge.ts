// Merges two dossiers without loss: records matched by id or natural key, newer edit wins, older kept in history.
import { canonicalJson, compareStrings } from './canonical';
import { recordTime, RECORD_TABLES, type Dossier, type DossierTableName, type HistoryEntry } from './schema';

export interface MergeConflict {
  table: DossierTableName;
  id: string;
  kept: 'base' | 'incoming';
}

export interface MergeReport {
  /** Records only in `incoming`. */
  added: number;
  /** Records present on both sides where the incoming version replaced the base one. */
  updated: number;
  /** Records identical on both sides (after id remapping). */
  unchanged: number;
  /** Records edited on both sides independently (neither version descends from the other). */
  conflicts: MergeConflict[];
}

export interface MergeResult {
  dossier: Dossier;
  report: MergeReport;
}

type AnyRecord = { id: string; updatedAt?: string; at?: string };
type IdMap = Map<string, string>;

/**
 * Pairs records that are the same thing under different ids (same article text, same statement span,
 * same source name). Pairing is symmetric — sorted ids matched by rank, the smaller id kept — so
 * merging A into B and B into A produces the same ids.
 */
function pairByNaturalKey<T extends AnyRecord>(base: T[], incoming: T[], key: (r: T) => string): IdMap {
  const baseIds = new Set(base.map((r) => r.id));
  const incomingIds = new Set(incoming.map((r) => r.id));
  const group = (rows: T[], otherIds: Set<string>) => {
    const groups = new Map<string, string[]>();
    for (const r of rows) {
      if (otherIds.has(r.id)) continue; // already matched by id
      const k = key(r);
      groups.set(k, [...(groups.get(k) ?? []), r.id]);
    }
    return groups;
  };
  const baseGroups = group(base, incomingIds);
  const incomingGroups = group(incoming, baseIds);
  const remap: IdMap = new Map();
  for (const [k, baseGroup] of baseGroups) {
    const incomingGroup = incomingGroups.get(k);
    if (!incomingGroup) continue;
    baseGroup.sort(compareStrings);
    incomingGroup.sort(compareStrings);
    for (let i = 0; i < Math.min(baseGroup.length, incomingGroup.length); i++) {
      const a = baseGroup[i]!;
      const b = incomingGroup[i]!;
      const canonical = compareStrings(a, b) <= 0 ? a : b;
      remap.set(a, canonical);
      remap.set(b, canonical);
    }
  }
  return remap;
}

const mapped = (map: IdMap, id: string) => map.get(id) ?? id;
const mappedOrNull = (map: IdMap, id: string | null) => (id === null ? null : mapped(map, id));

/** Applies article, source and statement id remaps to every record that refers to them. */
function remapDossier(d: Dossier, articles: IdMap, sources: IdMap, statements: IdMap, tags: IdMap): Dossier {
  return {
    ...d,
    tags: d.tags.map((t) => ({ ...t, id: mapped(tags, t.id), parentId: mappedOrNull(tags, t.parentId) })),
    articles: d.articles.map((a) => ({
      ...a,
      id: mapped(articles, a.id),
      versionOf: mappedOrNull(articles, a.versionOf),
    })),
    sources: d.sources.map((s) => ({ ...s, id: mapped(sources, s.id) })),
    statements: d.statements.map((s) => ({
      ...s,
      id: mapped(statements, s.id),
      articleId: mapped(articles, s.articleId),
      speakerId: mappedOrNull(sources, s.speakerId),
      viaIds: s.viaIds.map((v) => mapped(sources, v)),
    })),
    annotations: d.annotations.map((a) => ({
      ...a,
      articleId: mapped(articles, a.articleId),
      statementIds: a.statementIds.map((s) => mapped(statements, s)),
      tagIds: [...new Set(a.tagIds.map((t) => mapped(tags, t)))],
    })),
    links: d.links.map((l) => ({
      ...l,
      fromStatementId: mapped(statements, l.fromStatementId),
      toStatementId: mapped(statements, l.toStatementId),
    })),
    claimStatements: d.claimStatements.map((cs) => ({
      ...cs,
      statementId: mapped(statements, cs.statementId),
    })),
    imports: d.imports.map((r) => ({ ...r, articleId: mappedOrNull(articles, r.articleId) })),
  };
}

/** Each tag's lower-cased name path from the root of its codebook. */
function tagPaths(tags: Dossier['tags']): Map<string, string> {
  const byId = new Map(tags.map((t) => [t.id, t]));
  const out = new Map<string, string>();
  for (const tag of tags) {
    const names: string[] = [];
    let at: Dossier['tags'][number] | undefined = tag;
    // Bounded walk: validation refuses cycles, but merge must not hang on an unvalidated dossier.
    for (let depth = 0; at && depth < 100; depth++) {
      names.unshift(at.name.trim().toLowerCase());
      at = at.parentId ? byId.get(at.parentId) : undefined;
    }
    out.set(tag.id, names.join('\u0000'));
  }
  return out;
}

function historyKey(entry: HistoryEntry): string {
  return canonicalJson(entry);
}

function compareHistory(a: HistoryEntry, b: HistoryEntry): number {
  return (
    compareStrings(a.table, b.table) ||
    compareStrings(a.record.id, b.record.id) ||
    compareStrings(a.replacedAt, b.replacedAt) ||
    compareStrings(historyKey(a), historyKey(b))
  );
}

/** Sorts every table by id and the history canonically, so equal workspaces compare equal. */
export function normaliseDossier(d: Dossier): Dossier {
  const tables = {} as Record<DossierTableName, AnyRecord[]>;
  for (const table of RECORD_TABLES) {
    tables[table] = [...(d[table] as AnyRecord[])].sort((a, b) => compareStrings(a.id, b.id));
  }
  const unique = new Map(d.history.map((h) => [historyKey(h), h]));
  return {
    ...d,
    ...(tables as unknown as Pick<Dossier, DossierTableName>),
    history: [...unique.values()].sort(compareHistory),
  };
}

/** The newer record wins; equal times fall back to the canonical JSON so both merge orders agree. */
function incomingWins(base: AnyRecord, incoming: AnyRecord): boolean {
  const byTime = compareStrings(recordTime(incoming), recordTime(base));
  if (byTime !== 0) return byTime > 0;
  return compareStrings(canonicalJson(incoming), canonicalJson(base)) > 0;
}

/** Sources of the same kind pair by this form of their names: case and surrounding spaces aside. */
export const sourceNameKey = (name: string): string => name.trim().toLowerCase();

export function mergeDossiers(base: Dossier, incoming: Dossier): MergeResult {
  const articleMap = pairByNaturalKey(base.articles, incoming.articles, (a) => a.textSha256);
  const sourceMap = pairByNaturalKey(
    base.sources,
    incoming.sources,
    (s) => `${s.kind}\u0000${sourceNameKey(s.name)}`,
  );
  // Statements are keyed by their span in the (already remapped) article.
  const spanKey = (s: Dossier['statements'][number]) =>
    `${mapped(articleMap, s.articleId)}\u0000${s.start}\u0000${s.end}`;
  const statementMap = pairByNaturalKey(base.statements, incoming.statements, spanKey);
  // Tags are the same code when their name path from the root is the same ("key claim/figures"):
  // two workspaces that both started from the starter codebook must not end up with every tag twice.
  const paths = new Map([...tagPaths(base.tags), ...tagPaths(incoming.tags)]);
  const tagMap = pairByNaturalKey(base.tags, incoming.tags, (t) => paths.get(t.id) ?? t.id);
  const b = remapDossier(base, articleMap, sourceMap, statementMap, tagMap);
  const inc = remapDossier(incoming, articleMap, sourceMap, statementMap, tagMap);

  const report: MergeReport = { added: 0, updated: 0, unchanged: 0, conflicts: [] };
  const history: HistoryEntry[] = [...b.history, ...inc.history];
  const knownVersions = (entries: HistoryEntry[]) =>
    new Set(entries.map((h) => `${h.table}\u0000${canonicalJson(h.record)}`));
  const baseHistory = knownVersions(b.history);
  const incomingHistory = knownVersions(inc.history);

  const tables = {} as Record<DossierTableName, AnyRecord[]>;
  for (const table of RECORD_TABLES) {
    const byId = new Map((b[table] as AnyRecord[]).map((r) => [r.id, r]));
    for (const record of inc[table] as AnyRecord[]) {
      const existing = byId.get(record.id);
      if (!existing) {
        byId.set(record.id, record);
        report.added++;
        continue;
      }
      const existingJson = canonicalJson(existing);
      const recordJson = canonicalJson(record);
      if (existingJson === recordJson) {
        report.unchanged++;
        continue;
      }
      const takeIncoming = incomingWins(existing, record);
      const [winner, loser] = takeIncoming ? [record, existing] : [existing, record];
      byId.set(record.id, winner);
      history.push({ table, record: loser, replacedAt: recordTime(winner) });
      if (takeIncoming) report.updated++;
      // A version the other side already replaced is a plain update, not a conflict.
      const fastForward = takeIncoming
        ? incomingHistory.has(`${table}\u0000${existingJson}`)
        : baseHistory.has(`${table}\u0000${recordJson}`);
      if (!fastForward)
        report.conflicts.push({ table, id: record.id, kept: takeIncoming ? 'incoming' : 'base' });
    }
    tables[table] = [...byId.values()];
  }
  const merged: Dossier = { ...b, ...(tables as unknown as Pick<Dossier, DossierTableName>), history };
  const later = compareStrings(incoming.exportedAt, base.exportedAt) > 0 ? incoming : base;
  merged.exportedAt = later.exportedAt;
  merged.exportedBy = later.exportedBy;
  const union = (x: string[], y: string[]) => [...new Set([...x, ...y])].sort(compareStrings);
  merged.scope = {
    whole: base.scope.whole || incoming.scope.whole,
    articleIds: union(
      b.scope.articleIds.map((id) => mapped(articleMap, id)),
      inc.scope.articleIds.map((id) => mapped(articleMap, id)),
    ),
    tagIds: union(base.scope.tagIds, incoming.scope.tagIds),
    claimIds: union(base.scope.claimIds, incoming.scope.claimIds),
  };
  return { dossier: normaliseDossier(merged), report };
}
