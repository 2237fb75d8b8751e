// The sources registry: who speaks and relays across the workspace, and the user's corrections to it
// (rename, merge, split, grade; a statement's speaker, relays, kind and cue). Every edit is one
// undoable applyEdit; edited records get `userEdited: true` so automatic analysis leaves them alone.
import type { Source, SourceKind, Statement, StatementKind } from '../../../src-main/shared/domain';
import type { AnalyzedStatement } from '../../../src-main/shared/extraction';
import { attributionOf, cleanAliases, SourceResolver } from '../../../src-main/shared/records';
import { normaliseName } from '../../../src-main/shared/analysis/sources';
import { type CorroborateDB, newId, now } from './db';
import { db } from './app-db';
import { type EditOp, applyEdit } from './history';
import { type SourceCounts, sourceCounts } from './source-counts';
import { articlesOfSource, statementsOfSource } from './source-articles';

export type SourceOverview = SourceCounts;

/** Every source with its speaking and relaying counts, most present first: one row per source, no statements read. */
export async function sourceOverview(db: CorroborateDB): Promise<SourceOverview[]> {
  return (await sourceCounts(db)).sort(
    (a, b) =>
      b.speaking + b.relaying - (a.speaking + a.relaying) || a.source.name.localeCompare(b.source.name),
  );
}

const sameName = (a: string, b: string) => normaliseName(a) === normaliseName(b);

async function mustGetSource(db: CorroborateDB, id: string): Promise<Source> {
  const source = await db.sources.get(id);
  if (!source) throw new Error('That source no longer exists.');
  return source;
}

export interface SourcePatch {
  name?: string;
  kind?: SourceKind;
  aliases?: string[];
  reliability?: Source['reliability'];
  note?: string;
}

/** Edit a source. Renaming keeps the old name as an alias, so later imports still find it. */
export async function updateSource(db: CorroborateDB, id: string, patch: SourcePatch, label?: string) {
  const source = await mustGetSource(db, id);
  const name = patch.name?.trim() || source.name;
  let aliases = patch.aliases ?? source.aliases;
  if (name !== source.name) aliases = [...aliases, source.name];
  const after: Source = {
    ...source,
    name,
    kind: patch.kind ?? source.kind,
    aliases: cleanAliases(name, aliases),
    reliability: patch.reliability === undefined ? source.reliability : patch.reliability,
    note: patch.note ?? source.note,
    userEdited: true,
    updatedAt: now(),
  };
  const unchanged = (['name', 'kind', 'reliability', 'note'] as const).every((k) => after[k] === source[k]);
  if (unchanged && after.aliases.join('\n') === source.aliases.join('\n')) return;
  const what = name !== source.name ? `Rename “${source.name}” to “${name}”` : `Edit source “${name}”`;
  await applyEdit(db, label ?? what, [{ table: 'sources', id, after: { ...after } }]);
}

/** Delete a source no statement names any more (left over after merges, splits and corrections). */
export async function deleteUnusedSource(db: CorroborateDB, id: string): Promise<void> {
  const source = await mustGetSource(db, id);
  if ((await statementsNaming(db, [id])).length > 0)
    throw new Error(`“${source.name}” still speaks or relays statements; merge it instead.`);
  await applyEdit(db, `Delete source “${source.name}”`, [{ table: 'sources', id, after: null }]);
}

/** Replace `from` ids by `to` in a relay chain, dropping repeats and the speaker itself. */
function remapVia(viaIds: string[], map: Map<string, string>, speakerId: string | null): string[] {
  const out: string[] = [];
  for (const id of viaIds) {
    const next = map.get(id) ?? id;
    if (next !== speakerId && out[out.length - 1] !== next && !out.includes(next)) out.push(next);
  }
  return out;
}

/** Statements that name any of `ids` as speaker or relay. */
async function statementsNaming(db: CorroborateDB, ids: string[]): Promise<Statement[]> {
  const [spoken, relayed] = await Promise.all([
    db.statements.where('speakerId').anyOf(ids).toArray(),
    db.statements.where('viaIds').anyOf(ids).toArray(),
  ]);
  return [...new Map([...spoken, ...relayed].map((s) => [s.id, s])).values()];
}

/**
 * Merge `otherIds` into `keepId`: their statements (as speaker or relay) point to the kept source,
 * names and aliases are united, the others are deleted. One undoable edit restores everything.
 */
export async function mergeSources(db: CorroborateDB, keepId: string, otherIds: string[]): Promise<void> {
  const others = [...new Set(otherIds)].filter((id) => id !== keepId);
  if (others.length === 0) return;
  const keep = await mustGetSource(db, keepId);
  const merged = await Promise.all(others.map((id) => mustGetSource(db, id)));
  const at = now();
  const map = new Map(others.map((id) => [id, keepId]));
  const ops: EditOp[] = [];
  for (const st of await statementsNaming(db, others)) {
    const speakerId = st.speakerId && map.has(st.speakerId) ? keepId : st.speakerId;
    ops.push({
      table: 'statements',
      id: st.id,
      after: { ...st, speakerId, viaIds: remapVia(st.viaIds, map, speakerId), updatedAt: at },
    });
  }
  const after: Source = {
    ...keep,
    kind: keep.kind === 'unknown' ? (merged.find((m) => m.kind !== 'unknown')?.kind ?? 'unknown') : keep.kind,
    aliases: cleanAliases(keep.name, [...keep.aliases, ...merged.flatMap((m) => [m.name, ...m.aliases])]),
    reliability: keep.reliability ?? merged.find((m) => m.reliability)?.reliability ?? null,
    note: [keep.note, ...merged.map((m) => m.note)].filter((n) => n.trim()).join('\n\n'),
    userEdited: true,
    updatedAt: at,
  };
  ops.push({ table: 'sources', id: keepId, after: { ...after } });
  for (const m of merged) ops.push({ table: 'sources', id: m.id, after: null });
  const names = merged.map((m) => `“${m.name}”`).join(', ');
  await applyEdit(db, `Merge ${names} into “${keep.name}”`, ops);
}

export interface SplitRequest {
  name: string;
  kind: SourceKind;
  /** Aliases moved from the original to the new source. */
  aliases: string[];
  /** Statements whose mention of the original (as speaker or relay) moves to the new source. */
  statementIds: string[];
}

/** Split part of a source off into a new one; returns the new source's id. */
export async function splitSource(db: CorroborateDB, id: string, req: SplitRequest): Promise<string> {
  const original = await mustGetSource(db, id);
  const name = req.name.trim();
  if (!name) throw new Error('The new source needs a name.');
  const at = now();
  const created: Source = {
    id: newId(),
    name,
    kind: req.kind,
    aliases: cleanAliases(name, req.aliases),
    reliability: null,
    note: '',
    userEdited: true,
    createdAt: at,
    updatedAt: at,
  };
  const moved = new Set(req.aliases.map(normaliseName));
  const ops: EditOp[] = [
    { table: 'sources', id: created.id, after: { ...created } },
    {
      table: 'sources',
      id,
      after: {
        ...original,
        aliases: original.aliases.filter((a) => !moved.has(normaliseName(a)) && !sameName(a, name)),
        userEdited: true,
        updatedAt: at,
      },
    },
  ];
  const map = new Map([[id, created.id]]);
  const picked = (await db.statements.bulkGet(req.statementIds)).filter((s) => !!s);
  for (const st of picked) {
    const speakerId = st.speakerId === id ? created.id : st.speakerId;
    ops.push({
      table: 'statements',
      id: st.id,
      after: { ...st, speakerId, viaIds: remapVia(st.viaIds, map, speakerId), updatedAt: at },
    });
  }
  await applyEdit(db, `Split “${name}” off “${original.name}”`, ops);
  return created.id;
}

/** A new source typed by the user, or an existing source's id. */
export type SourceChoice = { id: string } | { create: { name: string; kind: SourceKind } };

export interface AttributionPatch {
  speaker?: SourceChoice | null;
  via?: SourceChoice[];
  kind?: StatementKind;
  cue?: string | null;
}

/**
 * Correct a statement's attribution. The statement is marked userEdited, which is what
 * reanalyseArticle (below) checks: automatic analysis never overwrites a corrected statement.
 */
export async function editAttribution(db: CorroborateDB, statementId: string, patch: AttributionPatch) {
  const st = await db.statements.get(statementId);
  if (!st) throw new Error('That statement no longer exists.');
  const at = now();
  const ops: EditOp[] = [];
  const resolve = (choice: SourceChoice): string => {
    if ('id' in choice) return choice.id;
    const source: Source = {
      id: newId(),
      name: choice.create.name.trim(),
      kind: choice.create.kind,
      aliases: [],
      reliability: null,
      note: '',
      userEdited: true,
      createdAt: at,
      updatedAt: at,
    };
    ops.push({ table: 'sources', id: source.id, after: { ...source } });
    return source.id;
  };
  const speakerId =
    patch.speaker === undefined ? st.speakerId : patch.speaker === null ? null : resolve(patch.speaker);
  const viaIds = patch.via ? patch.via.map(resolve) : st.viaIds;
  const after: Statement = {
    ...st,
    speakerId,
    viaIds: remapVia(viaIds, new Map(), speakerId),
    kind: patch.kind ?? st.kind,
    cue: patch.cue === undefined ? st.cue : patch.cue?.trim() || null,
    userEdited: true,
    updatedAt: at,
  };
  ops.push({ table: 'statements', id: st.id, after: { ...after } });
  await applyEdit(db, `Correct the attribution of statement ${st.index + 1}`, ops);
}

export interface ReanalysisOutcome {
  /** Statements whose attribution the new analysis changed. */
  updated: number;
  /** Statements the new analysis attributes exactly as before (not written again). */
  unchanged: number;
  /** Statements the user corrected, left exactly as they were. */
  keptUserEdits: number;
  /** Existing statements with no analysed statement at the same offsets. */
  unmatched: number;
}

export const emptyOutcome = (): ReanalysisOutcome => ({
  updated: 0,
  unchanged: 0,
  keptUserEdits: 0,
  unmatched: 0,
});

/** Adds `b`'s counts to `a`. */
export function addOutcome(a: ReanalysisOutcome, b: ReanalysisOutcome): ReanalysisOutcome {
  return {
    updated: a.updated + b.updated,
    unchanged: a.unchanged + b.unchanged,
    keptUserEdits: a.keptUserEdits + b.keptUserEdits,
    unmatched: a.unmatched + b.unmatched,
  };
}

/** One article's fresh analysis: its statements as the pipeline gives them today. */
export interface ArticleAnalysis {
  articleId: string;
  analysed: AnalyzedStatement[];
}

/**
 * Re-apply automatic analysis to an article's statements. This is where the guarantee lives:
 * statements with `userEdited` are skipped, and sources the user edited keep their aliases.
 * Statements are matched by their offsets (the article text never changes).
 */
export async function reanalyseArticle(
  db: CorroborateDB,
  articleId: string,
  analysed: AnalyzedStatement[],
): Promise<ReanalysisOutcome> {
  return reanalyseArticles(db, [{ articleId, analysed }], 'Re-analyse article');
}

/**
 * Re-analysis of several articles as one undoable edit (a batch of a workspace-wide run). Only statements
 * whose attribution changes are written; annotations, links and claims point at statement ids and offsets,
 * which stay as they were.
 */
export async function reanalyseArticles(
  db: CorroborateDB,
  batch: ArticleAnalysis[],
  label = `Re-analyse ${batch.length} articles`,
): Promise<ReanalysisOutcome> {
  const at = now();
  const outcome = emptyOutcome();
  const [statements, allSources] = await Promise.all([
    db.statements
      .where('articleId')
      .anyOf(batch.map((b) => b.articleId))
      .toArray(),
    db.sources.toArray(),
  ]);
  const fresh = new Map(
    batch.flatMap(({ articleId, analysed }) => analysed.map((a) => [`${articleId}:${a.start}:${a.end}`, a])),
  );
  const sources = new SourceResolver(allSources, newId, at);
  const ops: EditOp[] = [];
  for (const st of statements) {
    if (st.userEdited) {
      outcome.keptUserEdits++;
      continue;
    }
    const analysed = fresh.get(`${st.articleId}:${st.start}:${st.end}`);
    if (!analysed) {
      outcome.unmatched++;
      continue;
    }
    const fields = attributionOf(analysed, sources);
    const after: Statement = {
      ...st,
      ...fields,
      viaIds: remapVia(fields.viaIds, new Map(), fields.speakerId),
    };
    if (sameAttribution(st, after)) {
      outcome.unchanged++;
      continue;
    }
    ops.push({ table: 'statements', id: st.id, after: { ...after, updatedAt: at } });
    outcome.updated++;
  }
  for (const s of sources.changed.values()) ops.push({ table: 'sources', id: s.id, after: { ...s } });
  await applyEdit(db, label, ops);
  return outcome;
}

function sameAttribution(a: Statement, b: Statement): boolean {
  const fields = (s: Statement) =>
    JSON.stringify([s.kind, s.speakerId, s.cue, s.viaIds, s.entities, s.speakerFound ?? null]);
  return fields(a) === fields(b);
}

/** The same operations on the workspace database, for the screens. */
export const sourceRegistry = {
  overview: () => sourceOverview(db),
  articlesOf: (sourceId: string | null, limit?: number) => articlesOfSource(db, sourceId, limit),
  statementsOf: (sourceId: string | null, articleLimit?: number) =>
    statementsOfSource(db, sourceId, articleLimit),
  update: (id: string, patch: SourcePatch) => updateSource(db, id, patch),
  merge: (keepId: string, otherIds: string[]) => mergeSources(db, keepId, otherIds),
  split: (id: string, req: SplitRequest) => splitSource(db, id, req),
  deleteUnused: (id: string) => deleteUnusedSource(db, id),
  editAttribution: (statementId: string, patch: AttributionPatch) => editAttribution(db, statementId, patch),
};
