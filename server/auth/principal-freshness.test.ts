import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { phoneNumberDocument, PROSPECTS, USERS } from '../testing/fixtures';
import { signIn } from '../testing/oauth-client';
import { startTestServer, type TestServer } from '../testing/test-server';

/**
 * With state shared between processes (decision 0052) a token's user is read on every request: what
 * another process changed in the database (here, the test) holds at the next request.
 */

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer({ config: { sharedState: 'database' } });
});
afterAll(async () => {
  await server.close();
});

const createNumber = (token: string, number: string) =>
  server.request('POST', '/api/v2/phoneNumbers', {
    token,
    body: phoneNumberDocument({ number }, PROSPECTS.rileys),
  });

describe('a token’s principal with shared state', () => {
  it('has the role the database says at the next request', async () => {
    const { access_token: token } = await signIn(server, USERS.riley);
    expect((await createNumber(token, '+14155550190')).status).toBe(201);
    await server.database.db
      .updateTable('users')
      .set({ role: 'viewer' })
      .where('id', '=', USERS.riley)
      .execute();
    expect((await createNumber(token, '+14155550191')).status).toBe(403);
  });

  it('is gone at the next request once its user is deactivated', async () => {
    const { access_token: token } = await signIn(server, USERS.sam);
    expect((await server.request('GET', '/api/v2/users/1', { token })).status).toBe(200);
    await server.database.db
      .updateTable('users')
      .set({ deactivated_at: new Date().toISOString() })
      .where('id', '=', USERS.sam)
      .execute();
    expect((await server.request('GET', '/api/v2/users/1', { token })).status).toBe(401);
  });
});
