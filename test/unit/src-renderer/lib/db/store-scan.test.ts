// A worker loads a whole store a page at a time with bare IndexedDB: every record once, in key order, whether
// the key lives in the record or beside it, and never a database it was not given.
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { scanStore } from '../../../../../src-renderer/lib/db/store-scan';

function create(name: string, fill: (db: IDBDatabase) => void): Promise<void> {
  return new Promise((resolve, reject) => {
    const open = indexedDB.open(name, 1);
    open.onupgradeneeded = () => fill(open.result);
    open.onsuccess = () => {
      open.result.close();
      resolve();
    };
    open.onerror = () => reject(open.error);
  });
}

const ids = Array.from({ length: 4_500 }, (_, i) => `s${String(i).padStart(5, '0')}`);

describe('scanStore', () => {
  it('reads every record once, in key order, a page at a time (keys inside the records)', async () => {
    await create('scan-inline', (db) => {
      const store = db.createObjectStore('keys', { keyPath: 'statementId' });
      for (const id of [...ids].reverse()) store.put({ statementId: id, articleId: 'a' });
    });
    const pages: string[][] = [];
    const turns: number[] = [];
    await scanStore<{ statementId: string }>(
      'scan-inline',
      'keys',
      2000,
      (records) => pages.push(records.map((r) => r.statementId)),
      // Before each page after the first, the scan waits its turn.
      async () => void turns.push(pages.length),
    );
    expect(pages.map((p) => p.length)).toEqual([2000, 2000, 500]);
    expect(turns).toEqual([1, 2]);
    expect(pages.flat()).toEqual(ids);
  });

  it('reads a store whose keys are kept beside the records', async () => {
    await create('scan-outline', (db) => {
      const store = db.createObjectStore('rows');
      ids.forEach((id, i) => store.put({ n: i }, id));
    });
    const seen: number[] = [];
    await scanStore<{ n: number }>('scan-outline', 'rows', 1000, (records) =>
      seen.push(...records.map((r) => r.n)),
    );
    expect(seen).toEqual(ids.map((_, i) => i));
  });

  it('refuses a database that does not exist, without creating it', async () => {
    await expect(scanStore('scan-missing', 'keys', 10, () => {})).rejects.toThrow(/no database/);
    const names = (await indexedDB.databases()).map((d) => d.name);
    expect(names).not.toContain('scan-missing');
  });
});
