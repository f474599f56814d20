import { describe, expect, it } from 'vitest';
import {
  RefreshRefused,
  type SignInProvider,
  type StoredSession,
  type UpstreamTokens,
} from '../session/types';
import { createMemorySessionStore } from '../testing/memory-session-store';
import { createTokenRefresher, SessionEnded, TokensUnavailable } from './token-refresher';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

/** A provider whose refresh counts its calls and answers after `delayMs`, rotating both tokens. */
function countingProvider(
  now: () => number,
  answer: (refreshToken: string) => UpstreamTokens | Error = (refreshToken) => ({
    accessToken: `access-after-${refreshToken}`,
    refreshToken: `${refreshToken}+`,
    expiresAt: now() + 2 * HOUR,
  }),
  delayMs = 20,
) {
  const calls: string[] = [];
  const provider: SignInProvider = {
    mode: 'outreach',
    authorizationUrl: () => new URL('https://outreach.example/authorize'),
    redeem: () => Promise.reject(new Error('not used')),
    refresh: async (refreshToken) => {
      calls.push(refreshToken);
      await new Promise((resolve) => setTimeout(resolve, delayMs));
      const result = answer(refreshToken);
      if (result instanceof Error) throw result;
      return result;
    },
  };
  return { provider, calls };
}

async function sessionExpiringIn(
  store: ReturnType<typeof createMemorySessionStore>,
  now: () => number,
  ms: number,
  subject = '7',
): Promise<StoredSession> {
  const { session } = await store.create(
    {
      subject,
      tokens: { accessToken: 'access-0', refreshToken: 'refresh-0', expiresAt: now() + ms },
    },
    { mode: 'outreach', kind: 'top' },
  );
  return session;
}

describe('createTokenRefresher', () => {
  it('returns the stored access token while it has more than a minute to live', async () => {
    const store = createMemorySessionStore();
    const { provider, calls } = countingProvider(Date.now);
    const session = await sessionExpiringIn(store, Date.now, 2 * MINUTE);
    const refresher = createTokenRefresher({ store, provider });

    await expect(refresher.tokensFor(session)).resolves.toMatchObject({ accessToken: 'access-0' });
    expect(calls).toEqual([]);
  });

  it('refreshes once for ten concurrent requests at expiry, and all of them get the new token', async () => {
    const store = createMemorySessionStore();
    const { provider, calls } = countingProvider(Date.now);
    const session = await sessionExpiringIn(store, Date.now, 30_000);
    const refresher = createTokenRefresher({ store, provider });

    const results = await Promise.all(
      Array.from({ length: 10 }, () => refresher.tokensFor(session)),
    );

    expect(calls).toEqual(['refresh-0']);
    expect(new Set(results.map((tokens) => tokens.accessToken))).toEqual(
      new Set(['access-after-refresh-0']),
    );
  });

  it('refreshes once between two processes sharing one store', async () => {
    const store = createMemorySessionStore();
    const { provider, calls } = countingProvider(Date.now);
    const session = await sessionExpiringIn(store, Date.now, 0);
    const first = createTokenRefresher({ store, provider, pollMs: 5 });
    const second = createTokenRefresher({ store, provider, pollMs: 5 });

    const results = await Promise.all(
      Array.from({ length: 10 }, (_, index) =>
        (index % 2 === 0 ? first : second).tokensFor(session),
      ),
    );

    expect(calls).toEqual(['refresh-0']);
    expect(new Set(results.map((tokens) => tokens.refreshToken))).toEqual(new Set(['refresh-0+']));
  });

  it('saves the rotated tokens before any request uses them', async () => {
    const store = createMemorySessionStore({ saveDelayMs: 30 });
    const { provider } = countingProvider(Date.now);
    const session = await sessionExpiringIn(store, Date.now, 0);
    const refresher = createTokenRefresher({ store, provider });

    const tokens = await refresher.tokensFor(session);

    expect(store.saved).toEqual([tokens]);
    await expect(store.readTokens(session.idHash)).resolves.toEqual(tokens);
  });

  it('ends the session for every waiting request when the provider refuses the refresh token', async () => {
    const store = createMemorySessionStore();
    const { provider, calls } = countingProvider(
      Date.now,
      () => new RefreshRefused('invalid_grant'),
    );
    const session = await sessionExpiringIn(store, Date.now, 0);
    const first = createTokenRefresher({ store, provider, pollMs: 5 });
    const second = createTokenRefresher({ store, provider, pollMs: 5 });

    const results = await Promise.allSettled(
      Array.from({ length: 10 }, (_, index) =>
        (index % 2 === 0 ? first : second).tokensFor(session),
      ),
    );

    expect(calls).toEqual(['refresh-0']);
    for (const result of results) {
      expect(result.status).toBe('rejected');
      if (result.status === 'rejected') expect(result.reason).toBeInstanceOf(SessionEnded);
    }
    await expect(store.readTokens(session.idHash)).resolves.toBeUndefined();
  });

  it('gives every waiter the same passing failure, and lets the next request try again', async () => {
    const store = createMemorySessionStore();
    let down = true;
    const { provider, calls } = countingProvider(Date.now, (refreshToken) =>
      down
        ? new Error('Outreach is down')
        : {
            accessToken: 'access-1',
            refreshToken: `${refreshToken}+`,
            expiresAt: Date.now() + HOUR,
          },
    );
    const session = await sessionExpiringIn(store, Date.now, 0);
    const refresher = createTokenRefresher({ store, provider });

    const results = await Promise.allSettled(
      Array.from({ length: 5 }, () => refresher.tokensFor(session)),
    );
    expect(calls).toEqual(['refresh-0']);
    expect(new Set(results.map((result) => result.status))).toEqual(new Set(['rejected']));
    const [failure] = results;
    expect(failure?.status === 'rejected' && failure.reason).toBeInstanceOf(TokensUnavailable);

    down = false;
    await expect(refresher.tokensFor(session)).resolves.toMatchObject({ accessToken: 'access-1' });
    expect(calls).toEqual(['refresh-0', 'refresh-0']);
  });

  it('mints at most once a minute per user, across that user’s sessions', async () => {
    let clock = Date.now();
    const now = () => clock;
    const store = createMemorySessionStore({ now });
    const { provider, calls } = countingProvider(now);
    const refresher = createTokenRefresher({ store, provider, now });
    const laptop = await sessionExpiringIn(store, now, 0, '7');
    const phone = await sessionExpiringIn(store, now, 0, '7');

    await refresher.tokensFor(laptop);
    const refused = refresher.tokensFor(phone);
    await expect(refused).rejects.toBeInstanceOf(TokensUnavailable);
    await expect(refused).rejects.toMatchObject({ retryAfterSeconds: 60 });

    clock += MINUTE;
    await refresher.tokensFor(phone);
    expect(calls).toEqual(['refresh-0', 'refresh-0']);
  });

  it('keeps using a token that is still valid while the user may not mint', async () => {
    let clock = Date.now();
    const now = () => clock;
    const store = createMemorySessionStore({ now });
    const { provider, calls } = countingProvider(now);
    const refresher = createTokenRefresher({ store, provider, now });
    await refresher.tokensFor(await sessionExpiringIn(store, now, 0, '7'));
    clock += 1000;

    const other = await sessionExpiringIn(store, now, 30_000, '7');
    await expect(refresher.tokensFor(other)).resolves.toMatchObject({ accessToken: 'access-0' });
    expect(calls).toHaveLength(1);
  });

  it('ends a session the store no longer has', async () => {
    const store = createMemorySessionStore();
    const { provider, calls } = countingProvider(Date.now);
    const session = await sessionExpiringIn(store, Date.now, 0);
    await store.delete(session.idHash);

    await expect(
      createTokenRefresher({ store, provider }).tokensFor(session),
    ).rejects.toBeInstanceOf(SessionEnded);
    expect(calls).toEqual([]);
  });
});
