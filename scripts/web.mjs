// `npm run web [-- --port N --data-dir DIR]`: build if needed, then start the browser shell.
import { ensureBuilt, runWebShell } from './lib.mjs';

const code = await ensureBuilt();
if (code !== 0) process.exit(code);
process.exit(await runWebShell(process.argv.slice(2)));
