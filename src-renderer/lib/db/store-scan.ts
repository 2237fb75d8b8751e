// Reading a whole object store from a worker: bare IndexedDB, a page at a time in key order, each page its own
// transaction. A worker that holds an in-memory index (corroboration) loads it this way, so hundreds of
// thousands of records are neither decoded on the UI thread nor copied to the worker a second time.

function request<T>(req: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error ?? new Error('IndexedDB request failed'));
  });
}

/** Opens the existing database `name` at its current version (never creates or upgrades it). */
function openExisting(name: string): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const open = indexedDB.open(name);
    open.onupgradeneeded = () => {
      open.transaction?.abort();
      reject(new Error(`no database named ${name}`));
    };
    open.onsuccess = () => resolve(open.result);
    open.onerror = () => reject(open.error ?? new Error(`${name} could not be opened`));
  });
}

/**
 * Hands every record of `store` to `onPage`, `pageSize` at a time, in key order; `between` is awaited before each
 * page after the first (a load that can wait lets the reads someone waits for go first).
 */
export async function scanStore<T>(
  database: string,
  store: string,
  pageSize: number,
  onPage: (records: T[]) => void,
  between: () => Promise<void> = () => Promise.resolve(),
): Promise<void> {
  const db = await openExisting(database);
  try {
    let after: IDBValidKey | null = null;
    for (;;) {
      if (after !== null) await between();
      const tx = db.transaction(store, 'readonly');
      const range: IDBKeyRange | undefined = after === null ? undefined : IDBKeyRange.lowerBound(after, true);
      const objects = tx.objectStore(store);
      const path = objects.keyPath;
      // A store with a key inside its records (a simple path) gives the next page's start without reading keys.
      const [records, keys]: [unknown[], IDBValidKey[] | null] = await Promise.all([
        request(objects.getAll(range, pageSize)),
        typeof path === 'string' ? null : request(objects.getAllKeys(range, pageSize)),
      ]);
      if (records.length === 0) return;
      onPage(records as T[]);
      after = keys ? keys.at(-1)! : ((records.at(-1) as Record<string, IDBValidKey>)[path as string] ?? null);
      if (records.length < pageSize || after === null) return;
    }
  } finally {
    db.close();
  }
}
