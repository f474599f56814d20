import { useCallback, useSyncExternalStore } from 'react';
import { useQueryClient, type QueryClient } from '@tanstack/react-query';
import { rateLimitRetryAt } from './rate-limit';

/** The latest moment a request of this client waits for after a 429 (Date.now() time), if any waits. */
function latestRetryAt(queryClient: QueryClient): number | undefined {
  let latest: number | undefined;
  const consider = (at: number | undefined) => {
    if (at !== undefined && (latest === undefined || at > latest)) latest = at;
  };
  for (const query of queryClient.getQueryCache().getAll()) {
    if (query.state.fetchStatus !== 'idle')
      consider(rateLimitRetryAt(query.state.fetchFailureReason));
  }
  for (const mutation of queryClient.getMutationCache().getAll()) {
    if (mutation.state.status === 'pending')
      consider(rateLimitRetryAt(mutation.state.failureReason));
  }
  return latest;
}

/**
 * When the reads and writes that met a 429 will be sent again, while any of them waits; undefined
 * otherwise. Reads and writes alike retry on their own (see query-client.ts); this says for how long.
 */
export function useRateLimitWait(): number | undefined {
  const queryClient = useQueryClient();
  const subscribe = useCallback(
    (listener: () => void) => {
      const fromQueries = queryClient.getQueryCache().subscribe(listener);
      const fromMutations = queryClient.getMutationCache().subscribe(listener);
      return () => {
        fromQueries();
        fromMutations();
      };
    },
    [queryClient],
  );
  return useSyncExternalStore(subscribe, () => latestRetryAt(queryClient));
}
