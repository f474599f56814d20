import { keepPreviousData, queryOptions, skipToken } from '@tanstack/react-query';
import type { ApiClient } from '@/lib/api-client';
import { getProspect } from './get-prospect';
import { getProspectProfile } from './get-prospect-profile';
import { searchProspects } from './search-prospects';

export const prospectQueries = {
  all: () => ['prospects'] as const,
  search: (client: ApiClient, text: string) =>
    queryOptions({
      queryKey: [...prospectQueries.all(), 'search', text] as const,
      queryFn: ({ signal }) => searchProspects(client, text, signal),
      // The options of the last search stay while the next one loads.
      placeholderData: keepPreviousData,
    }),
  /** One prospect; nothing is fetched while `id` is undefined. */
  detail: (client: ApiClient, id: number | undefined) =>
    queryOptions({
      queryKey: [...prospectQueries.all(), 'detail', id] as const,
      queryFn: id === undefined ? skipToken : ({ signal }) => getProspect(client, id, signal),
    }),
  /** What the prospect page shows; apart from `detail`, which the grid needs without the owner. */
  profile: (client: ApiClient, id: number) =>
    queryOptions({
      queryKey: [...prospectQueries.all(), 'profile', id] as const,
      queryFn: ({ signal }) => getProspectProfile(client, id, signal),
    }),
};
