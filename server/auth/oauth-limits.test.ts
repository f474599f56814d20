import { request as httpRequest } from 'node:http';
import { afterEach, describe, expect, it } from 'vitest';
import { USERS } from '../testing/fixtures';
import {
  authorizeParams,
  codeFor,
  exchangeCode,
  postContinueAs,
  refreshTokens,
  requestToken,
  signIn,
  verifierFor,
} from '../testing/oauth-client';
import { startTestServer, type TestServer } from '../testing/test-server';
import { REFRESH_TOKEN_TTL_SECONDS } from './tokens';

/** Sign-in cannot be flooded: /oauth/* is limited per client address and per user; expired rows go. */

const servers: TestServer[] = [];
afterEach(async () => {
  for (const server of servers.splice(0)) await server.close();
});

async function serverWith(config: Parameters<typeof startTestServer>[0]) {
  const server = await startTestServer(config);
  servers.push(server);
  return server;
}

/** "Continue as" posted from another loopback address, as a second client machine would. */
function continueAsFrom(
  server: TestServer,
  localAddress: string,
  userId: number,
): Promise<{ status: number; location: URL }> {
  const form = authorizeParams(server, verifierFor());
  form.set('user_id', String(userId));
  const body = form.toString();
  return new Promise((resolve, reject) => {
    const outgoing = httpRequest(
      `${server.url}/oauth/authorize`,
      {
        method: 'POST',
        localAddress,
        headers: {
          Origin: server.url,
          'Content-Type': 'application/x-www-form-urlencoded',
          'Content-Length': Buffer.byteLength(body),
        },
      },
      (incoming) => {
        incoming.resume();
        incoming.on('end', () => {
          resolve({
            status: incoming.statusCode ?? 0,
            location: new URL(incoming.headers.location ?? '', server.url),
          });
        });
      },
    );
    outgoing.on('error', reject);
    outgoing.end(body);
  });
}

describe('the rate limit on /oauth', () => {
  it('counts every /oauth request of a client address, then answers 429 with Retry-After in each endpoint’s format', async () => {
    const server = await serverWith({ config: { oauthRateLimitPerHour: 5 } });
    const verifier = verifierFor();
    const remaining: (string | null)[] = [];
    for (let index = 0; index < 5; index++) {
      const response = await postContinueAs(server, USERS.ada, verifier);
      expect(response.status).toBe(303);
      expect(response.headers.get('X-RateLimit-Limit')).toBe('5');
      remaining.push(response.headers.get('X-RateLimit-Remaining'));
    }
    expect(remaining).toEqual(['4', '3', '2', '1', '0']);

    const page = await postContinueAs(server, USERS.ada, verifier);
    expect(page.status).toBe(429);
    expect(Number(page.headers.get('Retry-After'))).toBeGreaterThan(3500);
    expect(await page.text()).toContain('Too many sign-in attempts');

    const token = await requestToken(server, { grant_type: 'refresh_token', refresh_token: 'x' });
    expect(token.status).toBe(429);
    expect(token.body).toMatchObject({
      error: 'temporarily_unavailable',
      errors: [{ id: 'rateLimitExceeded', status: '429' }],
    });

    server.advance(3_601_000);
    expect((await postContinueAs(server, USERS.ada, verifier)).status).toBe(303);
  });

  it('counts sign-ins per user across addresses, sending the browser back with temporarily_unavailable', async () => {
    const server = await serverWith({ config: { oauthRateLimitPerHour: 3 } });
    for (let index = 0; index < 3; index++) {
      const signedIn = await continueAsFrom(server, '127.0.0.2', USERS.riley);
      expect(signedIn.location.searchParams.get('code')).not.toBeNull();
    }
    const refused = await continueAsFrom(server, '127.0.0.3', USERS.riley);
    expect(refused.status).toBe(303);
    expect(refused.location.searchParams.get('error')).toBe('temporarily_unavailable');
    expect(refused.location.searchParams.get('code')).toBeNull();
    const someoneElse = await continueAsFrom(server, '127.0.0.3', USERS.sam);
    expect(someoneElse.location.searchParams.get('code')).not.toBeNull();
  });

  it('counts refreshes per user, refusing before the refresh token is spent', async () => {
    const server = await serverWith({ config: { oauthRateLimitPerHour: 3 } });
    const session = await signIn(server, USERS.val);
    await continueAsFrom(server, '127.0.0.2', USERS.val);
    await continueAsFrom(server, '127.0.0.2', USERS.val);
    const refused = await refreshTokens(server, session.refresh_token);
    expect(refused.status).toBe(429);
    expect(refused.body.error).toBe('temporarily_unavailable');
    server.advance(3_601_000);
    expect((await refreshTokens(server, session.refresh_token)).status).toBe(200);
  });
});

describe('expired codes and tokens', () => {
  async function rows(server: TestServer) {
    const { db } = server.database;
    const codes = await db.selectFrom('oauth_codes').select(['consumed_at']).execute();
    const tokens = await db.selectFrom('oauth_tokens').select(['kind']).execute();
    return {
      unusedCodes: codes.filter((code) => code.consumed_at === null).length,
      spentCodes: codes.filter((code) => code.consumed_at !== null).length,
      accessTokens: tokens.filter((token) => token.kind === 'access').length,
      refreshTokens: tokens.filter((token) => token.kind === 'refresh').length,
    };
  }

  it('are deleted as sign-ins go on: codes a minute after they expire, tokens once expired', async () => {
    const server = await serverWith({ config: { tokenTtlSeconds: 600 } });
    const verifier = verifierFor();
    for (let index = 0; index < 3; index++) await codeFor(server, USERS.ada, verifier);
    await exchangeCode(server, await codeFor(server, USERS.ada, verifier), verifier);
    expect(await rows(server)).toEqual({
      unusedCodes: 3,
      spentCodes: 1,
      accessTokens: 1,
      refreshTokens: 1,
    });

    server.advance(121_000);
    await codeFor(server, USERS.ada, verifier);
    // Unused codes go; the spent one stays while its access token could live, to catch a replay.
    expect(await rows(server)).toMatchObject({ unusedCodes: 1, spentCodes: 1, accessTokens: 1 });

    server.advance(600_000);
    await codeFor(server, USERS.ada, verifier);
    expect(await rows(server)).toEqual({
      unusedCodes: 1,
      spentCodes: 0,
      accessTokens: 0,
      refreshTokens: 1,
    });

    server.advance(REFRESH_TOKEN_TTL_SECONDS * 1000);
    await requestToken(server, { grant_type: 'refresh_token', refresh_token: 'x' });
    expect(await rows(server)).toEqual({
      unusedCodes: 0,
      spentCodes: 0,
      accessTokens: 0,
      refreshTokens: 0,
    });
  });
});
