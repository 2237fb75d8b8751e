// The search index's documents and saved shards read whole, for tests on small workspaces (the app builds and
// loads a page or a shard at a time: search-client.svelte.ts).
import type { CorroborateDB } from '../../../src-renderer/lib/db/db';
import {
  savedIndexPlan,
  savedShard,
  searchDocPages,
  type ChangedKeys,
} from '../../../src-renderer/lib/db/search-source';
import type { SearchDoc } from '../../../src-renderer/lib/search/docs';
import type { SavedShard } from '../../../src-renderer/lib/search/shards';

/** Every document of the workspace at once. */
export async function allSearchDocs(db: CorroborateDB): Promise<SearchDoc[]> {
  const docs: SearchDoc[] = [];
  for await (const page of searchDocPages(db)) docs.push(...page.docs);
  return docs;
}

/** The saved index and the writes it has not seen yet (none when it is current). */
export interface SavedIndex {
  shards: SavedShard[];
  pending: ChangedKeys | null;
}

/** The whole saved index at once (every shard read as `savedIndexPlan` plans); null when a start would rebuild. */
export async function loadSavedIndex(db: CorroborateDB): Promise<SavedIndex | null> {
  const plan = await savedIndexPlan(db);
  if (!plan) return null;
  const shards: SavedShard[] = [];
  for (const key of plan.keys) {
    const shard = await savedShard(db, key, plan.savedAt);
    if (!shard) return null;
    shards.push(shard);
  }
  return { shards, pending: plan.pending };
}
