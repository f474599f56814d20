import type { QueryClient } from '@tanstack/react-query';
import { phoneNumberListParams } from '@/features/phone-numbers/api/get-phone-numbers';
import { phoneNumberQueries } from '@/features/phone-numbers/api/phone-number-queries';
import type { PhoneNumberListState } from '@/features/phone-numbers/schemas/phone-number-list-state';
import { prospectQueries } from '@/features/prospects/api/prospect-queries';
import { userQueries } from '@/features/users/api/user-queries';
import type { ApiClient } from '@/lib/api-client';
import type { FirstScreen } from './first-screen';

/**
 * Puts the first screen's data in the cache: the answers to the requests the entry module sent
 * (first-screen-requests.ts), read by the app's own queries. Resolves once they are all in, failed or
 * not; a query that failed is asked again when its component mounts.
 */
export async function prefetchFirstScreen(
  screen: FirstScreen,
  queryClient: QueryClient,
  client: ApiClient,
): Promise<void> {
  if (screen.page === 'extension') return;
  const prefetches: Promise<unknown>[] = [];
  // A failure is the component's to show and retry once it mounts; here it only ends the wait.
  const settle = (query: Promise<unknown>) => prefetches.push(query.catch(() => undefined));
  const prefetchList = (list: PhoneNumberListState) => {
    settle(queryClient.query(phoneNumberQueries.list(client, phoneNumberListParams(list))));
    if (list.prospect !== undefined) {
      settle(queryClient.query(prospectQueries.detail(client, list.prospect)));
    }
  };
  settle(queryClient.query(userQueries.current(client)));
  if (screen.page === 'prospect') {
    settle(queryClient.query(prospectQueries.profile(client, screen.prospectId)));
  }
  if (screen.page !== 'other') prefetchList(screen.list);
  await Promise.all(prefetches);
}
