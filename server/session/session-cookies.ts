import type { Context } from 'hono';
import { setCookie } from 'hono/cookie';
import { parse, type CookieOptions } from 'hono/utils/cookie';
import { isSecureContextOrigin } from '../config';
import type { AppEnv } from '../http/app-env';
import { requestHeader } from '../http/route-helpers';
import { SESSION_ABSOLUTE_MS } from './session-store';
import { SIGN_IN_ATTEMPT_MS } from './sign-in-store';
import type { SessionKind } from './types';

/**
 * The cookies of decision 0046. On an origin where browsers keep `Secure` cookies (HTTPS, or HTTP on
 * localhost) they carry the `__Host-` prefix: Secure, Path=/, no Domain, so no other host can set or
 * shadow them. On plain HTTP elsewhere (the demo on a LAN address) browsers drop Secure cookies, so the
 * same names go without prefix and without Secure; main.ts warns of it at start.
 */

const NAMES = { top: 'pna-session', frame: 'pna-frame', signIn: 'pna-sign-in' } as const;

type CookieRole = keyof typeof NAMES;

const ATTRIBUTES: Record<CookieRole, CookieOptions> = {
  // Lax: the callback is a top-level navigation from the provider's site, which Strict would send bare.
  top: { httpOnly: true, sameSite: 'Lax', maxAge: SESSION_ABSOLUTE_MS / 1000 },
  // A frame inside another site's page: sent there only as None, and kept with third-party cookies
  // blocked only when partitioned by that site (CHIPS).
  frame: {
    httpOnly: true,
    secure: true,
    sameSite: 'None',
    partitioned: true,
    maxAge: SESSION_ABSOLUTE_MS / 1000,
  },
  signIn: { httpOnly: true, sameSite: 'Lax', maxAge: SIGN_IN_ATTEMPT_MS / 1000 },
};

/** Without Secure, SameSite=None is refused and Partitioned meaningless: a framed page on the same site only. */
const INSECURE_FRAME: CookieOptions = {
  httpOnly: true,
  sameSite: 'Lax',
  maxAge: SESSION_ABSOLUTE_MS / 1000,
};

const securedFor = (c: Context<AppEnv>) => isSecureContextOrigin(c.var.publicOrigin);

/** The name a cookie has on this request's origin: `__Host-pna-session`, or `pna-session` on plain HTTP. */
const nameFor = (c: Context<AppEnv>, role: CookieRole) =>
  securedFor(c) ? `__Host-${NAMES[role]}` : NAMES[role];

/** A cookie's value, read from Node's request headers as requestHeader does (cheaper than Hono's). */
export function readCookie(c: Context<AppEnv>, role: CookieRole): string | undefined {
  const header = requestHeader(c, 'Cookie');
  if (!header) return undefined;
  const name = nameFor(c, role);
  return parse(header, name)[name];
}

function attributes(c: Context<AppEnv>, role: CookieRole): CookieOptions {
  if (securedFor(c)) return { ...ATTRIBUTES[role], prefix: 'host' };
  return role === 'frame' ? INSECURE_FRAME : ATTRIBUTES[role];
}

export function writeCookie(c: Context<AppEnv>, role: CookieRole, value: string): void {
  setCookie(c, NAMES[role], value, attributes(c, role));
}

export function clearCookie(c: Context<AppEnv>, role: CookieRole): void {
  setCookie(c, NAMES[role], '', { ...attributes(c, role), maxAge: 0 });
}

/** The session cookies a request carries, the top-level app's first. */
export function sessionCookies(c: Context<AppEnv>): { kind: SessionKind; id: string }[] {
  const found: { kind: SessionKind; id: string }[] = [];
  for (const kind of ['top', 'frame'] as const) {
    const id = readCookie(c, kind);
    if (id) found.push({ kind, id });
  }
  return found;
}
