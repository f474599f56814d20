import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  PROSPECTS,
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

const patch = (id: number, attributes: Record<string, unknown>, ifMatch?: string) =>
  server.request('PATCH', `${path}/${id}`, {
    body: phoneNumberDocument(attributes, undefined, id),
    ...(ifMatch === undefined ? {} : { headers: { 'If-Match': ifMatch } }),
  });

const etagOf = (response: { headers: Headers }) => response.headers.get('ETag') ?? '';

describe('ETag', () => {
  it('is weak, on every single-resource answer, in each resource of a collection too, and new with every write', async () => {
    const created = await server.request('POST', path, {
      body: phoneNumberDocument({ number: '+14155550170' }, PROSPECTS.adas),
    });
    const id = single(created, 201).id;
    const read = await server.request('GET', `${path}/${id}`);
    expect(etagOf(created)).toMatch(/^W\/"[^"]+"$/);
    expect(etagOf(read)).toBe(etagOf(created));
    const listed = collection(
      await server.request('GET', `${path}?filter[id]=${id}&provideAuthorizationMeta=true`),
    );
    expect(listed.data[0]?.meta).toEqual({
      canWrite: true,
      canDelete: true,
      etag: etagOf(read),
    });

    // Two writes within one millisecond of the server's clock still give two tags.
    const first = await patch(id, { phoneType: 'work' });
    const second = await patch(id, { phoneType: 'home' });
    const tags = [etagOf(read), etagOf(first), etagOf(second)];
    expect(new Set(tags).size).toBe(3);
    expect(single(second).meta?.etag).toBe(etagOf(second));
  });
});

describe('If-Match on PATCH and DELETE', () => {
  async function freshNumber(number: string): Promise<{ id: number; etag: string }> {
    const created = await server.request('POST', path, {
      body: phoneNumberDocument({ number }, PROSPECTS.adas),
    });
    return { id: single(created, 201).id, etag: etagOf(created) };
  }

  it('refuses a PATCH made from an older version with 412 preconditionFailed and changes nothing', async () => {
    const { id, etag } = await freshNumber('+14155550171');
    const colleague = await patch(id, { status: 'verified' }, etag);
    expect(colleague.status).toBe(200);

    const stale = await patch(id, { phoneType: 'mobile' }, etag);
    const [error] = failure(stale, 412);
    expect(error).toMatchObject({ id: 'preconditionFailed', status: '412' });
    expect(error?.detail).toContain(String(single(colleague).attributes.updatedAt));
    expect(etagOf(stale)).toBe(etagOf(colleague));
    const now = single(await server.request('GET', `${path}/${id}`));
    expect(now.attributes).toMatchObject({ status: 'verified', phoneType: 'other' });

    const retried = await patch(id, { phoneType: 'mobile' }, etagOf(stale));
    expect(single(retried).attributes).toMatchObject({ status: 'verified', phoneType: 'mobile' });
  });

  it('checks before it validates: a stale If-Match with a bad number is a 412, not a 422', async () => {
    const { id, etag } = await freshNumber('+14155550172');
    await patch(id, { status: 'verified' });
    failure(await patch(id, { number: 'not a number' }, etag), 412);
  });

  it('keeps the last write winning without If-Match, and takes *, lists and a bare tag', async () => {
    const { id, etag } = await freshNumber('+14155550173');
    await patch(id, { status: 'verified' }, etag);
    expect((await patch(id, { phoneType: 'work' })).status).toBe(200);
    expect((await patch(id, { phoneType: 'home' }, '*')).status).toBe(200);
    const current = etagOf(await server.request('GET', `${path}/${id}`));
    expect((await patch(id, { phoneType: 'voip' }, `W/"0", ${current}`)).status).toBe(200);
    const bare = etagOf(await server.request('GET', `${path}/${id}`)).replace(/^W\/"|"$/g, '');
    expect((await patch(id, { phoneType: 'work' }, bare)).status).toBe(200);
    failure(await patch(id, { phoneType: 'home' }, bare), 412);
  });

  it('lets exactly one of 10 parallel PATCHes with the same If-Match through', async () => {
    for (let round = 0; round < 5; round += 1) {
      const { id, etag } = await freshNumber(`+1415555018${round}`);
      const answers = await Promise.all(
        Array.from({ length: 10 }, (_, k) => patch(id, { extension: String(100 + k) }, etag)),
      );
      const statuses = answers.map((answer) => answer.status).sort();
      expect(statuses).toEqual([200, ...Array<number>(9).fill(412)]);
      const winner = answers.find((answer) => answer.status === 200);
      const now = single(await server.request('GET', `${path}/${id}`));
      expect(now.attributes.extension).toBe(single(winner!).attributes.extension);
    }
  });

  it('refuses a DELETE of a number changed since it was read with 412, and deletes with the current tag', async () => {
    const { id, etag } = await freshNumber('+14155550174');
    const changed = await patch(id, { number: '+14155550175' });
    failure(
      await server.request('DELETE', `${path}/${id}`, { headers: { 'If-Match': etag } }),
      412,
    );
    expect((await server.request('GET', `${path}/${id}`)).status).toBe(200);

    const parallel = await Promise.all(
      Array.from({ length: 5 }, () =>
        server.request('DELETE', `${path}/${id}`, { headers: { 'If-Match': etagOf(changed) } }),
      ),
    );
    expect(parallel.map((answer) => answer.status).sort()).toEqual([204, 404, 404, 404, 404]);
  });

  it('answers 404 for a missing number whatever If-Match says', async () => {
    failure(await patch(999_999, { status: 'verified' }, 'W/"1"'), 404);
    failure(
      await server.request('DELETE', `${path}/999999`, { headers: { 'If-Match': '*' } }),
      404,
    );
  });
});

describe('reordering under concurrency', () => {
  const prospect = PROSPECTS.samsEmpty;
  const listPath = `${path}?filter[prospect][id]=${prospect}&sort=order&page[size]=100`;

  async function resetProspect(size: number): Promise<Resource[]> {
    for (const row of collection(await server.request('GET', listPath)).data) {
      await server.request('DELETE', `${path}/${row.id}`);
    }
    for (let k = 0; k < size; k += 1) {
      await createPhoneNumber(
        server,
        { number: `+1303555${String(1000 + k)}`, order: k },
        prospect,
      );
    }
    return collection(await server.request('GET', listPath)).data;
  }

  const orders = async () =>
    collection(await server.request('GET', listPath)).data.map((row) =>
      Number(row.attributes.order),
    );

  it('swaps the orders when a number takes an order another one holds', async () => {
    const rows = await resetProspect(3);
    const [first, , last] = rows;
    const moved = single(await patch(last!.id, { order: 0 }));
    expect(moved.attributes.order).toBe(0);
    const now = collection(await server.request('GET', listPath)).data;
    expect(now.map((row) => [row.id, row.attributes.order])).toEqual([
      [last!.id, 0],
      [rows[1]!.id, 1],
      [first!.id, 2],
    ]);
  });

  // Each client reads the list, then sends PATCHes of `order` computed from what it read: any number, any
  // order value. However the two clients' PATCHes interleave, no two numbers end with one order.
  const client = (size: number) =>
    fc.array(fc.record({ pick: fc.nat({ max: size - 1 }), order: fc.nat({ max: 2 * size }) }), {
      maxLength: size,
    });
  const scenario = fc.integer({ min: 2, max: 6 }).chain((size) =>
    fc.record({
      size: fc.constant(size),
      clients: fc.tuple(client(size), client(size)),
      turns: fc.array(fc.boolean(), { minLength: 2 * size, maxLength: 2 * size }),
      parallel: fc.boolean(),
    }),
  );

  it('leaves order a permutation however two clients reordering at once interleave', async () => {
    await fc.assert(
      fc.asyncProperty(scenario, async ({ size, clients, turns, parallel }) => {
        const rows = await resetProspect(size);
        const queues = clients.map((plan) =>
          plan.map(({ pick, order }) => ({ id: rows[pick]!.id, order })),
        );
        if (parallel) {
          await Promise.all(
            queues.map(async (queue) => {
              for (const step of queue) await patch(step.id, { order: step.order });
            }),
          );
        } else {
          for (const turn of turns) {
            const step = queues[turn ? 0 : 1]!.shift() ?? queues[turn ? 1 : 0]!.shift();
            if (step) await patch(step.id, { order: step.order });
          }
          for (const step of queues.flat()) await patch(step.id, { order: step.order });
        }
        const now = await orders();
        expect(now).toHaveLength(size);
        expect(new Set(now).size).toBe(size);
      }),
      { numRuns: 40 },
    );
  });

  it('ends as a lone client asked whenever the orders it sends are distinct', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 2, max: 6 }).chain((size) =>
          fc.record({
            size: fc.constant(size),
            targets: fc.uniqueArray(
              fc.record({ pick: fc.nat({ max: size - 1 }), order: fc.nat({ max: 2 * size }) }),
              { selector: (target) => target.order, maxLength: size },
            ),
          }),
        ),
        async ({ size, targets }) => {
          const rows = await resetProspect(size);
          const wanted = new Map(targets.map(({ pick, order }) => [rows[pick]!.id, order]));
          for (const [id, order] of wanted) await patch(id, { order });
          const now = collection(await server.request('GET', listPath)).data;
          for (const [id, order] of wanted) {
            expect(now.find((row) => row.id === id)?.attributes.order).toBe(order);
          }
          expect(new Set(now.map((row) => row.attributes.order)).size).toBe(size);
        },
      ),
      { numRuns: 30 },
    );
  });
});

describe('the OpenAPI document', () => {
  it('documents If-Match and the 412 on PATCH and DELETE, and the ETag of one number', async () => {
    const openApi = (await server.request('GET', '/api/v2/openapi.json', { token: null })).json as {
      paths: Record<
        string,
        Record<
          string,
          {
            parameters?: { name: string; in: string }[];
            responses: Record<string, { headers?: Record<string, unknown> }>;
          }
        >
      >;
    };
    const one = openApi.paths['/phoneNumbers/{id}']!;
    for (const method of ['patch', 'delete']) {
      expect(Object.keys(one[method]!.responses)).toContain('412');
      expect(one[method]!.parameters).toContainEqual(
        expect.objectContaining({ name: 'If-Match', in: 'header' }),
      );
    }
    expect(Object.keys(one.get!.responses['200']!.headers ?? {})).toContain('ETag');
  });
});
