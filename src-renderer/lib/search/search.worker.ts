// The search index, off the main thread: MiniSearch over the workspace documents, reset once and
// then updated incrementally (replace or remove changed documents only).
import type MiniSearch from 'minisearch';
import type { SearchDoc } from './docs';
import { handleSearchMessage, type WorkerRequest } from './index-core';

const index = { current: null as MiniSearch<SearchDoc> | null };

self.onmessage = (e: MessageEvent<WorkerRequest>) => {
  const reply = handleSearchMessage(index, e.data);
  if (reply) self.postMessage(reply);
};
