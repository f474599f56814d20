import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vitest/config';
import { preloadApp } from './scripts/vite-preload-app';
import { productionBuild } from './scripts/vite-production-build';

const apiServer = `http://localhost:${process.env.API_PORT ?? '4173'}`;

export default defineConfig({
  plugins: [react(), productionBuild(), preloadApp('/src/app/start-app.tsx')],
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
          exclude: ['server/**/*.postgres.test.ts'],
        },
      },
      {
        extends: true,
        test: {
          // The API integration suite again, on a real PostgreSQL (docs/decisions/0048-postgresql.md):
          // every test file whose server or database comes from server/testing, and the PostgreSQL-only
          // files. The worker dialect's and SQLite's query plans are SQLite's own.
          name: 'server-postgres',
          environment: 'node',
          include: [
            'server/{audit,auth,db,http,oidc,openapi,outreach,phone-numbers,prospects,session,users}/*.test.ts',
            'server/{framing,fuzz,several-processes}.test.ts',
          ],
          exclude: [
            'server/db/worker-sqlite-dialect.test.ts',
            'server/http/query-plans.test.ts',
            'server/audit/query-plans.test.ts',
            // Units without a database: running them twice proves nothing about PostgreSQL.
            'server/auth/pkce.test.ts',
            'server/session/token-cipher.test.ts',
            'server/session/return-path.test.ts',
            'server/outreach/token-refresher.test.ts',
            'server/outreach/proxy.test.ts',
          ],
          globalSetup: ['server/testing/postgres-global-setup.ts'],
          // Each test server copies and seeds a database of its own, on a busy 2-core machine.
          testTimeout: 20_000,
          hookTimeout: 30_000,
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
