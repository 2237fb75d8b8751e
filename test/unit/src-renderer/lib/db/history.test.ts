// One undoable edit may touch tens of thousands of records (a merged dossier). It is written in bulk, table by
// table, yet must keep the meaning of its ops in order: the last op on a record wins, undo returns each record
// to what it was before the edit, and live queries still learn which keys changed.
import 'fake-indexeddb/auto';
import Dexie, { type ObservabilitySet } from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import type { Tag } from '../../../../../src-main/shared/domain';
import { openDatabase } from '../../../../../src-renderer/lib/db/db';
import { applyEdit, redo, undo, type EditOp } from '../../../../../src-renderer/lib/db/history';
import { collectChanges, type ChangedKeys } from '../../../../../src-renderer/lib/db/search-source';

const tag = (id: string, name: string): Tag & Record<string, unknown> => ({
  id,
  name,
  colour: '#336699',
  parentId: null,
  description: '',
  shortcut: null,
  createdAt: '2026-12-01T00:00:00.000Z',
  updatedAt: '2026-12-01T00:00:00.000Z',
});
const put = (t: Tag & Record<string, unknown>): EditOp => ({ table: 'tags', id: t.id, after: t });
const names = async (db: ReturnType<typeof openDatabase>) =>
  (await db.tags.orderBy('id').toArray()).map((t) => `${t.id}:${t.name}`);

let stop: (() => void) | null = null;
afterEach(() => stop?.());

describe('an undoable edit written in bulk', () => {
  it('keeps the last op on a record, and undo/redo return every record to its state before/after', async () => {
    const db = openDatabase(`edit-batches-${Date.now()}`);
    await db.open();
    await applyEdit(db, 'start', [put(tag('a', 'Alpha')), put(tag('b', 'Beta'))]);
    await applyEdit(db, 'mixed', [
      put(tag('a', 'Alpha 2')),
      { table: 'tags', id: 'b', after: null },
      put(tag('c', 'Gamma')),
      put(tag('a', 'Alpha 3')),
      put(tag('b', 'Beta again')),
      { table: 'tags', id: 'c', after: null },
    ]);
    expect(await names(db)).toEqual(['a:Alpha 3', 'b:Beta again']);
    expect(await undo(db)).toBe('mixed');
    expect(await names(db)).toEqual(['a:Alpha', 'b:Beta']);
    expect(await redo(db)).toBe('mixed');
    expect(await names(db)).toEqual(['a:Alpha 3', 'b:Beta again']);
    expect(await undo(db)).toBe('mixed');
    expect(await undo(db)).toBe('start');
    expect(await names(db)).toEqual([]);
  });

  it('of 500 records reports each key written, so live queries are not told the whole table changed', async () => {
    const db = openDatabase(`edit-batches-big-${Date.now()}`);
    await db.open();
    const changed: ChangedKeys = {};
    const listener = (parts: ObservabilitySet) => collectChanges(db.name, parts, changed);
    Dexie.on('storagemutated', listener);
    stop = () => Dexie.on.storagemutated.unsubscribe(listener);
    const ops = Array.from({ length: 500 }, (_, i) => put(tag(`t${String(i).padStart(3, '0')}`, `Tag ${i}`)));
    await applyEdit(db, 'many', ops);
    expect(await db.tags.count()).toBe(500);
    expect(changed.tags).not.toBe('all');
    expect((changed.tags as Set<string>).size).toBe(500);
    await undo(db);
    expect(await db.tags.count()).toBe(0);
  });
});
