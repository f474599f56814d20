import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { CompiledQuery, Kysely } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type OpenedDatabase } from '../db/database';
import { seedIfEmpty } from '../db/seed';
import type { Database } from '../db/schema';
import { phoneNumberSource } from '../phone-numbers/repository';
import { phoneNumberQuerySpec } from '../phone-numbers/resource';
import { sharedFilterSpec } from '../phone-numbers/shared-numbers';
import { prospectSource } from '../prospects/repository';
import { prospectQuerySpec } from '../prospects/resource';
import { insertManyNumbers } from '../testing/many-numbers';
import { userSource } from '../users/repository';
import { userQuerySpec } from '../users/resource';
import {
  isLongPlan,
  listCollection,
  planOf,
  type CollectionSource,
  type QueryExecutor,
} from './collection-query';
import { parseQuery, type CollectionQuery, type FilterSpec, type QuerySpec } from './query';

/**
 * Every filter and every sort each collection allows, alone, is answered through an index: a filter
 * searches an index range (no SCAN of the table), a sort walks its index and stops at the page (no
 * temporary B-tree sorting every row). The plans are SQLite's own (EXPLAIN QUERY PLAN) for the SQL the
 * server runs, so dropping an index or writing a condition no index serves fails here.
 */

let directory: string;
let database: OpenedDatabase;
beforeAll(async () => {
  directory = mkdtempSync(join(tmpdir(), 'phone-numbers-plans-'));
  database = await openDatabase(join(directory, 'plans.sqlite'));
  await seedIfEmpty(database.db);
});
afterAll(async () => {
  await database.close();
  rmSync(directory, { recursive: true, force: true });
});

type AnySource = CollectionSource<Database, keyof Database, object>;
type SourceOf = (db: Kysely<Database>, query: CollectionQuery) => unknown;

const collections: [string, QuerySpec, SourceOf][] = [
  ['phoneNumbers', phoneNumberQuerySpec, phoneNumberSource],
  ['prospects', prospectQuerySpec, prospectSource],
  ['users', userQuerySpec, userSource],
];

/** Values a filter of each kind is tried with: one value and, where allowed, a range. */
function valuesFor(name: string, spec: FilterSpec | 'search'): string[] {
  if (spec === 'search') return ['ri'];
  const kind = spec.kind;
  const one =
    typeof kind === 'object'
      ? (kind.enum[0] ?? '')
      : kind === 'integer'
        ? name.endsWith('.id')
          ? '2'
          : '1'
        : kind === 'datetime'
          ? '2026-01-01T00:00:00Z'
          : '+14155550100';
  return spec.ranges ? [one, `${one}..inf`, `neginf..${one}`] : [one];
}

/** The plans of the SQL a collection request runs (its page, neighbour and count queries). */
async function plansFor(db: Kysely<Database>, source: SourceOf, search: string) {
  const query = parseQuery(new URLSearchParams(search), { ...specOf(source) });
  const ran: CompiledQuery[] = [];
  const recording: QueryExecutor = {
    executeQuery: (compiled) => {
      if (!('sql' in compiled) || !compiled.sql.startsWith('explain')) {
        ran.push(compiled as CompiledQuery);
      }
      return db.executeQuery(compiled);
    },
    getExecutor: () => db.getExecutor(),
  };
  const resolved = (await source(db, query)) as AnySource;
  await listCollection(recording, resolved, query);
  return Promise.all(
    ran
      .filter((compiled) => /from "(phone_numbers|prospects|users)"/.test(compiled.sql))
      .map(async (compiled) => ({ sql: compiled.sql, plan: await planOf(db, compiled) })),
  );
}

const specs = new Map<SourceOf, QuerySpec>(collections.map(([, spec, source]) => [source, spec]));
const specOf = (source: SourceOf) => {
  const spec = specs.get(source);
  if (!spec) throw new Error('Unknown source');
  return spec;
};

/** A full table scan: SCAN of a table with no index, i.e. every row read in rowid order. */
const fullScan = (detail: string) => /^SCAN (pn|p|u)$/.test(detail);

describe.each(collections)('%s', (_name, spec, source) => {
  // filter[shared] compares each row with its number's other holders: a walk (decision 0058, below).
  const searched = Object.entries(spec.filters).filter(([, filter]) => filter !== sharedFilterSpec);
  const filters = searched.flatMap(([name, filter]) =>
    valuesFor(name, filter).map(
      (value) =>
        `filter[${name.replaceAll('.', '][')}]=${encodeURIComponent(value)}&page[size]=1&count=true`,
    ),
  );
  it.each(filters)('%s searches an index, never scans the table', async (search) => {
    const runs = await plansFor(database.db, source, search);
    expect(runs.length).toBeGreaterThan(0);
    for (const { sql, plan } of runs) {
      expect(plan.some(fullScan), `${sql}\n${plan.join('\n')}`).toBe(false);
      expect(
        plan.some((detail) => detail.startsWith('SEARCH')),
        `${sql}\n${plan.join('\n')}`,
      ).toBe(true);
    }
  });

  const sorts = Object.keys(spec.sorts).flatMap((name) => [name, `-${name}`]);
  it.each(sorts)('sort=%s walks an index and sorts nothing', async (sort) => {
    const first = await plansFor(database.db, source, `sort=${sort}&page[size]=2`);
    for (const { sql, plan } of first) {
      expect(isLongPlan(plan, false), `${sql}\n${plan.join('\n')}`).toBe(false);
      expect(
        plan.some((detail) => detail.includes('TEMP B-TREE')),
        `${sql}\n${plan.join('\n')}`,
      ).toBe(false);
    }
  });
});

describe('filter[shared]', () => {
  it.each(['sort=number', 'sort=id'])(
    'with %s walks an index, looks each number up in the number index, and runs as a long read',
    async (sort) => {
      const runs = await plansFor(
        database.db,
        phoneNumberSource,
        `filter[shared]=true&${sort}&page[size]=2&count=true`,
      );
      expect(runs.length).toBeGreaterThan(0);
      for (const { sql, plan } of runs) {
        const described = `${sql}\n${plan.join('\n')}`;
        expect(
          plan.some((detail) =>
            /^SEARCH other (EXISTS )?USING (COVERING )?INDEX phone_numbers_number /.test(detail),
          ),
          described,
        ).toBe(true);
        expect(isLongPlan(plan, true), described).toBe(true);
        expect(
          plan.some((detail) => detail.includes('TEMP B-TREE')),
          described,
        ).toBe(false);
      }
    },
  );
});

describe('which plans run as long reads', () => {
  it('a temporary B-tree, or a walk that filters, is long; a search, or a walk with nothing to filter, is not', () => {
    expect(isLongPlan(['SEARCH pn USING INDEX phone_numbers_order (sort_order=?)'], true)).toBe(
      false,
    );
    expect(isLongPlan(['SCAN pn USING INDEX phone_numbers_updated'], false)).toBe(false);
    expect(isLongPlan(['SCAN pn USING INDEX phone_numbers_updated'], true)).toBe(true);
    expect(
      isLongPlan(
        ['SEARCH pn USING INDEX phone_numbers_status (status=?)', 'USE TEMP B-TREE FOR ORDER BY'],
        true,
      ),
    ).toBe(true);
    expect(
      isLongPlan(
        ['SEARCH pn USING INDEX phone_numbers_order (sort_order=?)', 'SCAN counted'],
        true,
      ),
    ).toBe(false);
  });
});

describe("a range on another column than the sort's", () => {
  let crowded: OpenedDatabase;
  let crowdedDirectory: string;
  beforeAll(async () => {
    crowdedDirectory = mkdtempSync(join(tmpdir(), 'phone-numbers-plans-'));
    crowded = await openDatabase(join(crowdedDirectory, 'crowded.sqlite'));
    await seedIfEmpty(crowded.db);
    // More numbers in +1 than the quick count stops at (5,000), spread over the seeded prospects.
    await insertManyNumbers(crowded.db, { prefix: '+1212', count: 6000 });
  });
  afterAll(async () => {
    await crowded.close();
    rmSync(crowdedDirectory, { recursive: true, force: true });
  });

  const pagePlans = async (search: string) =>
    (await plansFor(crowded.db, phoneNumberSource, search)).filter(
      ({ sql: text }) => !text.startsWith('select count(*)'),
    );

  it("holding many rows, walks the sort's index and stops at the page: nothing is sorted", async () => {
    const runs = await pagePlans(`filter[number]=${encodeURIComponent('+1..+9')}&sort=-updatedAt`);
    expect(runs.length).toBeGreaterThan(0);
    for (const { sql: text, plan } of runs) {
      expect(plan.join('\n'), text).toContain('USING INDEX phone_numbers_updated');
      expect(plan.join('\n'), text).not.toContain('TEMP B-TREE');
    }
  });

  it('holding few rows, searches the range and sorts only those', async () => {
    const runs = await pagePlans(
      `filter[number]=${encodeURIComponent('+1212000001..+1212000009')}&sort=-updatedAt`,
    );
    expect(runs.length).toBeGreaterThan(0);
    for (const { sql: text, plan } of runs) {
      expect(plan.join('\n'), text).toMatch(/USING (COVERING )?INDEX phone_numbers_number/);
    }
  });
});

describe('Country and owner, whose values may match few rows or many (decision 0059)', () => {
  let crowded: OpenedDatabase;
  let crowdedDirectory: string;
  beforeAll(async () => {
    crowdedDirectory = mkdtempSync(join(tmpdir(), 'phone-numbers-plans-'));
    crowded = await openDatabase(join(crowdedDirectory, 'crowded.sqlite'));
    await seedIfEmpty(crowded.db);
    // More US numbers than the quick count stops at (5,000), on prospects of every owner.
    await insertManyNumbers(crowded.db, { prefix: '+1212', count: 6000 });
    await crowded.db
      .updateTable('phone_numbers')
      .set({ country_code: 'US' })
      .where('country_code', 'is', null)
      .execute();
  });
  afterAll(async () => {
    await crowded.close();
    rmSync(crowdedDirectory, { recursive: true, force: true });
  });

  const pagePlans = async (search: string) =>
    (await plansFor(crowded.db, phoneNumberSource, `${search}&sort=-updatedAt`)).filter(
      ({ sql: text }) => !text.startsWith('select count(*)'),
    );

  it.each([
    ['a country of many numbers', 'filter[countryCode]=US'],
    ['the owners of every prospect', 'filter[prospect][owner][id]=1,2,3'],
  ])(
    "%s: walks the sort's index and stops at the page, nothing is sorted",
    async (_what, search) => {
      const runs = await pagePlans(search);
      expect(runs.length).toBeGreaterThan(0);
      for (const { sql: text, plan } of runs) {
        expect(plan.join('\n'), text).toContain('USING INDEX phone_numbers_updated');
        expect(plan.join('\n'), text).not.toContain('TEMP B-TREE');
      }
    },
  );

  it.each([
    [
      'a country of few numbers',
      'filter[countryCode]=GB',
      /SEARCH pn USING (COVERING )?INDEX phone_numbers_country \(country_code=\?/,
    ],
    [
      'an owner of no prospect',
      'filter[prospect][owner][id]=4',
      /SEARCH owned USING COVERING INDEX prospects_owner \(owner_id=\?/,
    ],
  ])('%s: searches its index and sorts only those', async (_what, search, index) => {
    const runs = await pagePlans(search);
    expect(runs.length).toBeGreaterThan(0);
    for (const { sql: text, plan } of runs) {
      expect(plan.join('\n'), text).toMatch(index);
      expect(plan.some(fullScan), `${text}\n${plan.join('\n')}`).toBe(false);
    }
  });
});

describe('finding a number (decision 0053)', () => {
  const search = (written: string, sort: string) =>
    `filter[number]=${encodeURIComponent(written)}&sort=${sort}&page[size]=50&count=true`;

  it.each([
    ['the end of a number', '555 0141', 'phone_numbers_digits_reversed_updated'],
    ['a whole number', '+1 (415) 555-0100', 'phone_numbers_number(_updated)?'],
    ['the start of one', '+1415', 'phone_numbers_number(_updated)?'],
  ])('%s ("%s") searches %s in any sort', async (_what, written, index) => {
    for (const sort of ['id', '-updatedAt', 'number']) {
      const runs = await plansFor(database.db, phoneNumberSource, search(written, sort));
      expect(runs.length).toBeGreaterThan(0);
      for (const { sql: text, plan } of runs) {
        expect(plan.some(fullScan), `${text}\n${plan.join('\n')}`).toBe(false);
        expect(plan.join('\n'), text).toMatch(new RegExp(`USING (COVERING )?INDEX ${index} `));
      }
    }
  });

  it('a whole number, newest first, is read in order from an index: nothing is sorted', async () => {
    const runs = (
      await plansFor(database.db, phoneNumberSource, search('+1 (415) 555-0100', '-updatedAt'))
    ).filter(({ sql: text }) => !text.startsWith('select count(*)'));
    expect(runs.length).toBeGreaterThan(0);
    for (const { sql: text, plan } of runs) {
      expect(plan.join('\n'), text).toContain(
        'USING INDEX phone_numbers_number_updated (number=?)',
      );
      expect(plan.join('\n'), text).not.toContain('TEMP B-TREE');
    }
  });

  it("the end of a number, newest first, sorts its matches' index entries alone, then reads the page's rows", async () => {
    const runs = (
      await plansFor(database.db, phoneNumberSource, search('555 0141', '-updatedAt'))
    ).filter(({ sql: text }) => !text.startsWith('select count(*)'));
    expect(runs.length).toBeGreaterThan(0);
    for (const { sql: text, plan } of runs) {
      const details = plan.join('\n');
      // The page's ids from the index alone (it holds updated_at: SQLite seeks no row for the sort)…
      expect(details, text).toMatch(
        /LIST SUBQUERY[^]*SEARCH pn USING INDEX phone_numbers_digits_reversed_updated \(/,
      );
      // …then those rows, by id.
      expect(details, text).toContain('SEARCH pn USING INTEGER PRIMARY KEY');
    }
  });
});
