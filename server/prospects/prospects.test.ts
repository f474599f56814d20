import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  PROSPECTS,
  USERS,
  allPages,
  collection,
  createPhoneNumber,
  failure,
  single,
} from '../testing/fixtures';
import { startTestServer, type TestServer } from '../testing/test-server';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => {
  await server.close();
});

const names = (rows: { attributes: Record<string, unknown> }[]) =>
  rows.map((row) => String(row.attributes.name));

describe('prospects', () => {
  it('lists the sixty demo prospects with their owner', async () => {
    const rows = await allPages(server, '/api/v2/prospects?page[size]=25');
    expect(rows).toHaveLength(60);
    expect(rows[0]).toMatchObject({
      type: 'prospect',
      id: 1,
      attributes: {
        firstName: 'Olivia',
        lastName: 'García',
        name: 'Olivia García',
        addressCountry: 'US',
      },
      relationships: { owner: { data: { type: 'user', id: USERS.riley } } },
    });
    const owners = new Set(rows.map((row) => row.relationships?.owner?.data.id));
    expect(owners).toEqual(new Set([USERS.ada, USERS.riley, USERS.sam]));
  });

  it("derives the phone arrays by type, in the numbers' order, from the phone numbers", async () => {
    const numbers = collection(
      await server.request(
        'GET',
        `/api/v2/phoneNumbers?filter[prospect][id]=${PROSPECTS.rileys}&sort=order`,
      ),
    ).data;
    const prospect = single(await server.request('GET', `/api/v2/prospects/${PROSPECTS.rileys}`));
    for (const type of ['home', 'mobile', 'work', 'other', 'voip']) {
      const expected = numbers
        .filter((row) => row.attributes.phoneType === type)
        .map(
          (row) =>
            String(row.attributes.number) +
            (row.attributes.extension ? `;ext=${row.attributes.extension as string}` : ''),
        );
      expect(prospect.attributes[`${type}Phones`]).toEqual(expected);
    }
    const added = await createPhoneNumber(
      server,
      { number: '+14155550190', phoneType: 'home', order: 0 },
      PROSPECTS.samsEmpty,
    );
    const empty = single(await server.request('GET', `/api/v2/prospects/${PROSPECTS.samsEmpty}`));
    expect(empty.attributes.homePhones).toEqual([added.attributes.number]);
    expect(empty.attributes.mobilePhones).toEqual([]);
  });

  it('finds prospects by a prefix of the name, the last name or the company, ignoring case and accents', async () => {
    const search = async (q: string) =>
      names(
        await allPages(
          server,
          `/api/v2/prospects?filter[q]=${encodeURIComponent(q)}&page[size]=100`,
        ),
      );
    expect(await search('oliv')).toEqual(expect.arrayContaining(['Olivia García']));
    expect((await search('oliv')).every((name) => name.toLowerCase().startsWith('oliv'))).toBe(
      true,
    );
    expect(await search('GARCIA')).toContain('Olivia García');
    expect(await search('olivia gar')).toEqual(['Olivia García']);
    expect(await search('jose')).toEqual(expect.arrayContaining([expect.stringMatching(/^José /)]));
    const acme = await allPages(server, '/api/v2/prospects?filter[q]=acme&page[size]=100');
    expect(acme.length).toBeGreaterThan(0);
    expect(acme.every((row) => String(row.attributes.company).startsWith('Acme'))).toBe(true);
    expect(await search('zzzz')).toEqual([]);
    expect(await search("o'b")).toEqual(
      expect.arrayContaining([expect.stringMatching(/O'Brien$/)]),
    );
    expect(await search('%')).toEqual([]);
  });

  it('narrows to one owner and includes the owners as users', async () => {
    const page = collection(
      await server.request('GET', `/api/v2/prospects?filter[owner][id]=${USERS.sam}&include=owner`),
    );
    expect(page.data.length).toBeGreaterThan(0);
    expect(page.data.every((row) => row.relationships?.owner?.data.id === USERS.sam)).toBe(true);
    expect(page.included).toEqual([
      expect.objectContaining({
        type: 'user',
        id: USERS.sam,
        attributes: expect.objectContaining({ name: 'Sam Rep' }),
      }),
    ]);
  });

  it('sorts by last name then first name', async () => {
    const rows = await allPages(server, '/api/v2/prospects?sort=lastName,firstName&page[size]=100');
    const keys = rows.map((row): [string, string] => [
      String(row.attributes.lastName),
      String(row.attributes.firstName),
    ]);
    const sorted = [...keys].sort(([a1, a2], [b1, b2]) =>
      a1 < b1 ? -1 : a1 > b1 ? 1 : a2 < b2 ? -1 : a2 > b2 ? 1 : 0,
    );
    expect(keys).toEqual(sorted);
  });

  it('answers 404 for a missing prospect and 405 for writes', async () => {
    expect(failure(await server.request('GET', '/api/v2/prospects/999'), 404)[0]?.id).toBe(
      'resourceNotFound',
    );
    expect(
      failure(await server.request('POST', '/api/v2/prospects', { body: {} }), 405)[0]?.id,
    ).toBe('methodNotAllowed');
  });
});

describe('users', () => {
  it('lists the four demo users and serves each by id', async () => {
    const users = collection(await server.request('GET', '/api/v2/users')).data;
    expect(names(users)).toEqual(['Ada Admin', 'Riley Rep', 'Sam Rep', 'Val Viewer']);
    const riley = single(await server.request('GET', `/api/v2/users/${USERS.riley}`));
    expect(riley.attributes).toMatchObject({
      firstName: 'Riley',
      lastName: 'Rep',
      email: 'riley.rep@example.com',
    });
    expect(failure(await server.request('GET', '/api/v2/users/99'), 404)[0]?.id).toBe(
      'resourceNotFound',
    );
  });
});
