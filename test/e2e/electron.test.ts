// The real Electron app, when its binary is installed; otherwise skipped with one line.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { _electron as electron } from 'playwright-core';
import { repoRoot } from './harness';

function electronBinary(): string | null {
  const pathFile = join(repoRoot, 'node_modules/electron/path.txt');
  if (!existsSync(pathFile)) return null;
  const bin = join(repoRoot, 'node_modules/electron/dist', readFileSync(pathFile, 'utf8').trim());
  return existsSync(bin) ? bin : null;
}

const binary = electronBinary();
const skip = binary ? false : 'Electron binary not installed here (it cannot be downloaded offline)';

describe('Electron app', () => {
  it('opens the hardened window with the seed article and the preload API', { skip }, async () => {
    const app = await electron.launch({ executablePath: binary!, args: [repoRoot] });
    try {
      const page = await app.firstWindow();
      await page.getByTestId('article-title').waitFor();
      // The hardened window as the page sees it: no Node, isolated, only the named API.
      assert.equal(
        await page.evaluate(() => typeof (globalThis as unknown as { process?: unknown }).process),
        'undefined',
      );
      assert.equal(
        await page.evaluate(() => typeof (window as unknown as { require?: unknown }).require),
        'undefined',
      );
      assert.equal(
        await page.evaluate(() => typeof (window as unknown as { api: { appInfo: unknown } }).api.appInfo),
        'function',
      );
    } finally {
      await app.close();
    }
  });
});
