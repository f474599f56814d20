import { Hono, type Context, type MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { z } from 'zod';
import { tooManyDetail } from '../auth/oauth-rate-limit';
import { randomToken } from '../auth/tokens';
import type { AppEnv } from '../http/app-env';
import { postedFromThisOrigin } from '../http/form-origin';
import type { RateLimiter } from '../http/rate-limit';
import { clientAddress } from '../http/route-helpers';
import { handoffPage, noAccessPage, signInProblemPage } from './pages';
import { safeReturnPath } from './return-path';
import { clearCookie, readCookie, sessionCookies, writeCookie } from './session-cookies';
import { sentCustomHeader, sessionFromRequest } from './session-from-request';
import {
  NoAccess,
  SignInFailure,
  SignInUnavailable,
  type SessionKind,
  type SessionStore,
  type SignedInIdentity,
  type SignInProvider,
  type SignInStore,
  type StoredSession,
} from './types';

interface SessionRoutesOptions {
  sessions: SessionStore;
  signIns: SignInStore;
  provider: SignInProvider;
  /** Counts sign-in requests per client address (the /oauth limiter: sign-ins are sign-ins). */
  limiter: RateLimiter;
  trustedProxies: number;
  /** Whether a session's user may still use the product (not deleted or deactivated since sign-in). */
  stillAllowed: (session: StoredSession) => Promise<boolean>;
  /**
   * Where a failed upstream revocation goes (sign-out goes on regardless), and why a provider could
   * not be used (the page names the setting; the log keeps the cause).
   */
  logError: (error: unknown) => void;
}

/** A random value as the server makes them (32 bytes, base64url): what a sign-in cookie must look like. */
const RANDOM_VALUE = /^[A-Za-z0-9_-]{43}$/;

const handoffBody = z.object({ code: z.string().max(100) });

const callbackUri = (c: Context<AppEnv>) => `${c.var.publicOrigin}/auth/callback`;

/** The body of GET /auth/session and POST /auth/handoff. */
const sessionDocument = (session: StoredSession) => ({
  data: { mode: session.mode, user: { id: session.subject, name: session.displayName } },
});

function jsonError(
  c: Context<AppEnv>,
  status: 400 | 401 | 403 | 429,
  id: string,
  title: string,
  detail: string,
) {
  c.header('Cache-Control', 'no-store');
  return c.json({ errors: [{ id, title, detail, status: String(status) }] }, status);
}

/**
 * The browser app's sign-in and session (decision 0046): /auth/login starts a sign-in with the mode's
 * provider, /auth/callback ends it with a session cookie (or, for a frame's popup, a single-use code
 * the frame exchanges at /auth/handoff), /auth/session says who is signed in, /auth/logout ends it.
 */
export function sessionRoutes(options: SessionRoutesOptions): Hono<AppEnv> {
  const { sessions, signIns, provider, limiter, trustedProxies, stillAllowed, logError } = options;
  const app = new Hono<AppEnv>();

  const limitSignIns: MiddlewareHandler<AppEnv> = async (c, next) => {
    const state = await limiter.hit(`ip:${clientAddress(c, trustedProxies)}`);
    if (!state.allowed) {
      c.header('Retry-After', String(state.retryAfterSeconds));
      return c.req.method === 'GET'
        ? signInProblemPage(c, tooManyDetail(state), 429)
        : jsonError(c, 429, 'rateLimitExceeded', 'Rate Limit Exceeded', tooManyDetail(state));
    }
    await next();
  };

  /** Ends the sessions of these kinds the request's cookies name: a new sign-in gets a new id. */
  async function endSessions(c: Context<AppEnv>, kinds: readonly SessionKind[]) {
    for (const { kind, id } of sessionCookies(c)) {
      if (!kinds.includes(kind)) continue;
      const session = await sessions.find(id);
      if (!session) continue;
      await sessions.delete(session.idHash);
      if (session.tokens && provider.revoke) {
        await provider.revoke(session.tokens).catch(logError);
      }
    }
  }

  app.get('/login', limitSignIns, async (c) => {
    const state = randomToken();
    const codeVerifier = randomToken();
    const nonce = randomToken();
    let authorizationUrl: URL;
    try {
      authorizationUrl = await provider.authorizationUrl({
        state,
        redirectUri: callbackUri(c),
        codeVerifier,
        nonce,
      });
    } catch (failure) {
      if (!(failure instanceof SignInUnavailable)) throw failure;
      logError(failure);
      return signInProblemPage(c, failure.message, failure.status);
    }
    // One browser, one binding: sign-ins started in two tabs both come back to it.
    const existing = readCookie(c, 'signIn');
    const browser = existing && RANDOM_VALUE.test(existing) ? existing : randomToken();
    await signIns.startAttempt(state, browser, {
      codeVerifier,
      nonce,
      returnTo: safeReturnPath(c.req.query('returnTo')),
      popup: c.req.query('popup') === '1',
    });
    writeCookie(c, 'signIn', browser);
    c.header('Cache-Control', 'no-store');
    return c.redirect(authorizationUrl.href, 302);
  });

  app.get('/callback', limitSignIns, async (c) => {
    const { code, state, error } = c.req.query();
    const browser = readCookie(c, 'signIn');
    if (error !== undefined) {
      if (state && browser) await signIns.takeAttempt(state, browser);
      return signInProblemPage(
        c,
        error === 'access_denied'
          ? 'Sign-in was cancelled, so you are not signed in.'
          : `The sign-in service did not sign you in (it answered ${error.slice(0, 100)}).`,
      );
    }
    if (!state) {
      return signInProblemPage(
        c,
        'This sign-in link has no state, so it cannot be matched to a sign-in this server started.',
      );
    }
    if (!browser) {
      return signInProblemPage(
        c,
        'This browser has no sign-in under way: its sign-in cookie is missing or has expired. Sign in again from the app.',
      );
    }
    const attempt = await signIns.takeAttempt(state, browser);
    if (!attempt) {
      return signInProblemPage(
        c,
        'This sign-in has expired, was already used, or was started in another browser. Sign in again from the app.',
      );
    }
    if (!code) return signInProblemPage(c, 'The sign-in service sent no authorization code.');
    let identity: SignedInIdentity;
    try {
      const callbackUrl = new URL(callbackUri(c));
      callbackUrl.search = new URL(c.req.url).search;
      identity = await provider.redeem({
        code,
        redirectUri: callbackUri(c),
        codeVerifier: attempt.codeVerifier,
        state,
        nonce: attempt.nonce,
        callbackUrl,
      });
    } catch (failure) {
      if (failure instanceof NoAccess) return noAccessPage(c, failure.heading, failure.message);
      if (failure instanceof SignInUnavailable) {
        logError(failure);
        return signInProblemPage(c, failure.message, failure.status);
      }
      if (!(failure instanceof SignInFailure)) throw failure;
      return signInProblemPage(c, `Sign-in could not be completed: ${failure.message}`);
    }
    c.header('Cache-Control', 'no-store');
    if (attempt.popup) return handoffPage(c, await signIns.createHandoff(identity, provider.mode));
    await endSessions(c, ['top']);
    const { id } = await sessions.create(identity, { mode: provider.mode, kind: 'top' });
    writeCookie(c, 'top', id);
    return c.redirect(`${c.var.publicOrigin}${attempt.returnTo}`, 303);
  });

  app.post('/handoff', limitSignIns, bodyLimit({ maxSize: 4096 }), async (c) => {
    if (!sentCustomHeader(c)) {
      return jsonError(
        c,
        403,
        'customHeaderRequired',
        'Custom Header Required',
        'Send X-Requested-With: XMLHttpRequest with this request.',
      );
    }
    const body = handoffBody.safeParse(await c.req.json().catch(() => undefined));
    const handoff = body.success ? await signIns.takeHandoff(body.data.code) : undefined;
    if (!handoff) {
      return jsonError(
        c,
        400,
        'invalidHandoff',
        'Invalid Hand-off',
        'The sign-in code is not valid, has expired or was already used; sign in again.',
      );
    }
    await endSessions(c, ['frame']);
    const { id, session } = await sessions.create(handoff.identity, {
      mode: handoff.mode,
      kind: 'frame',
    });
    writeCookie(c, 'frame', id);
    c.header('Cache-Control', 'no-store');
    return c.json(sessionDocument(session));
  });

  app.get('/session', async (c) => {
    const session = await sessionFromRequest(c);
    if (!session || !(await stillAllowed(session))) {
      return jsonError(c, 401, 'unauthorized', 'Unauthorized', 'No one is signed in.');
    }
    c.header('Cache-Control', 'no-store');
    return c.json(sessionDocument(session));
  });

  app.post('/logout', async (c) => {
    const fetched = sentCustomHeader(c);
    if (!fetched && !(await postedFromThisOrigin(c))) {
      return signInProblemPage(
        c,
        'This sign-out did not come from Phone Numbers Admin, so it was refused.',
        403,
      );
    }
    await endSessions(c, ['top', 'frame']);
    clearCookie(c, 'top');
    clearCookie(c, 'frame');
    c.header('Cache-Control', 'no-store');
    return fetched ? c.body(null, 204) : c.redirect(`${c.var.publicOrigin}/`, 303);
  });

  return app;
}
