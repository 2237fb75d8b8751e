// Workspace-level operations: first-start seeding and settings kept in the meta table.
import type { ExtractedArticle } from '../../../src-main/shared/extraction';
import { db as appDb } from './app-db';
import type { CorroborateDB } from './db';
import { redo, undo } from './history';
import { storeExtractedArticle } from './articles';
import { starterTags } from './tags';

export async function getMeta<T>(db: CorroborateDB, key: string, fallback: T): Promise<T> {
  const row = await db.meta.get(key);
  return row ? (row.value as T) : fallback;
}

export async function setMeta(db: CorroborateDB, key: string, value: unknown): Promise<void> {
  await db.meta.put({ key, value });
}

/** On the very first start: the starter codebook and the sample dossier. Runs once per workspace. */
export async function seedIfNew(
  db: CorroborateDB,
  loadSample: () => Promise<ExtractedArticle[]>,
): Promise<boolean> {
  if (await getMeta(db, 'seeded', false)) return false;
  const sample = await loadSample();
  await db.transaction(
    'rw',
    [...db.tables.filter((t) => t.name !== 'history').map((t) => t.name)],
    async () => {
      if (await getMeta(db, 'seeded', false)) return;
      if ((await db.tags.count()) === 0) await db.tags.bulkAdd(starterTags());
      for (const article of sample) await storeExtractedArticle(db, article);
      await setMeta(db, 'seeded', true);
    },
  );
  return true;
}

/** The workspace as a whole, on the app's database: open it, seed it once, undo and redo its edits. */
export const workspace = {
  open: () => appDb.open(),
  seedIfNew: (load: () => Promise<ExtractedArticle[]>) => seedIfNew(appDb, load),
  undo: () => undo(appDb),
  redo: () => redo(appDb),
};
