import { CompiledQuery, type Kysely } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedIfEmpty } from '../db/seed';
import type { Database } from '../db/schema';
import { phoneNumberSource } from '../phone-numbers/repository';
import { phoneNumberQuerySpec } from '../phone-numbers/resource';
import { prospectSource } from '../prospects/repository';
import { prospectQuerySpec } from '../prospects/resource';
import { openTemporaryDatabase, type TemporaryDatabase } from '../testing/temporary-database';
import { listCollection, type CollectionSource, type QueryExecutor } from './collection-query';
import { encodeCursor, parseQuery, type CollectionQuery, type QuerySpec } from './query';

/**
 * query-plans.test.ts's counterpart on PostgreSQL, whose planner weighs costs from statistics: with
 * enough rows, analyzed, a page of one prospect's numbers and a page in each main sort read their index
 * and stop at the page; nothing reads the whole table or sorts it.
 */

let temporary: TemporaryDatabase;
let db: Kysely<Database>;
beforeAll(async () => {
  temporary = await openTemporaryDatabase();
  db = temporary.database.db;
  // 20,000 prospects with five numbers each.
  await seedIfEmpty(db, { prospects: 20_000 });
  await db.executeQuery(CompiledQuery.raw('analyze'));
}, 60_000);
afterAll(() => temporary.dispose());

type AnySource = CollectionSource<Database, keyof Database, object>;
type SourceOf = (db: Kysely<Database>, query: CollectionQuery) => unknown;

/** The database, keeping each query it runs, in order. */
function recordingQueries(): { recording: QueryExecutor; ran: CompiledQuery[] } {
  const ran: CompiledQuery[] = [];
  const recording: QueryExecutor = {
    executeQuery: (compiled) => {
      ran.push(compiled as CompiledQuery);
      return db.executeQuery(compiled);
    },
    getExecutor: () => db.getExecutor(),
  };
  return { recording, ran };
}

/**
 * PostgreSQL's plans (EXPLAIN) of the page queries a collection request runs, and the query string of
 * its next page.
 */
async function pagePlans(
  spec: QuerySpec,
  source: SourceOf,
  search: string,
): Promise<{ plans: string[]; next: string | undefined }> {
  const query = parseQuery(new URLSearchParams(search), spec);
  const { recording, ran } = recordingQueries();
  const { page } = await listCollection(recording, (await source(db, query)) as AnySource, query);
  const pages = ran.filter((compiled) => !compiled.sql.startsWith('select count(*)'));
  expect(pages.length).toBeGreaterThan(0);
  const plans = await Promise.all(
    pages.map(async (compiled) => {
      const plan = await db.executeQuery<{ 'QUERY PLAN': string }>(
        CompiledQuery.raw(`explain ${compiled.sql}`, [...compiled.parameters]),
      );
      return `${compiled.sql}\n${plan.rows.map((row) => row['QUERY PLAN']).join('\n')}`;
    }),
  );
  const next = page.next && `${search}&page[after]=${encodeCursor(query.sort, page.next)}`;
  return { plans, next };
}

const walksIndex = (plan: string, index: string) => {
  expect(plan).toMatch(new RegExp(`Index (Only )?Scan( Backward)? using ${index} `));
  expect(plan).not.toMatch(/Seq Scan on phone_numbers|Seq Scan on prospects|\bSort\b/);
};

describe("one prospect's numbers", () => {
  it.each(['order', '-order'])(
    'sort=%s, the first page and the next, read phone_numbers_prospect_order',
    async (sort) => {
      const first = await pagePlans(
        phoneNumberQuerySpec,
        phoneNumberSource,
        `filter[prospect][id]=7&sort=${sort}&page[size]=2`,
      );
      for (const plan of first.plans) walksIndex(plan, 'phone_numbers_prospect_order');
      expect(first.next).toBeDefined();
      const second = await pagePlans(phoneNumberQuerySpec, phoneNumberSource, first.next ?? '');
      for (const plan of second.plans) walksIndex(plan, 'phone_numbers_prospect_order');
    },
  );
});

describe('the main sorts of all numbers and prospects', () => {
  const numberSorts: [string, string][] = [
    ['updatedAt', 'phone_numbers_updated'],
    ['-updatedAt', 'phone_numbers_updated'],
    ['statusChangedAt', 'phone_numbers_status_changed'],
    ['number', 'phone_numbers_number'],
    ['-number', 'phone_numbers_number'],
    ['order', 'phone_numbers_order'],
  ];
  it.each(numberSorts)('phone numbers, sort=%s, walk %s', async (sort, index) => {
    const { plans } = await pagePlans(
      phoneNumberQuerySpec,
      phoneNumberSource,
      `sort=${sort}&page[size]=50`,
    );
    for (const plan of plans) {
      walksIndex(plan, index);
    }
  });

  const prospectSorts: [string, string][] = [
    ['lastName', 'prospects_last_name'],
    ['-updatedAt', 'prospects_updated'],
  ];
  it.each(prospectSorts)('prospects, sort=%s, walk %s', async (sort, index) => {
    const { plans } = await pagePlans(
      prospectQuerySpec,
      prospectSource,
      `sort=${sort}&page[size]=50`,
    );
    for (const plan of plans) {
      walksIndex(plan, index);
    }
  });
});

describe('finding a number (decision 0053)', () => {
  it.each([
    ['the end of a number', '5550141', 'phone_numbers_digits_reversed_updated'],
    ['a whole number', '+1 (415) 555-0100', 'phone_numbers_number(_updated)?'],
  ])('%s ("%s"), newest first, reads %s and sorts only its rows', async (_what, written, index) => {
    const { plans } = await pagePlans(
      phoneNumberQuerySpec,
      phoneNumberSource,
      `filter[number]=${encodeURIComponent(written)}&sort=-updatedAt&page[size]=50`,
    );
    for (const plan of plans) {
      expect(plan).toMatch(
        new RegExp(`Index (Only )?Scan (Backward )?using ${index} |Bitmap Index Scan on ${index}`),
      );
      expect(plan).not.toMatch(/Seq Scan on phone_numbers/);
    }
  });
});

describe('a large seed, vacuumed', () => {
  it('counts the numbers that end with some digits from the index alone, reading no table row, in the page’s query', async () => {
    const query = parseQuery(
      new URLSearchParams('filter[number]=5550141&sort=-updatedAt&count=true'),
      phoneNumberQuerySpec,
    );
    const { recording, ran } = recordingQueries();
    await listCollection(recording, await phoneNumberSource(db, query), query);
    // One query gathers the matches, counts them and reads the page (pageAndCount).
    expect(ran).toHaveLength(1);
    const [count] = ran;
    expect(count?.sql).toMatch(/select count\(\*\) from "matches"/);
    const plan = await db.executeQuery<{ 'QUERY PLAN': string }>(
      CompiledQuery.raw(`explain (analyze) ${count?.sql ?? ''}`, [...(count?.parameters ?? [])]),
    );
    const text = plan.rows.map((row) => row['QUERY PLAN']).join('\n');
    expect(text).toMatch(/Index Only Scan using phone_numbers_digits_reversed_updated /);
    expect(text).toMatch(/Heap Fetches: 0\b/);
  });
});

describe('Country and My prospects (decision 0059)', () => {
  it.each([
    ['a country of many numbers', 'filter[countryCode]=US'],
    ["a rep's prospects", 'filter[prospect][owner][id]=2'],
    ['both', 'filter[countryCode]=US&filter[prospect][owner][id]=2'],
  ])("%s, newest first, walks the sort's index and stops at the page", async (_what, search) => {
    const { plans } = await pagePlans(
      phoneNumberQuerySpec,
      phoneNumberSource,
      `${search}&sort=-updatedAt&page[size]=50`,
    );
    for (const plan of plans) walksIndex(plan, 'phone_numbers_updated');
  });
});
