// Worker entry when running from source (browser shell, CLI, tests): Node 20 does not apply
// `--import tsx` inside worker threads, so register tsx here, then load the TypeScript worker.
import { register } from 'tsx/esm/api';

register();
await import('./worker.ts');
