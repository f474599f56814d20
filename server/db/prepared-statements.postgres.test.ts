import { sql } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { openTemporaryDatabase, type TemporaryDatabase } from '../testing/temporary-database';

const AT = '2026-12-04T12:00:00.000Z';

describe('prepared statements, on PostgreSQL', () => {
  let temporary: TemporaryDatabase | undefined;
  afterEach(async () => {
    await temporary?.dispose();
    temporary = undefined;
  });

  it('prepares a statement once per connection, and again when a migration changed its columns', async () => {
    temporary = await openTemporaryDatabase();
    const { db } = temporary.database;
    await db
      .insertInto('users')
      .values({
        first_name: 'Ada',
        last_name: 'Admin',
        email: 'ada@example.com',
        title: null,
        role: 'admin',
        created_at: AT,
        updated_at: AT,
      })
      .execute();
    const everything = () =>
      db.selectFrom('users').selectAll().where('email', '=', 'ada@example.com').execute();
    // One query at a time: the pool lends the same connection each time.
    expect(await everything()).toHaveLength(1);
    expect(await everything()).toHaveLength(1);
    const prepared = await sql<{
      statements: number;
    }>`select count(*)::int as statements from pg_prepared_statements`.execute(db);
    expect(prepared.rows[0]?.statements).toBeGreaterThan(0);

    // Another process's migration adds a column: the statement's result changed shape.
    await sql`alter table users add column nickname text`.execute(db);
    const [ada] = await everything();
    expect(ada).toMatchObject({ first_name: 'Ada', nickname: null });
  });
});
