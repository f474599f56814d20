import { sql, type Kysely } from 'kysely';
import { engineOf } from '../db/engine';
import type { Database } from '../db/schema';

/**
 * Adds `count` work numbers, `prefix` followed by seven digits (1, 2, …), to the seeded prospects 1–50 in
 * turn, in one statement: the many rows a test of query costs needs, in a second or two. Each is updated
 * a minute after the one before it, from 2026-01-01.
 */
export async function insertManyNumbers(
  db: Kysely<Database>,
  { prefix, count }: { prefix: string; count: number },
): Promise<void> {
  if (engineOf(db) === 'postgres') {
    await sql`
      insert into phone_numbers (prospect_id, number, phone_type, status, sort_order,
                                 status_changed_at, created_at, updated_at)
      select 1 + i % 50, ${prefix} || lpad(i::text, 7, '0'), 'work', 'unverified', 100 + i,
             '2026-01-01T00:00:00.000Z', '2026-01-01T00:00:00.000Z',
             to_char(timestamp '2026-01-01' + i * interval '1 minute', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')
      from generate_series(1, ${count}::integer) as i`.execute(db);
    return;
  }
  await sql`
    insert into phone_numbers (prospect_id, number, phone_type, status, sort_order,
                               status_changed_at, created_at, updated_at)
    with recursive n(i) as (select 1 union all select i + 1 from n where i < ${count})
    select 1 + i % 50, ${prefix} || printf('%07d', i), 'work', 'unverified', 100 + i,
           '2026-01-01T00:00:00.000Z', '2026-01-01T00:00:00.000Z',
           strftime('%Y-%m-%dT%H:%M:%fZ', '2026-01-01', '+' || i || ' minutes')
    from n`.execute(db);
}
