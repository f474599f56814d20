import { Hono, type Context } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import type { Kysely } from 'kysely';
import type { SimulatorClient } from '../config';
import type { Database } from '../db/schema';
import type { AppEnv } from '../http/app-env';
import { MAX_BODY_BYTES } from '../http/body-limit';
import type { RateLimitState } from '../http/rate-limit';
import { APP_CLIENT_ID, secretMatches } from './app-client';
import { formFields } from './form-fields';
import { redeemAuthorizationCode } from './code-redemption';
import { findRefreshToken, findTokenFamily, spendRefreshToken } from './oauth-store';
import { tooManyRequests } from './oauth-rate-limit';
import { hashToken, type IssuedTokens, type TokenService } from './tokens';

interface TokenOptions {
  db: Kysely<Database>;
  tokens: TokenService;
  now: () => number;
  /** Counts a refresh against its user's limit, in the refresh's transaction. */
  limitUser: (userId: number, trx: Kysely<Database>) => Promise<RateLimitState>;
  purgeExpired: () => Promise<void>;
  /** The Outreach simulator's confidential client, and its per-user throttle on minting tokens. */
  simulator?:
    | {
        client: SimulatorClient;
        limitMint: (userId: number, trx: Kysely<Database>) => Promise<RateLimitState>;
      }
    | undefined;
}

type TokenError = 'invalid_request' | 'invalid_grant' | 'invalid_client' | 'unsupported_grant_type';

/** What redeeming a grant came to: tokens, or the OAuth error to answer with. */
type TokenOutcome =
  | { tokens: IssuedTokens }
  | { error: TokenError; description: string }
  | { limited: RateLimitState };

/**
 * RFC 6749 error body, which OAuth client libraries read, with the same failure as a JSON:API `errors`
 * member so that the API's one error shape holds here too.
 */
function tokenError(
  c: Context,
  error: TokenError,
  description: string,
  status: 400 | 401 | 413 = error === 'invalid_client' ? 401 : 400,
) {
  c.header('Cache-Control', 'no-store');
  return c.json(
    {
      error,
      error_description: description,
      errors: [{ id: error, title: 'OAuth Error', detail: description, status: String(status) }],
    },
    status,
  );
}

/** The token and revocation endpoints' body limit, answered in their own (OAuth) error format. */
const limitTokenBody = bodyLimit({
  maxSize: MAX_BODY_BYTES,
  onError: (c) =>
    tokenError(
      c,
      'invalid_request',
      `The request body is larger than ${MAX_BODY_BYTES} bytes.`,
      413,
    ),
});

/**
 * POST /token redeems an authorization code or a refresh token for new tokens; POST /revoke ends the
 * session of a token.
 */
export function tokenRoute({
  db,
  tokens,
  now,
  limitUser,
  purgeExpired,
  simulator,
}: TokenOptions): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  const iso = (ms: number) => new Date(ms).toISOString();

  /**
   * Spends an authorization code and issues its tokens in one transaction. Of any number of requests
   * racing with a code exactly one spends it; every other is a replay and revokes the family, the
   * winner's tokens included (RFC 6749 §4.1.2).
   */
  async function redeemCode(
    trx: Kysely<Database>,
    request: { clientId: string; code: string; verifier: string | undefined; redirectUri: string },
    at: number,
  ): Promise<TokenOutcome> {
    const { clientId, code, verifier, redirectUri } = request;
    const redeemed = await redeemAuthorizationCode(trx, {
      clientId,
      code,
      verifier,
      redirectUri,
      at,
      limitMint: (userId) => limitMint(trx, clientId, userId),
    });
    if ('limited' in redeemed) return redeemed;
    if ('error' in redeemed) {
      // A replayed code may have been stolen: the tokens it gave out are revoked too.
      if (redeemed.replayed) await tokens.revokeFamily(hashToken(code), trx);
      return { error: 'invalid_grant', description: redeemed.error };
    }
    const { grant } = redeemed;
    const issued = await tokens.issue(
      { userId: grant.user_id, clientId, scope: grant.scope, familyId: grant.code_hash },
      trx,
    );
    return { tokens: issued };
  }

  /**
   * Rotates a refresh token in one transaction: revoking it is the conditional update that only one of
   * any number of racing requests wins; the others are replays and end the whole session.
   */
  async function redeemRefreshToken(
    trx: Kysely<Database>,
    clientId: string,
    refreshToken: string,
    at: number,
  ): Promise<TokenOutcome> {
    const stored = await findRefreshToken(trx, hashToken(refreshToken));
    if (stored?.client_id !== clientId)
      return { error: 'invalid_grant', description: 'The refresh token is not valid.' };
    if (stored.revoked_at === null && stored.expires_at <= iso(at))
      return { error: 'invalid_grant', description: 'The refresh token has expired.' };
    const limited = await limitUser(stored.user_id, trx);
    if (!limited.allowed) return { limited };
    const mintLimited = await limitMint(trx, clientId, stored.user_id);
    if (mintLimited) return { limited: mintLimited };
    if (!(await spendRefreshToken(trx, stored.token_hash, iso(at)))) {
      // Rotation means a used refresh token never comes back; if it does, end the whole session.
      await tokens.revokeFamily(stored.family_id, trx);
      return {
        error: 'invalid_grant',
        description: 'The refresh token was already used; sign in again.',
      };
    }
    const issued = await tokens.issue(
      {
        userId: stored.user_id,
        clientId,
        scope: stored.scope,
        familyId: stored.family_id,
      },
      trx,
    );
    return { tokens: issued };
  }

  /** The simulator throttles its client's token mints per user, as Outreach does; undefined: go ahead. */
  async function limitMint(
    trx: Kysely<Database>,
    clientId: string,
    userId: number,
  ): Promise<RateLimitState | undefined> {
    if (clientId !== simulator?.client.clientId) return undefined;
    const state = await simulator.limitMint(userId, trx);
    return state.allowed ? undefined : state;
  }

  function tokenResult(c: Context, outcome: TokenOutcome) {
    if ('limited' in outcome) return tooManyRequests(c, outcome.limited);
    if ('error' in outcome) return tokenError(c, outcome.error, outcome.description);
    c.header('Cache-Control', 'no-store');
    return c.json(outcome.tokens);
  }

  app.post('/token', limitTokenBody, async (c) => {
    const body = await formFields(c);
    if (!body) return tokenError(c, 'invalid_request', 'Send the token request as form fields.');
    const field = (name: string) => {
      const value = body[name];
      return value !== undefined && value.length <= 2000 ? value : undefined;
    };
    const clientId = field('client_id') ?? '';
    const confidential = clientId === simulator?.client.clientId ? simulator.client : undefined;
    if (clientId !== APP_CLIENT_ID && !confidential)
      return tokenError(c, 'invalid_client', 'Unknown client_id.');
    // The simulator's client is confidential, as an app registered with Outreach is: it sends its secret.
    if (confidential && !secretMatches(field('client_secret'), confidential.clientSecret))
      return tokenError(c, 'invalid_client', 'client_secret is missing or wrong.');
    await purgeExpired();
    const at = now();

    if (field('grant_type') === 'authorization_code') {
      const code = field('code');
      const verifier = field('code_verifier');
      const redirectUri = field('redirect_uri');
      if (!code || !redirectUri || (!confidential && !verifier)) {
        return tokenError(
          c,
          'invalid_request',
          confidential
            ? 'code and redirect_uri are required.'
            : 'code, redirect_uri and code_verifier are required.',
        );
      }
      return tokenResult(
        c,
        await db
          .transaction()
          .execute((trx) => redeemCode(trx, { clientId, code, verifier, redirectUri }, at)),
      );
    }

    if (field('grant_type') === 'refresh_token') {
      const refreshToken = field('refresh_token');
      if (!refreshToken) return tokenError(c, 'invalid_request', 'refresh_token is required.');
      return tokenResult(
        c,
        await db
          .transaction()
          .execute((trx) => redeemRefreshToken(trx, clientId, refreshToken, at)),
      );
    }

    return tokenError(
      c,
      'unsupported_grant_type',
      'grant_type is authorization_code or refresh_token.',
    );
  });

  /**
   * Token revocation (RFC 7009), used by "Sign out": revoking either token of a session ends the whole
   * session. Unknown tokens are answered like known ones, so the endpoint reveals nothing.
   */
  app.post('/revoke', limitTokenBody, async (c) => {
    const form = (await formFields(c)) ?? {};
    if (form.client_id !== APP_CLIENT_ID)
      return tokenError(c, 'invalid_client', 'Unknown client_id.');
    const token = form.token ?? '';
    if (token === '') return tokenError(c, 'invalid_request', 'token is required.');
    const familyId = await findTokenFamily(db, hashToken(token));
    if (familyId !== undefined) await tokens.revokeFamily(familyId);
    c.header('Cache-Control', 'no-store');
    return c.body(null, 200);
  });

  return app;
}
