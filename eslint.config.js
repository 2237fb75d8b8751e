// Lint rules, including the architecture's layer rules (enforced here, not by memory; each proven by a probe
// in test/unit/lint/layers.test.ts). ARCHITECTURE.md explains the layers.
import { readdirSync } from 'node:fs';
import { builtinModules } from 'node:module';
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import svelte from 'eslint-plugin-svelte';
import { createNodeResolver, importX } from 'eslint-plugin-import-x';
import globals from 'globals';
import svelteConfig from './svelte.config.js';

/** Node's built-in modules, with and without the node: prefix. */
const nodeBuiltins = [{ group: ['node:*'], message: 'No Node built-ins here.' }];
const bareBuiltins = builtinModules
  .filter((name) => !name.startsWith('_'))
  .map((name) => ({ name, message: 'No Node built-ins here (this code also runs in the renderer).' }));

/** Packages that need Node (or a native binary), so pure shared code and the renderer must not pull them in. */
const NODE_ONLY_PACKAGES = [
  'electron',
  'linkedom',
  'mammoth',
  'pdfjs-dist',
  'postal-mime',
  'tesseract.js',
  '@napi-rs/canvas',
  'pg',
  '@hocuspocus/server',
  '@hocuspocus/extension-database',
  '@hocuspocus/extension-redis',
  'ioredis',
  'playwright-core',
  'electron-builder',
];
const nodeOnlyPackages = {
  group: NODE_ONLY_PACKAGES.flatMap((p) => [p, `${p}/*`]),
  message: 'A Node-only package: keep it in src-main/core (or a shell).',
};

const SHELLS = ['electron', 'web', 'cli', 'preload', 'server'];
const shellFolders = (shells, message) => ({ group: shells.map((s) => `**/${s}/**`), message });
const electronPackage = {
  name: 'electron',
  message: 'Only src-main/electron and src-main/preload import electron.',
};

/** The renderer features, each of which may import only itself, components/ and lib/. */
const FEATURES = readdirSync(new URL('./src-renderer/features', import.meta.url), { withFileTypes: true })
  .filter((d) => d.isDirectory())
  .map((d) => d.name);

/** What no renderer file may import: Node, Electron, and the main side beyond its shared contract. */
const rendererBoundary = [
  ...nodeBuiltins,
  nodeOnlyPackages,
  {
    group: ['**/src-main/core/**', '**/src-main/electron/**', '**/src-main/web/**', '**/src-main/preload/**'],
    message: 'The renderer imports only src-main/shared from the main side.',
  },
  { group: ['**/src-main/cli/**'], message: 'The renderer imports only src-main/shared from the main side.' },
];
const onlyLibDbTouchesTables = [
  { group: ['dexie', '**/lib/db/db'], message: 'Only src-renderer/lib/db touches the database.' },
  { group: ['**/lib/db'], importNames: ['db'], message: 'Use the lib/db functions, not the tables.' },
];
/**
 * Outside lib/db, the database is reached one way: the facade objects that lib/db (its index) exports. The one
 * exception is `store-scan`, bare IndexedDB for workers, which must not open the app's Dexie database.
 */
const throughLibDbIndex = {
  group: ['**/lib/db/*', '../db/*', './db/*', '!**/lib/db/store-scan', '!../db/store-scan'],
  message: 'Import the lib/db facades from lib/db itself, not from its modules.',
};

/**
 * The UI kit owns the shared looks: a feature uses EmptyState and the .linklike class of app.css, and does not
 * style its own copies of them.
 */
const KIT_CLASSES = ['empty', 'linklike'];
const uiKitCss = {
  meta: { type: 'problem', schema: [] },
  create(context) {
    return {
      Program() {
        const text = context.sourceCode.text;
        for (const style of text.matchAll(/<style[^>]*>([\s\S]*?)<\/style>/g)) {
          for (const rule of style[1].matchAll(/(^|[},;])([^{};]*)\{/g)) {
            const selector = rule[2];
            const kit = KIT_CLASSES.find((c) => new RegExp(`\\.${c}(?![\\w-])`).test(selector));
            if (!kit) continue;
            const index = style.index + style[0].indexOf(style[1]) + rule.index + rule[1].length;
            context.report({
              loc: context.sourceCode.getLocFromIndex(index),
              message: `.${kit} belongs to the UI kit (components/, app.css): use it, do not restyle it here.`,
            });
          }
        }
      },
    };
  },
};

/** One `no-restricted-imports` per area: a later block for the same file would replace, not add to, the rule. */
const restrict = (files, options, ignores = []) => ({
  files,
  ignores,
  rules: { 'no-restricted-imports': ['error', options] },
});

export default tseslint.config(
  {
    ignores: [
      'node_modules/',
      'out/',
      'release/',
      'test-results/',
      'coverage/',
      'stub-electron/',
      '**/*.d.ts',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  ...svelte.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      // Sanitisers and file-name checks match control characters on purpose.
      'no-control-regex': 'off',
    },
  },
  {
    files: ['**/*.svelte', '**/*.svelte.ts'],
    languageOptions: {
      parserOptions: { parser: tseslint.parser, extraFileExtensions: ['.svelte'], svelteConfig },
    },
  },

  // shared/: pure TypeScript for both sides: nothing outside itself, no Node, no Node-only package.
  restrict(['src-main/shared/**/*.ts'], {
    paths: bareBuiltins,
    patterns: [
      ...nodeBuiltins,
      nodeOnlyPackages,
      {
        group: ['**/core/**', ...SHELLS.map((s) => `**/${s}/**`), '**/src-renderer/**'],
        message: 'src-main/shared imports nothing outside itself.',
      },
    ],
  }),
  // core/: Node, used by every shell; it never imports a shell or electron.
  restrict(['src-main/core/**/*.ts'], {
    paths: [electronPackage],
    patterns: [
      shellFolders(SHELLS, 'src-main/core is used by every shell and imports none.'),
      { group: ['**/src-renderer/**'], message: 'src-main/core never imports the renderer.' },
    ],
  }),
  // The browser shell and the CLI are shells over core/, like electron/, and never reach into it.
  restrict(['src-main/web/**/*.ts', 'src-main/cli/**/*.ts', 'src-main/server/**/*.ts'], {
    paths: [electronPackage],
    patterns: [
      shellFolders(
        ['electron', 'preload'],
        'The browser shell, the CLI and the team server do not use the Electron shell.',
      ),
    ],
  }),
  // electron/: only the IPC wrapper registers handlers with ipcMain.
  restrict(
    ['src-main/electron/**/*.ts'],
    {
      paths: [
        {
          name: 'electron',
          importNames: ['ipcMain'],
          message: 'Only src-main/electron/ipc.ts registers IPC.',
        },
      ],
      patterns: [
        shellFolders(['web', 'cli', 'preload'], 'The Electron shell does not use the other shells.'),
      ],
    },
    ['src-main/electron/ipc.ts'],
  ),
  restrict(['src-main/electron/ipc.ts'], {
    patterns: [shellFolders(['web', 'cli', 'preload'], 'The Electron shell does not use the other shells.')],
  }),
  // preload/: electron and the channel names only; the contract may be imported for its types.
  {
    files: ['src-main/preload/**/*.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex: '^(?!electron$|\\.\\./shared/channels$)',
              allowTypeImports: true,
              message:
                'The preload imports electron and the channel names only (types from the contract are fine).',
            },
          ],
        },
      ],
    },
  },
  // The renderer sees only the shared contract of the main side; only lib/db touches tables.
  restrict(
    ['src-renderer/**/*.{ts,svelte}'],
    { paths: bareBuiltins, patterns: [...rendererBoundary, ...onlyLibDbTouchesTables, throughLibDbIndex] },
    ['src-renderer/lib/db/**', 'src-renderer/features/**', 'src-renderer/lib/sync/**'],
  ),
  // The team sync is lib/db's other half: it reaches the sync bridge, the workspace bridge and the edit gate directly.
  restrict(['src-renderer/lib/sync/**/*.ts'], {
    paths: bareBuiltins,
    patterns: [...rendererBoundary, ...onlyLibDbTouchesTables],
  }),
  restrict(['src-renderer/lib/db/**/*.ts'], { paths: bareBuiltins, patterns: rendererBoundary }),
  // A feature imports components/ and lib/, never another feature (shared UI and logic move out first).
  ...FEATURES.map((feature) =>
    restrict([`src-renderer/features/${feature}/**/*.{ts,svelte}`], {
      paths: bareBuiltins,
      patterns: [
        ...rendererBoundary,
        ...onlyLibDbTouchesTables,
        throughLibDbIndex,
        {
          regex: `^\\.\\./(?!\\.\\./)(?!${feature}/)|/features/(?!${feature}/)`,
          message: `Features never import each other: move what ${feature} shares to components/ or lib/.`,
        },
      ],
    }),
  ),

  // Features use the UI kit's empty state and link look rather than styling copies of them.
  {
    files: ['src-renderer/features/**/*.svelte'],
    plugins: { corroborate: { rules: { 'ui-kit-css': uiKitCss } } },
    rules: { 'corroborate/ui-kit-css': 'error' },
  },

  // Small files and functions: a module past 400 lines or a function past 80 hides its parts.
  {
    files: ['src-main/**/*.ts', 'src-renderer/**/*.{ts,svelte}'],
    rules: {
      'max-lines': ['error', { max: 400, skipBlankLines: true, skipComments: true }],
      'max-lines-per-function': ['error', { max: 80, skipBlankLines: true, skipComments: true }],
    },
  },

  // No import cycles, anywhere in the source.
  {
    files: ['src-main/**/*.ts', 'src-renderer/**/*.{ts,svelte}'],
    plugins: { 'import-x': importX },
    settings: {
      'import-x/resolver-next': [createNodeResolver({ extensions: ['.ts', '.js', '.svelte'] })],
      // Modules are followed through .ts files; a .svelte file is checked as an importer but not parsed as a
      // dependency (import-x cannot parse Svelte markup), and a component cannot import its own importer anyway.
      'import-x/extensions': ['.ts', '.js'],
      'import-x/parsers': { '@typescript-eslint/parser': ['.ts'] },
    },
    rules: { 'import-x/no-cycle': ['error', { ignoreExternal: true }] },
  },
);
