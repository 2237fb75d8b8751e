// Data for the compare view: the compared articles with their statements, and the user's manual alignments.
import type { Article, Statement } from '../../../src-main/shared/domain';
import { type Alignment, type CorroborateDB, newId, now } from './db';
import { applyEdit, type EditOp } from './history';
import { db } from './app-db';
import { getMeta, setMeta } from './workspace';

export interface CompareColumn {
  article: Article;
  statements: Statement[];
}

/** The articles in the order given, skipping ids that no longer exist. */
export async function compareColumnsIn(db: CorroborateDB, articleIds: string[]): Promise<CompareColumn[]> {
  const out: CompareColumn[] = [];
  for (const id of articleIds) {
    const article = await db.articles.get(id);
    if (!article) continue;
    const statements = await db.statements
      .where('[articleId+index]')
      .between([id, 0], [id, Infinity])
      .toArray();
    out.push({ article, statements });
  }
  return out;
}

/** Manual choices touching any of these statements. */
export async function manualAlignmentsIn(db: CorroborateDB, statementIds: string[]): Promise<Alignment[]> {
  if (statementIds.length === 0) return [];
  const [a, b] = await Promise.all([
    db.alignments.where('aStatementId').anyOf(statementIds).toArray(),
    db.alignments.where('bStatementId').anyOf(statementIds).toArray(),
  ]);
  return [...new Map([...a, ...b].map((x) => [x.id, x])).values()];
}

/** Pairs are stored in id order so that (a, b) and (b, a) are the same record. */
function ordered(x: string, y: string): [string, string] {
  return x < y ? [x, y] : [y, x];
}

async function existingPair(db: CorroborateDB, x: string, y: string): Promise<Alignment | undefined> {
  const [a, b] = ordered(x, y);
  return db.alignments
    .where('aStatementId')
    .equals(a)
    .filter((r) => r.bStatementId === b)
    .first();
}

/** Record the user's choice for pairs of statements (aligned together or kept apart), as one undoable edit. */
export async function setAlignmentsIn(
  db: CorroborateDB,
  pairs: [string, string][],
  state: Alignment['state'],
): Promise<void> {
  const ops: EditOp[] = [];
  const at = now();
  for (const [x, y] of pairs) {
    if (x === y) continue;
    const [a, b] = ordered(x, y);
    const existing = await existingPair(db, a, b);
    const record: Alignment = {
      id: existing?.id ?? newId(),
      aStatementId: a,
      bStatementId: b,
      state,
      updatedAt: at,
    };
    ops.push({ table: 'alignments', id: record.id, after: { ...record } });
  }
  await applyEdit(db, state === 'aligned' ? 'Align statements' : 'Unalign statements', ops);
}

/** Forget the manual choices touching these statements, so the automatic alignment decides again. */
export async function clearAlignmentsIn(db: CorroborateDB, statementIds: string[]): Promise<number> {
  const found = await manualAlignmentsIn(db, statementIds);
  await applyEdit(
    db,
    'Realign automatically',
    found.map((r) => ({ table: 'alignments', id: r.id, after: null })),
  );
  return found.length;
}

/** The articles last compared, so the compare view reopens them after a restart. */
export async function savedCompareIdsIn(db: CorroborateDB): Promise<string[]> {
  const ids = await getMeta<unknown>(db, 'compareIds', []);
  return Array.isArray(ids) ? ids.filter((x): x is string => typeof x === 'string') : [];
}

/** The same operations on the app's workspace database, for the compare view. */
export const comparison = {
  savedIds: () => savedCompareIdsIn(db),
  saveIds: (ids: string[]) => setMeta(db, 'compareIds', [...ids]),
  columns: (ids: string[]) => compareColumnsIn(db, ids),
  manualAlignments: (ids: string[]) => manualAlignmentsIn(db, ids),
  setAlignments: (pairs: [string, string][], state: Alignment['state']) => setAlignmentsIn(db, pairs, state),
  clearAlignments: (ids: string[]) => clearAlignmentsIn(db, ids),
};
export type { Alignment };
