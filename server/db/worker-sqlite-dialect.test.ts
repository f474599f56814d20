import { CompiledQuery, sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { useTemporaryDatabases } from '../testing/temporary-database';
import { seedIfEmpty } from './seed';
import { LongReadPacer, longRead } from './worker-sqlite-dialect';

const temporaryDatabase = useTemporaryDatabases();

async function fresh() {
  const db = await temporaryDatabase();
  await seedIfEmpty(db);
  return db;
}

const countNumbers = async (db: Awaited<ReturnType<typeof fresh>>) =>
  Number(
    (await sql<{ n: number }>`select count(*) as n from phone_numbers`.execute(db)).rows[0]?.n,
  );

describe('SQLite in a worker thread', () => {
  it('answers many queries in flight at once, each with its own rows', async () => {
    const db = await fresh();
    const ids = Array.from({ length: 200 }, (_, index) => (index % 60) + 1);
    const results = await Promise.all(
      ids.map((id) =>
        db
          .selectFrom('prospects')
          .select(['id', 'first_name'])
          .where('id', '=', id)
          .executeTakeFirst(),
      ),
    );
    expect(results.map((row) => row?.id)).toEqual(ids);
  });

  it('keeps other queries out of a transaction until it ends, so they never see what it rolls back', async () => {
    const db = await fresh();
    const before = await countNumbers(db);
    let insideTransaction = false;
    const transaction = db
      .transaction()
      .execute(async (trx) => {
        await trx
          .insertInto('phone_numbers')
          .values({
            prospect_id: 3,
            number: '+14155550199',
            raw_number: null,
            extension: null,
            country_code: 'US',
            phone_type: 'work',
            status: 'unverified',
            sort_order: 0,
            status_changed_at: '2026-01-01T00:00:00.000Z',
            created_at: '2026-01-01T00:00:00.000Z',
            updated_at: '2026-01-01T00:00:00.000Z',
          })
          .execute();
        insideTransaction = true;
        await new Promise((resolve) => setTimeout(resolve, 50));
        throw new Error('changed my mind');
      })
      .catch((error: unknown) => error);
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(insideTransaction).toBe(true);
    const seenDuring = await countNumbers(db);
    expect(await transaction).toBeInstanceOf(Error);
    expect(seenDuring).toBe(before);
    expect(await countNumbers(db)).toBe(before);
  });

  it(
    'answers quick queries while a long read is running, and the long read sees committed writes',
    { timeout: 60_000 },
    async () => {
      const db = await fresh();
      const finished: string[] = [];
      // Counts to five million: long enough that a queue behind it would show.
      const long = db
        .executeQuery<{ n: number }>(
          longRead(
            CompiledQuery.raw(
              `with recursive up(n) as (select 1 union all select n + 1 from up where n < 5000000)
             select count(*) as n from up`,
            ),
          ),
        )
        .then((result) => {
          finished.push('long');
          return result.rows[0]?.n;
        });
      for (let index = 0; index < 20; index++) {
        await db.selectFrom('users').select('id').where('id', '=', 1).executeTakeFirst();
      }
      finished.push('quick');
      expect(await long).toBe(5_000_000);
      expect(finished).toEqual(['quick', 'long']);

      const before = await countNumbers(db);
      await db.deleteFrom('phone_numbers').where('id', '=', 1).execute();
      const counted = await db.executeQuery<{ n: number }>(
        longRead(CompiledQuery.raw('select count(*) as n from phone_numbers')),
      );
      expect(counted.rows[0]?.n).toBe(before - 1);
    },
  );

  it("reports SQLite's errors with their code", async () => {
    const db = await fresh();
    const failure = await db
      .insertInto('users')
      .values({
        id: 1,
        first_name: 'Copy',
        last_name: 'Cat',
        email: 'copy@example.com',
        title: null,
        role: 'rep',
        created_at: '2026-01-01T00:00:00.000Z',
        updated_at: '2026-01-01T00:00:00.000Z',
      })
      .execute()
      .catch((error: unknown) => error);
    expect(failure).toMatchObject({ name: 'SqliteError', code: 'SQLITE_CONSTRAINT_PRIMARYKEY' });
  });
});

describe('long reads, paced', () => {
  /** A read that takes `milliseconds`, recording when it ran; `fail` makes it throw at the end. */
  function recordedRead(
    runs: { start: number; end: number }[],
    milliseconds: number,
    fail = false,
  ) {
    return async () => {
      const run = { start: performance.now(), end: 0 };
      runs.push(run);
      await new Promise((resolve) => setTimeout(resolve, milliseconds));
      run.end = performance.now();
      if (fail) throw new Error('no such column');
      return run;
    };
  }

  it('run one at a time, and each rests the time its share asks before the next starts, even after a failure', async () => {
    // A fifth of one core: a read of 100 ms is followed by 400 ms with no long read.
    const pacer = new LongReadPacer(0.2);
    const runs: { start: number; end: number }[] = [];
    const results = await Promise.allSettled([
      pacer.run(recordedRead(runs, 100)),
      pacer.run(recordedRead(runs, 100, true)),
      pacer.run(recordedRead(runs, 50)),
    ]);
    expect(results.map((result) => result.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    const [first, second, third] = runs;
    if (!first || !second || !third) throw new Error('Expected three reads');
    // Lower bounds only: a slow machine makes the gaps longer, never shorter.
    expect(second.start - first.end).toBeGreaterThanOrEqual(4 * (first.end - first.start) - 5);
    expect(third.start - second.end).toBeGreaterThanOrEqual(4 * (second.end - second.start) - 5);
  });

  it('hand each caller its result as soon as its read ends, not after the rest', async () => {
    const pacer = new LongReadPacer(0.1);
    const runs: { start: number; end: number }[] = [];
    let firstAnswered = Number.POSITIVE_INFINITY;
    await Promise.all([
      pacer.run(recordedRead(runs, 50)).then(() => {
        firstAnswered = performance.now();
      }),
      pacer.run(recordedRead(runs, 10)),
    ]);
    expect(firstAnswered).toBeLessThan(runs[1]?.start ?? 0);
  });
});
