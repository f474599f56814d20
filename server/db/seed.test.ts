import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { parsePhoneNumberInput } from '../../contract/phone-number-rules';
import { useTemporaryDatabases } from '../testing/temporary-database';
import { OUTREACH_LIKE_NUMBERS, seedIfEmpty } from './seed';

const freshDatabase = useTemporaryDatabases();

async function dump(db: Awaited<ReturnType<typeof freshDatabase>>) {
  const tables = await Promise.all(
    ['users', 'prospects', 'phone_numbers'].map((table) =>
      sql`select * from ${sql.table(table)} order by id`.execute(db),
    ),
  );
  return tables.map((result) => result.rows);
}

describe('the demo seed', () => {
  it('is the same on every run', async () => {
    const first = await freshDatabase();
    const second = await freshDatabase();
    expect(await seedIfEmpty(first)).toBe(true);
    await seedIfEmpty(second);
    expect(await dump(first)).toEqual(await dump(second));
  });

  it('has the four demo users, about sixty prospects with 0–6 valid numbers each, of mixed kinds', async () => {
    const db = await freshDatabase();
    await seedIfEmpty(db);
    const users = await db
      .selectFrom('users')
      .select(['first_name', 'last_name', 'role'])
      .orderBy('id')
      .execute();
    expect(users).toEqual([
      { first_name: 'Ada', last_name: 'Admin', role: 'admin' },
      { first_name: 'Riley', last_name: 'Rep', role: 'rep' },
      { first_name: 'Sam', last_name: 'Rep', role: 'rep' },
      { first_name: 'Val', last_name: 'Viewer', role: 'viewer' },
    ]);
    const prospects = await db.selectFrom('prospects').selectAll().execute();
    expect(prospects).toHaveLength(60);
    expect(new Set(prospects.map((p) => p.owner_id))).toEqual(new Set([1, 2, 3]));
    const numbers = await db.selectFrom('phone_numbers').selectAll().execute();
    const perProspect = prospects.map((p) => numbers.filter((n) => n.prospect_id === p.id).length);
    expect(Math.min(...perProspect)).toBe(0);
    expect(Math.max(...perProspect)).toBe(6);
    expect(new Set(numbers.map((n) => n.phone_type))).toEqual(
      new Set(['mobile', 'work', 'home', 'voip', 'other']),
    );
    expect(new Set(numbers.map((n) => n.status)).size).toBe(4);
    expect(new Set(numbers.map((n) => n.country_code)).size).toBeGreaterThanOrEqual(8);
    for (const number of numbers) {
      const parsed = parsePhoneNumberInput(number.number, number.country_code);
      expect(parsed.ok && parsed.e164 === number.number, number.number).toBe(true);
    }
  });

  it('leaves a seeded database alone', async () => {
    const db = await freshDatabase();
    await seedIfEmpty(db);
    expect(await seedIfEmpty(db, { prospects: 10 })).toBe(false);
    expect(
      await db
        .selectFrom('prospects')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirst(),
    ).toEqual({ n: 60 });
  });
});

describe('the generated seed (SEED_PROSPECTS)', () => {
  it('makes five valid numbers for each prospect', async () => {
    const db = await freshDatabase();
    await seedIfEmpty(db, { prospects: 3000 });
    const count = await db
      .selectFrom('phone_numbers')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirst();
    expect(count).toEqual({ n: 15_000 });
    const perProspect = await sql<{
      n: number;
    }>`select count(*) as n from phone_numbers group by prospect_id`.execute(db);
    expect(new Set(perProspect.rows.map((row) => row.n))).toEqual(new Set([5]));
    const numbers = await db
      .selectFrom('phone_numbers')
      .select(['number', 'country_code'])
      .execute();
    const invalid = numbers.filter((row) => {
      const parsed = parsePhoneNumberInput(row.number, row.country_code);
      return !parsed.ok || parsed.e164 !== row.number;
    });
    expect(invalid).toEqual([]);
  }, 60_000);
});

describe("the Outreach simulator's seed", () => {
  it('adds the numbers outside our closed sets to the prospects there are', async () => {
    const db = await freshDatabase();
    await seedIfEmpty(db, { prospects: 8, outreachLike: true });
    const added = await db
      .selectFrom('phone_numbers')
      .select(['prospect_id', 'phone_type', 'status'])
      .where(
        'number',
        'in',
        OUTREACH_LIKE_NUMBERS.map(({ number }) => number),
      )
      .orderBy('prospect_id')
      .execute();
    expect(added).toEqual([
      { prospect_id: 1, phone_type: 'mobile', status: 'pending' },
      { prospect_id: 7, phone_type: 'fax', status: 'verified' },
    ]);
  });
});
