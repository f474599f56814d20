import { infiniteQueryOptions } from '@tanstack/react-query';
import type { ApiClient } from '@/lib/api-client';
import { getProspectHistory } from './get-prospect-history';

export const auditEventQueries = {
  all: () => ['auditEvents'] as const,
  /** A prospect's history, a page at a time, newest first; read anew each time it is shown. */
  prospectHistory: (client: ApiClient, prospectId: number) =>
    infiniteQueryOptions({
      queryKey: [...auditEventQueries.all(), 'prospect', prospectId] as const,
      queryFn: ({ pageParam, signal }) => getProspectHistory(client, prospectId, pageParam, signal),
      initialPageParam: undefined as string | undefined,
      getNextPageParam: (page) => page.after,
      staleTime: 0,
    }),
};
