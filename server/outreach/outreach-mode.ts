import type { MiddlewareHandler } from 'hono';
import type { AppOptions } from '../app';
import type { OutreachConfig } from '../config';
import { bearerToken } from '../http/route-helpers';
import { sessionFromRequest } from '../session/session-from-request';
import { createOutreachProvider } from './outreach-provider';
import { createOutreachProxy } from './proxy';
import { createTokenRefresher, SessionEnded } from './token-refresher';

/**
 * Outreach mode's parts for `createApp` (decision 0046): Outreach's sign-in, and `/api/v2` proxied to
 * Outreach with the signed-in session's tokens, refreshed one at a time, or with the caller's own
 * bearer token.
 */
export function outreachMode(
  outreach: OutreachConfig,
  options: { now?: () => number; fetch?: typeof globalThis.fetch } = {},
): Required<Pick<AppOptions, 'signInProvider' | 'upstreamApi'>> {
  const signInProvider = createOutreachProvider({ ...outreach, ...options });
  return {
    signInProvider,
    upstreamApi: ({ store, provider }) => {
      const refresher = createTokenRefresher({ store, provider, ...options });
      const proxy: MiddlewareHandler = createOutreachProxy({
        apiUrl: outreach.apiUrl,
        ...options,
        tokensFor: async (c) => {
          // A script or a host's getAccessToken brings its own Outreach token: sent on as it is, and
          // Outreach judges it; no session, nothing to refresh.
          const bearer = bearerToken(c);
          if (bearer !== undefined) {
            return { accessToken: bearer, refreshToken: '', expiresAt: Number.POSITIVE_INFINITY };
          }
          const session = await sessionFromRequest(c);
          if (!session) throw new SessionEnded('Sign in with your Outreach account.');
          return refresher.tokensFor(session);
        },
      });
      return proxy;
    },
  };
}
