/**
 * `npm run dev:outreach`: outreach mode without an Outreach account. Starts the Outreach simulator (this
 * server with OUTREACH_SIMULATOR=1, its own database) on port 4180, and the app's server on 4173 in
 * AUTH_MODE=outreach pointed at it, serving the built app. Sign in at http://localhost:4173 through the
 * simulator's consent page.
 */
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { runTogether } from './run-together';

const SIMULATOR_PORT = '4180';
const APP_PORT = '4173';
const SIMULATOR_URL = `http://localhost:${SIMULATOR_PORT}`;
const APP_URL = `http://localhost:${APP_PORT}`;
const DATA = '.data';
const CLIENT_ID = 'outreach-simulator';
const CLIENT_SECRET = 'outreach-simulator-secret';

const require = createRequire(import.meta.url);
const tsx = require.resolve('tsx/cli');

/**
 * The key the app's server encrypts upstream tokens with: made once and kept in the data folder, so
 * that sessions outlive a restart of the script.
 */
function tokenEncryptionKeys(): string {
  const file = join(DATA, 'dev-outreach-token-key');
  if (!existsSync(file)) {
    mkdirSync(DATA, { recursive: true });
    writeFileSync(file, `dev1:${randomBytes(32).toString('base64')}\n`, { mode: 0o600 });
  }
  return readFileSync(file, 'utf8').trim();
}

runTogether([
  {
    name: 'Outreach simulator',
    args: [tsx, 'server/main.ts'],
    env: {
      PORT: SIMULATOR_PORT,
      PUBLIC_ORIGIN: SIMULATOR_URL,
      DATABASE_PATH: join(DATA, 'outreach-simulator.sqlite'),
      OUTREACH_SIMULATOR: '1',
      SIMULATOR_CLIENT_ID: CLIENT_ID,
      SIMULATOR_CLIENT_SECRET: CLIENT_SECRET,
      SIMULATOR_REDIRECT_URIS: `${APP_URL}/auth/callback`,
    },
  },
  {
    name: 'Phone Numbers Admin',
    args: [tsx, 'server/main.ts', '--with-app'],
    env: {
      PORT: APP_PORT,
      PUBLIC_ORIGIN: APP_URL,
      DATABASE_PATH: join(DATA, 'dev-outreach-sessions.sqlite'),
      AUTH_MODE: 'outreach',
      OUTREACH_CLIENT_ID: CLIENT_ID,
      OUTREACH_CLIENT_SECRET: CLIENT_SECRET,
      OUTREACH_OAUTH_URL: `${SIMULATOR_URL}/oauth`,
      OUTREACH_API_URL: `${SIMULATOR_URL}/api/v2`,
      TOKEN_ENCRYPTION_KEYS: tokenEncryptionKeys(),
    },
  },
]);

console.log(
  `Phone Numbers Admin (outreach mode) at ${APP_URL} — Outreach simulator at ${SIMULATOR_URL}`,
);
