import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { productionBuild } from './scripts/vite-production-build';

/**
 * `npm run build:embed`: the `<prospect-phone-numbers>` custom element as an ES module,
 * dist/embed/prospect-phone-numbers.js, for a page of any kind to load with one script tag. What its
 * first rows need comes with it (React, MUI, its styles); the write path (the phone rules, the dialogs)
 * are chunks beside it that it imports when a user who may write needs them, from the module's own URL
 * (docs/decisions/0055-first-screen.md). It runs after the app's build, which empties dist/.
 */
export default defineConfig({
  plugins: [react(), productionBuild()],
  resolve: {
    alias: {
      '@': fileURLToPath(new URL('./src', import.meta.url)),
      '@contract': fileURLToPath(new URL('./contract', import.meta.url)),
    },
  },
  // public/ is the app's, copied by its own build.
  publicDir: false,
  build: {
    outDir: 'dist/embed',
    emptyOutDir: false,
    sourcemap: true,
    // bench:ui reports its first load beside the app's.
    chunkSizeWarningLimit: 2000,
    // Chunks are imported from the module's URL, on whatever page loaded it: no preload links to add.
    modulePreload: false,
    rolldownOptions: {
      input: fileURLToPath(new URL('./src/embed/prospect-phone-numbers.ts', import.meta.url)),
      output: {
        entryFileNames: 'prospect-phone-numbers.js',
        chunkFileNames: 'prospect-phone-numbers-[name]-[hash].js',
      },
    },
  },
});
