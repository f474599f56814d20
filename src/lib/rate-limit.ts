import { ApiError } from './api-error';

/**
 * The longest wait the app sits out on its own after a 429. A server asking for more (an hourly quota
 * spent) gets no silent spinner: the failure is shown, with the wait, and the user retries.
 */
export const MAX_AUTOMATIC_WAIT_MS = 60_000;
/** The wait when a 429 does not say how long (no or unreadable `Retry-After`). */
export const DEFAULT_RATE_LIMIT_WAIT_MS = 5_000;
/** How many 429s in a row a request sits out before the failure is shown. */
export const MAX_RATE_LIMIT_RETRIES = 5;

/** How long to wait before sending again after `error`, if it is a 429 the app waits out itself. */
export function rateLimitWaitMs(error: unknown): number | undefined {
  if (!(error instanceof ApiError) || error.status !== 429) return undefined;
  const wait = error.retryAfterMs ?? DEFAULT_RATE_LIMIT_WAIT_MS;
  return wait <= MAX_AUTOMATIC_WAIT_MS ? wait : undefined;
}

/** When the request refused with `error` goes again (`Date.now()` time), if the app waits it out. */
export function rateLimitRetryAt(error: unknown): number | undefined {
  const wait = rateLimitWaitMs(error);
  return wait === undefined || !(error instanceof ApiError) ? undefined : error.receivedAt + wait;
}

/**
 * "Too many requests. The server asks to wait 59 minutes; try again then.", for a 429 that says how long;
 * undefined for any other error, whose own message says more.
 */
export function describeRateLimit(error: ApiError): string | undefined {
  const wait = error.retryAfterMs;
  if (error.status !== 429 || wait === undefined) return undefined;
  const minutes = Math.ceil(wait / 60_000);
  const span =
    wait < 60_000 ? `${Math.ceil(wait / 1000)} s` : `${minutes} minute${minutes === 1 ? '' : 's'}`;
  return `Too many requests. The server asks to wait ${span}; try again then.`;
}
