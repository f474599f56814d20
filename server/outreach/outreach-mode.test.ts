import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateEncryptionKey } from '../session/token-cipher';
import { browse, cookieJar, type CookieJar } from '../testing/session-client';
import { startTestServer, type TestServer } from '../testing/test-server';

// The server in AUTH_MODE=outreach, over HTTP, against the Outreach simulator (decision 0046). The
// server's public origin is the redirect URI the simulator's client registered; the test carries the
// callback to the server itself, as the browser would.
const PUBLIC_ORIGIN = 'http://localhost:4173';
const CLIENT = {
  clientId: 'outreach-mode-test',
  clientSecret: 'outreach-mode-test-secret',
  redirectUris: [`${PUBLIC_ORIGIN}/auth/callback`],
};
const XHR = { 'X-Requested-With': 'XMLHttpRequest' };
// The simulator mints at most 3 tokens per user a minute, as Outreach throttles: a user per test.
const USERS = { ada: 1, riley: 2, sam: 3, val: 4 };

interface TokenCall {
  grantType: string | null;
  status: number;
  accessToken?: string;
  refreshToken?: string;
}

let simulator: TestServer;
let server: TestServer;
/** Every request the server sent to the simulator's token endpoint, with what it got. */
const tokenCalls: TokenCall[] = [];

const countingFetch: typeof globalThis.fetch = async (input, init) => {
  const response = await fetch(input, init);
  const url = input instanceof Request ? input.url : input.toString();
  if (url.endsWith('/oauth/token')) {
    // The provider posts its form as URLSearchParams.
    const sent = init?.body instanceof URLSearchParams ? init.body : new URLSearchParams();
    const body = (await response.clone().json()) as {
      access_token?: string;
      refresh_token?: string;
    };
    tokenCalls.push({
      grantType: sent.get('grant_type'),
      status: response.status,
      ...(body.access_token && { accessToken: body.access_token }),
      ...(body.refresh_token && { refreshToken: body.refresh_token }),
    });
  }
  return response;
};

beforeAll(async () => {
  simulator = await startTestServer({
    config: { outreachSimulator: CLIENT },
    seed: { outreachLike: true },
  });
  server = await startTestServer({
    config: {
      authMode: 'outreach',
      publicOrigin: PUBLIC_ORIGIN,
      tokenEncryptionKeys: [generateEncryptionKey('test')],
      outreach: {
        clientId: CLIENT.clientId,
        clientSecret: CLIENT.clientSecret,
        oauthUrl: `${simulator.url}/oauth`,
        apiUrl: `${simulator.url}/api/v2`,
      },
    },
    seed: { prospects: 0 },
    upstreamFetch: countingFetch,
  });
});

afterAll(async () => {
  await server.close();
  await simulator.close();
});

/** /auth/login, "Continue as" on the simulator's consent page, and the callback: a signed-in jar. */
async function signIn(userId: number, jar: CookieJar = cookieJar()): Promise<CookieJar> {
  const login = await browse(jar, `${server.url}/auth/login`);
  expect(login.status).toBe(302);
  const authorize = new URL(login.headers.get('Location') ?? '');
  expect(authorize.origin).toBe(simulator.url);
  const form = new URLSearchParams(authorize.searchParams);
  form.set('user_id', String(userId));
  const consent = await fetch(`${authorize.origin}${authorize.pathname}`, {
    method: 'POST',
    body: form,
    headers: { Origin: simulator.url },
    redirect: 'manual',
  });
  const callback = new URL(consent.headers.get('Location') ?? '');
  expect(`${callback.origin}${callback.pathname}`).toBe(`${PUBLIC_ORIGIN}/auth/callback`);
  const done = await browse(jar, `${server.url}/auth/callback${callback.search}`);
  expect(done.status).toBe(303);
  return jar;
}

const listNumbers = (jar: CookieJar) =>
  browse(jar, `${server.url}/api/v2/phoneNumbers?filter[prospect][id]=1`, { headers: XHR });

describe('outreach mode over HTTP', () => {
  it("signs in through Outreach, proxies the API with the rep's token, and keeps only ciphertext", async () => {
    const jar = await signIn(USERS.riley);

    const list = await listNumbers(jar);
    expect(list.status).toBe(200);
    const { data } = (await list.json()) as { data: { attributes: { status: string } }[] };
    expect(data.map(({ attributes }) => attributes.status)).toContain('pending');
    const session: unknown = await (await browse(jar, `${server.url}/auth/session`)).json();
    expect(session).toMatchObject({
      data: { mode: 'outreach', user: { id: String(USERS.riley) } },
    });

    const issued = tokenCalls.filter(({ accessToken }) => accessToken !== undefined);
    expect(issued.length).toBeGreaterThan(0);
    const rows = JSON.stringify(
      await server.database.db.selectFrom('sessions').selectAll().execute(),
    );
    for (const { accessToken, refreshToken } of issued) {
      expect(rows).not.toContain(accessToken);
      expect(rows).not.toContain(refreshToken);
    }
  });

  it('refreshes once for 10 requests at once when the access token is about to expire', async () => {
    const jar = await signIn(USERS.sam);
    const before = tokenCalls.length;
    // 7200 s tokens, refreshed within a minute of expiry: 7,170 s on, every request wants a new one.
    server.advance(7_170_000);

    const answers = await Promise.all(Array.from({ length: 10 }, () => listNumbers(jar)));

    expect(answers.map(({ status }) => status)).toEqual(Array(10).fill(200));
    expect(tokenCalls.slice(before).map(({ grantType }) => grantType)).toEqual(['refresh_token']);
  });

  it('ends the session for every waiting request when Outreach refuses the refresh token', async () => {
    const jar = await signIn(USERS.ada);
    const ours = tokenCalls.at(-1)?.refreshToken ?? '';
    // Someone else spends the session's refresh token first: Outreach answers it invalid_grant after.
    const spent = await fetch(`${simulator.url}/oauth/token`, {
      method: 'POST',
      body: new URLSearchParams({
        grant_type: 'refresh_token',
        refresh_token: ours,
        client_id: CLIENT.clientId,
        client_secret: CLIENT.clientSecret,
      }),
    });
    expect(spent.status).toBe(200);
    const before = tokenCalls.length;
    server.advance(7_200_000);

    const answers = await Promise.all(Array.from({ length: 5 }, () => listNumbers(jar)));

    expect(answers.map(({ status }) => status)).toEqual(Array(5).fill(401));
    expect(tokenCalls.slice(before).map(({ status }) => status)).toEqual([400]);
    expect((await browse(jar, `${server.url}/auth/session`)).status).toBe(401);
  });

  it('forwards only the routes the app uses: anything else never reaches Outreach', async () => {
    const jar = await signIn(USERS.val);
    const logged = simulator.logs.length;

    const outside = await browse(jar, `${server.url}/api/v2/mailings`, { headers: XHR });
    const refused = await browse(jar, `${server.url}/api/v2/phoneNumbers`, {
      headers: { ...XHR, 'Content-Type': 'application/vnd.api+json' },
      method: 'PUT',
    });

    expect(outside.status).toBe(404);
    expect(refused.status).toBe(405);
    expect(simulator.logs.slice(logged)).toEqual([]);
  });

  it("forwards a caller's own bearer token as it is, with no session and no header: Outreach judges it", async () => {
    const before = tokenCalls.length;
    const own = await fetch(`${server.url}/api/v2/phoneNumbers?filter[prospect][id]=1`, {
      headers: { Authorization: 'Bearer dev-rep-riley' },
    });
    const unknown = await fetch(`${server.url}/api/v2/phoneNumbers`, {
      headers: { Authorization: 'Bearer not-a-token-outreach-knows' },
    });

    expect(own.status).toBe(200);
    expect(unknown.status).toBe(401);
    expect(tokenCalls.length).toBe(before);
  });
});
