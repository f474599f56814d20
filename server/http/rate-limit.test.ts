import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { failure, USERS } from '../testing/fixtures';
import { signIn } from '../testing/oauth-client';
import { startTestServer, type TestServer } from '../testing/test-server';

// Counted in the process's memory, or in the database where several processes count together.
describe.each(['memory', 'database'] as const)('with counts kept in %s', (sharedState) => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer({ config: { rateLimitPerHour: 5, sharedState } });
  });
  afterAll(async () => {
    await server.close();
  });

  describe('rate limiting per access token', () => {
    it('counts down in X-RateLimit-* headers, then answers 429 with Retry-After until the hour is over', async () => {
      const startedAt = Math.floor(Date.now() / 1000);
      const remaining: string[] = [];
      for (let i = 0; i < 5; i++) {
        const response = await server.request('GET', '/api/v2/users', { token: 'dev-rep-sam' });
        expect(response.status).toBe(200);
        expect(response.headers.get('X-RateLimit-Limit')).toBe('5');
        remaining.push(response.headers.get('X-RateLimit-Remaining') ?? '');
        const reset = Number(response.headers.get('X-RateLimit-Reset'));
        expect(reset).toBeGreaterThanOrEqual(startedAt + 3599);
        expect(reset).toBeLessThanOrEqual(startedAt + 3602);
      }
      expect(remaining).toEqual(['4', '3', '2', '1', '0']);

      const limited = await server.request('GET', '/api/v2/users', { token: 'dev-rep-sam' });
      const [error] = failure(limited, 429);
      expect(error?.id).toBe('rateLimitExceeded');
      expect(Number(limited.headers.get('Retry-After'))).toBeGreaterThan(3500);
      expect(limited.headers.get('X-RateLimit-Remaining')).toBe('0');

      const otherToken = await server.request('GET', '/api/v2/users', { token: 'dev-viewer' });
      expect(otherToken.status).toBe(200);

      server.advance(3_601_000);
      const nextHour = await server.request('GET', '/api/v2/users', { token: 'dev-rep-sam' });
      expect(nextHour.status).toBe(200);
      expect(nextHour.headers.get('X-RateLimit-Remaining')).toBe('4');
    });

    it('puts the headers on errors too, and limits requests without a valid token by address', async () => {
      const notFound = await server.request('GET', '/api/v2/phoneNumbers/999999', {
        token: 'dev-admin',
      });
      expect(notFound.status).toBe(404);
      expect(notFound.headers.get('X-RateLimit-Limit')).toBe('5');
      const statuses: number[] = [];
      for (let i = 0; i < 6; i++) {
        const response = await server.request('GET', '/api/v2/users', { token: `made-up-${i}` });
        expect(response.headers.get('X-RateLimit-Limit')).toBe('5');
        statuses.push(response.status);
      }
      expect(statuses).toEqual([401, 401, 401, 401, 401, 429]);
    });
  });

  describe('rate limiting per user and per address', () => {
    it('counts a user’s requests together, whichever of their tokens they come with', async () => {
      const riley = await signIn(server, USERS.riley);
      const statuses: number[] = [];
      for (const token of [
        'dev-rep-riley',
        riley.access_token,
        'dev-rep-riley',
        riley.access_token,
      ])
        statuses.push((await server.request('GET', '/api/v2/users', { token })).status);
      const another = await signIn(server, USERS.riley);
      for (const token of [another.access_token, another.access_token])
        statuses.push((await server.request('GET', '/api/v2/users', { token })).status);
      expect(statuses).toEqual([200, 200, 200, 200, 200, 429]);
    });

    it('counts every request from one address, whoever makes them', async () => {
      const shared = await startTestServer({
        config: { rateLimitPerHour: 100, rateLimitPerAddressPerHour: 4, sharedState },
      });
      try {
        const statuses: number[] = [];
        for (const token of [
          'dev-admin',
          'dev-rep-riley',
          'dev-rep-sam',
          'dev-viewer',
          'dev-admin',
        ])
          statuses.push((await shared.request('GET', '/api/v2/users/1', { token })).status);
        expect(statuses).toEqual([200, 200, 200, 200, 429]);
        const refused = await shared.request('GET', '/api/v2/users/1', { token: 'dev-readonly' });
        expect(refused.headers.get('X-RateLimit-Limit')).toBe('4');
        expect(Number(refused.headers.get('Retry-After'))).toBeGreaterThan(3500);
      } finally {
        await shared.close();
      }
    });

    it('behind trusted proxies counts by the address the outermost one saw; reached directly, ignores X-Forwarded-For', async () => {
      const limits = { rateLimitPerHour: 100, rateLimitPerAddressPerHour: 2, sharedState };
      const behindOneProxy = await startTestServer({ config: { ...limits, trustedProxies: 1 } });
      const reachedDirectly = await startTestServer({ config: limits });
      const statuses = async (server: TestServer, forwardedFor: string[]) => {
        const seen: number[] = [];
        for (const value of forwardedFor) {
          const response = await server.request('GET', '/api/v2/users/1', {
            headers: { 'X-Forwarded-For': value },
          });
          seen.push(response.status);
        }
        return seen;
      };
      try {
        // Two clients behind the proxy, each with a budget of their own. One that writes an address of
        // its own in front of what the proxy appends is still counted as itself.
        expect(
          await statuses(behindOneProxy, [
            '203.0.113.1',
            '203.0.113.2',
            '203.0.113.1',
            '203.0.113.2',
            '198.51.100.9, 203.0.113.1',
          ]),
        ).toEqual([200, 200, 200, 200, 429]);
        // Without a proxy the header is the client's own word: one peer, one budget.
        expect(
          await statuses(reachedDirectly, ['203.0.113.1', '203.0.113.2', '203.0.113.3']),
        ).toEqual([200, 200, 429]);
      } finally {
        await behindOneProxy.close();
        await reachedDirectly.close();
      }
    });
  });
});
