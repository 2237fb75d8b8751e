// Worker entry when running from source (browser shell, CLI, tests): Node 20 does not apply
// `--import tsx` inside worker threads, so register tsx here, then load the TypeScript worker named by the host
// (see worker-file.ts).
import { workerData } from 'node:worker_threads';
import { register } from 'tsx/esm/api';

register();
await import(workerData.entry);
