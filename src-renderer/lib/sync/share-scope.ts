// What of a workspace goes into a shared dossier: all of it, or a selection of articles and what hangs on them.
import type { RecordChange, ShareScope, SyncedTable, SyncRecord } from '../db/sync-bridge';

export type { ShareScope };

export const WHOLE: ShareScope = { kind: 'whole' };

/** Whether the dossier already holds a record (once shared, a record stays shared). */
export type InDossier = (table: SyncedTable, id: string) => boolean;

export interface Admitted {
  /** The changes that go to the dossier (a record that no longer qualifies leaves it as a deletion). */
  send: RecordChange[];
  /**
   * Records the sent ones need that are not in the batch nor in the dossier: read them and send them too
   * (`articles`: what hangs on a newly shared version of a shared article, its statements and annotations).
   */
  pull: { table: 'sources' | 'claims' | 'articles'; id: string }[];
}

const str = (v: unknown): string | null => (typeof v === 'string' ? v : null);

/** Every source a statement names: its speaker and the sources relaying it. */
function sourcesOf(statement: SyncRecord): string[] {
  const via = Array.isArray(statement.viaIds) ? statement.viaIds.filter((v) => typeof v === 'string') : [];
  const speaker = str(statement.speakerId);
  return speaker ? [speaker, ...via] : via;
}

/**
 * The membership rule of a shared selection, applied to a batch of committed local changes (the whole workspace
 * when it is first shared, then each edit). With the articles shared = the chosen ones ∪ those in the dossier:
 * - articles: shared when chosen (or already in the dossier), and a new version of a shared article (with its
 *   statements and annotations, read from the workspace);
 * - statements (and their corrections), annotations: when their article is shared;
 * - links and alignments: when both their statements are shared; one spanning a shared and an unshared article
 *   stays on this machine;
 * - stances (claimStatements): when their statement is shared; a claim is shared once one of its stances is
 *   (its stances on unshared statements stay here), the same cut as exporting a selection;
 * - sources: those the shared statements name as speaker or relay, with their grades;
 * - tags: the whole codebook (the team codes with one codebook; a tag names a code, not an article).
 * Deletions pass (one of a record the dossier does not hold changes nothing). A record already in the dossier
 * whose new value no longer qualifies leaves the dossier (it is sent as deleted) and stays here.
 */
export function admitChanges(changes: RecordChange[], scope: ShareScope, inDossier: InDossier): Admitted {
  if (scope.kind === 'whole') return { send: changes, pull: [] };
  const chosen = new Set(scope.articleIds);
  const byTable = new Map<SyncedTable, RecordChange[]>();
  for (const c of changes) {
    const list = byTable.get(c.table) ?? [];
    list.push(c);
    byTable.set(c.table, list);
  }
  const of = (t: SyncedTable) => byTable.get(t) ?? [];
  const admitted = new Map<SyncedTable, Set<string>>();
  const shared = (t: SyncedTable, id: string | null) =>
    id !== null && (admitted.get(t)?.has(id) === true || inDossier(t, id));
  const send: RecordChange[] = [];
  const decide = (c: RecordChange, ok: boolean) => {
    if (!c.value) return send.push(c);
    if (ok) {
      let set = admitted.get(c.table);
      if (!set) admitted.set(c.table, (set = new Set()));
      set.add(c.id);
      send.push(c);
    } else if (inDossier(c.table, c.id)) send.push({ table: c.table, id: c.id, value: null });
  };

  // In dependency order: what a record hangs on is decided before it.
  const versions: string[] = [];
  let undecided = of('articles').filter((c) => {
    const own = !c.value || chosen.has(c.id) || inDossier('articles', c.id);
    if (own) decide(c, true);
    return !own;
  });
  // A version of a shared article is shared, however long the chain of versions in the batch.
  for (let grew = true; grew;) {
    grew = false;
    undecided = undecided.filter((c) => {
      if (!shared('articles', str(c.value?.versionOf))) return true;
      versions.push(c.id);
      decide(c, true);
      grew = true;
      return false;
    });
  }
  for (const c of undecided) decide(c, false);
  for (const c of of('statements')) decide(c, shared('articles', str(c.value?.articleId)));
  for (const c of of('annotations')) decide(c, shared('articles', str(c.value?.articleId)));
  for (const c of of('links'))
    decide(
      c,
      shared('statements', str(c.value?.fromStatementId)) &&
        shared('statements', str(c.value?.toStatementId)),
    );
  for (const c of of('alignments'))
    decide(
      c,
      shared('statements', str(c.value?.aStatementId)) && shared('statements', str(c.value?.bStatementId)),
    );
  for (const c of of('claimStatements')) decide(c, shared('statements', str(c.value?.statementId)));
  for (const c of of('tags')) decide(c, true);

  const stanceClaims = new Set<string>();
  for (const c of of('claimStatements')) {
    const claim = str(c.value?.claimId);
    if (c.value && claim && admitted.get('claimStatements')?.has(c.id)) stanceClaims.add(claim);
  }
  for (const c of of('claims')) decide(c, stanceClaims.has(c.id) || inDossier('claims', c.id));

  const named = new Set<string>();
  for (const c of of('statements'))
    if (c.value && admitted.get('statements')?.has(c.id)) for (const s of sourcesOf(c.value)) named.add(s);
  for (const c of of('sources')) decide(c, named.has(c.id) || inDossier('sources', c.id));

  const pull: Admitted['pull'] = versions.map((id) => ({ table: 'articles' as const, id }));
  for (const id of stanceClaims) if (!shared('claims', id)) pull.push({ table: 'claims', id });
  for (const id of named) if (!shared('sources', id)) pull.push({ table: 'sources', id });
  return { send, pull };
}
