// A Node environment whose modules are built for the client, so Svelte's client runtime (effects that run,
// `flushSync`) is what rune code under test uses. Picked by vitest.config.ts for `*.svelte.test.ts`.
import type { Environment } from 'vitest/environments';

export default {
  name: 'svelte-client',
  viteEnvironment: 'client',
  setup: () => ({ teardown() {} }),
} satisfies Environment;
