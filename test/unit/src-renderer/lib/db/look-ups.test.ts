// Index look-ups for many values at once (an import batch asks for hundreds of speaker keys): every match is
// found, whichever turn of look-ups it falls in, and a record matching several values comes back once per value.
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { keysWithAny, openDatabase, recordsWithAny } from '../../../../../src-renderer/lib/db/db';

describe('look-ups of many index values', () => {
  it('find the records holding any of 600 values, once per value held', async () => {
    const db = openDatabase(`look-ups-${Date.now()}`);
    await db.open();
    // Sketch bands stand in for any multi-valued index: record r holds bands r and r+1.
    await db.articleSketches.bulkAdd(
      Array.from({ length: 600 }, (_, r) => ({ id: `a${r}`, bands: [`b${r}`, `b${r + 1}`] })),
    );
    const asked = Array.from({ length: 600 }, (_, i) => `b${i * 2}`).concat('nowhere');

    const keys = await keysWithAny(db.articleSketches, 'bands', asked);
    // Band 2i is held by records 2i-1 and 2i (those below 600).
    const expected = asked.flatMap((b) => {
      const n = Number(b.slice(1));
      return [n - 1, n].filter((r) => r >= 0 && r < 600).map((r) => `a${r}`);
    });
    expect([...keys].sort()).toEqual([...expected].sort());
    const records = await recordsWithAny(db.articleSketches, 'bands', ['b10', 'b11']);
    expect(records.map((r) => r.id).sort()).toEqual(['a10', 'a10', 'a11', 'a9']);
  });
});
