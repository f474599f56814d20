import { describe, expect, it } from 'vitest';
import { useTemporaryDatabases } from '../testing/temporary-database';
import { databaseRateLimits } from './rate-limit';

const openDatabase = useTemporaryDatabases();

describe('rate limits kept in the database', () => {
  it('admit exactly the limit of parallel hits, then start the window again once it has ended', async () => {
    const db = await openDatabase();
    let now = 1_000_000;
    const limiter = databaseRateLimits(db, () => now)('test', 5, 1_000);
    const states = await Promise.all(Array.from({ length: 12 }, () => limiter.hit('k')));
    expect(states.filter((state) => state.allowed)).toHaveLength(5);
    expect(states.map((state) => state.remaining).sort()).toEqual([
      ...Array<number>(8).fill(0),
      1,
      2,
      3,
      4,
    ]);
    expect(states[0]?.resetAt).toBe(1_001);
    // Refused hits stop counting one past the limit.
    const { hits } = await db
      .selectFrom('rate_limits')
      .select('hits')
      .where('bucket', '=', 'test:k')
      .executeTakeFirstOrThrow();
    expect(hits).toBe(6);

    now += 1_500;
    const again = await limiter.hit('k');
    expect(again).toMatchObject({ allowed: true, remaining: 4, resetAt: 1_003 });
    expect(await limiter.hit('other')).toMatchObject({ allowed: true, remaining: 4 });
  });

  it('keep the limiters apart, and delete ended windows at most once a minute', async () => {
    const db = await openDatabase();
    let now = 1_000_000;
    const limits = databaseRateLimits(db, () => now);
    const short = limits('short', 1, 1_000);
    const long = limits('long', 1, 3_600_000);
    expect((await short.hit('k')).allowed).toBe(true);
    expect((await long.hit('k')).allowed).toBe(true);
    expect((await short.hit('k')).allowed).toBe(false);
    const buckets = () =>
      db
        .selectFrom('rate_limits')
        .select('bucket')
        .orderBy('bucket')
        .execute()
        .then((rows) => rows.map((row) => row.bucket));
    expect(await buckets()).toEqual(['long:k', 'short:k']);

    now += 30_000;
    await long.hit('other');
    expect(await buckets()).toEqual(['long:k', 'long:other', 'short:k']);
    now += 31_000;
    await long.hit('other');
    expect(await buckets()).toEqual(['long:k', 'long:other']);
  });
});
