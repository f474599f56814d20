import type { UserUpdateDocument } from '@contract/user-documents';
import type { ApiClient } from '@/lib/api-client';
import { userDocumentSchema, USER_SEARCH_PARAMS, type User } from '../schemas/user';

export type UserChange = UserUpdateDocument['data']['attributes'];

/** Changes a user's role or whether they are locked out (deactivated); admins only. */
export async function updateUser(client: ApiClient, id: number, change: UserChange): Promise<User> {
  const body: UserUpdateDocument = { data: { type: 'user', id, attributes: change } };
  return userDocumentSchema.parse(
    await client.request('PATCH', `users/${id}`, {
      body,
      searchParams: { 'fields[user]': USER_SEARCH_PARAMS['fields[user]'] },
    }),
  );
}
