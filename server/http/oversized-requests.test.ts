import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ErrorDocument } from '../testing/fixtures';
import { startTestServer, type TestServer } from '../testing/test-server';
import { JSON_API_MEDIA_TYPE } from '../../contract/json-api';

/** Requests too big to read: a clear error, and a connection the client can go on using. */

const TRIES = 50;
const TWO_MEGABYTES = 'x'.repeat(2 * 1024 * 1024);

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => {
  await server.close();
});

/** Node's fetch keeps connections alive: the request after a refusal goes out on the same socket. */
async function oversizedThenAnother(post: {
  path: string;
  headers: Record<string, string>;
}): Promise<{ refusal: Response; next: Response }> {
  const refusal = await fetch(server.url + post.path, {
    method: 'POST',
    headers: post.headers,
    body: TWO_MEGABYTES,
  });
  await refusal.arrayBuffer();
  const next = await fetch(`${server.url}/api/v2/users/1`, {
    headers: { Authorization: 'Bearer dev-admin' },
  });
  await next.arrayBuffer();
  return { refusal, next };
}

/** Socket errors over the tries: a dropped keep-alive connection makes fetch throw UND_ERR_SOCKET. */
async function socketErrorsOver(post: { path: string; headers: Record<string, string> }) {
  const failures: string[] = [];
  for (let attempt = 0; attempt < TRIES; attempt++) {
    try {
      const { refusal, next } = await oversizedThenAnother(post);
      expect(refusal.status).toBe(413);
      expect(next.status).toBe(200);
    } catch (error) {
      const cause =
        error instanceof Error ? (error.cause as { code?: string } | undefined) : undefined;
      failures.push(cause?.code ?? String(error));
    }
  }
  return failures;
}

describe('a body over the limit', () => {
  it(`gets 413 and leaves the client's next request working, ${TRIES} times of ${TRIES}, on the API`, async () => {
    const failures = await socketErrorsOver({
      path: '/api/v2/phoneNumbers',
      headers: { Authorization: 'Bearer dev-admin', 'Content-Type': JSON_API_MEDIA_TYPE },
    });
    expect(failures).toEqual([]);
  }, 120_000);

  it(`gets 413 and leaves the client's next request working, ${TRIES} times of ${TRIES}, on the token endpoint`, async () => {
    const failures = await socketErrorsOver({
      path: '/oauth/token',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    });
    expect(failures).toEqual([]);
  }, 120_000);

  it('is refused in each endpoint’s own error format, closing the connection it was not read from', async () => {
    const api = await fetch(`${server.url}/api/v2/phoneNumbers`, {
      method: 'POST',
      headers: { Authorization: 'Bearer dev-admin', 'Content-Type': JSON_API_MEDIA_TYPE },
      body: TWO_MEGABYTES,
    });
    expect(api.status).toBe(413);
    expect(api.headers.get('Connection')).toBe('close');
    expect(api.headers.get('Content-Type')).toBe(JSON_API_MEDIA_TYPE);
    expect(((await api.json()) as ErrorDocument).errors[0]?.id).toBe('payloadTooLarge');

    const token = await fetch(`${server.url}/oauth/token`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: TWO_MEGABYTES,
    });
    expect(token.status).toBe(413);
    expect(token.headers.get('Connection')).toBe('close');
    expect(await token.json()).toMatchObject({ error: 'invalid_request' });
  });
});

describe('headers over the limit', () => {
  it('answers a URL with 10,000 filter values with a 431 JSON:API error document', async () => {
    const ids = Array.from({ length: 10_000 }, (_, index) => index + 1).join(',');
    const response = await fetch(`${server.url}/api/v2/phoneNumbers?filter[id]=${ids}`, {
      headers: { Authorization: 'Bearer dev-admin' },
    });
    expect(response.status).toBe(431);
    expect(response.headers.get('Content-Type')).toBe(JSON_API_MEDIA_TYPE);
    const [error] = ((await response.json()) as ErrorDocument).errors;
    expect(error).toMatchObject({ id: 'requestHeaderFieldsTooLarge', status: '431' });
    const next = await fetch(`${server.url}/api/v2/users/1`, {
      headers: { Authorization: 'Bearer dev-admin' },
    });
    expect(next.status).toBe(200);
  });
});
