import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useApiClient } from '@/lib/api-client-context';
import type { User } from '../schemas/user';
import { updateUser, type UserChange } from './update-user';
import { userQueries } from './user-queries';

export interface UserUpdate {
  user: User;
  change: UserChange;
}

/**
 * Sends an admin's change to a user. Not optimistic: the table shows what the server holds, and, while
 * the change is on its way or after it failed, the choice itself beside it (decision 0051).
 */
export function useUpdateUser() {
  const client = useApiClient();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ user, change }: UserUpdate) => updateUser(client, user.id, change),
    onSuccess: (updated) => {
      queryClient.setQueryData(userQueries.list(client).queryKey, (users) =>
        users?.map((user) => (user.id === updated.id ? updated : user)),
      );
    },
    // Whoever else changed meanwhile, and the signed-in admin's own role, are read again.
    onSettled: () => queryClient.invalidateQueries({ queryKey: userQueries.all() }),
  });
}
