import type { Kysely } from 'kysely';
import * as client from 'openid-client';
import type { OidcConfig } from '../config';
import type { Database } from '../db/schema';
import { SignInFailure, SignInUnavailable, type SignInProvider } from '../session/types';
import { signInOidcUser, type OidcClaims } from './oidc-users';

/** How long any one request to the provider (discovery, token, UserInfo, keys) may take. */
const PROVIDER_TIMEOUT_SECONDS = 10;

/** The provider did not answer: down, unreachable, or too slow. */
const unreachable = (error: unknown) =>
  error instanceof TypeError ||
  (error instanceof client.ClientError &&
    (error.code === 'OAUTH_TIMEOUT' || error.code === 'OAUTH_ABORT'));

/**
 * Sign-in through the team's OpenID Connect provider (decision 0049), with openid-client: discovery of
 * OIDC_ISSUER on the first sign-in (and again after a failed one, so that a provider that was down at
 * start, or still is, does not keep the server from starting), the authorization code flow with PKCE,
 * state and nonce, the ID token checked by openid-client, and the claims matched to a local user. The
 * session's subject is the local user's id; the provider's tokens are not kept, since API calls are
 * served from the local database.
 */
export function createOidcSignInProvider(options: {
  db: Kysely<Database>;
  config: OidcConfig;
  now: () => number;
}): SignInProvider {
  const { db, config, now } = options;
  const issuer = new URL(config.issuer);
  let discovered: Promise<client.Configuration> | undefined;

  function configuration(): Promise<client.Configuration> {
    discovered ??= client
      .discovery(
        issuer,
        config.clientId,
        undefined,
        client.ClientSecretBasic(config.clientSecret),
        {
          timeout: PROVIDER_TIMEOUT_SECONDS,
          // config.ts allows http:// for this machine only, and never in production. openid-client marks
          // the option deprecated to make it stand out, not because it is going away.
          // eslint-disable-next-line @typescript-eslint/no-deprecated
          execute: issuer.protocol === 'http:' ? [client.allowInsecureRequests] : [],
        },
      )
      .catch((error: unknown) => {
        discovered = undefined;
        throw new SignInUnavailable(
          unreachable(error) ? 503 : 502,
          unreachable(error)
            ? `The identity provider at OIDC_ISSUER (${config.issuer}) could not be reached. Try again in a moment; if it goes on, ask an admin to check OIDC_ISSUER.`
            : `The identity provider at OIDC_ISSUER (${config.issuer}) did not answer as an OpenID provider whose issuer is that URL (${errorText(error)}). Ask an admin to check OIDC_ISSUER.`,
          { cause: error },
        );
      });
    return discovered;
  }

  return {
    mode: 'oidc',

    authorizationUrl: async ({ state, redirectUri, codeVerifier, nonce }) =>
      client.buildAuthorizationUrl(await configuration(), {
        redirect_uri: redirectUri,
        scope: config.scopes.join(' '),
        state,
        nonce,
        code_challenge: await client.calculatePKCECodeChallenge(codeVerifier),
        code_challenge_method: 'S256',
      }),

    redeem: async ({ codeVerifier, state, nonce, callbackUrl }) => {
      const provider = await configuration();
      let claims: OidcClaims;
      try {
        const tokens = await client.authorizationCodeGrant(provider, callbackUrl, {
          pkceCodeVerifier: codeVerifier,
          expectedState: state,
          expectedNonce: nonce,
          idTokenExpected: true,
        });
        const idToken = tokens.claims();
        if (!idToken) throw new SignInFailure('the identity provider sent no ID token.');
        claims = idToken;
        // Providers put email and groups in the ID token or only at UserInfo (as oidc-provider does
        // for the code flow); openid-client checks UserInfo's sub is the ID token's.
        if (provider.serverMetadata().userinfo_endpoint !== undefined) {
          claims = {
            ...(await client.fetchUserInfo(provider, tokens.access_token, idToken.sub)),
            ...idToken,
          };
        }
      } catch (error) {
        throw redeemFailure(error, config);
      }
      const user = await signInOidcUser(db, config, claims, new Date(now()).toISOString());
      return { subject: String(user.id), displayName: user.name };
    },
  };
}

const errorText = (error: unknown) =>
  error instanceof Error ? error.message.slice(0, 200) : 'no answer';

/** What a failure to redeem the code means for the person signing in, and for the settings. */
function redeemFailure(error: unknown, config: OidcConfig): Error {
  if (error instanceof SignInFailure) return error;
  if (unreachable(error)) {
    return new SignInUnavailable(
      503,
      `The identity provider at OIDC_ISSUER (${config.issuer}) could not be reached to finish the sign-in. Sign in again in a moment.`,
      { cause: error },
    );
  }
  if (
    error instanceof client.ClientError &&
    (error.code === 'OAUTH_RESPONSE_IS_NOT_CONFORM' || error.code === 'OAUTH_RESPONSE_IS_NOT_JSON')
  ) {
    return new SignInUnavailable(
      502,
      `The identity provider at OIDC_ISSUER (${config.issuer}) answered with an error while finishing the sign-in. Sign in again in a moment.`,
      { cause: error },
    );
  }
  // A client the token endpoint does not accept: a JSON error, or a 401 with a WWW-Authenticate challenge.
  const refusedClient =
    error instanceof client.WWWAuthenticateChallengeError
      ? 'invalid_client'
      : error instanceof client.ResponseBodyError &&
          ['invalid_client', 'unauthorized_client'].includes(error.error)
        ? error.error
        : undefined;
  if (refusedClient !== undefined) {
    return new SignInUnavailable(
      502,
      `The identity provider refused this server's client (${refusedClient}): ask an admin to check OIDC_CLIENT_ID and OIDC_CLIENT_SECRET.`,
      { cause: error },
    );
  }
  if (error instanceof client.ResponseBodyError) {
    return new SignInFailure(
      `the identity provider refused the sign-in (${error.error}). Sign in again from the app.`,
    );
  }
  return new SignInFailure(
    `the identity provider's answer did not pass the checks (${errorText(error)}). Sign in again from the app.`,
  );
}
