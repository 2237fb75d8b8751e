// Where things live when running from the repository (browser shell and CLI).
import { homedir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

/** The same place Electron's userData would be, so both shells share one workspace folder. */
export function defaultDataDir(): string {
  const home = homedir();
  if (process.platform === 'win32')
    return join(process.env.APPDATA ?? join(home, 'AppData/Roaming'), 'Corroborate', 'workspace');
  if (process.platform === 'darwin') return join(home, 'Library/Application Support/Corroborate/workspace');
  return join(process.env.XDG_CONFIG_HOME ?? join(home, '.config'), 'Corroborate', 'workspace');
}
