import type { MiddlewareHandler } from 'hono';
import type { AppOptions } from '../app';
import type { OutreachConfig } from '../config';
import { sessionFromRequest } from '../session/session-from-request';
import { createOutreachProvider } from './outreach-provider';
import { createOutreachProxy } from './proxy';
import { createTokenRefresher, SessionEnded } from './token-refresher';

/**
 * Outreach mode's parts for `createApp` (decision 0046): Outreach's sign-in, and `/api/v2` proxied to
 * Outreach with the signed-in session's tokens, refreshed one at a time.
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
          const session = await sessionFromRequest(c);
          if (!session) throw new SessionEnded('Sign in with your Outreach account.');
          return refresher.tokensFor(session);
        },
      });
      return proxy;
    },
  };
}
