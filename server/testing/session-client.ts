/**
 * A browser's side of the cookie sign-in (decision 0046) against a server, over HTTP: a cookie jar
 * that keeps what Set-Cookie says, and the demo sign-in from /auth/login to the callback.
 */

export interface CookieJar {
  /** The Cookie header the jar sends. */
  header: () => string;
  get: (name: string) => string | undefined;
  set: (name: string, value: string) => void;
  /** Keeps the cookies a response sets, forgets those it clears. */
  take: (response: Response) => void;
}

export function cookieJar(): CookieJar {
  const cookies = new Map<string, string>();
  return {
    header: () => [...cookies].map(([name, value]) => `${name}=${value}`).join('; '),
    get: (name) => cookies.get(name),
    set: (name, value) => {
      cookies.set(name, value);
    },
    take: (response) => {
      for (const line of response.headers.getSetCookie()) {
        const [pair = ''] = line.split(';');
        const separator = pair.indexOf('=');
        const name = pair.slice(0, separator);
        if (/;\s*Max-Age=0(?:;|$)/i.test(line)) cookies.delete(name);
        else cookies.set(name, pair.slice(separator + 1));
      }
    },
  };
}

/** A request as the browser sends it: the jar's cookies, no redirects followed; the jar keeps the answer's. */
export async function browse(
  jar: CookieJar,
  url: string,
  init: { method?: string; headers?: Record<string, string>; body?: RequestInit['body'] } = {},
): Promise<Response> {
  const headers: Record<string, string> = { ...init.headers };
  const cookie = jar.header();
  if (cookie !== '') headers.Cookie = cookie;
  const response = await fetch(url, { ...init, headers, redirect: 'manual' });
  jar.take(response);
  return response;
}

const location = (response: Response) => {
  const value = response.headers.get('Location');
  if (value === null) throw new Error(`Expected a redirect, got ${response.status}`);
  return value;
};

/**
 * Signs in through /auth/login, the demo page's "Continue as" for `userId`, and back to the callback;
 * returns the callback's response. `returnTo` and `popup` go to /auth/login as given.
 */
export async function demoSignIn(
  origin: string,
  jar: CookieJar,
  userId: number,
  query: Record<string, string> = {},
): Promise<Response> {
  const login = await browse(jar, `${origin}/auth/login?${new URLSearchParams(query).toString()}`);
  if (login.status !== 302) throw new Error(`/auth/login answered ${login.status}`);
  const authorize = new URL(location(login));
  const form = new URLSearchParams(authorize.searchParams);
  form.set('user_id', String(userId));
  const chosen = await browse(jar, `${authorize.origin}${authorize.pathname}`, {
    method: 'POST',
    body: form,
    headers: { Origin: authorize.origin },
  });
  if (chosen.status !== 303) throw new Error(`/oauth/authorize answered ${chosen.status}`);
  return browse(jar, location(chosen));
}
