// Bulk writes handed to IndexedDB in pieces Dexie reports by key (see OBSERVED), a few pieces per round trip.
import Dexie, { type DBCoreMutateRequest, type DBCoreMutateResponse, type DBCoreTable } from 'dexie';

/**
 * Dexie tells live queries and change listeners which keys a write touched only for writes of fewer than 50
 * records; a larger write is reported as "the whole table changed" (every live query on the table re-reads it,
 * the search index rebuilds from scratch). So every plain bulk write is handed down in pieces of OBSERVED.
 */
export const OBSERVED = 49;
/**
 * Pieces handed to IndexedDB at once: one round trip for several of them, yet each task stays short (IndexedDB
 * copies every record on the main thread as it is handed over).
 */
const PIECES_AT_ONCE = 2;

function piece(req: DBCoreMutateRequest, from: number, to: number): DBCoreMutateRequest {
  if (req.type === 'delete') return { type: 'delete', trans: req.trans, keys: req.keys.slice(from, to) };
  if (req.type === 'add' || req.type === 'put') {
    const keys = req.keys?.slice(from, to);
    return {
      type: req.type,
      trans: req.trans,
      values: req.values.slice(from, to),
      ...(keys ? { keys } : {}),
    };
  }
  return req;
}

/** The answer to a write of pieces, as if it had been one write (failures numbered in the whole request). */
function joined(responses: DBCoreMutateResponse[]): DBCoreMutateResponse {
  const out: DBCoreMutateResponse = { numFailures: 0, failures: {}, lastResult: undefined };
  const results: unknown[] = [];
  responses.forEach((res, p) => {
    out.numFailures += res.numFailures;
    for (const [i, err] of Object.entries(res.failures)) out.failures[p * OBSERVED + Number(i)] = err;
    if (res.results) results.push(...(res.results as unknown[]));
    out.lastResult = res.lastResult;
  });
  if (responses.some((r) => r.results)) out.results = results;
  return out;
}

/**
 * Plain bulk writes (add, put, delete by keys; not Dexie's modify chunks, which carry criteria or change specs)
 * go down in observed pieces, a few at a time; whatever sits above sees one write and one answer.
 */
export function observedTable(table: DBCoreTable): DBCoreTable {
  return {
    ...table,
    mutate: (req) => {
      const n =
        req.type === 'add' || req.type === 'put'
          ? req.values.length
          : req.type === 'delete'
            ? req.keys.length
            : 0;
      const plain =
        !('criteria' in req && req.criteria) &&
        !('updates' in req && req.updates) &&
        !('changeSpec' in req && req.changeSpec);
      if (n <= OBSERVED || !plain) return table.mutate(req);
      const pieces: DBCoreMutateRequest[] = [];
      for (let i = 0; i < n; i += OBSERVED) pieces.push(piece(req, i, i + OBSERVED));
      const responses: DBCoreMutateResponse[] = [];
      let chain: Promise<unknown> = Dexie.Promise.resolve();
      for (let w = 0; w < pieces.length; w += PIECES_AT_ONCE) {
        const wave = pieces.slice(w, w + PIECES_AT_ONCE);
        chain = chain.then(() =>
          Dexie.Promise.all(wave.map((p) => table.mutate(p))).then((rs: DBCoreMutateResponse[]) => {
            responses.push(...rs);
          }),
        );
      }
      return chain.then(() => joined(responses));
    },
  };
}
