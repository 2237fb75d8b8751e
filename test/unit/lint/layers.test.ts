// Every layer rule of eslint.config.js fires on a probe that breaks it and stays quiet on one that keeps it.
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { ESLint } from 'eslint';
import { afterAll, describe, expect, it } from 'vitest';

const root = resolve(import.meta.dirname, '../../..');
const eslint = new ESLint({ cwd: root });

/** The rules a probe source breaks when it sits at `file` (a path in the repository; it need not exist). */
async function broken(file: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: join(root, file) });
  const fatal = result!.messages.filter((m) => m.fatal);
  expect(fatal, `${file} must parse`).toEqual([]);
  return result!.messages.map((m) => m.ruleId ?? '');
}

const IMPORTS = 'no-restricted-imports';

async function expectLayer(file: string, bad: string, good: string, rule = IMPORTS): Promise<void> {
  expect(await broken(file, `${bad}\nexport {};\n`), `${file}: ${bad}`).toContain(rule);
  expect(await broken(file, `${good}\nexport {};\n`), `${file}: ${good}`).not.toContain(rule);
}

describe('layer rules', { timeout: 120_000 }, () => {
  it('only electron/ and preload/ import electron', async () => {
    const electron = "import { app } from 'electron';\nvoid app;";
    await expectLayer('src-main/core/probe.ts', electron, "import { join } from 'node:path';\nvoid join;");
    await expectLayer('src-main/web/probe.ts', electron, "import { join } from 'node:path';\nvoid join;");
    await expectLayer('src-main/cli/probe.ts', electron, "import { join } from 'node:path';\nvoid join;");
    await expectLayer('src-main/shared/probe.ts', electron, "import { z } from 'zod';\nvoid z;");
    await expectLayer('src-renderer/lib/probe.ts', electron, "import { z } from 'zod';\nvoid z;");
    expect(await broken('src-main/electron/probe.ts', `${electron}\nexport {};\n`)).not.toContain(IMPORTS);
  });

  it('only electron/ipc.ts imports ipcMain', async () => {
    const ipc = "import { ipcMain } from 'electron';\nvoid ipcMain;\nexport {};\n";
    expect(await broken('src-main/electron/menu.ts', ipc)).toContain(IMPORTS);
    expect(await broken('src-main/electron/ipc.ts', ipc)).not.toContain(IMPORTS);
  });

  it('the preload imports electron and the channel names only (contract types are fine)', async () => {
    const file = 'src-main/preload/index.ts';
    const good =
      "import { CHANNEL_NAMES } from '../shared/channels';\nimport type { Api } from '../shared/contract';\nvoid CHANNEL_NAMES;\nexport type { Api };";
    const rule = '@typescript-eslint/no-restricted-imports';
    await expectLayer(file, "import { contract } from '../shared/contract';\nvoid contract;", good, rule);
    await expectLayer(file, "import { z } from 'zod';\nvoid z;", good, rule);
    await expectLayer(
      file,
      "import { createHandlers } from '../core/handlers';\nvoid createHandlers;",
      good,
      rule,
    );
  });

  it('shared/ imports no Node built-in, no Node-only package and nothing outside itself', async () => {
    const file = 'src-main/shared/analysis/probe.ts';
    const good =
      "import { z } from 'zod';\nimport { splitStatements } from './split';\nvoid z;\nvoid splitStatements;";
    await expectLayer(file, "import { readFile } from 'node:fs/promises';\nvoid readFile;", good);
    await expectLayer(file, "import { join } from 'path';\nvoid join;", good);
    await expectLayer(file, "import { readFileSync } from 'fs';\nvoid readFileSync;", good);
    await expectLayer(file, "import { parseHTML } from 'linkedom';\nvoid parseHTML;", good);
    await expectLayer(file, "import mammoth from 'mammoth';\nvoid mammoth;", good);
    await expectLayer(file, "import { Pool } from 'pg';\nvoid Pool;", good);
    await expectLayer(
      file,
      "import { createHandlers } from '../../core/handlers';\nvoid createHandlers;",
      good,
    );
  });

  it('core/ imports no shell; web/ and cli/ do not import electron/', async () => {
    const good = "import { importBytes } from './import/pipeline';\nvoid importBytes;";
    await expectLayer(
      'src-main/core/probe.ts',
      "import { registerIpc } from '../electron/ipc';\nvoid registerIpc;",
      good,
    );
    await expectLayer(
      'src-main/core/probe.ts',
      "import { startWebShell } from '../web/server';\nvoid startWebShell;",
      good,
    );
    await expectLayer(
      'src-main/core/probe.ts',
      "import { runDossierCommand } from '../cli/commands';\nvoid runDossierCommand;",
      good,
    );
    const shellGood = "import { createHandlers } from '../core/handlers';\nvoid createHandlers;";
    await expectLayer(
      'src-main/web/probe.ts',
      "import { createMainWindow } from '../electron/window';\nvoid createMainWindow;",
      shellGood,
    );
    await expectLayer(
      'src-main/cli/probe.ts',
      "import { buildMenu } from '../electron/menu';\nvoid buildMenu;",
      shellGood,
    );
  });

  it('the renderer imports only src-main/shared from the main side', async () => {
    const file = 'src-renderer/lib/probe.ts';
    const good = "import { EXPORT_FORMATS } from '../../src-main/shared/formats';\nvoid EXPORT_FORMATS;";
    await expectLayer(
      file,
      "import { createHandlers } from '../../src-main/core/handlers';\nvoid createHandlers;",
      good,
    );
    await expectLayer(file, "import { readFile } from 'node:fs';\nvoid readFile;", good);
  });

  it('features never import another feature; components/ and lib/ are theirs to use', async () => {
    const good =
      "import SpeakerChip from '../../components/SpeakerChip.svelte';\nimport { plural } from '../../lib/plural';\nimport { buildSpans } from './spans';\nvoid SpeakerChip;\nvoid plural;\nvoid buildSpans;";
    const file = 'src-renderer/features/reader/probe.ts';
    await expectLayer(
      file,
      "import { buildCompareModel } from '../compare/compare-model';\nvoid buildCompareModel;",
      good,
    );
    await expectLayer(file, "import X from '../../features/claims/ClaimsView.svelte';\nvoid X;", good);
    const svelteBad = `<script lang="ts">\n  import ClaimsView from '../claims/ClaimsView.svelte';\n</script>\n<ClaimsView />\n`;
    const svelteGood = `<script lang="ts">\n  import SpeakerChip from '../../components/SpeakerChip.svelte';\n</script>\n<SpeakerChip speaker={null} via={[]} />\n`;
    expect(await broken('src-renderer/features/reader/Probe.svelte', svelteBad)).toContain(IMPORTS);
    expect(await broken('src-renderer/features/reader/Probe.svelte', svelteGood)).not.toContain(IMPORTS);
  });

  it('only lib/db touches Dexie and the tables', async () => {
    const dexie = "import Dexie from 'dexie';\nvoid Dexie;";
    await expectLayer(
      'src-renderer/features/library/probe.ts',
      dexie,
      "import { listArticles } from '../../lib/db';\nvoid listArticles;",
    );
    await expectLayer(
      'src-renderer/features/library/probe.ts',
      "import { db } from '../../lib/db';\nvoid db;",
      "import { listArticles } from '../../lib/db';\nvoid listArticles;",
    );
    expect(await broken('src-renderer/lib/db/probe.ts', `${dexie}\nexport {};\n`)).not.toContain(IMPORTS);
  });

  it('outside lib/db, the database is reached through the facades lib/db exports, not its modules', async () => {
    const good = "import { claims } from '../../lib/db';\nvoid claims;";
    await expectLayer(
      'src-renderer/features/claims/probe.ts',
      "import { claimsOfStatementIn } from '../../lib/db/claims';\nvoid claimsOfStatementIn;",
      good,
    );
    await expectLayer(
      'src-renderer/components/probe.ts',
      "import { live } from '../lib/db/live.svelte';\nvoid live;",
      "import { live } from '../lib/db';\nvoid live;",
    );
    await expectLayer(
      'src-renderer/lib/search/probe.ts',
      "import { searchSource } from '../db/search-source';\nvoid searchSource;",
      "import { searchSource } from '../db';\nvoid searchSource;",
    );
    expect(
      await broken(
        'src-renderer/lib/db/probe.ts',
        "import { claims } from './claims';\nvoid claims;\nexport {};\n",
      ),
    ).not.toContain(IMPORTS);
  });
});

describe('no import cycles', { timeout: 120_000 }, () => {
  const dir = join(root, 'src-main/core/__cycle_probe__');
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('import-x/no-cycle follows TypeScript imports and reports a loop', async () => {
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, 'a.ts'), "import { b } from './b';\nexport const a = () => b();\n");
    writeFileSync(join(dir, 'b.ts'), "import { c } from './c';\nexport const b = () => c();\n");
    writeFileSync(join(dir, 'c.ts'), 'export const c = () => 1;\n');
    const cyclic = "import { b } from './b';\nexport const c = () => b();\n";
    expect(await broken('src-main/core/__cycle_probe__/c.ts', cyclic)).toContain('import-x/no-cycle');
    expect(await broken('src-main/core/__cycle_probe__/c.ts', 'export const c = () => 1;\n')).not.toContain(
      'import-x/no-cycle',
    );
  });
});

describe('the UI kit owns its looks', { timeout: 120_000 }, () => {
  const KIT = 'corroborate/ui-kit-css';
  const component = (css: string) =>
    `<script lang="ts">\n  import EmptyState from '../../components/EmptyState.svelte';\n</script>\n<EmptyState>None</EmptyState>\n<p class="empty list">x</p>\n<button class="linklike go">y</button>\n<style>\n${css}\n</style>\n`;

  it('a feature that restyles .empty or .linklike is reported; its own classes are not', async () => {
    const file = 'src-renderer/features/claims/Probe.svelte';
    expect(await broken(file, component('  .empty {\n    padding: 4px;\n  }'))).toContain(KIT);
    expect(await broken(file, component('  .list,\n  .linklike {\n    font-size: 12px;\n  }'))).toContain(
      KIT,
    );
    expect(
      await broken(file, component('  .list {\n    padding: 4px;\n  }\n  .go {\n    margin: 0;\n  }')),
    ).not.toContain(KIT);
    expect(await broken(file, component('  .empty-ish {\n    padding: 4px;\n  }'))).not.toContain(KIT);
  });

  it('components/ (the kit itself) may style them', async () => {
    const css = '  .empty {\n    padding: 4px;\n  }';
    expect(await broken('src-renderer/components/Probe.svelte', component(css))).not.toContain(KIT);
  });
});
