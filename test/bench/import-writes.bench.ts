// Write amplification of a folder import: every IndexedDB record written (put/add), deleted and read per object
// store, with the bytes written (JSON length of each value), counted in the page while N generated .txt news
// articles are dropped as one folder into the built app (browser shell). Build first, then:
// BENCH_FILES=100 npx tsx test/bench/import-writes.bench.ts   (prints a table per store, and per article)
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { writeNewsFolder } from '../../scripts/gen-workspace';
import { dropFiles, launchApp } from '../e2e/harness';

const FILES = Number(process.env.BENCH_FILES ?? 100);
/** Seconds to keep counting after the import report shows (catch-ups, the saved search index). */
const SETTLE_S = Number(process.env.BENCH_SETTLE_S ?? 8);

const counter = `(() => {
  const w = globalThis;
  w.__idb = { on: false, stores: {}, tx: 0, sample: null };
  const at = (name) => (w.__idb.stores[name] ??= { put: 0, bytes: 0, del: 0, read: 0 });
  const size = (v) => { try { return JSON.stringify(v)?.length ?? 0; } catch { return 0; } };
  const shapes = {};
  const path = (v, p) => p.split('.').reduce((o, k) => (o == null ? undefined : o[k]), v);
  // Index entries a record adds: one per index whose key path it has (one per element for a multiEntry index).
  const entries = (store, value) => {
    const shape = (shapes[store.name] ??= [...store.indexNames].map((n) => store.index(n)));
    let n = 0;
    for (const ix of shape) {
      const paths = Array.isArray(ix.keyPath) ? ix.keyPath : [ix.keyPath];
      const vals = paths.map((p) => path(value, p));
      if (vals.some((v) => v === undefined || v === null)) continue;
      n += ix.multiEntry && Array.isArray(vals[0]) ? new Set(vals[0]).size : 1;
    }
    return n;
  };
  const P = IDBObjectStore.prototype;
  for (const m of ['put', 'add']) {
    const f = P[m];
    P[m] = function (value, key) {
      if (w.__idb.on) { const s = at(this.name); s.put++; s.bytes += size(value); s.entries = (s.entries || 0) + entries(this, value); if (w.__idb.sample && s.put === 20) w.__idb.sample[this.name] = JSON.stringify(value).slice(0, 1500); }
      return f.call(this, value, key);
    };
  }
  const d = P.delete;
  P.delete = function (k) { if (w.__idb.on) at(this.name).del++; return d.call(this, k); };
  for (const m of ['get', 'getAll', 'getAllKeys', 'openCursor', 'openKeyCursor', 'count']) {
    for (const proto of [P, IDBIndex.prototype]) {
      const f = proto[m];
      proto[m] = function (...a) {
        if (w.__idb.on) { const n = this.objectStore ? this.objectStore.name : this.name; const r = ++at(n).read; if (w.__idb.sample && r % 97 === 5) { const k = n + ' ' + m + ' ' + (new Error().stack || '').split('\\n').slice(2, 9).map((l) => l.trim().replace(/\\(.*\\//, '(')).join(' < '); w.__idb.stacks = w.__idb.stacks || {}; w.__idb.stacks[k] = (w.__idb.stacks[k] || 0) + 1; } }
        return f.apply(this, a);
      };
    }
  }
  const t = IDBDatabase.prototype.transaction;
  IDBDatabase.prototype.transaction = function (names, mode, ...rest) {
    if (w.__idb.on && mode === 'readwrite') w.__idb.tx++;
    return t.call(this, names, mode, ...rest);
  };
})();`;

const dir = mkdtempSync(join(tmpdir(), 'corroborate-writes-'));
const paths = writeNewsFolder(join(dir, 'news'), FILES);
const app = await launchApp();
try {
  await app.context.addInitScript({ content: counter });
  await app.page.reload();
  await app.page.getByTestId('library-item').first().waitFor({ timeout: 60_000 });
  await new Promise((r) => setTimeout(r, 3000));
  await app.page.evaluate(() => ((globalThis as unknown as { __idb: { on: boolean } }).__idb.on = true));
  if (process.env.BENCH_SAMPLES === '1')
    await app.page.evaluate(
      () => ((globalThis as unknown as { __idb: { sample: object } }).__idb.sample = {}),
    );
  await dropFiles(
    app.page,
    paths.map((p) => ({ name: basename(p), bytes: readFileSync(p), dir: 'news', type: 'text/plain' })),
  );
  await app.page.getByTestId('import-report').waitFor({ timeout: 3_600_000 });
  await new Promise((r) => setTimeout(r, SETTLE_S * 1000));
  const idb = await app.page.evaluate(
    () =>
      (
        globalThis as unknown as {
          __idb: {
            tx: number;
            stores: Record<
              string,
              { put: number; bytes: number; del: number; read: number; entries?: number }
            >;
          };
        }
      ).__idb,
  );
  const statements = await app.page.evaluate(
    () => document.querySelector('[data-testid="library"] .count')?.textContent,
  );
  console.log(`${FILES} files dropped (library count ${statements}); read-write transactions: ${idb.tx}`);
  console.log(
    '| store | records written | per article | index entries per article | KB written | bytes per article | deleted | reads |',
  );
  console.log('|---|---|---|---|---|---|---|---|');
  let total = { put: 0, bytes: 0, entries: 0, reads: 0 };
  for (const [name, s] of Object.entries(idb.stores).sort((a, b) => b[1].bytes - a[1].bytes)) {
    total = {
      put: total.put + s.put,
      bytes: total.bytes + s.bytes,
      entries: total.entries + (s.entries ?? 0),
      reads: total.reads + s.read,
    };
    console.log(
      `| ${name} | ${s.put} | ${(s.put / FILES).toFixed(1)} | ${((s.entries ?? 0) / FILES).toFixed(1)} | ${(s.bytes / 1024).toFixed(0)} | ${Math.round(s.bytes / FILES)} | ${s.del} | ${s.read} |`,
    );
  }
  if (process.env.BENCH_SAMPLES === '1')
    console.log(
      await app.page.evaluate(() =>
        JSON.stringify((globalThis as unknown as { __idb: { sample: unknown } }).__idb.sample, null, 1),
      ),
    );
  if (process.env.BENCH_SAMPLES === '1')
    console.log(
      await app.page.evaluate(() =>
        JSON.stringify((globalThis as unknown as { __idb: { stacks: unknown } }).__idb.stacks, null, 1),
      ),
    );
  console.log(
    `| **all** | ${total.put} | ${(total.put / FILES).toFixed(1)} | ${(total.entries / FILES).toFixed(1)} | ${(total.bytes / 1024).toFixed(0)} | ${Math.round(total.bytes / FILES)} | | ${total.reads} |`,
  );
} finally {
  await app.close();
  rmSync(dir, { recursive: true, force: true });
}
