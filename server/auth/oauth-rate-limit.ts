import type { Context } from 'hono';
import { rateLimitHeaders, type RateLimitState } from '../http/rate-limit';
import { setPageHeaders, tooManyAttemptsPage } from './sign-in-page';

export function setRateLimitHeaders(c: Context, state: RateLimitState) {
  for (const [name, value] of Object.entries(rateLimitHeaders(state))) c.header(name, value);
}

export const tooManyDetail = (state: RateLimitState) =>
  `Too many sign-in requests; try again in ${state.retryAfterSeconds} seconds.`;

/**
 * A refused /oauth request: the token and revocation endpoints answer in their JSON format (RFC 6749 has
 * no code for it; temporarily_unavailable is its nearest), the sign-in page with a page.
 */
export function tooManyRequests(c: Context, state: RateLimitState) {
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
