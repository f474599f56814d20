import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useApiClient } from '@/lib/api-client-context';
import type { NewUser } from '../schemas/new-user';
import { addUser } from './add-user';
import { userQueries } from './user-queries';

/** Adds a user: the list shows them at once, then is read again for whatever else changed. */
export function useAddUser() {
  const client = useApiClient();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (user: NewUser) => addUser(client, user),
    onSuccess: (added) => {
      queryClient.setQueryData(userQueries.list(client).queryKey, (users) =>
        users?.some((user) => user.id === added.id) ? users : users && [...users, added],
      );
      void queryClient.invalidateQueries({ queryKey: userQueries.list(client).queryKey });
    },
  });
}
