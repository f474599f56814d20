import { Hono, type Context } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import type { Kysely } from 'kysely';
import { z } from 'zod';
import type { ServerConfig } from '../config';
import type { Database } from '../db/schema';
import type { AppEnv } from '../http/app-env';
import { postedFromThisOrigin } from '../http/form-origin';
import { MAX_BODY_BYTES } from '../http/body-limit';
import type { RateLimitState } from '../http/rate-limit';
import { APP_CLIENT_ID, simulatorClient } from './app-client';
import { formFields } from './form-fields';
import { isActiveUser, recordSignIn, storeAuthorizationCode, usersToSignInAs } from './oauth-store';
import { setRateLimitHeaders, tooManyDetail } from './oauth-rate-limit';
import { DEFAULT_SCOPE, isScope } from './scopes';
import { crossSitePostPage, invalidLinkPage, setPageHeaders, signInPage } from './sign-in-page';
import { hashToken, randomToken } from './tokens';

const CODE_TTL_MS = 60_000;

interface AuthorizeOptions {
  db: Kysely<Database>;
  config: ServerConfig;
  now: () => number;
  /** Counts a sign-in against its user's limit. */
  limitUser: (userId: number) => Promise<RateLimitState>;
  purgeExpired: () => Promise<void>;
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

/** The simulator's confidential client, like Outreach's, need not use PKCE. */
const confidentialRequestSchema = authorizationRequestSchema.partial({
  code_challenge: true,
  code_challenge_method: true,
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

/** A confidential client's redirect URI must be one it registered, exactly, as at Outreach. */
function registeredRedirect(
  raw: string | undefined,
  registered: readonly string[],
): URL | undefined {
  return raw !== undefined && registered.includes(raw) ? new URL(raw) : undefined;
}

function redirectWith(target: URL, params: Record<string, string | undefined>): string {
  const url = new URL(target);
  for (const [name, value] of Object.entries(params))
    if (value !== undefined) url.searchParams.set(name, value);
  return url.href;
}

/**
 * GET /authorize shows the sign-in page; POST /authorize is its answer, which sends the browser back to
 * the client with a code (or an error) for the user chosen.
 */
export function authorizeRoute({
  db,
  config,
  now,
  limitUser,
  purgeExpired,
}: AuthorizeOptions): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  const iso = (ms: number) => new Date(ms).toISOString();

  /** Validates an authorization request; answers with a page or a redirect when it is not acceptable. */
  function authorizationRequest(c: Context<AppEnv>, params: Record<string, string | undefined>) {
    const confidential = simulatorClient(params.client_id, config);
    const known = params.client_id === APP_CLIENT_ID || confidential !== undefined;
    const redirect = confidential
      ? registeredRedirect(params.redirect_uri, confidential.redirectUris)
      : known
        ? allowedRedirect(params.redirect_uri, c.var.publicOrigin, config)
        : undefined;
    if (!redirect) {
      setPageHeaders(c, undefined);
      const reason = known
        ? 'its redirect_uri is not one this server may send you to'
        : 'it does not name a known client_id';
      return { response: c.html(invalidLinkPage(reason), 400) };
    }
    const parsed = (
      confidential ? confidentialRequestSchema : authorizationRequestSchema
    ).safeParse(params);
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
    const clientId = confidential?.clientId ?? APP_CLIENT_ID;
    return {
      request: { ...parsed.data, client_id: clientId },
      redirect,
      simulated: !!confidential,
    };
  }

  app.get('/authorize', async (c) => {
    const checked = authorizationRequest(c, c.req.query());
    if (checked.response) return checked.response;
    const { request, redirect, simulated } = checked;
    const users = await usersToSignInAs(db);
    setPageHeaders(c, redirect);
    return c.html(signInPage(users, request, redirect.href, simulated));
  });

  app.post('/authorize', bodyLimit({ maxSize: MAX_BODY_BYTES }), async (c) => {
    if (!(await postedFromThisOrigin(c))) {
      setPageHeaders(c, undefined);
      return c.html(crossSitePostPage(), 403);
    }
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
    if (!(await isActiveUser(db, userId))) {
      return c.redirect(
        redirectWith(redirect, {
          error: 'invalid_request',
          error_description: 'Unknown or deactivated user',
          state: request.state,
        }),
        303,
      );
    }
    const limited = await limitUser(userId);
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
    await recordSignIn(db, userId, iso(now()));
    const code = randomToken();
    await storeAuthorizationCode(db, {
      code_hash: hashToken(code),
      client_id: request.client_id,
      user_id: userId,
      redirect_uri: redirect.href,
      // Empty for a client without PKCE: the token endpoint then asks for no code_verifier.
      code_challenge: request.code_challenge ?? '',
      scope: request.scope,
      expires_at: iso(now() + CODE_TTL_MS),
    });
    return c.redirect(redirectWith(redirect, { code, state: request.state }), 303);
  });

  return app;
}
