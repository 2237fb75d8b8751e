// Unit tests run in Node; the renderer's database code runs against fake-indexeddb. Tests of rune code
// (`*.svelte.test.ts`: effects, `flushSync`) run Svelte's client build, which the server build's no-op effects
// cannot test.
import { configDefaults, defineConfig } from 'vitest/config';
import { svelte } from '@sveltejs/vite-plugin-svelte';
import { resolve } from 'node:path';

const RUNES = 'test/unit/**/*.svelte.test.ts';

export default defineConfig({
  plugins: [svelte({ configFile: resolve(import.meta.dirname, 'svelte.config.js') })],
  test: {
    environment: 'node',
    testTimeout: 60_000,
    hookTimeout: 60_000,
    pool: 'forks',
    // The team-server tests connect real Hocuspocus clients; Node 20 has WebSocket only behind this flag.
    execArgv: ['--experimental-websocket'],
    maxWorkers: 2,
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['test/unit/**/*.test.ts'],
          exclude: [...configDefaults.exclude, RUNES],
        },
      },
      {
        extends: true,
        resolve: { conditions: ['browser'] },
        test: {
          name: 'runes',
          include: [RUNES],
          environment: './test/unit/helpers/svelte-client-environment.ts',
        },
      },
    ],
  },
});
