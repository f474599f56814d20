import { useQuery } from '@tanstack/react-query';
import { userQueries } from '@/features/users/api/user-queries';
import { useApiClient } from '@/lib/api-client-context';

export const VIEWERS_CANNOT_IMPORT = "Viewers can't import phone numbers; an admin or a rep can";

/**
 * Why the signed-in user may not use Import CSV, as the API says who they are: a viewer may not. Every
 * page of the app shell asks who the user is already, so this costs no request. The server refuses a
 * viewer's writes anyway; this says so before a file is chosen.
 */
export function useImportRefusal(): string | undefined {
  const client = useApiClient();
  const current = useQuery(userQueries.current(client));
  return current.data?.role === 'viewer' ? VIEWERS_CANNOT_IMPORT : undefined;
}
