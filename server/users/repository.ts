import type { Kysely } from 'kysely';
import type { Database, Role, UserRow } from '../db/schema';
import { engineOf } from '../db/engine';
import { filterConditions, keptRowCount, listCollection } from '../http/collection-query';
import type { CollectionQuery } from '../http/query';

const selectUsers = (db: Kysely<Database>) => db.selectFrom('users as u').selectAll('u');

/** The users a collection query selects, for `listCollection`. */
export function userSource(db: Kysely<Database>, query: CollectionQuery) {
  return {
    name: 'users',
    base: () => selectUsers(db),
    ...filterConditions(query.filters),
    keptCount: query.filters.length === 0 ? () => keptRowCount(db, 'users') : undefined,
  };
}

export function listUsers(db: Kysely<Database>, query: CollectionQuery) {
  return listCollection(db, userSource(db, query), query);
}

export function findUsers(db: Kysely<Database>, ids: readonly number[]): Promise<UserRow[]> {
  if (ids.length === 0) return Promise.resolve([]);
  return selectUsers(db).where('u.id', 'in', ids).orderBy('u.id').execute();
}

/** A user an admin adds, checked; the email lower-cased. */
export interface NewUser {
  email: string;
  firstName: string;
  lastName: string;
  title: string | null;
  role: Role;
}

/**
 * Adds a user, unless a user already has the email in any case: then nothing is inserted and the
 * answer is undefined. The unique index on lower(email) (migration `2026_12_04_users_email_any_case`)
 * refuses the second of two inserts at once, and ON CONFLICT DO NOTHING turns the refusal into no row,
 * without an error that would abort a PostgreSQL transaction. It names no conflict target, so that the
 * older case-sensitive unique email index counts too; the table's other unique columns cannot clash
 * here (the id is the database's, a new user's oidc_subject is null).
 */
export function insertUser(
  db: Kysely<Database>,
  user: NewUser,
  at: string,
): Promise<UserRow | undefined> {
  return db
    .insertInto('users')
    .values({
      email: user.email,
      first_name: user.firstName,
      last_name: user.lastName,
      title: user.title,
      role: user.role,
      created_at: at,
      updated_at: at,
    })
    .onConflict((conflict) => conflict.doNothing())
    .returningAll()
    .executeTakeFirst();
}

/** What an admin changes about a user; `deactivated_at` null reactivates them. */
export interface UserChanges {
  role?: Role;
  deactivated_at?: string | null;
}

/**
 * On PostgreSQL, locks the user an admin is about to change, with every active admin's row, in the order
 * of their ids: another change to them waits until this one commits, so that the user this transaction
 * reads next is the one its change replaces (the audit event's "before"), and two changes never lock each
 * other's rows in turn. SQLite runs one writing transaction at a time already.
 */
export async function lockForChange(db: Kysely<Database>, id: number): Promise<void> {
  if (engineOf(db) !== 'postgres') return;
  await db
    .selectFrom('users')
    .select('id')
    .where((eb) =>
      eb.or([
        eb('id', '=', id),
        eb.and([eb('role', '=', 'admin'), eb('deactivated_at', 'is', null)]),
      ]),
    )
    .orderBy('id')
    .forUpdate()
    .execute();
}

/**
 * Changes a user in one conditional statement, unless the change would leave no active admin: then
 * nothing changes and the answer is false. The check and the write are one statement, so two admins
 * demoting each other at once cannot both succeed (decision 0051). On PostgreSQL, whose statements
 * under READ COMMITTED do not see each other's uncommitted rows, the active admins' rows are locked
 * first, so that the second statement runs after the first has committed and sees its change.
 */
export async function changeUser(
  db: Kysely<Database>,
  existing: UserRow,
  changes: UserChanges,
  at: string,
): Promise<boolean> {
  const role = changes.role ?? existing.role;
  const deactivatedAt =
    changes.deactivated_at === undefined ? existing.deactivated_at : changes.deactivated_at;
  const staysActiveAdmin = role === 'admin' && deactivatedAt === null;
  if (!staysActiveAdmin && engineOf(db) === 'postgres') {
    await db
      .selectFrom('users')
      .select('id')
      .where('role', '=', 'admin')
      .where('deactivated_at', 'is', null)
      .forUpdate()
      .execute();
  }
  const result = await db
    .updateTable('users')
    .set({ ...changes, updated_at: at })
    .where('id', '=', existing.id)
    .$if(!staysActiveAdmin, (update) =>
      update.where((eb) =>
        eb.exists(
          eb
            .selectFrom('users as other')
            .select('other.id')
            .where('other.role', '=', 'admin')
            .where('other.deactivated_at', 'is', null)
            .where('other.id', '!=', existing.id),
        ),
      ),
    )
    .executeTakeFirst();
  return result.numUpdatedRows !== 0n;
}

/**
 * Ends everything a user is signed in with: their app sessions (demo and oidc, whose subject is the
 * user's id), a frame's sign-in not yet handed over, and their OAuth tokens, access and refresh. Run in
 * the transaction that deactivates them.
 */
export async function endSignInsOf(db: Kysely<Database>, userId: number, at: string) {
  for (const table of ['sessions', 'sign_in_handoffs'] as const) {
    await db
      .deleteFrom(table)
      .where('mode', 'in', ['demo', 'oidc'])
      .where('subject', '=', String(userId))
      .execute();
  }
  await db
    .updateTable('oauth_tokens')
    .set({ revoked_at: at })
    .where('user_id', '=', userId)
    .where('revoked_at', 'is', null)
    .execute();
}
