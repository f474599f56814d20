import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  PROSPECTS,
  allPages,
  collection,
  createPhoneNumber,
  failure,
  type Resource,
} from '../testing/fixtures';
import { startTestServer, type TestServer } from '../testing/test-server';

/**
 * filter[shared] (decision 0058), on SQLite and, in the server-postgres project, on PostgreSQL: each
 * answer is compared with every stored number, grouped here, so the demo data's own numbers count too.
 */

let server: TestServer;
let all: Resource[];
const ids: Record<'rileys' | 'sams' | 'adasExt' | 'onceA' | 'onceB', number> = {
  rileys: 0,
  sams: 0,
  adasExt: 0,
  onceA: 0,
  onceB: 0,
};
beforeAll(async () => {
  server = await startTestServer();
  const create = async (number: string, prospect: number, extension?: string) =>
    (
      await createPhoneNumber(
        server,
        { number, phoneType: 'work', ...(extension === undefined ? {} : { extension }) },
        prospect,
      )
    ).id;
  // One number on three prospects, one of them with an extension.
  ids.rileys = await create('+1 719 555 0177', PROSPECTS.rileys);
  ids.sams = await create('(719) 555-0177', PROSPECTS.sams);
  ids.adasExt = await create('719 555 0177', PROSPECTS.adas, '12');
  // Twice on one prospect (two extensions): not shared.
  ids.onceA = await create('+1 719 555 0188', PROSPECTS.rileysOther, '1');
  ids.onceB = await create('+1 719 555 0188', PROSPECTS.rileysOther, '2');
  all = await allPages(server, '/api/v2/phoneNumbers?page[size]=1000');
});
afterAll(async () => {
  await server.close();
});

const path = '/api/v2/phoneNumbers';
const prospectOf = (row: Resource) => row.relationships?.prospect?.data.id;
const idsOf = (rows: readonly Resource[]) => rows.map((row) => row.id);

/** The stored numbers that another prospect holds too (or, with false, that none does), by number. */
function storedShared(shared: boolean): number[] {
  const holders = new Map<string, Set<number | undefined>>();
  for (const row of all) {
    const number = String(row.attributes.number);
    holders.set(number, (holders.get(number) ?? new Set()).add(prospectOf(row)));
  }
  return all
    .filter((row) => (holders.get(String(row.attributes.number))?.size ?? 0) > 1 === shared)
    .sort(
      (a, b) =>
        String(a.attributes.number).localeCompare(String(b.attributes.number)) || a.id - b.id,
    )
    .map((row) => row.id);
}

describe('filter[shared]', () => {
  it('true lists the numbers another prospect holds too, whatever the extension, by number', async () => {
    const found = await allPages(server, `${path}?filter[shared]=true&sort=number&page[size]=1000`);
    expect(idsOf(found)).toEqual(storedShared(true));
    expect(idsOf(found)).toEqual(expect.arrayContaining([ids.rileys, ids.sams, ids.adasExt]));
    expect(idsOf(found)).not.toContain(ids.onceA);
    expect(idsOf(found)).not.toContain(ids.onceB);
  });

  it('false lists the numbers no other prospect holds', async () => {
    const found = await allPages(
      server,
      `${path}?filter[shared]=false&sort=number&page[size]=1000`,
    );
    expect(idsOf(found)).toEqual(storedShared(false));
    expect(idsOf(found)).toEqual(expect.arrayContaining([ids.onceA, ids.onceB]));
  });

  it('pages and counts the shared numbers, and names their prospects', async () => {
    for (const pageSize of [1, 2]) {
      const paged = await allPages(
        server,
        `${path}?filter[shared]=true&sort=number&page[size]=${pageSize}`,
      );
      expect(idsOf(paged)).toEqual(storedShared(true));
    }
    const page = collection(
      await server.request(
        'GET',
        `${path}?filter[shared]=true&sort=number&count=true&page[size]=2&include=prospect&fields[prospect]=name`,
        { token: 'dev-admin' },
      ),
    );
    expect(page.meta?.count).toBe(storedShared(true).length);
    expect(page.included?.map((prospect) => prospect.id).sort()).toEqual(
      [...new Set(page.data.map(prospectOf))].sort(),
    );
  });

  it("narrows other filters: a prospect's numbers that others hold too", async () => {
    const found = await allPages(
      server,
      `${path}?filter[shared]=true&filter[prospect][id]=${PROSPECTS.sams}&page[size]=1000`,
    );
    const shared = new Set(storedShared(true));
    expect(idsOf(found)).toEqual(
      all
        .filter((row) => prospectOf(row) === PROSPECTS.sams && shared.has(row.id))
        .map((row) => row.id),
    );
    expect(idsOf(found)).toContain(ids.sams);
  });

  it.each(['dev-rep-riley', 'dev-viewer'])(
    'is for admins: %s is refused with a 403',
    async (token) => {
      const [error] = failure(
        await server.request('GET', `${path}?filter[shared]=true`, { token }),
        403,
      );
      expect(error).toMatchObject({ id: 'unauthorizedRequest' });
      expect(error?.detail).toMatch(/Only admins can list shared numbers/);
      const [unsigned] = failure(
        await server.request('GET', `${path}?filter[shared]=true`, { token: 'no-such-token' }),
        401,
      );
      expect(unsigned?.id).toBe('unauthorized');
    },
  );

  it.each(['yes', '', 'true,false', 'TRUE', '1'])(
    'refuses "%s" with a 400 naming the parameter',
    async (value) => {
      const [error] = failure(
        await server.request('GET', `${path}?filter[shared]=${encodeURIComponent(value)}`, {
          token: 'dev-admin',
        }),
        400,
      );
      expect(error).toMatchObject({
        id: 'badRequest',
        status: '400',
        source: { parameter: 'filter[shared]' },
      });
      expect(error?.detail).toMatch(/true or false/);
    },
  );
});
