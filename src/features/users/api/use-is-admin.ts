import { useQuery } from '@tanstack/react-query';
import { useApiClient } from '@/lib/api-client-context';
import { userQueries } from './user-queries';

/**
 * Whether the signed-in user is an admin, as the API says: false until it has, and where it does not
 * say (Outreach). The server refuses a non-admin's changes anyway; this only hides what they cannot do.
 */
export function useIsAdmin(): boolean {
  const client = useApiClient();
  const current = useQuery(userQueries.current(client));
  return current.data?.role === 'admin';
}
