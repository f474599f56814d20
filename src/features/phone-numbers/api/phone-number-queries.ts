import { infiniteQueryOptions, keepPreviousData, queryOptions } from '@tanstack/react-query';
import type { ApiClient } from '@/lib/api-client';
import { getNumberHolders } from './get-number-holders';
import { getPhoneNumber } from './get-phone-number';
import { getSharedNumbers } from './get-shared-numbers';
import { getPhoneNumbers, type PhoneNumberListParams } from './get-phone-numbers';

export const phoneNumberQueries = {
  all: () => ['phoneNumbers'] as const,
  lists: () => [...phoneNumberQueries.all(), 'list'] as const,
  list: (client: ApiClient, params: PhoneNumberListParams) =>
    queryOptions({
      queryKey: [...phoneNumberQueries.lists(), params] as const,
      queryFn: ({ signal }) => getPhoneNumbers(client, params, signal),
      // Paging, sorting and filtering keep the last rows (under the loading overlay) instead of an empty grid.
      placeholderData: keepPreviousData,
      // Back from another tab (which may have changed these numbers), the list is fetched again, however
      // fresh it is: two tabs converge as soon as the rep looks.
      refetchOnWindowFocus: 'always',
    }),
  /** Who holds a number, for the Add and Edit dialog: under `all`, so a write marks it stale. */
  holders: (client: ApiClient, e164: string) =>
    queryOptions({
      queryKey: [...phoneNumberQueries.all(), 'holders', e164] as const,
      queryFn: ({ signal }) => getNumberHolders(client, e164, signal),
      // A failed lookup says nothing and blocks nothing: not worth asking again.
      retry: false,
    }),
  /** The numbers several prospects hold, a page after another as the admin asks for more. */
  shared: (client: ApiClient) =>
    infiniteQueryOptions({
      queryKey: [...phoneNumberQueries.all(), 'shared'] as const,
      queryFn: ({ pageParam, signal }) => getSharedNumbers(client, pageParam, signal),
      initialPageParam: undefined as string | undefined,
      getNextPageParam: (page) => page.nextCursor ?? undefined,
    }),
  details: () => [...phoneNumberQueries.all(), 'detail'] as const,
  detail: (client: ApiClient, id: number) =>
    queryOptions({
      queryKey: [...phoneNumberQueries.details(), id] as const,
      queryFn: ({ signal }) => getPhoneNumber(client, id, signal),
    }),
};
