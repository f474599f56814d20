import { sql, type Kysely } from 'kysely';
import { describe, expect, it } from 'vitest';
import { useTemporaryDatabases } from '../testing/temporary-database';
import { migrateToLatest } from './migrations';
import type { Database } from './schema';

const MIGRATION = '2026_12_04_users_email_any_case';

/**
 * The database as it was before the migration: no index on lower(email), and neither it nor the one
 * after it (2026_12_05_phone_numbers_digits_reversed, 2026_12_06_…_updated and
 * 2026_12_07_phone_numbers_country, undone too) run, since
 * migrations run in order.
 */
async function beforeTheMigration(db: Kysely<Database>) {
  await db.schema.dropIndex('phone_numbers_country').execute();
  await db.schema.dropIndex('phone_numbers_digits_reversed_updated').execute();
  await db.schema.dropIndex('phone_numbers_number_updated').execute();
  await db.schema.alterTable('phone_numbers').dropColumn('number_digits_reversed').execute();
  await db.schema.dropIndex('users_email_any_case').execute();
  await sql`delete from kysely_migration where name >= ${MIGRATION}`.execute(db);
}

const addUser = (db: Kysely<Database>, email: string) =>
  db
    .insertInto('users')
    .values({
      email,
      first_name: 'Pat',
      last_name: 'Twice',
      title: null,
      role: 'rep',
      created_at: '2026-12-04T00:00:00.000Z',
      updated_at: '2026-12-04T00:00:00.000Z',
    })
    .returning('id')
    .executeTakeFirstOrThrow();

/** Starts the database again: the migrations not run yet run, as `openDatabase` runs them. */
const migrate = (db: Kysely<Database>) => migrateToLatest(db as Kysely<unknown>);

const migrationRun = async (db: Kysely<Database>) =>
  (
    await sql<{
      name: string;
    }>`select name from kysely_migration where name = ${MIGRATION}`.execute(db)
  ).rows.length === 1;

describe(`migration ${MIGRATION}`, () => {
  const openDatabase = useTemporaryDatabases();

  it('stops, naming the users, when two emails differ only in case, and changes nothing', async () => {
    const db = await openDatabase();
    await beforeTheMigration(db);
    const first = await addUser(db, 'pat@example.com');
    const second = await addUser(db, 'Pat@Example.com');

    await expect(migrate(db)).rejects.toThrow(
      `Database migration ${MIGRATION} failed: Users share an email address in different case: pat@example.com (users ${first.id}, ${second.id}). Give each of them an address of their own, or delete the extra users, then start again (this migration changed nothing).`,
    );
    expect(await migrationRun(db)).toBe(false);
    // No index refuses a third spelling: the migration made none.
    await addUser(db, 'PAT@example.com');
  });

  it('once the duplicates are gone, makes an email one user’s in any case', async () => {
    const db = await openDatabase();
    await beforeTheMigration(db);
    const first = await addUser(db, 'pat@example.com');
    await addUser(db, 'Pat@Example.com');
    await expect(migrate(db)).rejects.toThrow(/Users share an email address/);

    await db.deleteFrom('users').where('id', '!=', first.id).execute();
    await migrate(db);
    expect(await migrationRun(db)).toBe(true);
    await expect(addUser(db, 'PAT@example.com')).rejects.toThrow(/unique/i);
  });
});
