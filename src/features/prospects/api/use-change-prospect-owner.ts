import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useApiClient } from '@/lib/api-client-context';
import { changeProspectOwner } from './change-prospect-owner';
import { prospectQueries } from './prospect-queries';

/** Reassigns a prospect; the page's profile takes the server's answer, other prospect reads refetch. */
export function useChangeProspectOwner(prospectId: number) {
  const client = useApiClient();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (ownerId: number) => changeProspectOwner(client, prospectId, ownerId),
    onSuccess: async (profile) => {
      queryClient.setQueryData(prospectQueries.profile(client, prospectId).queryKey, profile);
      await queryClient.invalidateQueries({
        queryKey: prospectQueries.all(),
        predicate: (query) => query.queryKey[1] !== 'profile',
      });
    },
  });
}
