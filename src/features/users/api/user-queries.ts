import { queryOptions, skipToken } from '@tanstack/react-query';
import type { ApiClient } from '@/lib/api-client';
import { getCurrentUser } from './get-current-user';
import { getUser } from './get-user';
import { getUsers } from './get-users';

export const userQueries = {
  all: () => ['users'] as const,
  list: (client: ApiClient) =>
    queryOptions({
      queryKey: [...userQueries.all(), 'list'] as const,
      queryFn: ({ signal }) => getUsers(client, signal),
    }),
  /** One user's name; nothing is asked while there is no id. */
  detail: (client: ApiClient, id: number | undefined) =>
    queryOptions({
      queryKey: [...userQueries.all(), 'detail', id] as const,
      queryFn: id === undefined ? skipToken : ({ signal }) => getUser(client, id, signal),
      staleTime: 60_000,
    }),
  /** Who is signed in, and their role. */
  current: (client: ApiClient) =>
    queryOptions({
      queryKey: [...userQueries.all(), 'current'] as const,
      queryFn: ({ signal }) => getCurrentUser(client, signal),
      staleTime: 60_000,
    }),
};
