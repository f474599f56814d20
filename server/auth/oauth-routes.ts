import { Hono, type Context, type MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import type { Kysely } from 'kysely';
import { z } from 'zod';
import type { ServerConfig } from '../config';
import type { AppEnv } from '../http/app-env';
import type { Database } from '../db/schema';
import { MAX_BODY_BYTES } from '../http/media-type';
import { rateLimitHeaders, type RateLimiter, type RateLimitState } from '../http/rate-limit';
import { clientAddress } from '../http/route-helpers';
import { APP_CLIENT_ID } from './app-client';
import {
  findAuthorizationCode,
  findRefreshToken,
  findTokenFamily,
  spendAuthorizationCode,
  spendRefreshToken,
  storeAuthorizationCode,
  userExists,
  usersToSignInAs,
} from './oauth-store';
import { s256Challenge } from './pkce';
import { createExpiryPurge } from './purge';
import { DEFAULT_SCOPE, isScope } from './scopes';
import { invalidLinkPage, setPageHeaders, signInPage, tooManyAttemptsPage } from './sign-in-page';
import { hashToken, randomToken, type IssuedTokens, type TokenService } from './tokens';

const CODE_TTL_MS = 60_000;

interface OauthOptions {
  db: Kysely<Database>;
  config: ServerConfig;
  tokens: TokenService;
  now: () => number;
  /** Counts /oauth/* requests per client address, and sign-ins and refreshes per user. */
  limiter: RateLimiter;
}

const base64url = /^[A-Za-z0-9_-]+$/;

const authorizationRequestSchema = z.object({
  response_type: z.literal('code', { error: 'response_type must be "code"' }),
  scope: z
    .string()
    .max(500)
    .optional()
    .transform((scope) => (scope?.trim() ? scope.trim().split(/\s+/) : DEFAULT_SCOPE.split(' ')))
    .refine((scopes) => scopes.every(isScope), 'scope names an unknown scope')
    .transform((scopes) => [...new Set(scopes)].join(' ')),
  state: z.string().max(1024, 'state is too long').optional(),
  code_challenge: z
    .string({ error: 'code_challenge is required (PKCE)' })
    .min(43, 'code_challenge must be a base64url SHA-256 digest')
    .max(128, 'code_challenge must be a base64url SHA-256 digest')
    .regex(base64url, 'code_challenge must be a base64url SHA-256 digest'),
  code_challenge_method: z.literal('S256', { error: 'code_challenge_method must be S256' }),
});

/** A redirect URI must be absolute, on this server's public origin or listed in OAUTH_REDIRECT_URIS. */
function allowedRedirect(
  raw: string | undefined,
  ownOrigin: string,
  config: ServerConfig,
): URL | undefined {
  if (raw === undefined || raw.length > 2000) return undefined;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return undefined;
  }
  if (url.hash !== '' || !['http:', 'https:'].includes(url.protocol)) return undefined;
  if (url.origin === ownOrigin || config.oauthRedirectUris.includes(url.href)) return url;
  return undefined;
}

function redirectWith(target: URL, params: Record<string, string | undefined>): string {
  const url = new URL(target);
  for (const [name, value] of Object.entries(params))
    if (value !== undefined) url.searchParams.set(name, value);
  return url.href;
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

function setRateLimitHeaders(c: Context, state: RateLimitState) {
  for (const [name, value] of Object.entries(rateLimitHeaders(state))) c.header(name, value);
}

const tooManyDetail = (state: RateLimitState) =>
  `Too many sign-in requests; try again in ${state.retryAfterSeconds} seconds.`;

/**
 * A refused /oauth request: the token and revocation endpoints answer in their JSON format (RFC 6749 has
 * no code for it; temporarily_unavailable is its nearest), the sign-in page with a page.
 */
function tooManyRequests(c: Context, state: RateLimitState) {
  setRateLimitHeaders(c, state);
  c.header('Retry-After', String(state.retryAfterSeconds));
  c.header('Cache-Control', 'no-store');
  const detail = tooManyDetail(state);
  if (c.req.path.endsWith('/authorize')) {
    setPageHeaders(c, undefined);
    return c.html(tooManyAttemptsPage(detail), 429);
  }
  return c.json(
    {
      error: 'temporarily_unavailable',
      error_description: detail,
      errors: [{ id: 'rateLimitExceeded', title: 'Rate Limit Exceeded', detail, status: '429' }],
    },
    429,
  );
}

/** The string fields of a form post; undefined when the body cannot be read as a form. */
async function formFields(c: Context): Promise<Record<string, string> | undefined> {
  try {
    const form = await c.req.parseBody();
    return Object.fromEntries(
      Object.entries(form).flatMap(([name, value]) =>
        typeof value === 'string' ? [[name, value]] : [],
      ),
    );
  } catch {
    return undefined;
  }
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

const verifierPattern = /^[A-Za-z0-9._~-]{43,128}$/;

export function oauthRoutes({ db, config, tokens, now, limiter }: OauthOptions): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  const iso = (ms: number) => new Date(ms).toISOString();
  const purgeExpired = createExpiryPurge({ db, now, accessTtlSeconds: config.tokenTtlSeconds });
  const limitUser = (userId: number) => limiter.hit(`user:${userId}`);

  const limitAddress: MiddlewareHandler<AppEnv> = async (c, next) => {
    const state = limiter.hit(`ip:${clientAddress(c, config.trustedProxies)}`);
    if (!state.allowed) return tooManyRequests(c, state);
    setRateLimitHeaders(c, state);
    await next();
  };
  app.use('*', limitAddress);

  /** Validates an authorization request; answers with a page or a redirect when it is not acceptable. */
  function authorizationRequest(c: Context<AppEnv>, params: Record<string, string | undefined>) {
    const redirect =
      params.client_id === APP_CLIENT_ID
        ? allowedRedirect(params.redirect_uri, c.var.publicOrigin, config)
        : undefined;
    if (!redirect) {
      setPageHeaders(c, undefined);
      const reason =
        params.client_id === APP_CLIENT_ID
          ? 'its redirect_uri is not one this server may send you to'
          : 'it does not name a known client_id';
      return { response: c.html(invalidLinkPage(reason), 400) };
    }
    const parsed = authorizationRequestSchema.safeParse(params);
    if (!parsed.success) {
      const description = parsed.error.issues.map((issue) => issue.message).join('; ');
      return {
        response: c.redirect(
          redirectWith(redirect, {
            error: 'invalid_request',
            error_description: description,
            state: params.state,
          }),
          303,
        ),
      };
    }
    return { request: parsed.data, redirect };
  }

  app.get('/authorize', async (c) => {
    const checked = authorizationRequest(c, c.req.query());
    if (checked.response) return checked.response;
    const { request, redirect } = checked;
    const users = await usersToSignInAs(db);
    setPageHeaders(c, redirect);
    return c.html(signInPage(users, request, redirect.href));
  });

  app.post('/authorize', bodyLimit({ maxSize: MAX_BODY_BYTES }), async (c) => {
    const params = (await formFields(c)) ?? {};
    const checked = authorizationRequest(c, params);
    if (checked.response) return checked.response;
    const { request, redirect } = checked;
    if (params.deny !== undefined) {
      return c.redirect(
        redirectWith(redirect, { error: 'access_denied', state: request.state }),
        303,
      );
    }
    const userId = /^\d{1,9}$/.test(params.user_id ?? '') ? Number(params.user_id) : Number.NaN;
    if (!(await userExists(db, userId))) {
      return c.redirect(
        redirectWith(redirect, {
          error: 'invalid_request',
          error_description: 'Unknown user',
          state: request.state,
        }),
        303,
      );
    }
    const limited = limitUser(userId);
    if (!limited.allowed) {
      setRateLimitHeaders(c, limited);
      c.header('Retry-After', String(limited.retryAfterSeconds));
      return c.redirect(
        redirectWith(redirect, {
          error: 'temporarily_unavailable',
          error_description: tooManyDetail(limited),
          state: request.state,
        }),
        303,
      );
    }
    await purgeExpired();
    const code = randomToken();
    await storeAuthorizationCode(db, {
      code_hash: hashToken(code),
      client_id: APP_CLIENT_ID,
      user_id: userId,
      redirect_uri: redirect.href,
      code_challenge: request.code_challenge,
      scope: request.scope,
      expires_at: iso(now() + CODE_TTL_MS),
    });
    return c.redirect(redirectWith(redirect, { code, state: request.state }), 303);
  });

  /**
   * Spends an authorization code and issues its tokens in one transaction. The code is marked used by
   * one conditional update, so of any number of requests racing with it exactly one sees a changed row;
   * every other is a replay and revokes the family, the winner's tokens included (RFC 6749 §4.1.2).
   */
  async function redeemCode(
    trx: Kysely<Database>,
    code: string,
    verifier: string,
    redirectUri: string,
    at: number,
  ): Promise<TokenOutcome> {
    const codeHash = hashToken(code);
    const grant = await findAuthorizationCode(trx, codeHash);
    if (!grant)
      return { error: 'invalid_grant', description: 'The authorization code is not valid.' };
    if (!(await spendAuthorizationCode(trx, codeHash, iso(at)))) {
      // A replayed code may have been stolen: the tokens it gave out are revoked too.
      await tokens.revokeFamily(codeHash, trx);
      return { error: 'invalid_grant', description: 'The authorization code was already used.' };
    }
    if (grant.expires_at <= iso(at))
      return { error: 'invalid_grant', description: 'The authorization code has expired.' };
    if (grant.redirect_uri !== redirectUri) {
      return {
        error: 'invalid_grant',
        description: 'redirect_uri does not match the authorization request.',
      };
    }
    if (!verifierPattern.test(verifier) || s256Challenge(verifier) !== grant.code_challenge) {
      return {
        error: 'invalid_grant',
        description: 'code_verifier does not match the code_challenge.',
      };
    }
    const issued = await tokens.issue(
      { userId: grant.user_id, clientId: APP_CLIENT_ID, scope: grant.scope, familyId: codeHash },
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
    refreshToken: string,
    at: number,
  ): Promise<TokenOutcome> {
    const stored = await findRefreshToken(trx, hashToken(refreshToken));
    if (!stored) return { error: 'invalid_grant', description: 'The refresh token is not valid.' };
    if (stored.revoked_at === null && stored.expires_at <= iso(at))
      return { error: 'invalid_grant', description: 'The refresh token has expired.' };
    const limited = limitUser(stored.user_id);
    if (!limited.allowed) return { limited };
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
        clientId: APP_CLIENT_ID,
        scope: stored.scope,
        familyId: stored.family_id,
      },
      trx,
    );
    return { tokens: issued };
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
    if (field('client_id') !== APP_CLIENT_ID)
      return tokenError(c, 'invalid_client', 'Unknown client_id.');
    await purgeExpired();
    const at = now();

    if (field('grant_type') === 'authorization_code') {
      const code = field('code');
      const verifier = field('code_verifier');
      const redirectUri = field('redirect_uri');
      if (!code || !verifier || !redirectUri) {
        return tokenError(
          c,
          'invalid_request',
          'code, redirect_uri and code_verifier are required.',
        );
      }
      return tokenResult(
        c,
        await db.transaction().execute((trx) => redeemCode(trx, code, verifier, redirectUri, at)),
      );
    }

    if (field('grant_type') === 'refresh_token') {
      const refreshToken = field('refresh_token');
      if (!refreshToken) return tokenError(c, 'invalid_request', 'refresh_token is required.');
      return tokenResult(
        c,
        await db.transaction().execute((trx) => redeemRefreshToken(trx, refreshToken, at)),
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
