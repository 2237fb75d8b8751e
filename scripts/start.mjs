// `npm start`: the Electron app when its binary is present, otherwise the browser shell.
import { electronBinary, ensureBuilt, root, run, runWebShell } from './lib.mjs';

const code = await ensureBuilt();
if (code !== 0) process.exit(code);
const electron = electronBinary();
if (electron) {
  process.exit(await run(electron, [root, ...process.argv.slice(2)]));
} else {
  console.log(
    'The Electron binary is not installed on this machine, so Corroborate starts as the browser shell instead.',
  );
  process.exit(await runWebShell(process.argv.slice(2)));
}
