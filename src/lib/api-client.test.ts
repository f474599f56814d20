import { delay, http, HttpResponse } from 'msw';
import { describe, expect, it, vi } from 'vitest';
import { server } from '@/testing/msw-server';
import { JSON_API_MEDIA_TYPE } from '@contract/json-api';
import { createApiClient, sendEarlyGet, type AccessTokenProvider } from './api-client';
import { ApiError } from './api-error';

const API = 'http://api.test/api/v2';

/** A provider that always offers `current` and, asked to replace it, gives `fresh` (once, shared). */
function tokenProvider(current: string | undefined, fresh?: string) {
  return {
    getAccessToken: vi.fn<AccessTokenProvider['getAccessToken']>(() => Promise.resolve(current)),
    refreshAccessToken: vi.fn<AccessTokenProvider['refreshAccessToken']>(async () => {
      await delay(20);
      return fresh;
    }),
  };
}

function jsonApi(body: object, status = 200) {
  return HttpResponse.json(body, { status, headers: { 'Content-Type': JSON_API_MEDIA_TYPE } });
}

const unauthorized = () =>
  jsonApi(
    { errors: [{ id: 'unauthorized', title: 'Unauthorized', detail: 'The token expired.' }] },
    401,
  );

async function rejection(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error('Expected the promise to reject.');
}

describe('createApiClient', () => {
  it('GETs a path under the API root with the JSON:API headers and the bearer token', async () => {
    const requests: Request[] = [];
    server.use(
      http.get(`${API}/prospects`, ({ request }) => {
        requests.push(request);
        return jsonApi({ data: [] });
      }),
    );
    const client = createApiClient({ baseUrl: `${API}/`, tokens: tokenProvider('token-1') });

    const body = await client.get('/prospects', {
      searchParams: { 'filter[q]': 'Ol', count: 'true' },
    });

    expect(body).toEqual({ data: [] });
    const [request] = requests;
    expect(request?.method).toBe('GET');
    expect(request?.headers.get('Authorization')).toBe('Bearer token-1');
    // A host's bearer request is the same as before there was a session cookie: no CSRF header.
    expect(request?.headers.has('X-Requested-With')).toBe(false);
    expect(request?.headers.get('Accept')).toBe(JSON_API_MEDIA_TYPE);
    expect(new URL(request?.url ?? '').searchParams.get('filter[q]')).toBe('Ol');
    expect(new URL(request?.url ?? '').searchParams.get('count')).toBe('true');
  });

  it('GETs the API root itself for an empty path, search parameters included', async () => {
    server.use(
      http.get(API, ({ request }) =>
        jsonApi({ meta: { asked: new URL(request.url).searchParams.get('x') } }),
      ),
    );
    const client = createApiClient({ baseUrl: API, tokens: tokenProvider('token-1') });

    expect(await client.get('', { searchParams: { x: '1' } })).toEqual({ meta: { asked: '1' } });
  });

  it('follows an absolute link under the API root as it is', async () => {
    const next = `${API}/prospects?page%5Bafter%5D=opaque&page%5Bsize%5D=2`;
    server.use(
      http.get(`${API}/prospects`, ({ request }) =>
        jsonApi({ meta: { after: new URL(request.url).searchParams.get('page[after]') } }),
      ),
    );
    const client = createApiClient({ baseUrl: API, tokens: tokenProvider('token-1') });

    expect(await client.get(next)).toEqual({ meta: { after: 'opaque' } });
  });

  it.each([
    ['another host', 'http://elsewhere.test/api/v2/prospects'],
    ['another scheme', 'https://api.test/api/v2/prospects'],
    ['a path beside the root', 'http://api.test/api/v20/prospects'],
    ['a path above the root', 'http://api.test/oauth/token'],
    ['a relative path that climbs out', '../../oauth/token'],
  ])('refuses a link to %s, sending nothing', async (_, link) => {
    const tokens = tokenProvider('token-1');
    const client = createApiClient({ baseUrl: API, tokens });

    const error = await rejection(client.get(link));

    expect(error).toBeInstanceOf(Error);
    expect(error).not.toBeInstanceOf(ApiError);
    expect(String(error)).toContain('Refusing to send credentials outside');
    expect(tokens.getAccessToken).not.toHaveBeenCalled();
  });

  it('sends a write as a JSON:API document and returns the parsed answer', async () => {
    const received: { method: string; contentType: string | null; body: unknown }[] = [];
    const document = {
      data: { type: 'phoneNumber', attributes: { number: '+14155550142' } },
    };
    server.use(
      http.post(`${API}/phoneNumbers`, async ({ request }) => {
        received.push({
          method: request.method,
          contentType: request.headers.get('Content-Type'),
          body: await request.json(),
        });
        return jsonApi({ data: { type: 'phoneNumber', id: 9, attributes: {} } }, 201);
      }),
    );
    const client = createApiClient({ baseUrl: API, tokens: tokenProvider('token-1') });

    const body = await client.request('POST', 'phoneNumbers', { body: document });

    expect(body).toEqual({ data: { type: 'phoneNumber', id: 9, attributes: {} } });
    expect(received).toEqual([
      { method: 'POST', contentType: JSON_API_MEDIA_TYPE, body: document },
    ]);
  });

  it('returns undefined for a 204', async () => {
    server.use(http.delete(`${API}/phoneNumbers/9`, () => new HttpResponse(null, { status: 204 })));
    const client = createApiClient({ baseUrl: API, tokens: tokenProvider('token-1') });

    expect(await client.request('DELETE', 'phoneNumbers/9')).toBeUndefined();
  });

  it('sends keepalive only to a write that asks for it', async () => {
    const keepalive: boolean[] = [];
    server.use(
      http.delete(`${API}/phoneNumbers/:id`, ({ request }) => {
        keepalive.push(request.keepalive);
        return new HttpResponse(null, { status: 204 });
      }),
    );
    const client = createApiClient({ baseUrl: API, tokens: tokenProvider('token-1') });

    await client.request('DELETE', 'phoneNumbers/9', { keepalive: true });
    await client.request('DELETE', 'phoneNumbers/10');

    expect(keepalive).toEqual([true, false]);
  });

  it('throws an ApiError with the JSON:API errors, Outreach’s details included', async () => {
    server.use(
      http.patch(`${API}/phoneNumbers/9`, () =>
        jsonApi(
          {
            errors: [
              {
                id: 'validationError',
                title: 'Validation Error',
                details: ['Number is not a valid phone number.'],
                source: { pointer: '/data/attributes/number' },
              },
            ],
          },
          422,
        ),
      ),
    );
    const client = createApiClient({ baseUrl: API, tokens: tokenProvider('token-1') });

    const error = await rejection(
      client.request('PATCH', 'phoneNumbers/9', { body: { data: {} } }),
    );

    if (!(error instanceof ApiError)) throw new Error(`Expected an ApiError: ${String(error)}`);
    expect(error.status).toBe(422);
    expect(error.message).toBe('Number is not a valid phone number.');
    expect(error.fieldErrors.get('/data/attributes/number')).toBe(
      'Number is not a valid phone number.',
    );
  });

  it('throws an ApiError for a 401 whose body is plain text', async () => {
    server.use(http.get(`${API}/users`, () => HttpResponse.text('Unauthorized', { status: 401 })));
    const client = createApiClient({ baseUrl: API, tokens: tokenProvider('token-1') });

    const error = await rejection(client.get('users'));

    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ status: 401, errors: [] });
  });

  it('throws an ApiError for a 401 that speaks OAuth rather than JSON:API', async () => {
    server.use(
      http.get(`${API}/users`, () =>
        HttpResponse.json({ error: 'invalid_token' }, { status: 401 }),
      ),
    );
    const client = createApiClient({ baseUrl: API, tokens: tokenProvider('token-1') });

    const error = await rejection(client.get('users'));

    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ status: 401, errors: [], message: 'invalid_token' });
  });

  it('lets a network failure through as fetch’s own TypeError', async () => {
    server.use(http.get(`${API}/users`, () => HttpResponse.error()));
    const client = createApiClient({ baseUrl: API, tokens: tokenProvider('token-1') });

    const error = await rejection(client.get('users'));

    expect(error).toBeInstanceOf(TypeError);
  });
});

describe('createApiClient when a token is refused', () => {
  it('shares one refresh among concurrent requests and retries each once with the new token', async () => {
    const seen: string[] = [];
    server.use(
      http.get(`${API}/:resource`, ({ request, params }) => {
        const authorization = request.headers.get('Authorization') ?? 'none';
        seen.push(`${String(params.resource)} ${authorization}`);
        return authorization === 'Bearer fresh'
          ? jsonApi({ meta: { resource: params.resource } })
          : unauthorized();
      }),
    );
    const tokens = tokenProvider('stale', 'fresh');
    const client = createApiClient({ baseUrl: API, tokens });

    const bodies = await Promise.all([
      client.get('phoneNumbers'),
      client.get('prospects'),
      client.get('users'),
    ]);

    expect(bodies).toEqual([
      { meta: { resource: 'phoneNumbers' } },
      { meta: { resource: 'prospects' } },
      { meta: { resource: 'users' } },
    ]);
    expect(tokens.refreshAccessToken).toHaveBeenCalledTimes(1);
    expect(tokens.refreshAccessToken).toHaveBeenCalledWith('stale');
    expect(seen.toSorted()).toEqual([
      'phoneNumbers Bearer fresh',
      'phoneNumbers Bearer stale',
      'prospects Bearer fresh',
      'prospects Bearer stale',
      'users Bearer fresh',
      'users Bearer stale',
    ]);
  });

  it('throws a second 401 after the retry instead of retrying again', async () => {
    const seen: string[] = [];
    server.use(
      http.get(`${API}/users`, ({ request }) => {
        seen.push(request.headers.get('Authorization') ?? 'none');
        return unauthorized();
      }),
    );
    const tokens = tokenProvider('stale', 'fresh');
    const client = createApiClient({ baseUrl: API, tokens });

    const error = await rejection(client.get('users'));

    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ status: 401, message: 'The token expired.' });
    expect(seen).toEqual(['Bearer stale', 'Bearer fresh']);
    expect(tokens.refreshAccessToken).toHaveBeenCalledTimes(1);
  });

  it('throws the 401 without a retry when no new token comes back', async () => {
    const seen: string[] = [];
    server.use(
      http.get(`${API}/users`, ({ request }) => {
        seen.push(request.headers.get('Authorization') ?? 'none');
        return unauthorized();
      }),
    );
    const tokens = tokenProvider('stale', undefined);
    const client = createApiClient({ baseUrl: API, tokens });

    const error = await rejection(client.get('users'));

    expect(error).toMatchObject({ status: 401 });
    expect(seen).toEqual(['Bearer stale']);
    expect(tokens.refreshAccessToken).toHaveBeenCalledTimes(1);
  });

  it('does not ask for a refresh when it sent no token', async () => {
    server.use(http.get(`${API}/users`, () => unauthorized()));
    const tokens = tokenProvider(undefined, 'fresh');
    const client = createApiClient({ baseUrl: API, tokens });

    const error = await rejection(client.get('users'));

    expect(error).toMatchObject({ status: 401 });
    expect(tokens.refreshAccessToken).not.toHaveBeenCalled();
  });

  it('retries a write with its body', async () => {
    const bodies: unknown[] = [];
    server.use(
      http.post(`${API}/phoneNumbers`, async ({ request }) => {
        bodies.push(await request.json());
        return request.headers.get('Authorization') === 'Bearer fresh'
          ? jsonApi({ data: { type: 'phoneNumber', id: 1, attributes: {} } }, 201)
          : unauthorized();
      }),
    );
    const client = createApiClient({ baseUrl: API, tokens: tokenProvider('stale', 'fresh') });
    const document = { data: { type: 'phoneNumber', attributes: { number: '+14155550142' } } };

    await client.request('POST', 'phoneNumbers', { body: document });

    expect(bodies).toEqual([document, document]);
  });
});

describe('createApiClient on a session cookie', () => {
  it('sends the CSRF header and no token, and tells the session of a 401 without trying again', async () => {
    const seen: { authorization: string | null; requestedWith: string | null }[] = [];
    server.use(
      http.get(`${API}/users`, ({ request }) => {
        seen.push({
          authorization: request.headers.get('Authorization'),
          requestedWith: request.headers.get('X-Requested-With'),
        });
        return unauthorized();
      }),
    );
    const session = { expire: vi.fn() };
    const client = createApiClient({ baseUrl: API, session });

    const error = await rejection(client.get('users'));

    expect(error).toMatchObject({ status: 401 });
    expect(seen).toEqual([{ authorization: null, requestedWith: 'XMLHttpRequest' }]);
    expect(session.expire).toHaveBeenCalledTimes(1);
  });

  it('leaves the session alone on any other refusal', async () => {
    server.use(
      http.get(`${API}/users`, () =>
        jsonApi({ errors: [{ id: 'unauthorizedRequest', title: 'Forbidden' }] }, 403),
      ),
    );
    const session = { expire: vi.fn() };
    const client = createApiClient({ baseUrl: API, session });

    expect(await rejection(client.get('users'))).toMatchObject({ status: 403 });
    expect(session.expire).not.toHaveBeenCalled();
  });
});

describe('sendEarlyGet', () => {
  function countedNumbers() {
    let asked = 0;
    server.use(
      http.get(`${API}/phoneNumbers`, ({ request }) => {
        asked += 1;
        return jsonApi({
          data: [],
          meta: { asked, sort: new URL(request.url).searchParams.get('sort') },
        });
      }),
    );
    return () => asked;
  }

  it("is the answer to a session client's first GET of the same URL, and only the first", async () => {
    const asked = countedNumbers();
    sendEarlyGet(API, 'phoneNumbers', { sort: 'order' });
    const client = createApiClient({ baseUrl: API, session: { expire: vi.fn() } });

    expect(await client.get('phoneNumbers', { searchParams: { sort: 'order' } })).toMatchObject({
      meta: { asked: 1, sort: 'order' },
    });
    expect(await client.get('phoneNumbers', { searchParams: { sort: 'order' } })).toMatchObject({
      meta: { asked: 2 },
    });
    expect(asked()).toBe(2);
  });

  it('is not the answer to another URL', async () => {
    const asked = countedNumbers();
    sendEarlyGet(API, 'phoneNumbers', { sort: 'order' });
    const client = createApiClient({ baseUrl: API, session: { expire: vi.fn() } });

    expect(await client.get('phoneNumbers', { searchParams: { sort: '-order' } })).toMatchObject({
      meta: { sort: '-order' },
    });
    expect(asked()).toBe(2);
  });

  it('is not taken by a client that sends bearer tokens instead of the cookie', async () => {
    const asked = countedNumbers();
    sendEarlyGet(API, 'phoneNumbers', { sort: 'order' });
    const client = createApiClient({ baseUrl: API, tokens: tokenProvider('token-1') });

    await client.get('phoneNumbers', { searchParams: { sort: 'order' } });

    expect(asked()).toBe(2);
  });

  it('tells the session when its answer is a 401, as a request of its own would', async () => {
    server.use(http.get(`${API}/phoneNumbers`, unauthorized));
    sendEarlyGet(API, 'phoneNumbers');
    const session = { expire: vi.fn() };
    const client = createApiClient({ baseUrl: API, session });

    expect(await rejection(client.get('phoneNumbers'))).toMatchObject({ status: 401 });
    expect(session.expire).toHaveBeenCalledOnce();
  });
});
