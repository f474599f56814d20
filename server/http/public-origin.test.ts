import { request as httpRequest } from 'node:http';
import { afterEach, describe, expect, it } from 'vitest';
import type { CollectionDocument, Resource } from '../testing/fixtures';
import { authorizeParams, verifierFor } from '../testing/oauth-client';
import { startTestServer, type TestServer } from '../testing/test-server';
import { JSON_API_MEDIA_TYPE } from '../../contract/json-api';

/** Links, Location headers and sign-in redirects name the public origin, whatever Host a client sends. */

const PUBLIC = 'https://phones.example.com';
const FORGED_HOST = 'evil.example';

const servers: TestServer[] = [];
afterEach(async () => {
  for (const server of servers.splice(0)) await server.close();
});

async function serverWith(publicOrigin: string | undefined) {
  const server = await startTestServer({ config: { publicOrigin } });
  servers.push(server);
  return server;
}

interface RawResponse {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

/** A request with a Host header of the client's choosing, which fetch would not send. */
function withHost(
  server: TestServer,
  method: string,
  path: string,
  options: { body?: string; headers?: Record<string, string> } = {},
): Promise<RawResponse> {
  const { port } = new URL(server.url);
  return new Promise((resolve, reject) => {
    const outgoing = httpRequest(
      {
        host: '127.0.0.1',
        port,
        method,
        path,
        headers: { Host: FORGED_HOST, Authorization: 'Bearer dev-admin', ...options.headers },
      },
      (incoming) => {
        let body = '';
        incoming.on('data', (chunk: Buffer) => {
          body += chunk.toString();
        });
        incoming.on('end', () => {
          resolve({ status: incoming.statusCode ?? 0, headers: incoming.headers, body });
        });
      },
    );
    outgoing.on('error', reject);
    outgoing.end(options.body);
  });
}

function linksOf(response: RawResponse): string[] {
  const document = JSON.parse(response.body) as CollectionDocument;
  return [
    ...Object.values(document.links),
    ...document.data.map((resource) => resource.links?.self ?? ''),
  ];
}

async function createdLocation(server: TestServer): Promise<string> {
  const created = await withHost(server, 'POST', '/api/v2/phoneNumbers', {
    headers: { 'Content-Type': JSON_API_MEDIA_TYPE },
    body: JSON.stringify({
      data: {
        type: 'phoneNumber',
        attributes: { number: '+14155550142' },
        relationships: { prospect: { data: { type: 'prospect', id: 3 } } },
      },
    }),
  });
  expect(created.status).toBe(201);
  const { data } = JSON.parse(created.body) as { data: Resource };
  expect(data.links?.self).toBe(created.headers.location);
  return String(created.headers.location);
}

/** "Continue as" posted from the sign-in page, which the server serves at `pageOrigin`. */
async function signInRedirect(server: TestServer, redirectUri: string, pageOrigin: string) {
  const form = authorizeParams(server, verifierFor(), { redirect_uri: redirectUri });
  form.set('user_id', '1');
  return withHost(server, 'POST', '/oauth/authorize', {
    headers: { 'Content-Type': 'application/x-www-form-urlencoded', Origin: pageOrigin },
    body: form.toString(),
  });
}

describe('with PUBLIC_ORIGIN', () => {
  it('names it in links and Location, never the Host header', async () => {
    const server = await serverWith(PUBLIC);
    const list = await withHost(server, 'GET', '/api/v2/phoneNumbers?page[size]=2');
    expect(list.status).toBe(200);
    const links = linksOf(list);
    expect(links.length).toBeGreaterThan(3);
    for (const link of links) expect(link.startsWith(`${PUBLIC}/api/v2/`), link).toBe(true);
    expect(await createdLocation(server)).toMatch(
      /^https:\/\/phones\.example\.com\/api\/v2\/phoneNumbers\/\d+$/,
    );
  });

  it('sends sign-in codes to its own origin, and refuses the Host header’s', async () => {
    const server = await serverWith(PUBLIC);
    const own = await signInRedirect(server, `${PUBLIC}/auth/callback`, PUBLIC);
    expect(own.status).toBe(303);
    expect(String(own.headers.location)).toMatch(
      /^https:\/\/phones\.example\.com\/auth\/callback\?code=/,
    );
    const forged = await signInRedirect(server, `http://${FORGED_HOST}/auth/callback`, PUBLIC);
    expect(forged.status).toBe(400);
    expect(forged.headers.location).toBeUndefined();
  });

  it('asks browsers to stay on HTTPS (HSTS) when it is https, on the API and the sign-in page', async () => {
    const server = await serverWith(PUBLIC);
    const hsts = 'max-age=31536000';
    expect(
      (await withHost(server, 'GET', '/api/v2/users/1')).headers['strict-transport-security'],
    ).toBe(hsts);
    const page = await withHost(
      server,
      'GET',
      `/oauth/authorize?${authorizeParams(server, verifierFor(), { redirect_uri: `${PUBLIC}/cb` }).toString()}`,
    );
    expect(page.status).toBe(200);
    expect(page.headers['strict-transport-security']).toBe(hsts);
    const plain = await serverWith('http://phones.internal:8080');
    expect(
      (await withHost(plain, 'GET', '/api/v2/users/1')).headers['strict-transport-security'],
    ).toBeUndefined();
  });
});

describe('without PUBLIC_ORIGIN', () => {
  it('names the address the request arrived at (loopback as localhost), never the Host header, and sends no HSTS', async () => {
    const server = await serverWith(undefined);
    const listening = `http://localhost:${new URL(server.url).port}`;
    const list = await withHost(server, 'GET', '/api/v2/phoneNumbers?page[size]=2');
    for (const link of linksOf(list))
      expect(link.startsWith(`${listening}/api/v2/`), link).toBe(true);
    expect((await createdLocation(server)).startsWith(`${listening}/api/v2/phoneNumbers/`)).toBe(
      true,
    );
    expect(
      (await signInRedirect(server, `http://${FORGED_HOST}/auth/callback`, listening)).status,
    ).toBe(400);
    expect((await signInRedirect(server, `${listening}/auth/callback`, listening)).status).toBe(
      303,
    );
    expect(list.headers['strict-transport-security']).toBeUndefined();
  });
});
