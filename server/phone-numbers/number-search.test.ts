import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  PROSPECTS,
  allPages,
  collection,
  createPhoneNumber,
  failure,
  type Resource,
} from '../testing/fixtures';
import { insertManyNumbers } from '../testing/many-numbers';
import { startTestServer, type TestServer } from '../testing/test-server';

/**
 * filter[number] with one value finds a number however a rep writes it (decision 0053), on SQLite and,
 * in the server-postgres project, on PostgreSQL. Each search is compared with every stored number
 * filtered here, so the demo data's own numbers count too.
 */

let server: TestServer;
let all: Resource[];
const ids: Record<'denver' | 'denverToo' | 'denverExt' | 'london', number> = {
  denver: 0,
  denverToo: 0,
  denverExt: 0,
  london: 0,
};
beforeAll(async () => {
  server = await startTestServer();
  const create = async (number: string, prospect: number) =>
    (await createPhoneNumber(server, { number, phoneType: 'work' }, prospect)).id;
  ids.denver = await create('+1 719 555 0141', PROSPECTS.rileys);
  ids.denverToo = await create('(719) 555-0141', PROSPECTS.sams);
  ids.denverExt = await create('719-555-0141 x12', PROSPECTS.rileysOther);
  ids.london = await create('+44 20 7946 0958', PROSPECTS.adas);
  all = await allPages(server, '/api/v2/phoneNumbers?page[size]=1000');
});
afterAll(async () => {
  await server.close();
});

const path = '/api/v2/phoneNumbers';
const search = (written: string, more = '') =>
  allPages(server, `${path}?filter[number]=${encodeURIComponent(written)}&page[size]=1000${more}`);
const idsOf = (rows: readonly Resource[]) => rows.map((row) => row.id).sort((a, b) => a - b);
const storedWhere = (predicate: (number: string, extension: unknown) => boolean) =>
  idsOf(all.filter((row) => predicate(String(row.attributes.number), row.attributes.extension)));

describe('filter[number] finds a number however it is written', () => {
  it.each([
    '+1 (719) 555-0141',
    '+17195550141',
    '+1 719 555 0141',
    '719 555 0141',
    '(719) 555-0141',
    '7195550141',
    '719.555.0141',
    '1 719 555 0141',
    ' 17195550141',
  ])('"%s" finds +17195550141 on every prospect that has it', async (written) => {
    const found = await search(written);
    expect(idsOf(found)).toEqual(storedWhere((number) => number === '+17195550141'));
    expect(idsOf(found)).toEqual([ids.denver, ids.denverToo, ids.denverExt].sort((a, b) => a - b));
  });

  it('finds a national number of another country without its country code', async () => {
    const found = await search('20 7946 0958');
    expect(idsOf(found)).toEqual([ids.london]);
    expect(idsOf(await search('+44 20 7946 0958'))).toEqual([ids.london]);
  });

  it('names the prospect of each number found, across prospects', async () => {
    const page = collection(
      await server.request(
        'GET',
        `${path}?filter[number]=${encodeURIComponent('719 555 0141')}&include=prospect&fields[prospect]=name`,
        { token: 'dev-admin' },
      ),
    );
    const prospects = page.data.map((row) => row.relationships?.prospect?.data.id).sort();
    expect(prospects).toEqual([PROSPECTS.rileys, PROSPECTS.rileysOther, PROSPECTS.sams].sort());
    expect(page.included?.map((prospect) => prospect.id).sort()).toEqual(prospects);
    expect(page.included?.every((prospect) => typeof prospect.attributes.name === 'string')).toBe(
      true,
    );
  });
});

describe('filter[number] with some of the digits', () => {
  it.each(['0141', '555 0141', '555-0141', '50141', '958'])(
    '"%s" finds the numbers that end with those digits',
    async (written) => {
      const digits = written.replace(/\D/g, '');
      const expected = storedWhere((number) => number.endsWith(digits));
      expect(expected.length).toBeGreaterThan(0);
      expect(idsOf(await search(written))).toEqual(expected);
    },
  );

  it.each(['+1719', '+1 (719) 555', '+44 20', '+4420794'])(
    '"%s", with a country code, finds the numbers that start with it',
    async (written) => {
      const prefix = `+${written.replace(/\D/g, '')}`;
      const expected = storedWhere((number) => number.startsWith(prefix));
      expect(expected.length).toBeGreaterThan(0);
      expect(idsOf(await search(written))).toEqual(expected);
    },
  );

  it('finds nothing, without an error, when no number ends with the digits', async () => {
    const digits = '98765431';
    expect(storedWhere((number) => number.endsWith(digits))).toEqual([]);
    expect(await search(digits)).toEqual([]);
  });

  it('pages and counts a search in any sort', async () => {
    const newestFirst = (rows: readonly Resource[]) =>
      [...rows]
        .sort(
          (a, b) =>
            String(b.attributes.updatedAt).localeCompare(String(a.attributes.updatedAt)) ||
            b.id - a.id,
        )
        .map((row) => row.id);
    for (const pageSize of [1, 2]) {
      const paged = await allPages(
        server,
        `${path}?filter[number]=${encodeURIComponent('0141')}&sort=-updatedAt&page[size]=${pageSize}`,
      );
      // Page after page in the order asked for, each match once.
      expect(paged.map((row) => row.id)).toEqual(
        newestFirst(all.filter((row) => String(row.attributes.number).endsWith('0141'))),
      );
    }
    const counted = collection(
      await server.request(
        'GET',
        `${path}?filter[number]=${encodeURIComponent('555 0141')}&count=true&page[size]=1`,
        { token: 'dev-admin' },
      ),
    );
    expect(counted.meta?.count).toBe(storedWhere((number) => number.endsWith('5550141')).length);
  });
});

describe('a search of more numbers than its quick count reads (5,000)', () => {
  let crowded: TestServer;
  beforeAll(async () => {
    crowded = await startTestServer({ config: { rateLimitPerHour: 1_000_000 } });
    await insertManyNumbers(crowded.database.db, { prefix: '+1212', count: 6_000 });
  }, 60_000);
  afterAll(async () => {
    await crowded.close();
  });

  // PostgreSQL gathers a search's matches for its first page and its count in one query, at most
  // 5,001 of them: past that, the page must still be the newest of all, and the count all of them.
  it('pages from the newest of all its matches and counts every one', async () => {
    const searched = `${path}?filter[number]=${encodeURIComponent('+1 212')}&sort=-updatedAt`;
    const every = await allPages(crowded, `${searched}&page[size]=1000`);
    expect(every.length).toBeGreaterThanOrEqual(6_000);
    const first = collection(await crowded.request('GET', `${searched}&count=true&page[size]=50`));
    expect(first.meta).toEqual({ count: every.length });
    expect(first.data.map((row) => row.id)).toEqual(every.slice(0, 50).map((row) => row.id));
  });
});

describe('filter[number] with an extension', () => {
  it.each(['719 555 0141 x12', '+1 (719) 555-0141 ext. 12', '7195550141 ext 12', '0141 x12'])(
    '"%s" finds only the number with that extension',
    async (written) => {
      expect(idsOf(await search(written))).toEqual([ids.denverExt]);
    },
  );

  it('finds nothing for an extension the number does not have', async () => {
    expect(await search('719 555 0141 x13')).toEqual([]);
  });
});

describe('filter[number] lists and ranges compare the stored E.164, as before', () => {
  it('takes a comma list of E.164 numbers', async () => {
    expect(idsOf(await search('+17195550141,+442079460958'))).toEqual(
      storedWhere((number) => number === '+17195550141' || number === '+442079460958'),
    );
  });

  it('takes a range', async () => {
    expect(idsOf(await search('+1719..+1720'))).toEqual(
      storedWhere((number) => number >= '+1719' && number <= '+1720'),
    );
  });
});

describe('filter[number] refuses what is not a number with a 400 naming the parameter', () => {
  it.each([
    ['letters', 'call me'],
    ['too few digits', '41'],
    ['no digits', '()-'],
    ['more digits than a phone number has', '+1234567890123456'],
    ['an extension alone', 'x12'],
    ['an extension too long', '555 0141 x12345678901'],
    ['a "+" inside', '555+0141'],
  ])('%s: "%s"', async (_case, written) => {
    const [error] = failure(
      await server.request('GET', `${path}?filter[number]=${encodeURIComponent(written)}`, {
        token: 'dev-admin',
      }),
      400,
    );
    expect(error).toMatchObject({
      id: 'badRequest',
      status: '400',
      source: { parameter: 'filter[number]' },
    });
    expect(error?.detail).toMatch(/digits|phone number|extension/);
  });
});
