// `npm run web [-- --port N --data-dir DIR]`: build if needed, then start the browser shell.
import { join } from 'node:path';
import { ensureBuilt, root, run } from './lib.mjs';

const code = await ensureBuilt();
if (code !== 0) process.exit(code);
process.exit(
  await run(process.execPath, [
    '--import',
    'tsx',
    join(root, 'src-main/web/main.ts'),
    ...process.argv.slice(2),
  ]),
);
