import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { serveStatic } from '@hono/node-server/serve-static';
import { Hono, type Context, type MiddlewareHandler } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { Kysely } from 'kysely';
import { auditEventRoutes } from './audit/routes';
import { oauthRoutes } from './auth/oauth-routes';
import { createTokenService, OUTREACH_REFRESH_TOKEN_TTL_SECONDS } from './auth/tokens';
import type { ServerConfig } from './config';
import type { Database } from './db/schema';
import type { AppEnv } from './http/app-env';
import { cors } from './http/cors';
import {
  customHeaderRequired,
  notFound,
  errorDocumentResponse,
  rateLimited,
  toJsonApiFailure,
  unauthorized,
} from './http/errors';
import type { PrincipalChanges } from './db/principal-changes';
import { databaseRateLimits, memoryRateLimits, rateLimitHeaders } from './http/rate-limit';
import { escapeForLog } from './http/request-log';
import {
  API_PATH,
  bearerToken,
  clientAddress,
  publicOrigin,
  requestHeader,
} from './http/route-helpers';
import { openApiDocument } from './openapi/openapi-document';
import { phoneNumberRoutes } from './phone-numbers/routes';
import { prospectRoutes } from './prospects/routes';
import { apiRootRoutes } from './users/api-root';
import { userRoutes } from './users/routes';
import { createOidcSignInProvider } from './oidc/oidc-sign-in';
import { demoSignInProvider } from './session/demo-provider';
import { sessionRoutes } from './session/routes';
import {
  sentCustomHeader,
  sentSessionCookie,
  sessionFromRequest,
} from './session/session-from-request';
import { localPrincipal } from './session/session-principal';
import { createSessionStore } from './session/session-store';
import { createSignInStore } from './session/sign-in-store';
import { createTokenCipher, generateEncryptionKey } from './session/token-cipher';
import type { SessionStore, SignInProvider } from './session/types';

export interface AppOptions {
  db: Kysely<Database>;
  config: ServerConfig;
  /** The clock, in epoch milliseconds; tests move it to expire tokens and rate-limit windows. */
  now?: () => number;
  /** Where one line per request goes. */
  log?: (line: string) => void;
  /** Where unexpected errors go, with their stack. */
  logError?: (error: unknown) => void;
  /**
   * With SHARED_STATE=database on PostgreSQL: the database's notifications of changed users and tokens,
   * so that principals can be remembered between requests (decision 0052).
   */
  principalChanges?: PrincipalChanges | undefined;
  /** The built single-page app to serve (dist/), if any. */
  appDirectory?: string | undefined;
  /** Outreach mode: how users sign in (Outreach's authorization-code flow). */
  signInProvider?: SignInProvider | undefined;
  /**
   * Outreach mode: what serves /api/v2 (the proxy to Outreach), built with the session layer. It finds
   * the request's session with `sessionFromRequest(c)`; cookie requests without X-Requested-With are
   * refused before it is reached.
   */
  upstreamApi?: ((sessions: SessionLayer) => MiddlewareHandler<AppEnv>) | undefined;
}

/** What an upstream API handler gets: the session store (tokens, refresh claims) and the provider. */
export interface SessionLayer {
  store: SessionStore;
  provider: SignInProvider;
}

const HOUR_MS = 3_600_000;

const SECURITY_HEADERS = { 'X-Content-Type-Options': 'nosniff', 'Referrer-Policy': 'no-referrer' };

/**
 * The `<prospect-phone-numbers>` custom element's module and the chunks it imports when it needs them
 * (npm run build:embed).
 */
const ELEMENT_SCRIPT_PATH = /^\/embed\/prospect-phone-numbers(?:-[\w-]+)?\.js$/;

/**
 * Built files for development only: the embedding demo page, which signs anyone in as any demo user, its
 * script, and source maps (with their compressed copies). In production they are not found, not the app.
 */
const DEVELOPMENT_ONLY_FILE = /(?:^|\/)embed-demo\.[^/]*$|\.map(?:\.br|\.gz)?$/;

const isApiPath = (path: string) => path === API_PATH || path.startsWith('/api/');

/** The app page's policy; only the /embed/… pages may be framed, and only by the configured origins. */
const pagePolicy = (frameAncestors: readonly string[]) =>
  `default-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; object-src 'none'; base-uri 'none'; frame-ancestors ${frameAncestors.join(' ')}`;

/** Outreach mode's provider and proxy, which it cannot run without; undefined in demo mode. */
function outreachParts(config: ServerConfig, options: AppOptions) {
  if (config.authMode !== 'outreach') return undefined;
  const { signInProvider, upstreamApi } = options;
  if (!signInProvider || !upstreamApi) {
    throw new Error('AUTH_MODE=outreach needs its sign-in provider and its /api/v2 proxy');
  }
  return { provider: signInProvider, upstreamApi };
}

/** Builds the whole server (API, OAuth, and optionally the app); main.ts only listens. */
export function createApp(options: AppOptions): Hono<AppEnv> {
  const { db, config } = options;
  const now = options.now ?? Date.now;
  const log = options.log ?? ((line: string) => process.stdout.write(`${line}\n`));
  const logError =
    options.logError ??
    ((error: unknown) => {
      console.error(error);
    });
  const shared = config.sharedState === 'database';
  const limits = shared ? databaseRateLimits(db, now) : memoryRateLimits(now);
  const userLimiter = limits.limiter('api-user', config.rateLimitPerHour, HOUR_MS);
  const addressLimiter = limits.limiter('api-address', config.rateLimitPerAddressPerHour, HOUR_MS);
  const oauthLimiter = limits.limiter('oauth', config.oauthRateLimitPerHour, HOUR_MS);
  const tokens = createTokenService({
    db,
    // The development tokens (dev-admin, …) are demo mode's: oidc mode has real people.
    production: config.production || config.authMode !== 'demo',
    cachePrincipals: !shared || options.principalChanges !== undefined,
    principalChanges: shared ? options.principalChanges : undefined,
    accessTtlSeconds: config.tokenTtlSeconds,
    refreshTtlSeconds: config.outreachSimulator ? OUTREACH_REFRESH_TOKEN_TTL_SECONDS : undefined,
    now,
  });
  // With no key configured (tests, tools) demo sessions hold no tokens: a key for this process will do.
  const cipher = createTokenCipher(
    config.tokenEncryptionKeys.length > 0
      ? config.tokenEncryptionKeys
      : [generateEncryptionKey('process')],
  );
  const sessionStore = createSessionStore({ db, now, cipher });
  const signIns = createSignInStore({ db, now, cipher });
  const outreach = outreachParts(config, options);
  const provider =
    outreach?.provider ??
    (config.oidc
      ? createOidcSignInProvider({ db, config: config.oidc, now })
      : demoSignInProvider({ db, now }));
  const app = new Hono<AppEnv>();
  // Served over HTTPS (as PUBLIC_ORIGIN says; a TLS proxy in front): browsers are told to stay on it.
  const securityHeaders: Record<string, string> = config.publicOrigin?.startsWith('https:')
    ? { ...SECURITY_HEADERS, 'Strict-Transport-Security': 'max-age=31536000' }
    : SECURITY_HEADERS;

  app.use('*', async (c, next) => {
    const started = performance.now();
    c.set('responseHeaders', { ...securityHeaders });
    // c.env is undefined when a test calls app.request().
    const env = c.env as AppEnv['Bindings'] | undefined;
    c.set('publicOrigin', publicOrigin(config.publicOrigin, env?.incoming, config.port));
    c.set('sessions', sessionStore);
    if (!isApiPath(c.req.path)) {
      for (const [name, value] of Object.entries(securityHeaders)) c.header(name, value);
    }
    await next();
    // A refused body is left unread in the socket: Node's server would drain it, then drop the connection
    // mid-keep-alive, failing the client's next request on it. Closing it with the answer is clean.
    if (c.res.status === 413) c.res.headers.set('Connection', 'close');
    // The path only: query strings can carry authorization codes and are never logged.
    log(
      `${c.req.method} ${escapeForLog(c.req.path)} ${c.res.status} ${(performance.now() - started).toFixed(1)}ms`,
    );
  });

  // The local authorization server is demo mode's sign-in (its page lets anyone in as any user); in
  // outreach mode Outreach is, in oidc mode the team's identity provider.
  if (config.authMode === 'demo')
    app.route('/oauth', oauthRoutes({ db, config, tokens, now, limiter: oauthLimiter, limits }));
  app.route(
    '/auth',
    sessionRoutes({
      sessions: sessionStore,
      signIns,
      provider,
      limiter: oauthLimiter,
      trustedProxies: config.trustedProxies,
      // Outreach judges its own users; the local ones are judged here, as every API request does.
      stillAllowed: async (session) =>
        outreach !== undefined || (await localPrincipal(db, session)) !== undefined,
      logError,
    }),
  );

  const openApi = JSON.stringify(openApiDocument());
  /** The principal of a bearer token, or else of a session cookie (whose header is checked later). */
  const authenticate = async (c: Context<AppEnv>) => {
    const token = bearerToken(c);
    if (token) return tokens.authenticate(token);
    const session = await sessionFromRequest(c);
    return session && localPrincipal(db, session);
  };
  // Every API request counts against its address's limit, and against its user's when its token or
  // session is valid: per user, not per token, since a user can mint tokens; per address too, since
  // many users can be one client.
  const limitRequests: MiddlewareHandler<AppEnv> = async (c, next) => {
    const caller = await authenticate(c);
    const address = `ip:${clientAddress(c, config.trustedProxies)}`;
    const state = await limits.hitEach([
      [userLimiter, caller ? `user:${caller.userId}` : address],
      [addressLimiter, address],
    ]);
    const headers = Object.assign(c.var.responseHeaders, rateLimitHeaders(state));
    if (!state.allowed) return errorDocumentResponse(rateLimited(state.retryAfterSeconds), headers);
    c.set('caller', caller);
    await next();
  };
  // Cookies go with every request to this origin, a cross-site one too; the header cannot (decision 0046).
  const refuseCookieWithoutHeader: MiddlewareHandler<AppEnv> = async (c, next) => {
    if (bearerToken(c) === undefined && !sentCustomHeader(c) && (await sessionFromRequest(c))) {
      return errorDocumentResponse(customHeaderRequired(), c.var.responseHeaders);
    }
    await next();
  };
  const requireSignIn: MiddlewareHandler<AppEnv> = async (c, next) => {
    const principal = c.get('caller');
    if (!principal) {
      const detail = bearerToken(c)
        ? 'The access token is not valid or has expired; sign in again or refresh it.'
        : sentSessionCookie(c)
          ? 'The session has ended or is not valid; sign in again.'
          : 'Send an access token: Authorization: Bearer <token>.';
      return errorDocumentResponse(unauthorized(detail), c.var.responseHeaders);
    }
    c.set('principal', principal);
    await next();
  };
  if (config.corsAllowedOrigins.length > 0) {
    app.use(`${API_PATH}/*`, cors(config.corsAllowedOrigins));
  }
  if (outreach) {
    app.use(`${API_PATH}/*`, refuseCookieWithoutHeader);
    app.use(`${API_PATH}/*`, outreach.upstreamApi({ store: sessionStore, provider }));
  } else {
    app.use(`${API_PATH}/*`, limitRequests);
    // The API's description is public: served before sign-in is required.
    app.get(
      `${API_PATH}/openapi.json`,
      (c) =>
        new Response(openApi, {
          headers: { ...c.var.responseHeaders, 'Content-Type': 'application/json' },
        }),
    );
    app.use(`${API_PATH}/*`, refuseCookieWithoutHeader);
    app.use(`${API_PATH}/*`, requireSignIn);
    app.route(API_PATH, apiRootRoutes({ db }));
    app.route(`${API_PATH}/phoneNumbers`, phoneNumberRoutes({ db, now }));
    app.route(`${API_PATH}/prospects`, prospectRoutes({ db, now }));
    app.route(`${API_PATH}/users`, userRoutes({ db, now, tokens }));
    app.route(`${API_PATH}/auditEvents`, auditEventRoutes({ db }));
  }

  if (options.appDirectory) {
    const root = options.appDirectory;
    const indexHtml = readFileSync(join(root, 'index.html'), 'utf8');
    const appPagePolicy = pagePolicy(["'none'"]);
    const embedPagePolicy = pagePolicy(config.embedAllowedOrigins);
    app.use('/assets/*', async (c, next) => {
      await next();
      if (c.res.ok) c.res.headers.set('Cache-Control', 'public, max-age=31536000, immutable');
    });
    if (config.corsAllowedOrigins.length > 0) {
      // A page on another origin loads the custom element as a module script, a CORS request: the
      // origins that may call the API may load the element too.
      const allowed = new Set(config.corsAllowedOrigins);
      const elementScriptCors: MiddlewareHandler<AppEnv> = async (c, next) => {
        await next();
        if (!ELEMENT_SCRIPT_PATH.test(c.req.path)) return;
        const origin = requestHeader(c, 'Origin');
        c.res.headers.append('Vary', 'Origin');
        if (origin !== undefined && allowed.has(origin)) {
          c.res.headers.set('Access-Control-Allow-Origin', origin);
        }
      };
      app.use('/embed/*', elementScriptCors);
    }
    // Built files, in Brotli or gzip when the browser takes it; "/" and index.html go to the page below,
    // which sends them with the Content-Security-Policy.
    const files = serveStatic<AppEnv>({ root, precompressed: true });
    const staticFiles: MiddlewareHandler<AppEnv> = (c, next) => {
      const path = c.req.path;
      if (config.production && DEVELOPMENT_ONLY_FILE.test(path))
        return Promise.resolve(c.notFound());
      return path === '/' || path === '/index.html' ? next() : files(c, next);
    };
    app.use('*', staticFiles);
    app.get('*', (c) => {
      const path = c.req.path;
      if (
        isApiPath(path) ||
        path.startsWith('/oauth/') ||
        path.startsWith('/auth/') ||
        path.startsWith('/assets/')
      ) {
        return c.notFound();
      }
      c.header('Cache-Control', 'no-cache');
      c.header(
        'Content-Security-Policy',
        path.startsWith('/embed/') ? embedPagePolicy : appPagePolicy,
      );
      return c.html(indexHtml);
    });
  }

  app.notFound((c) => {
    if (isApiPath(c.req.path)) {
      return errorDocumentResponse(
        notFound(`There is no ${c.req.path.slice(0, 100)} endpoint.`),
        c.var.responseHeaders,
      );
    }
    return c.text('Not found', 404);
  });
  app.onError((error, c) => {
    const problem = toJsonApiFailure(error, logError);
    if (isApiPath(c.req.path)) return errorDocumentResponse(problem, c.var.responseHeaders);
    return c.text(problem.errors[0]?.detail ?? 'Error', problem.status as ContentfulStatusCode);
  });
  return app;
}
