/**
 * The real server with the built app, for Playwright: on a throwaway database in a fresh temporary
 * directory, removed again when the server stops.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const directory = mkdtempSync(join(tmpdir(), 'phone-numbers-e2e-'));
const tsx = createRequire(import.meta.url).resolve('tsx/cli');

const server = spawn(process.execPath, [tsx, 'server/main.ts', '--with-app'], {
  stdio: 'inherit',
  env: {
    ...process.env,
    DATABASE_PATH: join(directory, 'e2e.sqlite'),
    // The host pages that e2e/embedding-iframe.spec.ts and embedding-outreach.spec.ts serve through
    // Playwright's routing.
    EMBED_ALLOWED_ORIGINS: "'self' https://host.test https://host.outreach-dev.com",
  },
});

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    server.kill(signal);
  });
}

server.on('exit', (code, signal) => {
  rmSync(directory, { recursive: true, force: true });
  process.exit(code ?? (signal === null ? 1 : 0));
});
