import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { productionBuild } from './scripts/vite-production-build';

/**
 * `npm run build:embed`: the `<prospect-phone-numbers>` custom element as one ES module,
 * dist/embed/prospect-phone-numbers.js, with everything it needs inside (React, MUI, its styles, the
 * phone rules the dialog loads on demand), for a page of any kind to load with one script tag. It runs
 * after the app's build, which empties dist/.
 */
export default defineConfig({
  plugins: [react(), productionBuild()],
  resolve: {
    alias: {
      '@': fileURLToPath(new URL('./src', import.meta.url)),
      '@contract': fileURLToPath(new URL('./contract', import.meta.url)),
      // The app formats with the minimal metadata so that its first screen need not load the full set;
      // here the full set comes along for the rules anyway, and formats the same.
      'libphonenumber-js/min': 'libphonenumber-js/max',
    },
  },
  // public/ is the app's, copied by its own build.
  publicDir: false,
  build: {
    outDir: 'dist/embed',
    emptyOutDir: false,
    sourcemap: true,
    // One file by design; bench:ui reports its size against the budget.
    chunkSizeWarningLimit: 2000,
    // The page imports this module itself; there is nothing to preload.
    modulePreload: false,
    rolldownOptions: {
      input: fileURLToPath(new URL('./src/embed/prospect-phone-numbers.ts', import.meta.url)),
      output: { entryFileNames: 'prospect-phone-numbers.js', codeSplitting: false },
    },
  },
});
