import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { USERS, allPages, collection, failure, type Resource } from '../testing/fixtures';
import { startTestServer, type TestServer } from '../testing/test-server';

/** The filters reps ask for (issue 16, decision 0059): Country and "My prospects". */

let server: TestServer;
let all: Resource[];
beforeAll(async () => {
  server = await startTestServer();
  all = await allPages(server, `${path}?page[size]=1000&sort=-updatedAt`);
});
afterAll(async () => {
  await server.close();
});

const path = '/api/v2/phoneNumbers';
const idsOf = (rows: readonly Resource[]) => rows.map((row) => row.id);
const prospectOf = (row: Resource) => row.relationships?.prospect?.data.id;

/** The ids of the prospects these users own, as the prospects collection says. */
async function prospectsOwnedBy(...owners: number[]) {
  const prospects = await allPages(
    server,
    `/api/v2/prospects?filter[owner][id]=${owners.join(',')}&page[size]=1000`,
  );
  return new Set(idsOf(prospects));
}

describe('filter[countryCode]', () => {
  it('keeps the numbers of the countries listed, newest first, page after page', async () => {
    const expected = idsOf(
      all.filter((row) => ['US', 'GB'].includes(String(row.attributes.countryCode))),
    );
    expect(expected.length).toBeGreaterThan(7);
    expect(expected.length).toBeLessThan(all.length);
    const paged = await allPages(
      server,
      `${path}?filter[countryCode]=US,GB&sort=-updatedAt&page[size]=7`,
    );
    expect(idsOf(paged)).toEqual(expected);
  });

  it('counts the numbers of a country and combines with the other filters', async () => {
    const first = collection(
      await server.request('GET', `${path}?filter[countryCode]=GB&count=true&page[size]=1`),
    );
    const gb = all.filter((row) => row.attributes.countryCode === 'GB');
    expect(first.meta?.count).toBe(gb.length);
    const mobiles = await allPages(
      server,
      `${path}?filter[countryCode]=GB&filter[phoneType]=mobile&sort=-updatedAt`,
    );
    expect(idsOf(mobiles)).toEqual(
      idsOf(gb.filter((row) => row.attributes.phoneType === 'mobile')),
    );
  });

  it('matches nothing for a country no number has', async () => {
    const none = collection(await server.request('GET', `${path}?filter[countryCode]=AQ`));
    expect(none.data).toEqual([]);
  });
});

describe('filter[prospect][owner][id]', () => {
  it("keeps the numbers of Riley's prospects, newest first, page after page", async () => {
    const rileys = await prospectsOwnedBy(USERS.riley);
    const expected = idsOf(all.filter((row) => rileys.has(prospectOf(row) ?? 0)));
    expect(expected.length).toBeGreaterThan(7);
    expect(expected.length).toBeLessThan(all.length);
    const paged = await allPages(
      server,
      `${path}?filter[prospect][owner][id]=${USERS.riley}&sort=-updatedAt&page[size]=7`,
    );
    expect(idsOf(paged)).toEqual(expected);
  });

  it('takes several owners, counts, and combines with Country', async () => {
    const owned = await prospectsOwnedBy(USERS.riley, USERS.sam);
    const expected = all.filter(
      (row) => owned.has(prospectOf(row) ?? 0) && row.attributes.countryCode === 'US',
    );
    expect(expected.length).toBeGreaterThan(0);
    const query = `filter[prospect][owner][id]=${USERS.riley},${USERS.sam}&filter[countryCode]=US`;
    const rows = await allPages(server, `${path}?${query}&sort=-updatedAt&page[size]=5`);
    expect(idsOf(rows)).toEqual(idsOf(expected));
    const counted = collection(
      await server.request('GET', `${path}?${query}&count=true&page[size]=1`),
    );
    expect(counted.meta?.count).toBe(expected.length);
  });

  it('walks back with links.prev to exactly the pages seen going forward', async () => {
    const forward: number[][] = [];
    let page = collection(
      await server.request(
        'GET',
        `${path}?filter[prospect][owner][id]=${USERS.sam}&page[size]=5&sort=number`,
      ),
    );
    forward.push(idsOf(page.data));
    for (let i = 0; i < 3; i++) {
      page = collection(await server.request('GET', page.links.next!.slice(server.url.length)));
      forward.push(idsOf(page.data));
    }
    for (let i = forward.length - 2; i >= 0; i--) {
      page = collection(await server.request('GET', page.links.prev!.slice(server.url.length)));
      expect(idsOf(page.data)).toEqual(forward[i]);
    }
  });

  it('matches nothing for a user who owns no prospect', async () => {
    const none = collection(
      await server.request('GET', `${path}?filter[prospect][owner][id]=${USERS.val}`),
    );
    expect(none.data).toEqual([]);
  });
});

describe('bad filter values', () => {
  const cases: [string, string][] = [
    ['filter[countryCode]=XX', 'filter[countryCode]'],
    ['filter[countryCode]=us', 'filter[countryCode]'],
    ['filter[countryCode]=USA', 'filter[countryCode]'],
    ['filter[countryCode]=US,', 'filter[countryCode]'],
    ['filter[countryCode]=GB..US', 'filter[countryCode]'],
    ['filter[prospect][owner][id]=riley', 'filter[prospect][owner][id]'],
    ['filter[prospect][owner][id]=1..3', 'filter[prospect][owner][id]'],
    ['filter[prospect][owner][name]=Riley', 'filter[prospect][owner][name]'],
    ['filter[prospect][owner][id][x]=1', 'filter[prospect][owner][id][x]'],
  ];
  it.each(cases)('%s is a 400 naming %s', async (query, parameter) => {
    const [error] = failure(await server.request('GET', `${path}?${query}`), 400);
    expect(error).toMatchObject({ id: 'badRequest', status: '400', source: { parameter } });
  });

  it('names the kind of value a country takes, not all 249 codes', async () => {
    const [error] = failure(await server.request('GET', `${path}?filter[countryCode]=XX`), 400);
    expect(error?.detail).toBe(
      'filter[countryCode] takes an ISO 3166-1 alpha-2 code such as US or GB; "XX" is not.',
    );
  });
});
