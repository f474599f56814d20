import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PROSPECTS, collection, failure, phoneNumberDocument, single } from '../testing/fixtures';
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
