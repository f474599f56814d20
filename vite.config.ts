import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vitest/config';
import { productionBuild } from './scripts/vite-production-build';

const apiServer = `http://localhost:${process.env.API_PORT ?? '4173'}`;

export default defineConfig({
  plugins: [react(), productionBuild()],
  resolve: {
    alias: {
      '@': fileURLToPath(new URL('./src', import.meta.url)),
      '@contract': fileURLToPath(new URL('./contract', import.meta.url)),
    },
  },
  server: {
    port: 5173,
    // The API, the session routes and the OAuth pages come from the server, whose PUBLIC_ORIGIN
    // scripts/dev.ts sets to this server's origin, so links, sign-in redirects and the session cookie
    // stay on 5173.
    proxy: {
      '/api': { target: apiServer },
      '/auth': { target: apiServer },
      '/oauth': { target: apiServer },
    },
  },
  build: { outDir: 'dist', sourcemap: true },
  test: {
    projects: [
      {
        extends: true,
        test: {
          name: 'server',
          environment: 'node',
          // The contract is the server's as much as the app's, so it is tested where the server runs.
          include: ['server/**/*.test.ts', 'scripts/**/*.test.ts', 'contract/**/*.test.ts'],
        },
      },
      {
        extends: true,
        test: {
          name: 'web',
          environment: 'jsdom',
          include: ['src/**/*.test.{ts,tsx}'],
          setupFiles: ['src/testing/setup.ts'],
          // A grid renders slowly under jsdom, and slower still on a busy 2-core machine.
          testTimeout: 15_000,
        },
      },
    ],
  },
});
