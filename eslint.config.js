// Lint rules, including the architecture's layer rules (enforced here, not by memory).
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import svelte from 'eslint-plugin-svelte';
import globals from 'globals';
import svelteConfig from './svelte.config.js';

const nodeOnly = ['node:*', 'electron'];

/** What no renderer file may import: Node, Electron, and the main side beyond its shared contract. */
const rendererBoundary = [
  { group: nodeOnly, message: 'The renderer has no Node or Electron.' },
  {
    group: ['**/src-main/core/**', '**/src-main/web/**', '**/src-main/preload/**', '**/src-main/cli/**'],
    message: 'The renderer imports only src-main/shared from the main side.',
  },
];

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
  // Only the IPC wrapper may import ipcMain.
  {
    files: ['src-main/**/*.ts'],
    ignores: ['src-main/electron/ipc.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            {
              name: 'electron',
              importNames: ['ipcMain'],
              message: 'Only src-main/electron/ipc.ts registers IPC.',
            },
          ],
        },
      ],
    },
  },
  // The shared contract is pure: nothing outside itself, no Node, no Electron.
  {
    files: ['src-main/shared/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: nodeOnly, message: 'src-main/shared must stay pure (no Node, no Electron).' },
            {
              group: ['**/main/**', '**/web/**', '**/preload/**', '**/cli/**', '**/src-renderer/**'],
              message: 'src-main/shared imports nothing outside itself.',
            },
          ],
        },
      ],
    },
  },
  // The renderer sees only the shared contract of the main side; only lib/db touches tables.
  {
    files: ['src-renderer/**/*.{ts,svelte}'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            ...rendererBoundary,
            { group: ['dexie', '**/lib/db/db'], message: 'Only src-renderer/lib/db touches the database.' },
            {
              group: ['**/lib/db'],
              importNames: ['db'],
              message: 'Use the lib/db functions, not the tables.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['src-renderer/lib/db/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [...rendererBoundary],
        },
      ],
    },
  },
);
