// The part of the workspace a dossier merge can touch, read through indexes instead of reading every table:
// the records that share an id or a natural key with the incoming dossier, and the records that refer to a
// workspace record the merge renames. Merging a dossier of 1,000 articles into 10,000 thus reads about what
// it brings, and mergeDossiers over this part gives the same workspace as over the whole (merge-base.test.ts).
import {
  emptyDossier,
  RECORD_TABLES,
  type Dossier,
  type DossierTableName,
  type MergeResult,
  sourceNameKey,
} from '../../../src-main/shared/dossier';
import type { Source } from '../../../src-main/shared/domain';
import { normaliseName } from '../../../src-main/shared/analysis/names';
import { keysWithAny, recordsWithAny, type CorroborateDB } from './db';

type AnyRecord = { id: string } & Record<string, unknown>;
/** The records read so far, per table, by id. */
type Part = Map<DossierTableName, Map<string, AnyRecord>>;

const rowsOf = (d: Dossier, table: DossierTableName) => d[table] as unknown as AnyRecord[];

function collect(part: Part, table: DossierTableName, rows: (AnyRecord | undefined)[]): number {
  let byId = part.get(table);
  if (!byId) part.set(table, (byId = new Map()));
  let added = 0;
  for (const r of rows)
    if (r && !byId.has(r.id)) {
      byId.set(r.id, r);
      added++;
    }
  return added;
}

async function byIds(target: CorroborateDB, table: DossierTableName, ids: string[]) {
  return (await target.table(table).bulkGet(ids)) as (AnyRecord | undefined)[];
}

/**
 * The records whose `index` holds any of `keys`: one index look-up per key, sent together (recordsWithAny). Dexie's
 * `anyOf` walks a cursor, one round trip per record: the statements citing the sources a merge renames are tens of
 * thousands in a workspace of 10,000 articles.
 */
async function byIndex(target: CorroborateDB, table: DossierTableName, index: string, keys: string[]) {
  if (keys.length === 0) return [];
  return (await recordsWithAny(target.table(table), index, keys)) as AnyRecord[];
}

function toDossier(part: Part, history: Dossier['history']): Dossier {
  const d = emptyDossier(new Date().toISOString(), 'workspace');
  for (const [table, byId] of part) (d as Record<DossierTableName, unknown[]>)[table] = [...byId.values()];
  d.history = history;
  return d;
}

/**
 * The workspace sources named as one of `named` (same name without case and surrounding spaces, as the merge
 * compares them). Found through the source rows' match-key index: a name's normalised form is one of its
 * source's match keys, and names equal without case share it. A case-blind walk of the name index (Dexie's
 * `anyOfIgnoreCase`) would step over the workspace's other names too, more of them the larger it is. Names
 * without a match key (punctuation only) fall back to that walk.
 */
async function sourcesNamed(target: CorroborateDB, named: Pick<Source, 'name'>[]): Promise<Source[]> {
  const wanted = new Set(named.map((s) => sourceNameKey(s.name)));
  const keys = new Set<string>();
  const keyless = new Set<string>();
  for (const { name } of named) {
    const key = normaliseName(name);
    if (key) keys.add(key);
    else keyless.add(name).add(name.trim());
  }
  const ids = keys.size ? await keysWithAny(target.sourceRows, 'matchKeys', [...keys]) : [];
  const found = (await target.sources.bulkGet([...new Set(ids)])).filter((s): s is Source => !!s);
  if (keyless.size)
    found.push(
      ...(await target.sources
        .where('name')
        .anyOfIgnoreCase([...keyless])
        .toArray()),
    );
  return found.filter((s) => wanted.has(sourceNameKey(s.name)));
}

/**
 * Every workspace record the merge of `incoming` pairs with: the same id in any table, articles with the same
 * text, sources with the same name (names are compared without case, as the merge does), every statement of
 * those articles (statements pair by span), and the whole codebook (tags pair by name path; it is small).
 */
async function readPaired(target: CorroborateDB, incoming: Dossier): Promise<Part> {
  const part: Part = new Map();
  for (const table of RECORD_TABLES)
    collect(
      part,
      table,
      await byIds(
        target,
        table,
        rowsOf(incoming, table).map((r) => r.id),
      ),
    );
  const hashes = incoming.articles.map((a) => a.textSha256);
  collect(part, 'articles', await byIndex(target, 'articles', 'textSha256', hashes));
  collect(part, 'sources', (await sourcesNamed(target, incoming.sources)) as unknown as AnyRecord[]);
  const articleIds = [...(part.get('articles')?.keys() ?? [])];
  collect(part, 'statements', await byIndex(target, 'statements', 'articleId', articleIds));
  collect(part, 'tags', (await target.tags.toArray()) as AnyRecord[]);
  return part;
}

/** The ids of `table` in the part read that the merge result no longer holds: records it renamed. */
function renamed(base: Dossier, merged: Dossier, table: DossierTableName): string[] {
  const kept = new Set(rowsOf(merged, table).map((r) => r.id));
  return rowsOf(base, table)
    .map((r) => r.id)
    .filter((id) => !kept.has(id));
}

/**
 * Reads the workspace records that refer to a record the merge renamed (a statement citing a renamed source,
 * an annotation on a renamed statement, …), so the merge rewrites them too. Returns how many were new.
 */
async function readReferrers(target: CorroborateDB, part: Part, base: Dossier, merged: Dossier) {
  const articles = renamed(base, merged, 'articles');
  const sources = renamed(base, merged, 'sources');
  const statements = renamed(base, merged, 'statements');
  const tags = renamed(base, merged, 'tags');
  const reads: [DossierTableName, string, string[]][] = [
    ['articles', 'versionOf', articles],
    ['annotations', 'articleId', articles],
    ['imports', 'articleId', articles],
    ['statements', 'speakerId', sources],
    ['statements', 'viaIds', sources],
    ['annotations', 'statementIds', statements],
    ['links', 'fromStatementId', statements],
    ['links', 'toStatementId', statements],
    ['claimStatements', 'statementId', statements],
    ['annotations', 'tagIds', tags],
  ];
  let added = 0;
  for (const [table, index, keys] of reads)
    added += collect(part, table, await byIndex(target, table, index, keys));
  return added;
}

/**
 * Merges `incoming` into the part of the workspace it touches. Returns that part as read (the records the
 * merge result replaces) and the merge result over it; records outside the part are left as they are.
 */
export async function mergeIntoPart(
  target: CorroborateDB,
  incoming: Dossier,
  history: Dossier['history'],
  merge: (base: Dossier) => MergeResult,
): Promise<{ base: Dossier; result: MergeResult }> {
  const part = await readPaired(target, incoming);
  let base = toDossier(part, history);
  let result = merge(base);
  // Renames come from pairing only, which the referrers read do not change: one more round settles it.
  for (let round = 0; round < 3 && (await readReferrers(target, part, base, result.dossier)) > 0; round++) {
    base = toDossier(part, history);
    result = merge(base);
  }
  return { base, result };
}
