// Svelte compiler options shared by the build, svelte-check and Vitest.
export default {
  compilerOptions: { runes: true },
};
