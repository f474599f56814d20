import type { UserCreateDocument } from '@contract/user-documents';
import type { ApiClient } from '@/lib/api-client';
import { userDocumentSchema, USER_SEARCH_PARAMS, type User } from '../schemas/user';
import type { NewUser } from '../schemas/new-user';

/** Adds a user, who can then sign in with that email; admins only. */
export async function addUser(client: ApiClient, user: NewUser): Promise<User> {
  const body: UserCreateDocument = { data: { type: 'user', attributes: user } };
  return userDocumentSchema.parse(
    await client.request('POST', 'users', {
      body,
      searchParams: { 'fields[user]': USER_SEARCH_PARAMS['fields[user]'] },
    }),
  );
}
