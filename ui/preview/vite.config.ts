// Builds the CHATONS preview page (preview/chatons.html) on its own, outside the app's build, into
// target/chatons-preview (serve that folder and open preview/chatons.html).
import { defineConfig } from 'vite';
import { svelte } from '@sveltejs/vite-plugin-svelte';
import { fileURLToPath } from 'node:url';

export default defineConfig({
  root: fileURLToPath(new URL('..', import.meta.url)),
  base: './',
  plugins: [svelte()],
  build: {
    outDir: fileURLToPath(new URL('../../target/chatons-preview', import.meta.url)),
    emptyOutDir: true,
    assetsInlineLimit: 0,
    rollupOptions: { input: fileURLToPath(new URL('./chatons.html', import.meta.url)) },
  },
});
