// `npm run web`: start the browser shell. Prints one line with the URL (the token in its fragment).
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { defaultDataDir, repoRoot } from '../core/paths';
import { startWebShell } from './server';
import { limitsFromSettings } from '../core/settings';
import { useBuiltWorkersFrom } from '../core/worker-file';

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

const port = Number(arg('--port') ?? 5199);
if (!Number.isInteger(port) || port < 0 || port > 65535) {
  console.error(`--port must be a number between 0 and 65535, not ${arg('--port')}`);
  process.exit(2);
}
const dataDir = resolve(arg('--data-dir') ?? defaultDataDir());
const maxFileMb = arg('--max-file-mb');
const limits = maxFileMb ? limitsFromSettings({ maxFileMb: Number(maxFileMb) }) : undefined;
const version = (JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8')) as { version: string })
  .version;

// The shell serves the build's renderer; its workers come from the same build (tsx only when there is none).
useBuiltWorkersFrom(join(repoRoot, 'out/main'));

const shell = await startWebShell({
  port,
  dataDir,
  version,
  rendererDir: join(repoRoot, 'out/renderer'),
  assetsDir: join(repoRoot, 'assets'),
  limits,
}).catch((err: NodeJS.ErrnoException) => {
  console.error(
    err.code === 'EADDRINUSE'
      ? `Port ${port} is already in use; start with --port N (0 picks a free one).`
      : `Could not start: ${err.message}`,
  );
  process.exit(1);
});
console.log(`Corroborate is running at ${shell.url}`);

const stop = () => void shell.close().then(() => process.exit(0));
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
