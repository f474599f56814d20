import type { Context } from 'hono';
import type { AppEnv } from '../http/app-env';
import { requestHeader } from '../http/route-helpers';
import { sessionCookies } from './session-cookies';
import type { SessionStore, StoredSession } from './types';

const lookups = new WeakMap<Request, Promise<StoredSession | undefined>>();

async function firstLiveSession(
  store: SessionStore,
  cookies: readonly { id: string }[],
): Promise<StoredSession | undefined> {
  for (const { id } of cookies) {
    const session = await store.find(id);
    if (session) return session;
  }
  return undefined;
}

/**
 * The live session a request's cookies name (the top-level app's before a frame's), or undefined:
 * looked up once per request however many parts of it ask. What serves a cookie request uses it: the
 * local API in demo mode, the Outreach proxy in outreach mode.
 */
export function sessionFromRequest(c: Context<AppEnv>): Promise<StoredSession | undefined> {
  let lookup = lookups.get(c.req.raw);
  if (!lookup) {
    lookup = firstLiveSession(c.var.sessions, sessionCookies(c));
    lookups.set(c.req.raw, lookup);
  }
  return lookup;
}

/** Whether the request carries a session cookie at all, live or not. */
export const sentSessionCookie = (c: Context<AppEnv>): boolean => sessionCookies(c).length > 0;

/**
 * The CSRF defence of cookie requests (decision 0046): a page on another site cannot send this header
 * without a CORS preflight, which the server never grants for cookies.
 */
export const sentCustomHeader = (c: Context<AppEnv>): boolean =>
  requestHeader(c, 'X-Requested-With') === 'XMLHttpRequest';
