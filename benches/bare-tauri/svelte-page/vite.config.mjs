// Builds the page with the interface's own toolchain (`node_modules` links to ui/node_modules).
import { svelte } from '@sveltejs/vite-plugin-svelte';

export default {
  root: import.meta.dirname,
  logLevel: 'warn',
  plugins: [svelte()],
  build: { outDir: 'dist', emptyOutDir: true },
};
