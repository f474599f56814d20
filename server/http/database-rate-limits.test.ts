import { describe, expect, it } from 'vitest';
import { useTemporaryDatabases } from '../testing/temporary-database';
import { databaseRateLimits } from './rate-limit';

const openDatabase = useTemporaryDatabases();

describe('rate limits kept in the database', () => {
  it('admit exactly the limit of parallel hits, then start the window again once it has ended', async () => {
    const db = await openDatabase();
    let now = 1_000_000;
    const limiter = databaseRateLimits(db, () => now).limiter('test', 5, 1_000);
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

    now += 1_500;
    const again = await limiter.hit('k');
    expect(again).toMatchObject({ allowed: true, remaining: 4, resetAt: 1_003 });
    expect(await limiter.hit('other')).toMatchObject({ allowed: true, remaining: 4 });
  });

  it('count a request against several limiters at once, answering with the one closest to refusing', async () => {
    const db = await openDatabase();
    const limits = databaseRateLimits(db, () => 1_000_000);
    const user = limits.limiter('user', 3, 1_000);
    const address = limits.limiter('address', 5, 1_000);
    const both = () =>
      limits.hitEach([
        [user, 'u'],
        [address, 'a'],
      ]);
    expect(await both()).toMatchObject({ allowed: true, limit: 3, remaining: 2 });
    for (let i = 0; i < 3; i++) await address.hit('a');
    expect(await both()).toMatchObject({ allowed: true, limit: 5, remaining: 0 });
    expect(await both()).toMatchObject({ allowed: false, limit: 5, remaining: 0 });
  });

  it('keep the limiters apart, and delete ended windows at most once a minute', async () => {
    const db = await openDatabase();
    let now = 1_000_000;
    const limits = databaseRateLimits(db, () => now);
    const short = limits.limiter('short', 1, 1_000);
    const long = limits.limiter('long', 1, 3_600_000);
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
