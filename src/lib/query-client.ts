import { QueryClient } from '@tanstack/react-query';
import { ApiError } from './api-error';

/** One retry, and only for failures that may pass: server errors and a lost connection. */
function shouldRetry(failureCount: number, error: Error): boolean {
  const transient = error instanceof ApiError ? error.status >= 500 : error instanceof TypeError;
  return transient && failureCount < 1;
}

export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: { queries: { retry: shouldRetry, staleTime: 30_000 } },
  });
}
