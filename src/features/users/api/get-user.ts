import type { ApiClient } from '@/lib/api-client';
import { userDocumentSchema, type User } from '../schemas/user';

/** One user, by id: their name, for views that speak of them. */
export async function getUser(client: ApiClient, id: number, signal: AbortSignal): Promise<User> {
  return userDocumentSchema.parse(
    await client.get(`users/${id}`, { searchParams: { 'fields[user]': 'name' }, signal }),
  );
}
