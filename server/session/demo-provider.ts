import type { Kysely } from 'kysely';
import { APP_CLIENT_ID } from '../auth/app-client';
import { redeemAuthorizationCode } from '../auth/code-redemption';
import { s256Challenge } from '../auth/pkce';
import { DEFAULT_SCOPE } from '../auth/scopes';
import type { Database } from '../db/schema';
import { SignInFailure, type SignInProvider } from './types';

/**
 * Demo mode's sign-in: the server's own "Continue as …" page at /oauth/authorize, with PKCE as any
 * client would, its code redeemed in-process (no request to itself). The session's subject is the local
 * user's id; there are no upstream tokens, since API calls are served from the local database.
 */
export function demoSignInProvider(options: {
  db: Kysely<Database>;
  now: () => number;
}): SignInProvider {
  const { db, now } = options;
  return {
    mode: 'demo',

    authorizationUrl: ({ state, redirectUri, codeVerifier }) => {
      // The authorization page is on the origin the callback is.
      const url = new URL('/oauth/authorize', redirectUri);
      url.search = new URLSearchParams({
        response_type: 'code',
        client_id: APP_CLIENT_ID,
        redirect_uri: redirectUri,
        scope: DEFAULT_SCOPE,
        state,
        code_challenge: s256Challenge(codeVerifier),
        code_challenge_method: 'S256',
      }).toString();
      return url;
    },

    redeem: async ({ code, redirectUri, codeVerifier }) => {
      const redeemed = await redeemAuthorizationCode(db, {
        clientId: APP_CLIENT_ID,
        code,
        verifier: codeVerifier,
        redirectUri,
        at: now(),
      });
      if (!('grant' in redeemed)) {
        throw new SignInFailure(
          'error' in redeemed ? redeemed.error : 'Too many sign-ins; wait a minute.',
        );
      }
      const user = await db
        .selectFrom('users')
        .select(['id', 'first_name', 'last_name'])
        .where('id', '=', redeemed.grant.user_id)
        .where('deactivated_at', 'is', null)
        .executeTakeFirst();
      if (!user) {
        throw new SignInFailure('The user signed in as no longer exists or has been deactivated.');
      }
      return { subject: String(user.id), displayName: `${user.first_name} ${user.last_name}` };
    },
  };
}
