// The search index, off the main thread: MiniSearch over the workspace documents, reset once and
// then updated incrementally (replace or remove changed documents only).
import { handleSearchMessage, type IndexHolder, type WorkerRequest } from './index-core';

const index: IndexHolder = { current: null };

self.onmessage = (e: MessageEvent<WorkerRequest>) => {
  const reply = handleSearchMessage(index, e.data);
  if (reply) self.postMessage(reply);
};
