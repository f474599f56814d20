import { queryOptions } from '@tanstack/react-query';
import type { ApiClient } from '@/lib/api-client';
import { getCurrentUser } from './get-current-user';
import { getUsers } from './get-users';

export const userQueries = {
  all: () => ['users'] as const,
  list: (client: ApiClient) =>
    queryOptions({
      queryKey: [...userQueries.all(), 'list'] as const,
      queryFn: ({ signal }) => getUsers(client, signal),
    }),
  /** Who is signed in, and their role. */
  current: (client: ApiClient) =>
    queryOptions({
      queryKey: [...userQueries.all(), 'current'] as const,
      queryFn: ({ signal }) => getCurrentUser(client, signal),
      staleTime: 60_000,
    }),
};
