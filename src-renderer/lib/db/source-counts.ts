// Per source, how many statements of the current versions it speaks and relays: read from the derived source
// rows (one row per source), less what the few superseded versions say. Never reads the statements table whole.
import type { Source } from '../../../src-main/shared/domain';
import type { CorroborateDB } from './db';
import { relaysOf } from './derived';

export interface SourceCounts {
  source: Source;
  speaking: number;
  relaying: number;
}

/** Ids of the articles a newer version replaces (few; read from the index only old versions are in). */
export function supersededIds(db: CorroborateDB): Promise<string[]> {
  return db.articleRows.where('supersededBy').above('').primaryKeys();
}

/** Every source with its counts, in no particular order. */
export async function sourceCounts(db: CorroborateDB): Promise<SourceCounts[]> {
  const [sources, rows, old] = await Promise.all([
    db.sources.toArray(),
    db.sourceRows.toArray(),
    supersededIds(db),
  ]);
  const speaking = new Map(rows.map((r) => [r.id, r.statements]));
  const relaying = new Map(rows.map((r) => [r.id, r.relaying ?? 0]));
  const less = (m: Map<string, number>, id: string) => m.set(id, Math.max(0, (m.get(id) ?? 0) - 1));
  // Counts come from current versions: what an old version says is taken off again.
  if (old.length)
    await db.statements
      .where('articleId')
      .anyOf(old)
      .each((s) => {
        if (s.speakerId) less(speaking, s.speakerId);
        for (const id of relaysOf(s)) less(relaying, id);
      });
  return sources.map((source) => ({
    source,
    speaking: speaking.get(source.id) ?? 0,
    relaying: relaying.get(source.id) ?? 0,
  }));
}
