import { queryOptions } from '@tanstack/react-query';
import type { ApiClient } from '@/lib/api-client';
import { currentUserDocumentSchema } from '../schemas/current-user';

export const currentUserQuery = (client: ApiClient) =>
  queryOptions({
    queryKey: ['current-user'],
    queryFn: async ({ signal }) =>
      currentUserDocumentSchema.parse(await client.get('', { signal })),
    staleTime: Infinity,
  });
