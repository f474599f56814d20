import type { ApiClient } from '@/lib/api-client';
import { currentUserDocumentSchema, type User } from '../schemas/user';

/** The API root, which names the user the request acts for. */
export const CURRENT_USER_PATH = '';

/** Who the session acts for, with their role where the API tells it (ours does, Outreach does not). */
export async function getCurrentUser(client: ApiClient, signal: AbortSignal): Promise<User> {
  return currentUserDocumentSchema.parse(await client.get(CURRENT_USER_PATH, { signal }));
}
