const ANY_ORIGIN = 'http://return-path.invalid';

/**
 * Where a sign-in may send the browser back to: a path on this origin (`/…`), never `//host`, a
 * backslash (which browsers read as a slash), a scheme, or the sign-in routes themselves; anything else
 * becomes `/`. No open redirect can pass through it.
 */
export function safeReturnPath(raw: string | undefined): string {
  if (raw === undefined || raw.length > 2000) return '/';
  if (!raw.startsWith('/') || raw.startsWith('//') || /[\\\p{Cc}]/u.test(raw)) {
    return '/';
  }
  const url = new URL(raw, ANY_ORIGIN);
  if (url.origin !== ANY_ORIGIN || url.pathname.startsWith('/auth/')) return '/';
  return `${url.pathname}${url.search}${url.hash}`;
}
