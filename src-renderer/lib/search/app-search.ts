// The app's search: the search client bound to the workspace's database and the bundled search worker.
import { searchSource } from '../db';
import { createSearchClient, type WorkerFactory } from './search-client.svelte';
import type { WorkerReply } from './index-core';

/** The app's search worker (a module worker bundled with the renderer). */
const browserWorker: WorkerFactory = (onReply, onError) => {
  const worker = new Worker(new URL('./search.worker.ts', import.meta.url), { type: 'module' });
  worker.onmessage = (e: MessageEvent<WorkerReply>) => onReply(e.data);
  worker.onerror = (e) => {
    e.preventDefault();
    onError(e.message);
  };
  return worker;
};

export const search = createSearchClient(searchSource, browserWorker);
