import type { MiddlewareHandler } from 'hono';
import type { AppEnv } from './app-env';
import { requestHeader } from './route-helpers';

/** What a page on an allowed origin may send, and which response headers its script may read. */
const PREFLIGHT_HEADERS = {
  'Access-Control-Allow-Methods': 'GET, POST, PATCH, DELETE',
  'Access-Control-Allow-Headers': 'Authorization, Content-Type, If-Match',
  'Access-Control-Max-Age': '600',
};
const EXPOSE_HEADERS =
  'ETag, Location, Retry-After, X-RateLimit-Limit, X-RateLimit-Remaining, X-RateLimit-Reset';

/**
 * Cross-origin access to the API for the listed origins only. Tokens travel in the Authorization header,
 * never in cookies, so credentials are not allowed. A preflight is answered here, before authentication,
 * because it never carries a token; from an origin not on the list it gets no CORS headers, and the
 * browser keeps the page from sending the request.
 */
export function cors(allowedOrigins: readonly string[]): MiddlewareHandler<AppEnv> {
  const allowed = new Set(allowedOrigins);
  return async (c, next) => {
    const origin = requestHeader(c, 'Origin');
    const headers = c.var.responseHeaders;
    // The answer depends on Origin, so a cache must not hand one origin's answer to another.
    headers.Vary = 'Origin';
    const permitted = origin !== undefined && allowed.has(origin);
    if (permitted) {
      headers['Access-Control-Allow-Origin'] = origin;
      headers['Access-Control-Expose-Headers'] = EXPOSE_HEADERS;
    }
    const preflight =
      c.req.method === 'OPTIONS' && requestHeader(c, 'Access-Control-Request-Method') !== undefined;
    if (preflight) {
      return new Response(null, {
        status: 204,
        headers: permitted ? { ...headers, ...PREFLIGHT_HEADERS } : headers,
      });
    }
    await next();
  };
}
