import type { AddressInfo } from 'node:net';
import { serve, type ServerType } from '@hono/node-server';
import { Hono } from 'hono';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { JSON_API_MEDIA_TYPE } from '../../contract/json-api';
import type { AppEnv } from '../http/app-env';
import { MAX_BODY_BYTES } from '../http/body-limit';
import type { UpstreamTokens } from '../session/types';
import { createOutreachProxy, type OutreachProxyOptions } from './proxy';
import { SessionEnded, TokensUnavailable } from './token-refresher';

const PUBLIC_ORIGIN = 'https://phones.example';
const TOKENS: UpstreamTokens = {
  accessToken: 'outreach-access',
  refreshToken: 'outreach-refresh',
  expiresAt: Date.now() + 3_600_000,
};

interface Received {
  method: string;
  url: string;
  headers: Headers;
  body: string;
}

/** A stand-in for Outreach on a port of its own, recording what reaches it. */
function fakeOutreach(received: Received[]) {
  let port = 0;
  const app = new Hono();
  const base = () => `http://127.0.0.1:${String(port)}/api/v2`;
  app.use('*', async (c, next) => {
    received.push({
      method: c.req.method,
      url: c.req.url,
      headers: c.req.raw.headers,
      body: await c.req.text().catch(() => ''),
    });
    await next();
  });
  app.get('/api/v2/phoneNumbers', (c) =>
    c.body(
      JSON.stringify({
        data: [{ type: 'phoneNumber', id: 1, links: { self: `${base()}/phoneNumbers/1` } }],
        links: { next: `${base()}/phoneNumbers?page%5Bafter%5D=abc` },
      }),
      200,
      {
        'Content-Type': JSON_API_MEDIA_TYPE,
        ETag: 'W/"3"',
        'X-RateLimit-Limit': '10000',
        'X-RateLimit-Remaining': '9999',
        'X-RateLimit-Reset': '1767225600',
        'Set-Cookie': 'outreach=1',
        'X-Outreach-Internal': 'yes',
      },
    ),
  );
  app.post('/api/v2/phoneNumbers', (c) =>
    c.body(JSON.stringify({ data: { type: 'phoneNumber', id: 9 } }), 201, {
      'Content-Type': JSON_API_MEDIA_TYPE,
      Location: `${base()}/phoneNumbers/9`,
    }),
  );
  app.delete('/api/v2/phoneNumbers/:id', (c) => c.body(null, 204));
  app.get('/api/v2/prospects', (c) =>
    c.body(
      JSON.stringify({
        errors: [{ id: 'rateLimitExceeded', title: 'Rate Limit Exceeded', detail: 'Slow down.' }],
      }),
      429,
      { 'Content-Type': JSON_API_MEDIA_TYPE, 'Retry-After': '30' },
    ),
  );
  app.get('/api/v2/users', async (c) => {
    await new Promise((resolve) => setTimeout(resolve, 1000));
    return c.json({ data: [] });
  });
  app.get('/api/v2/users/:id', (c) => c.html('<h1>502 Bad Gateway</h1>', 502));
  const server = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' });
  return {
    server,
    ready: new Promise<string>((resolve) => {
      server.once('listening', () => {
        port = (server.address() as AddressInfo).port;
        resolve(base());
      });
    }),
  };
}

function proxyApp(options: Partial<OutreachProxyOptions> & { apiUrl: string }) {
  const app = new Hono<AppEnv>();
  app.use('*', async (c, next) => {
    c.set('responseHeaders', { 'X-Content-Type-Options': 'nosniff' });
    c.set('publicOrigin', PUBLIC_ORIGIN);
    await next();
  });
  const proxy = createOutreachProxy({ tokensFor: () => Promise.resolve(TOKENS), ...options });
  app.all('/api/v2', proxy);
  app.all('/api/v2/*', proxy);
  return app;
}

const close = (server: ServerType) =>
  new Promise<void>((resolve) => {
    server.close(() => {
      resolve();
    });
  });

describe('createOutreachProxy', () => {
  const received: Received[] = [];
  const upstream = fakeOutreach(received);
  let apiUrl = '';

  beforeAll(async () => {
    apiUrl = await upstream.ready;
  });
  afterAll(() => close(upstream.server));
  beforeEach(() => {
    received.length = 0;
  });

  it('answers paths and methods outside the allowlist itself, without asking for tokens or reaching Outreach', async () => {
    let tokensAsked = 0;
    const app = proxyApp({
      apiUrl,
      tokensFor: () => {
        tokensAsked += 1;
        return Promise.resolve(TOKENS);
      },
    });
    const refused = [
      ['GET', '/api/v2/mailings', 404],
      ['GET', '/api/v2/phoneNumbers/abc', 404],
      ['GET', '/api/v2/phoneNumbers/1/prospect', 404],
      ['GET', '/api/v2/phoneNumbers/%2e%2e%2fmailings', 404],
      ['GET', '/api/v2/openapi.json', 404],
      ['PUT', '/api/v2/phoneNumbers/1', 405],
      ['DELETE', '/api/v2/prospects/1', 405],
      ['POST', '/api/v2/users', 405],
    ] as const;
    for (const [method, path, status] of refused) {
      const response = await app.request(path, { method });
      expect(response.status, `${method} ${path}`).toBe(status);
      expect(response.headers.get('Content-Type')).toBe(JSON_API_MEDIA_TYPE);
      const document = (await response.json()) as { errors: unknown[] };
      expect(document.errors).toHaveLength(1);
    }
    expect(received).toEqual([]);
    expect(tokensAsked).toBe(0);
  });

  it("sends the session's bearer token and the query, and none of the browser's credentials", async () => {
    const app = proxyApp({ apiUrl });

    const response = await app.request(
      '/api/v2/phoneNumbers?filter%5Bprospect%5D%5Bid%5D=1&sort=-order',
      {
        headers: {
          Accept: JSON_API_MEDIA_TYPE,
          Authorization: 'Bearer from-the-browser',
          Cookie: '__Host-pna-session=secret',
          Origin: PUBLIC_ORIGIN,
          'X-Requested-With': 'XMLHttpRequest',
          'X-Forwarded-For': '203.0.113.9',
          'X-Forwarded-Host': 'evil.example',
          Referer: `${PUBLIC_ORIGIN}/phone-numbers`,
        },
      },
    );

    expect(response.status).toBe(200);
    const [request] = received;
    expect(request?.url).toBe(`${apiUrl}/phoneNumbers?filter%5Bprospect%5D%5Bid%5D=1&sort=-order`);
    const headers = request?.headers;
    expect(headers?.get('Authorization')).toBe('Bearer outreach-access');
    expect(headers?.get('Accept')).toBe(JSON_API_MEDIA_TYPE);
    for (const name of [
      'Cookie',
      'Origin',
      'X-Requested-With',
      'X-Forwarded-For',
      'X-Forwarded-Host',
      'Referer',
    ]) {
      expect(headers?.get(name), name).toBeNull();
    }
  });

  it("passes Outreach's status, body and headers through, with links naming this server", async () => {
    const response = await proxyApp({ apiUrl }).request('/api/v2/phoneNumbers');

    expect(response.status).toBe(200);
    expect(response.headers.get('Content-Type')).toBe(JSON_API_MEDIA_TYPE);
    expect(response.headers.get('ETag')).toBe('W/"3"');
    expect(response.headers.get('X-RateLimit-Remaining')).toBe('9999');
    expect(response.headers.get('X-RateLimit-Reset')).toBe('1767225600');
    expect(response.headers.get('X-Content-Type-Options')).toBe('nosniff');
    expect(response.headers.get('Set-Cookie')).toBeNull();
    expect(response.headers.get('X-Outreach-Internal')).toBeNull();
    expect(await response.json()).toEqual({
      data: [
        {
          type: 'phoneNumber',
          id: 1,
          links: { self: `${PUBLIC_ORIGIN}/api/v2/phoneNumbers/1` },
        },
      ],
      links: { next: `${PUBLIC_ORIGIN}/api/v2/phoneNumbers?page%5Bafter%5D=abc` },
    });
  });

  it('forwards a write with its body and If-Match, and rewrites Location onto this server', async () => {
    const document = JSON.stringify({
      data: { type: 'phoneNumber', attributes: { number: '+12065550100', status: 'pending' } },
    });
    const response = await proxyApp({ apiUrl }).request('/api/v2/phoneNumbers', {
      method: 'POST',
      headers: { 'Content-Type': JSON_API_MEDIA_TYPE, 'If-Match': 'W/"1"' },
      body: document,
    });

    expect(response.status).toBe(201);
    expect(response.headers.get('Location')).toBe(`${PUBLIC_ORIGIN}/api/v2/phoneNumbers/9`);
    expect(received[0]?.body).toBe(document);
    expect(received[0]?.headers.get('Content-Type')).toBe(JSON_API_MEDIA_TYPE);
    expect(received[0]?.headers.get('If-Match')).toBe('W/"1"');

    const deleted = await proxyApp({ apiUrl }).request('/api/v2/phoneNumbers/9', {
      method: 'DELETE',
    });
    expect(deleted.status).toBe(204);
    expect(await deleted.text()).toBe('');
  });

  it("passes Outreach's 429 and its Retry-After through", async () => {
    const response = await proxyApp({ apiUrl }).request('/api/v2/prospects');

    expect(response.status).toBe(429);
    expect(response.headers.get('Retry-After')).toBe('30');
    expect(await response.json()).toMatchObject({ errors: [{ id: 'rateLimitExceeded' }] });
  });

  it('answers 504 when Outreach is too slow', async () => {
    const response = await proxyApp({ apiUrl, timeoutMs: 100 }).request('/api/v2/users');

    expect(response.status).toBe(504);
    expect(await response.json()).toMatchObject({
      errors: [{ id: 'gatewayTimeout', detail: 'Outreach did not answer in 0.1 s.' }],
    });
  });

  it('answers 502 when Outreach cannot be reached, or answers with an error page', async () => {
    const closed = serve({ fetch: () => new Response(), port: 0, hostname: '127.0.0.1' });
    await new Promise((resolve) => closed.once('listening', resolve));
    const { port } = closed.address() as AddressInfo;
    await close(closed);

    const down = await proxyApp({ apiUrl: `http://127.0.0.1:${String(port)}/api/v2` }).request(
      '/api/v2/phoneNumbers',
    );
    expect(down.status).toBe(502);
    expect(await down.json()).toMatchObject({ errors: [{ id: 'badGateway' }] });

    const errorPage = await proxyApp({ apiUrl }).request('/api/v2/users/1');
    expect(errorPage.status).toBe(502);
    expect(errorPage.headers.get('Content-Type')).toBe(JSON_API_MEDIA_TYPE);
  });

  it('answers 401 for an ended session and 503 with Retry-After while tokens cannot be had', async () => {
    const ended = await proxyApp({
      apiUrl,
      tokensFor: () =>
        Promise.reject(new SessionEnded('Outreach ended the session; sign in again.')),
    }).request('/api/v2/phoneNumbers');
    expect(ended.status).toBe(401);
    expect(await ended.json()).toMatchObject({ errors: [{ id: 'unauthorized' }] });

    const pending = await proxyApp({
      apiUrl,
      tokensFor: () => Promise.reject(new TokensUnavailable('Being renewed.', 2)),
    }).request('/api/v2/phoneNumbers');
    expect(pending.status).toBe(503);
    expect(pending.headers.get('Retry-After')).toBe('2');
    expect(received).toEqual([]);
  });

  it('refuses a body over the API’s limit, declared or streamed', async () => {
    const declared = await proxyApp({ apiUrl }).request('/api/v2/phoneNumbers', {
      method: 'POST',
      headers: {
        'Content-Type': JSON_API_MEDIA_TYPE,
        'Content-Length': String(MAX_BODY_BYTES + 1),
      },
      body: 'x'.repeat(MAX_BODY_BYTES + 1),
    });
    expect(declared.status).toBe(413);
    expect(received).toEqual([]);

    const chunk = new Uint8Array(16 * 1024);
    let sent = 0;
    const stream = new ReadableStream<Uint8Array>({
      pull(controller) {
        sent += chunk.byteLength;
        if (sent > MAX_BODY_BYTES * 2) controller.close();
        else controller.enqueue(chunk);
      },
    });
    const streamed = await proxyApp({ apiUrl }).request(
      new Request('http://localhost/api/v2/phoneNumbers', {
        method: 'POST',
        headers: { 'Content-Type': JSON_API_MEDIA_TYPE },
        body: stream,
        duplex: 'half',
      }),
    );
    expect(streamed.status).toBe(413);
  });

  it('rewrites a link cut between two chunks of the body', async () => {
    const body = JSON.stringify({
      links: { next: 'https://outreach.example/api/v2/prospects?x=1' },
    });
    const encoder = new TextEncoder();
    const fetchInChunks: typeof fetch = () => {
      const stream = new ReadableStream<Uint8Array>({
        start(controller) {
          for (let start = 0; start < body.length; start += 7) {
            controller.enqueue(encoder.encode(body.slice(start, start + 7)));
          }
          controller.close();
        },
      });
      return Promise.resolve(
        new Response(stream, { headers: { 'Content-Type': JSON_API_MEDIA_TYPE } }),
      );
    };

    const response = await proxyApp({
      apiUrl: 'https://outreach.example/api/v2',
      fetch: fetchInChunks,
    }).request('/api/v2/prospects');

    expect(await response.json()).toEqual({
      links: { next: `${PUBLIC_ORIGIN}/api/v2/prospects?x=1` },
    });
  });
});
