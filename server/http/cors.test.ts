import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { phoneNumberDocument } from '../testing/fixtures';
import { startTestServer, type TestServer } from '../testing/test-server';

const CRM = 'https://crm.example.com';
const OTHER = 'https://evil.example.net';

let server: TestServer;
let closedServer: TestServer;
beforeAll(async () => {
  [server, closedServer] = await Promise.all([
    startTestServer({ config: { corsAllowedOrigins: [CRM, 'http://localhost:8080'] } }),
    startTestServer(),
  ]);
});
afterAll(async () => {
  await Promise.all([server.close(), closedServer.close()]);
});

/** What a browser sends before a cross-origin PATCH with a bearer token. */
const preflight = (target: TestServer, origin: string, path = '/api/v2/phoneNumbers/1') =>
  target.request('OPTIONS', path, {
    token: null,
    headers: {
      Origin: origin,
      'Access-Control-Request-Method': 'PATCH',
      'Access-Control-Request-Headers': 'authorization,content-type',
    },
  });

const corsHeaders = (headers: Headers) =>
  [...headers.keys()].filter((name) => name.startsWith('access-control-'));

describe('cross-origin requests (CORS_ALLOWED_ORIGINS)', () => {
  it('answers a preflight from an allowed origin without a token, naming what it may send', async () => {
    const response = await preflight(server, CRM);

    expect(response.status).toBe(204);
    expect(response.headers.get('Access-Control-Allow-Origin')).toBe(CRM);
    expect(response.headers.get('Vary')).toBe('Origin');
    expect(response.headers.get('Access-Control-Allow-Methods')).toBe('GET, POST, PATCH, DELETE');
    expect(response.headers.get('Access-Control-Allow-Headers')).toBe(
      'Authorization, Content-Type, If-Match',
    );
    expect(response.headers.get('Access-Control-Allow-Credentials')).toBeNull();
    expect(response.text).toBe('');
  });

  it('gives a preflight from any other origin no CORS headers', async () => {
    for (const origin of [OTHER, `${CRM}.evil.example.net`, 'http://crm.example.com', 'null']) {
      const response = await preflight(server, origin);
      expect(corsHeaders(response.headers), origin).toEqual([]);
      expect(response.headers.get('Vary'), origin).toBe('Origin');
    }
  });

  it('echoes an allowed origin on every answer, and lets its script read Location, ETag and the rate limit', async () => {
    const headers = { Origin: CRM };
    const listed = await server.request('GET', '/api/v2/phoneNumbers?page[size]=1', { headers });
    const created = await server.request('POST', '/api/v2/phoneNumbers', {
      headers,
      body: phoneNumberDocument({ number: '+14155550163' }, 2),
    });
    const id = new URL(created.headers.get('Location') ?? '').pathname.split('/').at(-1);
    const deleted = await server.request('DELETE', `/api/v2/phoneNumbers/${id}`, { headers });
    const refused = await server.request('GET', '/api/v2/phoneNumbers', { headers, token: null });

    expect([listed.status, created.status, deleted.status, refused.status]).toEqual([
      200, 201, 204, 401,
    ]);
    for (const response of [listed, created, deleted, refused]) {
      expect(response.headers.get('Access-Control-Allow-Origin')).toBe(CRM);
      expect(response.headers.get('Vary')).toBe('Origin');
      const exposed = response.headers.get('Access-Control-Expose-Headers')?.split(', ');
      expect(exposed).toEqual(
        expect.arrayContaining([
          'ETag',
          'Location',
          'X-RateLimit-Limit',
          'X-RateLimit-Remaining',
          'X-RateLimit-Reset',
        ]),
      );
      expect(response.headers.get('X-RateLimit-Limit')).not.toBeNull();
    }
  });

  it('answers another origin as it would a same-origin request, without CORS headers', async () => {
    const response = await server.request('GET', '/api/v2/prospects/1', {
      headers: { Origin: OTHER },
    });

    expect(response.status).toBe(200);
    expect(corsHeaders(response.headers)).toEqual([]);
  });

  it('allows no origin by default', async () => {
    const response = await preflight(closedServer, CRM);
    const read = await closedServer.request('GET', '/api/v2/users', { headers: { Origin: CRM } });

    expect(corsHeaders(response.headers)).toEqual([]);
    expect(read.status).toBe(200);
    expect(corsHeaders(read.headers)).toEqual([]);
  });

  it('leaves the OAuth pages alone', async () => {
    const response = await server.request('GET', '/oauth/authorize', {
      token: null,
      headers: { Origin: CRM },
    });

    expect(corsHeaders(response.headers)).toEqual([]);
  });
});
