import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  PROSPECTS,
  allPages,
  collection,
  createPhoneNumber,
  failure,
  phoneNumberDocument,
  single,
  type Resource,
} from '../testing/fixtures';
import { startTestServer, type TestServer } from '../testing/test-server';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => {
  await server.close();
});

const path = '/api/v2/phoneNumbers';

describe('reading phone numbers', () => {
  it('lists the first page of 50 by id with links and no count unless asked', async () => {
    const page = collection(await server.request('GET', path));
    expect(page.data).toHaveLength(50);
    expect(page.data.map((row) => row.id)).toEqual(
      [...page.data.map((row) => row.id)].sort((a, b) => a - b),
    );
    expect(page.links.first).toBe(`${server.url}${path}`);
    expect(page.links.next).toContain('page[after]=');
    expect(page.links.prev).toBeUndefined();
    expect(page.meta).toBeUndefined();
  });

  it('serves a phone number by id with Outreach attributes, integer ids and the prospect relationship', async () => {
    const resource = single(await server.request('GET', `${path}/1`));
    expect(resource).toMatchObject({
      type: 'phoneNumber',
      id: 1,
      links: { self: `${server.url}${path}/1` },
    });
    expect(Object.keys(resource.attributes).sort()).toEqual([
      'countryCode',
      'createdAt',
      'extension',
      'number',
      'order',
      'phoneType',
      'rawNumber',
      'status',
      'statusChangedAt',
      'updatedAt',
    ]);
    expect(resource.relationships?.prospect?.data).toEqual({ type: 'prospect', id: 1 });
    expect(resource.attributes.number).toMatch(/^\+[1-9]\d{6,14}$/);
  });

  it('reads a type and a status written elsewhere as stored, and pages through them in order', async () => {
    // Writes here take only the closed sets; a database shared with another writer may hold others.
    const shared = await startTestServer();
    try {
      await shared.database.db
        .updateTable('phone_numbers')
        .set({ phone_type: 'fax', status: 'pending' })
        .where('prospect_id', '=', PROSPECTS.rileys)
        .execute();
      const outreachLike = (
        await shared.database.db
          .selectFrom('phone_numbers')
          .select('id')
          .where('prospect_id', '=', PROSPECTS.rileys)
          .execute()
      ).map((row) => row.id);
      expect(outreachLike.length).toBeGreaterThan(4);

      const [id] = outreachLike;
      const resource = single(await shared.request('GET', `${path}/${String(id)}`));
      expect(resource.attributes).toMatchObject({ phoneType: 'fax', status: 'pending' });

      const prospects = `filter[prospect][id]=${PROSPECTS.rileys},${PROSPECTS.rileysOther}`;
      const everyNumber = await allPages(shared, `${path}?${prospects}`);
      // Pages of 4 end on a "fax" or "pending" row, whose cursor the next page is asked with.
      for (const sort of ['phoneType', 'status', '-phoneType']) {
        const rows = await allPages(shared, `${path}?${prospects}&sort=${sort}&page[size]=4`);
        expect(rows.map((row) => row.id).sort((a, b) => a - b)).toEqual(
          everyNumber.map((row) => row.id).sort((a, b) => a - b),
        );
        const attribute = sort.replace('-', '');
        const values = rows.map((row) => String(row.attributes[attribute]));
        const sorted = [...values].sort();
        expect(values).toEqual(sort.startsWith('-') ? sorted.reverse() : sorted);
      }
    } finally {
      await shared.close();
    }
  });

  it('answers 404 resourceNotFound for a missing or impossible id', async () => {
    for (const id of ['999999', 'abc', '0', '-1', '1.5', '99999999999999999999']) {
      const [error] = failure(await server.request('GET', `${path}/${id}`), 404);
      expect(error?.id).toBe('resourceNotFound');
    }
  });

  it("narrows to a prospect's numbers with filter[prospect][id], also for several prospects", async () => {
    const one = collection(
      await server.request('GET', `${path}?filter[prospect][id]=1&sort=order`),
    );
    expect(one.data).toHaveLength(6);
    expect(one.data.every((row) => row.relationships?.prospect?.data.id === 1)).toBe(true);
    expect(one.data.map((row) => row.attributes.order)).toEqual([0, 1, 2, 3, 4, 5]);
    const two = collection(
      await server.request('GET', `${path}?filter[prospect][id]=1,2&page[size]=1000`),
    );
    const prospects = new Set(two.data.map((row) => row.relationships?.prospect?.data.id));
    expect(prospects).toEqual(new Set([1, 2]));
    const none = collection(
      await server.request('GET', `${path}?filter[prospect][id]=${PROSPECTS.samsEmpty}`),
    );
    expect(none.data).toEqual([]);
    expect(none.links.next).toBeUndefined();
  });

  it('filters by each filterable attribute, with lists and ranges', async () => {
    const all = await allPages(server, `${path}?page[size]=1000`);
    const check = async (
      query: string,
      predicate: (attributes: Record<string, unknown>, id: number) => boolean,
    ) => {
      const rows = await allPages(server, `${path}?${query}&page[size]=1000`);
      const expected = all.filter((row) => predicate(row.attributes, row.id)).map((row) => row.id);
      expect(expected.length).toBeGreaterThan(0);
      expect(rows.map((row) => row.id)).toEqual(expected);
    };
    const sample = all[10]!.attributes;
    await check(
      'filter[phoneType]=mobile,home',
      (a) => a.phoneType === 'mobile' || a.phoneType === 'home',
    );
    await check('filter[status]=verified', (a) => a.status === 'verified');
    await check(
      `filter[number]=${encodeURIComponent(String(sample.number))}`,
      (a) => a.number === sample.number,
    );
    await check('filter[order]=2..4', (a) => Number(a.order) >= 2 && Number(a.order) <= 4);
    await check('filter[order]=neginf..1', (a) => Number(a.order) <= 1);
    await check('filter[order]=0,5', (a) => a.order === 0 || a.order === 5);
    await check('filter[id]=3..7,20', (_a, id) => (id >= 3 && id <= 7) || id === 20);
    await check(
      'filter[updatedAt]=2026-09-01..inf',
      (a) => String(a.updatedAt) >= '2026-09-01T00:00:00.000Z',
    );
    await check(
      'filter[statusChangedAt]=neginf..2026-08-15T12:00:00Z',
      (a) => String(a.statusChangedAt) <= '2026-08-15T12:00:00.000Z',
    );
    await check(
      'filter[phoneType]=work&filter[order]=0',
      (a) => a.phoneType === 'work' && a.order === 0,
    );
  });

  it('reads a "+" that a query string turned into a space back as "+" in filter[number]', async () => {
    const first = single(await server.request('GET', `${path}/1`));
    const unencoded = String(first.attributes.number);
    const rows = collection(
      await server.request('GET', `${path}?filter[number]=${unencoded}`),
    ).data;
    expect(rows.map((row) => row.id)).toContain(1);
  });

  it('sorts by sortable attributes, descending with -, several keys, id breaking ties', async () => {
    const rows = await allPages(server, `${path}?sort=phoneType,-updatedAt&page[size]=1000`);
    const expected = [...rows].sort(
      (a, b) =>
        String(a.attributes.phoneType).localeCompare(String(b.attributes.phoneType)) ||
        String(b.attributes.updatedAt).localeCompare(String(a.attributes.updatedAt)) ||
        b.id - a.id,
    );
    expect(rows.map((row) => row.id)).toEqual(expected.map((row) => row.id));
    const byNumber = await allPages(server, `${path}?sort=-number&page[size]=1000`);
    const numbers = byNumber.map((row) => String(row.attributes.number));
    expect(numbers).toEqual([...numbers].sort().reverse());
  });

  it('pages with page[size] and cursors, and counts only when asked', async () => {
    const small = collection(await server.request('GET', `${path}?page[size]=7&count=true`));
    expect(small.data).toHaveLength(7);
    const total = small.meta?.count ?? 0;
    expect(total).toBeGreaterThan(100);
    const walked = await allPages(server, `${path}?page[size]=7`);
    expect(walked).toHaveLength(total);
    expect(new Set(walked.map((row) => row.id)).size).toBe(total);
    const big = collection(await server.request('GET', `${path}?page[size]=1000`));
    expect(big.data).toHaveLength(total);
  });

  it('walks back with links.prev to exactly the pages seen going forward', async () => {
    const forward: number[][] = [];
    let page = collection(await server.request('GET', `${path}?page[size]=10&sort=-updatedAt`));
    forward.push(page.data.map((row) => row.id));
    for (let i = 0; i < 3; i++) {
      page = collection(await server.request('GET', page.links.next!.slice(server.url.length)));
      forward.push(page.data.map((row) => row.id));
    }
    for (let i = forward.length - 2; i >= 0; i--) {
      page = collection(await server.request('GET', page.links.prev!.slice(server.url.length)));
      expect(page.data.map((row) => row.id)).toEqual(forward[i]);
    }
    expect(page.links.prev).toBeUndefined();
  });

  it('returns only the fields asked for with fields[phoneNumber]', async () => {
    const rows = collection(
      await server.request('GET', `${path}?fields[phoneNumber]=number,phoneType&page[size]=3`),
    ).data;
    for (const row of rows) {
      expect(Object.keys(row.attributes).sort()).toEqual(['number', 'phoneType']);
      expect(row.relationships).toBeUndefined();
    }
    const withProspect = single(
      await server.request('GET', `${path}/1?fields[phoneNumber]=order,prospect`),
    );
    expect(withProspect.attributes).toEqual({ order: expect.any(Number) });
    expect(withProspect.relationships?.prospect).toBeDefined();
  });

  it('includes each related prospect once with include=prospect', async () => {
    const page = collection(
      await server.request('GET', `${path}?filter[prospect][id]=1,2&include=prospect`),
    );
    expect(page.included?.map((prospect) => prospect.id).sort()).toEqual([1, 2]);
    const prospect = page.included?.find((p) => p.id === 1);
    expect(prospect?.type).toBe('prospect');
    const numbers = page.data.filter((row) => row.relationships?.prospect?.data.id === 1);
    const arrays = [
      'homePhones',
      'mobilePhones',
      'workPhones',
      'otherPhones',
      'voipPhones',
    ].flatMap((name) => prospect?.attributes[name] as string[]);
    expect(arrays).toHaveLength(numbers.length);
    const sparse = collection(
      await server.request('GET', `${path}?filter[id]=1&include=prospect&fields[prospect]=name`),
    );
    expect(sparse.included?.[0]?.attributes).toEqual({ name: expect.any(String) });
    // What the app asks for: each number's prospect, named, with whether its calls are opted out.
    const asTheAppAsks = collection(
      await server.request(
        'GET',
        `${path}?filter[id]=1&include=prospect&fields[prospect]=name,callsOptStatus`,
      ),
    );
    expect(asTheAppAsks.included?.[0]?.attributes).toEqual({
      name: expect.any(String),
      callsOptStatus: expect.toBeOneOf(['opted_in', 'opted_out', null]),
    });
  });

  it("includes, as the grid asks, each prospect's name and calls status as a whole read gives them, meta too", async () => {
    // Numbers of prospects of several owners, some with several numbers each, read by a rep.
    const { rileys, rileysOther, sams, adas } = PROSPECTS;
    const included = async (fields: string) =>
      collection(
        await server.request(
          'GET',
          `${path}?filter[prospect][id]=${rileys},${rileysOther},${sams},${adas}&page[size]=100&include=prospect${fields}&provideAuthorizationMeta=true`,
          { token: 'dev-rep-riley' },
        ),
      ).included ?? [];
    const summary = ({ type, id, attributes, links, meta }: Resource) => ({
      type,
      id,
      attributes: { name: attributes.name, callsOptStatus: attributes.callsOptStatus },
      links,
      meta,
    });

    const asTheGridAsks = await included('&fields[prospect]=name,callsOptStatus');

    expect(asTheGridAsks.map((prospect) => prospect.meta?.canWrite)).toEqual([
      true,
      true,
      false,
      false,
    ]);
    expect(asTheGridAsks).toEqual((await included('')).map(summary));
  });

  it('adds meta.canWrite and meta.canDelete only with provideAuthorizationMeta=true, meta.etag always', async () => {
    const plain = single(await server.request('GET', `${path}/1`));
    expect(plain.meta).toEqual({ etag: expect.stringMatching(/^W\//) });
    const withMeta = single(await server.request('GET', `${path}/1?provideAuthorizationMeta=true`));
    expect(withMeta.meta).toEqual({ canWrite: true, canDelete: true, etag: plain.meta?.etag });
  });
});

describe('query parameters the server does not support', () => {
  const cases: [string, string][] = [
    ['filter[rawNumber]=1', 'filter[rawNumber]'],
    ['filter[extension]=12', 'filter[extension]'],
    ['filter[prospect][name]=x', 'filter[prospect][name]'],
    ['filter[phoneType]=fax', 'filter[phoneType]'],
    ['filter[phoneType]=home..work', 'filter[phoneType]'],
    ['filter[order]=abc', 'filter[order]'],
    ['filter[order]=1..2..3', 'filter[order]'],
    ['filter[updatedAt]=yesterday', 'filter[updatedAt]'],
    ['filter[updatedAt]=2026-13-45', 'filter[updatedAt]'],
    ['sort=rawNumber', 'sort'],
    ['sort=extension', 'sort'],
    ['sort=number,number', 'sort'],
    ['sort=', 'sort'],
    ['page[size]=0', 'page[size]'],
    ['page[size]=1001', 'page[size]'],
    ['page[size]=-5', 'page[size]'],
    ['page[size]=ten', 'page[size]'],
    ['page[offset]=10', 'page[offset]'],
    ['page[after]=not-a-cursor', 'page[after]'],
    ['page[before]=eyJzIjoiaWQiLCJrIjpbMV19&page[after]=eyJzIjoiaWQiLCJrIjpbMV19', 'page[before]'],
    ['count=yes', 'count'],
    ['include=owner', 'include'],
    ['fields[phoneNumber]=secret', 'fields[phoneNumber]'],
    ['fields[account]=name', 'fields[account]'],
    ['provideAuthorizationMeta=1', 'provideAuthorizationMeta'],
    ['access_token=dev-admin', 'access_token'],
    ['sort=id&sort=-id', 'sort'],
  ];
  it.each(cases)('%s is a 400 naming %s', async (query, parameter) => {
    const [error] = failure(await server.request('GET', `${path}?${query}`), 400);
    expect(error).toMatchObject({ id: 'badRequest', status: '400', source: { parameter } });
    expect(error?.detail.length).toBeGreaterThan(10);
  });

  it('refuses a cursor made for another sort', async () => {
    const page = collection(await server.request('GET', `${path}?sort=-updatedAt&page[size]=5`));
    const cursor = new URL(page.links.next!).searchParams.get('page[after]');
    const [error] = failure(
      await server.request('GET', `${path}?sort=number&page[after]=${cursor}`),
      400,
    );
    expect(error?.source?.parameter).toBe('page[after]');
  });

  it('refuses collection parameters on one resource', async () => {
    const [error] = failure(await server.request('GET', `${path}/1?sort=number`), 400);
    expect(error?.source?.parameter).toBe('sort');
  });
});

describe('creating phone numbers', () => {
  it('answers 201 with Location, stores E.164, keeps what was typed, sets timestamps and order', async () => {
    const response = await server.request('POST', path, {
      body: phoneNumberDocument(
        { number: '(415) 555-0142', phoneType: 'mobile' },
        PROSPECTS.rileys,
      ),
    });
    const created = single(response, 201);
    expect(response.headers.get('Location')).toBe(`${server.url}${path}/${created.id}`);
    expect(created.attributes).toMatchObject({
      number: '+14155550142',
      rawNumber: '(415) 555-0142',
      countryCode: 'US',
      phoneType: 'mobile',
      status: 'unverified',
      extension: null,
      order: 6,
    });
    expect(created.attributes.createdAt).toBe(created.attributes.updatedAt);
    expect(created.attributes.statusChangedAt).toBe(created.attributes.createdAt);
    const fetched = single(await server.request('GET', `${path}/${created.id}`));
    expect(fetched).toEqual(created);
  });

  it('reads a national number in the country given and moves an "ext." suffix into extension', async () => {
    const created = await createPhoneNumber(
      server,
      { number: '020 7946 0321 ext. 42', countryCode: 'gb', phoneType: 'work', order: 0 },
      PROSPECTS.adas,
    );
    expect(created.attributes).toMatchObject({
      number: '+442079460321',
      extension: '42',
      countryCode: 'GB',
      order: 0,
      rawNumber: '020 7946 0321 ext. 42',
    });
  });

  it('derives the country from an international number and keeps a rawNumber the client sends', async () => {
    const created = await createPhoneNumber(
      server,
      { number: '+49 30 12345678', rawNumber: 'from the CRM import' },
      PROSPECTS.adas,
    );
    expect(created.attributes).toMatchObject({
      number: '+493012345678',
      countryCode: 'DE',
      rawNumber: 'from the CRM import',
      phoneType: 'other',
    });
  });

  it('refuses the same number and extension twice on one prospect, on the number, and allows it elsewhere', async () => {
    await createPhoneNumber(server, { number: '+1 206 555 0177', extension: '9' }, PROSPECTS.adas);
    const [error] = failure(
      await server.request('POST', path, {
        body: phoneNumberDocument({ number: '206.555.0177 x9' }, PROSPECTS.adas),
      }),
      422,
    );
    expect(error).toMatchObject({
      id: 'validationError',
      source: { pointer: '/data/attributes/number' },
    });
    expect(error?.detail).toContain('+1 206 555 0177');
    await createPhoneNumber(server, { number: '+1 206 555 0177' }, PROSPECTS.adas);
    await createPhoneNumber(
      server,
      { number: '+1 206 555 0177', extension: '9' },
      PROSPECTS.rileys,
    );
  });

  const invalid: [string, Record<string, unknown>, string][] = [
    ['a missing number', { phoneType: 'work' }, '/data/attributes/number'],
    ['an invalid number', { number: '555' }, '/data/attributes/number'],
    ['letters', { number: 'call me maybe' }, '/data/attributes/number'],
    ['a number of the wrong type', { number: 4155550100 }, '/data/attributes/number'],
    [
      'an unknown phoneType',
      { number: '+14155550100', phoneType: 'fax' },
      '/data/attributes/phoneType',
    ],
    ['a null phoneType', { number: '+14155550100', phoneType: null }, '/data/attributes/phoneType'],
    [
      'an unknown country',
      { number: '4155550100', countryCode: 'XX' },
      '/data/attributes/countryCode',
    ],
    [
      'a three-letter country',
      { number: '4155550100', countryCode: 'USA' },
      '/data/attributes/countryCode',
    ],
    [
      'a country the number contradicts',
      { number: '+1 303 555 0177', countryCode: 'GB' },
      '/data/attributes/countryCode',
    ],
    [
      'letters in the extension',
      { number: '+14155550100', extension: '12a' },
      '/data/attributes/extension',
    ],
    [
      'an eleven-digit extension',
      { number: '+14155550100', extension: '12345678901' },
      '/data/attributes/extension',
    ],
    ['a negative order', { number: '+14155550100', order: -1 }, '/data/attributes/order'],
    ['a fractional order', { number: '+14155550100', order: 1.5 }, '/data/attributes/order'],
    ['a string order', { number: '+14155550100', order: '1' }, '/data/attributes/order'],
    ['an unknown status', { number: '+14155550100', status: 'lost' }, '/data/attributes/status'],
    [
      'a 256-character rawNumber',
      { number: '+14155550100', rawNumber: 'x'.repeat(256) },
      '/data/attributes/rawNumber',
    ],
    ['a 256-character number', { number: '1'.repeat(256) }, '/data/attributes/number'],
    [
      'a right-to-left override in the number',
      { number: '\u202E+1 415 555 0100' },
      '/data/attributes/number',
    ],
    [
      'a zero-width space in rawNumber',
      { number: '+14155550100', rawNumber: '(415) 555\u200B-0100' },
      '/data/attributes/rawNumber',
    ],
    [
      'a byte-order mark before the extension',
      { number: '+14155550100', extension: '\uFEFF12' },
      '/data/attributes/extension',
    ],
    [
      'a bidi isolate in the extension',
      { number: '+14155550100', extension: '12\u2066' },
      '/data/attributes/extension',
    ],
    [
      'an unknown attribute',
      { number: '+14155550100', favourite: true },
      '/data/attributes/favourite',
    ],
    [
      'a read-only attribute',
      { number: '+14155550100', createdAt: '2020-01-01T00:00:00Z' },
      '/data/attributes/createdAt',
    ],
    [
      'conflicting extensions',
      { number: '+14155550100 x12', extension: '34' },
      '/data/attributes/extension',
    ],
  ];
  it.each(invalid)(
    'refuses %s with a 422 on %s and stores nothing',
    async (_what, attributes, pointer) => {
      const before = collection(
        await server.request('GET', `${path}?filter[prospect][id]=${PROSPECTS.adas}&count=true`),
      ).meta?.count;
      const errors = failure(
        await server.request('POST', path, {
          body: phoneNumberDocument(attributes, PROSPECTS.adas),
        }),
        422,
      );
      expect(errors.map((error) => error.source?.pointer)).toContain(pointer);
      expect(
        errors.every((error) => error.id === 'validationError' && error.status === '422'),
      ).toBe(true);
      const after = collection(
        await server.request('GET', `${path}?filter[prospect][id]=${PROSPECTS.adas}&count=true`),
      ).meta?.count;
      expect(after).toBe(before);
    },
  );

  it('says "This isn\'t a valid US number" in words a rep understands', async () => {
    const [error] = failure(
      await server.request('POST', path, {
        body: phoneNumberDocument({ number: '555 123 4567' }, PROSPECTS.adas),
      }),
      422,
    );
    expect(error?.detail).toBe("This isn't a valid US number.");
  });

  it('requires an existing prospect relationship', async () => {
    const missing = failure(
      await server.request('POST', path, {
        body: phoneNumberDocument({ number: '+14155550100' }, undefined),
      }),
      422,
    );
    expect(missing[0]?.source?.pointer).toBe('/data/relationships/prospect');
    const unknown = failure(
      await server.request('POST', path, {
        body: phoneNumberDocument({ number: '+14155550100' }, 987654),
      }),
      422,
    );
    expect(unknown[0]).toMatchObject({ source: { pointer: '/data/relationships/prospect' } });
    expect(unknown[0]?.detail).toContain('987654');
    const wrongType = failure(
      await server.request('POST', path, {
        body: {
          data: {
            type: 'phoneNumber',
            attributes: { number: '+14155550100' },
            relationships: { prospect: { data: { type: 'user', id: 1 } } },
          },
        },
      }),
      422,
    );
    expect(wrongType[0]?.source?.pointer).toBe('/data/relationships/prospect');
  });

  it('accepts the prospect id as a JSON:API string too', async () => {
    const created = single(
      await server.request('POST', path, {
        body: {
          data: {
            type: 'phoneNumber',
            attributes: { number: '+14155550111' },
            relationships: { prospect: { data: { type: 'prospect', id: String(PROSPECTS.adas) } } },
          },
        },
      }),
      201,
    );
    expect(created.relationships?.prospect?.data.id).toBe(PROSPECTS.adas);
  });

  it('refuses a body without the JSON:API media type with 415', async () => {
    for (const contentType of [
      'application/json',
      'text/plain',
      'application/vnd.api+json; charset=utf-8',
    ]) {
      const [error] = failure(
        await server.request('POST', path, {
          body: phoneNumberDocument({ number: '+14155550100' }, PROSPECTS.adas),
          headers: { 'Content-Type': contentType },
        }),
        415,
      );
      expect(error?.id).toBe('unsupportedMediaType');
    }
    const [error] = failure(
      await server.request('POST', path, {
        rawBody: JSON.stringify(phoneNumberDocument({ number: '+14155550100' }, 1)),
      }),
      415,
    );
    expect(error?.id).toBe('unsupportedMediaType');
  });

  it('answers malformed JSON with 400 and a body over the limit with 413', async () => {
    const headers = { 'Content-Type': 'application/vnd.api+json' };
    const [malformed] = failure(
      await server.request('POST', path, { rawBody: '{"data": ', headers }),
      400,
    );
    expect(malformed?.id).toBe('badRequest');
    const [empty] = failure(await server.request('POST', path, { rawBody: '', headers }), 400);
    expect(empty?.id).toBe('badRequest');
    const huge = JSON.stringify(
      phoneNumberDocument({ number: '+14155550100', rawNumber: 'x'.repeat(100_000) }, 1),
    );
    const [tooLarge] = failure(await server.request('POST', path, { rawBody: huge, headers }), 413);
    expect(tooLarge?.id).toBe('payloadTooLarge');
  });

  it('answers a NUL character anywhere in a body with 400, writing nothing, but takes an escaped backslash before u0000', async () => {
    const before = collection(await server.request('GET', `${path}?count=true`)).meta?.count;
    for (const extension of ['\u0000', '12\u00003', '\\\u0000']) {
      const rawBody = JSON.stringify(
        phoneNumberDocument({ number: '+14155550142', extension: 'EXT' }, 1),
      ).replace('EXT', extension);
      const [error] = failure(
        await server.request('POST', path, {
          rawBody,
          headers: { 'Content-Type': 'application/vnd.api+json' },
        }),
        400,
      );
      expect(error?.detail, rawBody).toContain('NUL character');
    }
    expect(collection(await server.request('GET', `${path}?count=true`)).meta?.count).toBe(before);
    // A backslash, then "u0000": no NUL, so the extension's own rule answers.
    const [notDigits] = failure(
      await server.request('POST', path, {
        rawBody: JSON.stringify(
          phoneNumberDocument({ number: '+14155550142', extension: 'EXT' }, 1),
        ).replace('EXT', '\\\\u0000'),
        headers: { 'Content-Type': 'application/vnd.api+json' },
      }),
      422,
    );
    expect(notDigits?.source).toEqual({ pointer: '/data/attributes/extension' });
    const [refused] = failure(
      await server.request('GET', `/api/v2/prospects?filter%5Bq%5D=Ri%00ley`),
      400,
    );
    expect(refused).toMatchObject({ id: 'badRequest', source: { parameter: 'filter[q]' } });
  });

  it('answers 409 for a body of another type and 422 for a client-chosen id', async () => {
    const [conflict] = failure(
      await server.request('POST', path, {
        body: { data: { type: 'prospect', attributes: { number: '+14155550100' } } },
      }),
      409,
    );
    expect(conflict).toMatchObject({ id: 'conflict', source: { pointer: '/data/type' } });
    const [withId] = failure(
      await server.request('POST', path, {
        body: phoneNumberDocument({ number: '+14155550100' }, 1, 77),
      }),
      422,
    );
    expect(withId?.source?.pointer).toBe('/data/id');
  });

  it('refuses documents of the wrong shape with a pointer to the problem', async () => {
    const shapes: [unknown, string][] = [
      [[], ''],
      [{ data: [] }, '/data'],
      [{ data: null }, '/data'],
      [{ data: { type: 'phoneNumber', attributes: [] } }, '/data/attributes'],
      [
        {
          data: { type: 'phoneNumber', attributes: { number: '+14155550100' }, relationships: 'x' },
        },
        '/data/relationships',
      ],
      [{ data: { type: 'phoneNumber', extra: 1 } }, '/data/extra'],
      [{ data: { type: 'phoneNumber', 'a/b~c': 1 } }, '/data/a~1b~0c'],
      [{ data: { type: 'phoneNumber', relationships: { '~/': {} } } }, '/data/relationships/~0~1'],
      [{ data: { attributes: {} } }, '/data/type'],
    ];
    for (const [body, pointer] of shapes) {
      const [error] = failure(await server.request('POST', path, { body }), 422);
      expect(error?.source?.pointer).toBe(pointer);
    }
  });
});

describe('updating phone numbers', () => {
  it('changes only the attributes sent and moves updatedAt, leaving statusChangedAt while status stays', async () => {
    const created = await createPhoneNumber(
      server,
      { number: '+14155550150', phoneType: 'work', extension: '7' },
      PROSPECTS.adas,
    );
    server.advance(60_000);
    const updated = single(
      await server.request('PATCH', `${path}/${created.id}`, {
        body: phoneNumberDocument({ phoneType: 'mobile' }, undefined, created.id),
      }),
    );
    expect(updated.attributes).toEqual({
      ...created.attributes,
      phoneType: 'mobile',
      updatedAt: expect.any(String),
    });
    expect(String(updated.attributes.updatedAt) > String(created.attributes.updatedAt)).toBe(true);
    expect(updated.attributes.statusChangedAt).toBe(created.attributes.statusChangedAt);
  });

  it('moves statusChangedAt when status changes, and not when it is sent unchanged', async () => {
    const created = await createPhoneNumber(server, { number: '+14155550151' }, PROSPECTS.adas);
    server.advance(60_000);
    const verified = single(
      await server.request('PATCH', `${path}/${created.id}`, {
        body: phoneNumberDocument({ status: 'verified' }, undefined, created.id),
      }),
    );
    expect(verified.attributes.status).toBe('verified');
    expect(
      String(verified.attributes.statusChangedAt) > String(created.attributes.statusChangedAt),
    ).toBe(true);
    expect(verified.attributes.statusChangedAt).toBe(verified.attributes.updatedAt);
    server.advance(60_000);
    const same = single(
      await server.request('PATCH', `${path}/${created.id}`, {
        body: phoneNumberDocument({ status: 'verified' }, undefined, created.id),
      }),
    );
    expect(same.attributes).toEqual(verified.attributes);
  });

  it('refuses a country the stored or sent number contradicts, at countryCode, and keeps the row', async () => {
    const created = await createPhoneNumber(server, { number: '+1 303 555 0177' }, PROSPECTS.adas);
    const patch = (attributes: Record<string, unknown>) =>
      server.request('PATCH', `${path}/${created.id}`, {
        body: phoneNumberDocument(attributes, undefined, created.id),
      });
    for (const attributes of [
      { countryCode: 'GB' },
      { countryCode: 'CA' },
      { number: '+1 303 555 0188', countryCode: 'AE' },
    ]) {
      const [error] = failure(await patch(attributes), 422);
      expect(error).toMatchObject({
        id: 'validationError',
        source: { pointer: '/data/attributes/countryCode' },
      });
    }
    expect(single(await server.request('GET', `${path}/${created.id}`)).attributes).toEqual(
      created.attributes,
    );
    // Calling codes several countries share: a +1 800 number is valid in Canada and the Caribbean too.
    const tollFree = await createPhoneNumber(
      server,
      { number: '+1 800 555 0100', countryCode: 'CA' },
      PROSPECTS.adas,
    );
    expect(tollFree.attributes.countryCode).toBe('CA');
    expect(single(await patch({ countryCode: 'US' })).attributes.countryCode).toBe('US');
  });

  it('re-parses a changed number, keeps what was typed and refuses a duplicate of a sibling', async () => {
    const first = await createPhoneNumber(server, { number: '+14155550152' }, PROSPECTS.adas);
    const second = await createPhoneNumber(server, { number: '+14155550153' }, PROSPECTS.adas);
    const changed = single(
      await server.request('PATCH', `${path}/${second.id}`, {
        body: phoneNumberDocument({ number: '415-555-0154 x5' }, undefined, second.id),
      }),
    );
    expect(changed.attributes).toMatchObject({
      number: '+14155550154',
      extension: '5',
      rawNumber: '415-555-0154 x5',
    });
    const [duplicate] = failure(
      await server.request('PATCH', `${path}/${second.id}`, {
        body: phoneNumberDocument(
          { number: '+14155550152', extension: null },
          undefined,
          second.id,
        ),
      }),
      422,
    );
    expect(duplicate?.source?.pointer).toBe('/data/attributes/number');
    expect(single(await server.request('GET', `${path}/${second.id}`)).attributes).toEqual(
      changed.attributes,
    );
    const itself = single(
      await server.request('PATCH', `${path}/${first.id}`, {
        body: phoneNumberDocument({ number: '+14155550152' }, undefined, first.id),
      }),
    );
    expect(itself.attributes.number).toBe('+14155550152');
  });

  it('clears an extension with null', async () => {
    const created = await createPhoneNumber(
      server,
      { number: '+14155550155', extension: '12' },
      PROSPECTS.adas,
    );
    const cleared = single(
      await server.request('PATCH', `${path}/${created.id}`, {
        body: phoneNumberDocument({ extension: null }, undefined, created.id),
      }),
    );
    expect(cleared.attributes.extension).toBeNull();
  });

  it('refuses invisible direction and zero-width characters on PATCH too, and changes nothing', async () => {
    const created = await createPhoneNumber(server, { number: '+14155550186' }, PROSPECTS.adas);
    const errors = failure(
      await server.request('PATCH', `${path}/${created.id}`, {
        body: phoneNumberDocument(
          {
            number: '+1 415 555 0187\u200F',
            rawNumber: '\u202D415 555 0187',
            extension: '\u20607',
          },
          undefined,
          created.id,
        ),
      }),
      422,
    );
    expect(errors.map((error) => [error.source?.pointer, error.detail])).toEqual(
      ['number', 'rawNumber', 'extension'].map((attribute) => [
        `/data/attributes/${attribute}`,
        'Remove the invisible characters (direction marks, zero-width spaces) from this',
      ]),
    );
    expect(single(await server.request('GET', `${path}/${created.id}`)).attributes).toEqual(
      created.attributes,
    );
  });

  it('answers 409 when the body names another type or id, and 422 without an id', async () => {
    const [otherId] = failure(
      await server.request('PATCH', `${path}/1`, {
        body: phoneNumberDocument({ status: 'verified' }, undefined, 2),
      }),
      409,
    );
    expect(otherId).toMatchObject({ id: 'conflict', source: { pointer: '/data/id' } });
    const [otherType] = failure(
      await server.request('PATCH', `${path}/1`, {
        body: { data: { type: 'prospect', id: 1, attributes: {} } },
      }),
      409,
    );
    expect(otherType?.source?.pointer).toBe('/data/type');
    const [noId] = failure(
      await server.request('PATCH', `${path}/1`, {
        body: phoneNumberDocument({ status: 'verified' }, undefined),
      }),
      422,
    );
    expect(noId?.source?.pointer).toBe('/data/id');
    const [asString] = [
      single(
        await server.request('PATCH', `${path}/1`, {
          body: { data: { type: 'phoneNumber', id: '1', attributes: {} } },
        }),
      ),
    ];
    expect(asString.id).toBe(1);
  });

  it('does not move a number to another prospect', async () => {
    const created = await createPhoneNumber(server, { number: '+14155550156' }, PROSPECTS.adas);
    const [error] = failure(
      await server.request('PATCH', `${path}/${created.id}`, {
        body: phoneNumberDocument({}, PROSPECTS.rileys, created.id),
      }),
      422,
    );
    expect(error?.source?.pointer).toBe('/data/relationships/prospect');
  });

  it('answers 404 for a missing number and changes nothing on a failed update', async () => {
    failure(
      await server.request('PATCH', `${path}/999999`, {
        body: phoneNumberDocument({ status: 'verified' }, undefined, 999999),
      }),
      404,
    );
    const before = single(await server.request('GET', `${path}/2`));
    failure(
      await server.request('PATCH', `${path}/2`, {
        body: phoneNumberDocument({ status: 'verified', phoneType: 'fax' }, undefined, 2),
      }),
      422,
    );
    expect(single(await server.request('GET', `${path}/2`))).toEqual(before);
  });
});

describe('deleting phone numbers', () => {
  it('answers 204 with an empty body, then 404', async () => {
    const created = await createPhoneNumber(server, { number: '+14155550160' }, PROSPECTS.adas);
    const deleted = await server.request('DELETE', `${path}/${created.id}`);
    expect(deleted.status).toBe(204);
    expect(deleted.text).toBe('');
    failure(await server.request('GET', `${path}/${created.id}`), 404);
    failure(await server.request('DELETE', `${path}/${created.id}`), 404);
  });

  it('never gives a deleted id to a new number', async () => {
    const created = await createPhoneNumber(server, { number: '+14155550161' }, PROSPECTS.adas);
    await server.request('DELETE', `${path}/${created.id}`);
    const next = await createPhoneNumber(server, { number: '+14155550162' }, PROSPECTS.adas);
    expect(next.id).toBeGreaterThan(created.id);
  });
});

describe('methods and paths', () => {
  it('answers 405 with Allow for a method an endpoint does not take, and 404 for unknown paths', async () => {
    const put = await server.request('PUT', `${path}/1`, { body: {} });
    expect(failure(put, 405)[0]?.id).toBe('methodNotAllowed');
    expect(put.headers.get('Allow')).toBe('GET, PATCH, DELETE');
    expect(failure(await server.request('DELETE', path), 405)[0]?.id).toBe('methodNotAllowed');
    expect(failure(await server.request('GET', '/api/v2/accounts'), 404)[0]?.id).toBe(
      'resourceNotFound',
    );
  });
});
