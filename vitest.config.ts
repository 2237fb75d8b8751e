// Unit tests run in Node; the renderer's database code runs against fake-indexeddb.
import { defineConfig } from 'vitest/config';
import { svelte } from '@sveltejs/vite-plugin-svelte';
import { resolve } from 'node:path';

export default defineConfig({
  plugins: [svelte({ configFile: resolve(import.meta.dirname, 'svelte.config.js') })],
  test: {
    environment: 'node',
    include: ['test/unit/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    pool: 'forks',
    // The team-server tests connect real Hocuspocus clients; Node 20 has WebSocket only behind this flag.
    execArgv: ['--experimental-websocket'],
    maxWorkers: 2,
  },
});
