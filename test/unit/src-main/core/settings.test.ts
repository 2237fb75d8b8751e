// Import limits are configurable in the data folder's settings.json; a broken file falls back to defaults.
import { describe, expect, it } from 'vitest';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { readSettings, limitsFromSettings } from '../../../../src-main/core/settings';
import { createHandlers } from '../../../../src-main/core/handlers';
import { printWithChromium } from '../../../../src-main/core/print-pdf';

describe('settings', () => {
  it('lowers the file size limit, and the import refuses a bigger file with the size in MB', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'corroborate-settings-'));
    await writeFile(join(dir, 'settings.json'), JSON.stringify({ maxFileMb: 1 }));
    expect(limitsFromSettings(readSettings(dir))).toEqual({ maxFileBytes: 1048576 });
    const { handlers, close } = createHandlers({
      shell: 'web',
      version: 't',
      dataDir: dir,
      assetsDir: resolve('assets'),
      printPdf: printWithChromium,
    });
    const info = await handlers.appInfo({}, { shell: 'web' });
    expect(info.limits.maxFileBytes).toBe(1048576);
    const big = new Uint8Array(3 * 1048576).fill(65);
    await expect(handlers.importFile({ name: 'big.txt', bytes: big }, { shell: 'web' })).rejects.toThrow(
      /file is 3\.0 MB; the limit is 1\.0 MB|file is 3 MB; the limit is 1 MB/,
    );
    await close();
  });

  it('ignores a broken settings file with a warning', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'corroborate-settings-'));
    await writeFile(join(dir, 'settings.json'), '{ not json');
    const warnings: string[] = [];
    expect(readSettings(dir, (m) => warnings.push(m))).toEqual({});
    expect(warnings[0]).toMatch(/settings\.json: ignored/);
  });
});
