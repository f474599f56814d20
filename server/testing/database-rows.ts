import type { Kysely } from 'kysely';
import type { Database, Role, UserRow } from '../db/schema';
import { findUsers } from '../users/repository';

const AT = '2026-12-04T12:00:00.000Z';

/** Users written straight to a database, each email `first.last@example.com` in lower case. */
export async function insertUsers(
  db: Kysely<Database>,
  people: readonly { firstName: string; lastName: string; role: Role; email?: string }[],
): Promise<UserRow[]> {
  const inserted = await db
    .insertInto('users')
    .values(
      people.map(({ firstName, lastName, role, email }) => ({
        first_name: firstName,
        last_name: lastName,
        email: email ?? `${firstName}.${lastName}@example.com`.toLowerCase(),
        title: null,
        role,
        created_at: AT,
        updated_at: AT,
      })),
    )
    .returning('id')
    .execute();
  return findUsers(
    db,
    inserted.map(({ id }) => id),
  );
}
