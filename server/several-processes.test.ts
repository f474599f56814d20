import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { USERS } from './testing/fixtures';
import { CLIENT_ID, signIn } from './testing/oauth-client';
import { POSTGRES_TEMPLATE, postgresAdmin } from './testing/postgres-server';
import { startServerProcess, type ServerProcess } from './testing/server-process';
import { browse, cookieJar, demoSignIn } from './testing/session-client';
import { testPostgres } from './testing/temporary-database';

/**
 * Two server processes on one database, as behind a load balancer (decision 0052). The database is a
 * fresh SQLite file (WAL lets processes share it), or on the run's PostgreSQL a fresh database.
 */

const USER_LIMIT = 20;

let directory: string | undefined;
let dropDatabase: (() => Promise<void>) | undefined;
let a: ServerProcess;
let b: ServerProcess;

async function databaseEnvironment(): Promise<Record<string, string>> {
  const baseUrl = testPostgres();
  if (baseUrl !== undefined) {
    const name = `processes_${randomBytes(6).toString('hex')}`;
    await postgresAdmin(baseUrl, `create database ${name} template ${POSTGRES_TEMPLATE}`);
    dropDatabase = () => postgresAdmin(baseUrl, `drop database ${name} with (force)`);
    return { DATABASE_URL: `${baseUrl}${name}` };
  }
  directory = mkdtempSync(join(tmpdir(), 'phone-numbers-processes-'));
  return { DATABASE_PATH: join(directory, 'shared.sqlite') };
}

beforeAll(async () => {
  const env = {
    ...(await databaseEnvironment()),
    SHARED_STATE: 'database',
    RATE_LIMIT_PER_HOUR: String(USER_LIMIT),
  };
  // One after the other: the first creates and seeds the database.
  a = await startServerProcess(env);
  b = await startServerProcess(env);
}, 60_000);

afterAll(async () => {
  for (const server of [a, b]) {
    server.child.kill('SIGTERM');
    await server.exited;
  }
  if (directory !== undefined) rmSync(directory, { recursive: true, force: true });
  await dropDatabase?.();
}, 30_000);

const getUser = (server: ServerProcess, headers: Record<string, string>) =>
  fetch(`${server.url}/api/v2/users/1`, { headers });

const bearer = (token: string) => ({ Authorization: `Bearer ${token}` });

/**
 * Waits until `server` refuses `token`. On PostgreSQL the other process remembers the token's principal
 * until the database's notification of the change reaches it (decision 0052): milliseconds, not the 10 s
 * it would otherwise keep it. On SQLite it reads the token on every request and refuses at once.
 */
async function refusedSoon(server: ServerProcess, token: string) {
  await vi.waitFor(
    async () => {
      expect((await getUser(server, bearer(token))).status).toBe(401);
    },
    { timeout: 2_000, interval: 20 },
  );
}

describe('two server processes on one database', () => {
  it('admit exactly a user’s limit between them, however the parallel requests are spread', async () => {
    const requests = Array.from({ length: 3 * USER_LIMIT }, (_, i) =>
      getUser(i % 2 === 0 ? a : b, bearer('dev-rep-sam')),
    );
    const statuses = (await Promise.all(requests)).map((response) => response.status);
    expect(statuses.filter((status) => status === 200)).toHaveLength(USER_LIMIT);
    expect(statuses.filter((status) => status === 429)).toHaveLength(2 * USER_LIMIT);
  });

  it('refuse a token revoked through one process at once there, and in the other as soon as it hears of it', async () => {
    const { access_token: token } = await signIn(a, USERS.riley);
    // Both have accepted the token: a process that remembered it would go on accepting it.
    expect((await getUser(b, bearer(token))).status).toBe(200);
    expect((await getUser(a, bearer(token))).status).toBe(200);

    const revoked = await fetch(`${a.url}/oauth/revoke`, {
      method: 'POST',
      body: new URLSearchParams({ client_id: CLIENT_ID, token }),
    });
    expect(revoked.status).toBe(200);
    expect((await getUser(a, bearer(token))).status).toBe(401);
    await refusedSoon(b, token);
  });

  it('refuse in one process a session signed out in the other, at once', async () => {
    const jar = cookieJar();
    expect((await demoSignIn(a.url, jar, USERS.val)).status).toBe(303);
    const cookie = jar.header();
    const fetched = { 'X-Requested-With': 'XMLHttpRequest' };
    const withCookie = { ...fetched, Cookie: cookie };
    expect((await getUser(b, withCookie)).status).toBe(200);

    const signedOut = await browse(jar, `${a.url}/auth/logout`, {
      method: 'POST',
      headers: fetched,
    });
    expect(signedOut.status).toBe(204);
    // A copy of the cookie kept from before the sign-out is refused by the other process.
    expect((await getUser(b, withCookie)).status).toBe(401);
  });

  it('refuse a user deactivated through one process in the other as soon as it hears of it, and let them in again once reactivated', async () => {
    const { access_token: token } = await signIn(a, USERS.riley);
    expect((await getUser(b, bearer(token))).status).toBe(200);
    const lock = (locked: boolean) =>
      fetch(`${a.url}/api/v2/users/${USERS.riley}`, {
        method: 'PATCH',
        headers: { ...bearer('dev-admin'), 'Content-Type': 'application/vnd.api+json' },
        body: JSON.stringify({
          data: { type: 'user', id: String(USERS.riley), attributes: { locked } },
        }),
      });

    expect((await lock(true)).status).toBe(200);
    expect((await getUser(a, bearer(token))).status).toBe(401);
    await refusedSoon(b, token);
    expect((await lock(false)).status).toBe(200);
    // Deactivation revoked the user's tokens: they sign in again, and both processes take the new token.
    const { access_token: again } = await signIn(b, USERS.riley);
    expect((await getUser(a, bearer(again))).status).toBe(200);
    expect((await getUser(b, bearer(again))).status).toBe(200);
  });
});
