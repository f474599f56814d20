import { QueryClient } from '@tanstack/react-query';
import { ApiError } from './api-error';
import { MAX_RATE_LIMIT_RETRIES, rateLimitWaitMs } from './rate-limit';

/**
 * Reads: a 429 is waited out as long as the server asks (see rate-limit.ts); otherwise one retry, and only
 * for failures that may pass: server errors and a lost connection.
 */
function shouldRetryRead(failureCount: number, error: Error): boolean {
  if (rateLimitWaitMs(error) !== undefined) return failureCount < MAX_RATE_LIMIT_RETRIES;
  const transient = error instanceof ApiError ? error.status >= 500 : error instanceof TypeError;
  return transient && failureCount < 1;
}

/** Writes: only a 429, which the server did not act on; anything else may have been applied. */
function shouldRetryWrite(failureCount: number, error: Error): boolean {
  return rateLimitWaitMs(error) !== undefined && failureCount < MAX_RATE_LIMIT_RETRIES;
}

/** The wait the server asked for; else TanStack Query's own backoff. */
function retryDelay(failureCount: number, error: Error): number {
  return rateLimitWaitMs(error) ?? Math.min(1000 * 2 ** failureCount, 30_000);
}

/** The app's retry policy; tests that exercise it build their QueryClient with these options. */
export const QUERY_CLIENT_DEFAULTS = {
  queries: { retry: shouldRetryRead, retryDelay, staleTime: 30_000 },
  mutations: { retry: shouldRetryWrite, retryDelay },
} as const;

export function createQueryClient(): QueryClient {
  return new QueryClient({ defaultOptions: QUERY_CLIENT_DEFAULTS });
}
