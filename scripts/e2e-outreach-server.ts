/**
 * Outreach mode for Playwright: the Outreach simulator (this server with OUTREACH_SIMULATOR=1) and the
 * app's server in AUTH_MODE=outreach against it, each on a throwaway database in a fresh temporary
 * directory, removed when they stop. PORT is the app's; the simulator listens on the next port.
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runTogether } from './run-together';

const appPort = Number(process.env.PORT ?? 4319);
const simulatorPort = appPort + 1;
const appUrl = `http://localhost:${appPort}`;
const simulatorUrl = `http://localhost:${simulatorPort}`;
const directory = mkdtempSync(join(tmpdir(), 'phone-numbers-e2e-outreach-'));
const tsx = createRequire(import.meta.url).resolve('tsx/cli');
const client = { id: 'e2e-outreach-app', secret: randomBytes(24).toString('base64url') };

process.on('exit', () => {
  rmSync(directory, { recursive: true, force: true });
});

runTogether([
  {
    name: 'Outreach simulator',
    args: [tsx, 'server/main.ts'],
    env: {
      PORT: String(simulatorPort),
      PUBLIC_ORIGIN: simulatorUrl,
      DATABASE_PATH: join(directory, 'outreach-simulator.sqlite'),
      OUTREACH_SIMULATOR: '1',
      SIMULATOR_CLIENT_ID: client.id,
      SIMULATOR_CLIENT_SECRET: client.secret,
      SIMULATOR_REDIRECT_URIS: `${appUrl}/auth/callback`,
    },
  },
  {
    name: 'Phone Numbers Admin (outreach mode)',
    args: [tsx, 'server/main.ts', '--with-app'],
    env: {
      PORT: String(appPort),
      PUBLIC_ORIGIN: appUrl,
      DATABASE_PATH: join(directory, 'sessions.sqlite'),
      AUTH_MODE: 'outreach',
      OUTREACH_CLIENT_ID: client.id,
      OUTREACH_CLIENT_SECRET: client.secret,
      OUTREACH_OAUTH_URL: `${simulatorUrl}/oauth`,
      OUTREACH_API_URL: `${simulatorUrl}/api/v2`,
      TOKEN_ENCRYPTION_KEYS: `e2e:${randomBytes(32).toString('base64')}`,
      // The host page that e2e/outreach-mode.spec.ts serves through Playwright's routing.
      EMBED_ALLOWED_ORIGINS: "'self' https://host.test",
    },
  },
]);
