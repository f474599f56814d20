import type { ApiClient } from '@/lib/api-client';
import { USER_SEARCH_PARAMS, userCollectionSchema, type User } from '../schemas/user';

/** Every user, following the API's links page after page (a team has few). */
export async function getUsers(client: ApiClient, signal: AbortSignal): Promise<User[]> {
  const users: User[] = [];
  let page = userCollectionSchema.parse(
    await client.get('users', { searchParams: USER_SEARCH_PARAMS, signal }),
  );
  users.push(...page.data);
  while (page.links?.next !== undefined) {
    page = userCollectionSchema.parse(await client.get(page.links.next, { signal }));
    users.push(...page.data);
  }
  return users;
}
