import {
  RefreshRefused,
  type SessionStore,
  type SignInProvider,
  type StoredSession,
  type UpstreamTokens,
} from '../session/types';

/** An access token this close to its expiry is refreshed before it is used. */
const REFRESH_AHEAD_MS = 60_000;
/** Outreach throttles token mints per user: at most one a minute from this process. */
const MINT_INTERVAL_MS = 60_000;
/** Long enough for one refresh with its timeout; a process that dies holding it blocks no one longer. */
const CLAIM_MS = 30_000;
const POLL_MS = 100;
const WAIT_MS = 15_000;

/** The session is over (the provider refused its refresh token, or it is gone): answer 401. */
export class SessionEnded extends Error {}

/** No usable token now, for a passing reason; the request may be tried again after `retryAfterSeconds`. */
export class TokensUnavailable extends Error {
  constructor(
    message: string,
    readonly retryAfterSeconds: number,
    options?: ErrorOptions,
  ) {
    super(message, options);
  }
}

export interface TokenRefresherOptions {
  store: SessionStore;
  provider: SignInProvider;
  now?: () => number;
  /** The shortest time between two token mints for one user, milliseconds. */
  mintLimit?: number;
  /** How long a process waiting for another's refresh polls the store, and how often. */
  waitMs?: number;
  pollMs?: number;
  sleep?: (ms: number) => Promise<void>;
}

export interface TokenRefresher {
  /** The session's upstream tokens, refreshed first when the access token expires within a minute. */
  tokensFor: (session: StoredSession) => Promise<UpstreamTokens>;
}

const pause = (ms: number) =>
  new Promise<void>((resolve) => {
    setTimeout(resolve, ms);
  });

/**
 * One refresh per session at a time (decision 0046): requests of this process that need one share one
 * promise, and between processes the store's conditional claim picks the one that calls the provider.
 * The winner saves the rotated tokens before anyone uses them; the others read them from the store.
 */
export function createTokenRefresher(options: TokenRefresherOptions): TokenRefresher {
  const {
    store,
    provider,
    now = Date.now,
    mintLimit = MINT_INTERVAL_MS,
    waitMs = WAIT_MS,
    pollMs = POLL_MS,
    sleep = pause,
  } = options;
  const refreshing = new Map<string, Promise<UpstreamTokens>>();
  const lastMint = new Map<string, number>();

  const fresh = (tokens: UpstreamTokens) => tokens.expiresAt - now() > REFRESH_AHEAD_MS;

  /** Gives the claim back with the tokens as they are, so that the next request may try again. */
  const release = (session: StoredSession, tokens: UpstreamTokens) =>
    store.saveTokens(session.idHash, tokens);

  async function currentTokens(session: StoredSession): Promise<UpstreamTokens> {
    const tokens = await store.readTokens(session.idHash);
    if (!tokens) throw new SessionEnded('The session has ended; sign in again.');
    return tokens;
  }

  /** With the claim held: the tokens as stored now (another process may have just refreshed them). */
  async function refreshClaimed(session: StoredSession): Promise<UpstreamTokens> {
    const stored = await currentTokens(session);
    if (fresh(stored)) {
      await release(session, stored);
      return stored;
    }
    let tokens: UpstreamTokens;
    try {
      if (!provider.refresh) throw new Error(`The ${provider.mode} provider cannot refresh tokens`);
      tokens = await provider.refresh(stored.refreshToken);
    } catch (error) {
      if (error instanceof RefreshRefused) {
        await store.delete(session.idHash);
        throw new SessionEnded('Outreach ended the session; sign in again.', { cause: error });
      }
      await release(session, stored);
      throw new TokensUnavailable("Outreach could not renew the session's access now.", 5, {
        cause: error,
      });
    }
    lastMint.set(session.subject, now());
    await store.saveTokens(session.idHash, tokens);
    return tokens;
  }

  /** Another process holds the claim: its tokens, once saved; or the claim, if it gave it up. */
  async function waitForOther(
    session: StoredSession,
    stale: UpstreamTokens,
  ): Promise<UpstreamTokens> {
    for (let waited = 0; waited < waitMs; waited += pollMs) {
      await sleep(pollMs);
      const tokens = await currentTokens(session);
      if (tokens.accessToken !== stale.accessToken) return tokens;
      if (await store.claimRefresh(session.idHash, now() + CLAIM_MS))
        return refreshClaimed(session);
    }
    throw new TokensUnavailable("The session's access is being renewed; try again.", 1);
  }

  async function refresh(session: StoredSession): Promise<UpstreamTokens> {
    const stored = await currentTokens(session);
    if (fresh(stored)) return stored;
    const nextMint = (lastMint.get(session.subject) ?? -Infinity) + mintLimit;
    if (now() < nextMint) {
      if (stored.expiresAt > now()) return stored;
      throw new TokensUnavailable(
        'Outreach allows one token renewal a minute; try again shortly.',
        Math.ceil((nextMint - now()) / 1000),
      );
    }
    if (await store.claimRefresh(session.idHash, now() + CLAIM_MS)) return refreshClaimed(session);
    return waitForOther(session, stored);
  }

  return {
    tokensFor: (session) => {
      if (session.tokens && fresh(session.tokens)) return Promise.resolve(session.tokens);
      const running = refreshing.get(session.idHash);
      if (running) return running;
      const started = refresh(session).finally(() => {
        refreshing.delete(session.idHash);
      });
      refreshing.set(session.idHash, started);
      return started;
    },
  };
}
