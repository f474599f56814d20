import { infiniteQueryOptions } from '@tanstack/react-query';
import type { ApiClient } from '@/lib/api-client';
import { getProspects } from './get-prospects';

export const prospectQueries = {
  all: () => ['prospects'] as const,
  list: (client: ApiClient) =>
    infiniteQueryOptions({
      queryKey: [...prospectQueries.all(), 'list'],
      queryFn: ({ pageParam, signal }) => getProspects(client, pageParam, signal),
      initialPageParam: undefined as string | undefined,
      getNextPageParam: (lastPage) => lastPage.nextLink,
    }),
};
