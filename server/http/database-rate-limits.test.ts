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

  it('claim requests for a process in blocks, and never admit more than the limit across processes', async () => {
    const db = await openDatabase();
    let statements = 0;
    const counting = db.withPlugin({
      transformQuery: (args) => {
        statements += 1;
        return args.node;
      },
      transformResult: (args) => Promise.resolve(args.result),
    });
    const now = () => 1_000_000;
    // Two processes' limits on one database; a limit of 1,000 claims 5 requests a statement.
    const processes = [databaseRateLimits(counting, now), databaseRateLimits(counting, now)].map(
      (limits) => ({
        limits,
        user: limits.limiter('user', 1_000, 3_600_000),
        address: limits.limiter('address', 1_000_000, 3_600_000),
      }),
    );
    const states = await Promise.all(
      Array.from({ length: 1_500 }, (_, i) => {
        const { limits, user, address } = processes[i % 2] ?? processes[0]!;
        return limits.hitEach([
          [user, 'u'],
          [address, 'a'],
        ]);
      }),
    );
    expect(states.filter((state) => state.allowed)).toHaveLength(1_000);
    // About 200 claims for 1,500 requests (a few more for claims that came back short or empty, and
    // each process's purge of ended windows): not one statement per request.
    expect(statements).toBeGreaterThanOrEqual(200);
    expect(statements).toBeLessThanOrEqual(210);
  });

  it('refuse from memory once a claim comes back empty, until the window ends', async () => {
    const db = await openDatabase();
    let now = 1_000_000;
    const limits = databaseRateLimits(db, () => now);
    const user = limits.limiter('user', 400, 1_000);
    const hit = () => limits.hitEach([[user, 'u']]);
    for (let i = 0; i < 400; i++) expect((await hit()).allowed).toBe(true);
    expect(await hit()).toMatchObject({ allowed: false, remaining: 0, resetAt: 1_001 });
    const countedOnce = await db.selectFrom('rate_limits').select('hits').executeTakeFirst();
    for (let i = 0; i < 10; i++) expect((await hit()).allowed).toBe(false);
    expect(await db.selectFrom('rate_limits').select('hits').executeTakeFirst()).toEqual(
      countedOnce,
    );
    now += 1_000;
    expect(await hit()).toMatchObject({ allowed: true, remaining: 399 });
  });

  it('claims again for a request whose held claim other requests used up while it waited', async () => {
    const db = await openDatabase();
    const limits = databaseRateLimits(db, () => 1_000_000);
    // Each user's claims are 2 requests, the shared address's 100: while users' claims are being made,
    // the other requests use up the address's.
    const user = limits.limiter('user', 400, 3_600_000);
    const address = limits.limiter('address', 20_000, 3_600_000);
    const states = await Promise.all(
      Array.from({ length: 1_000 }, (_, i) =>
        limits.hitEach([
          [user, `u${i % 50}`],
          [address, 'a'],
        ]),
      ),
    );
    expect(states.every((state) => state.allowed)).toBe(true);
  });
});
