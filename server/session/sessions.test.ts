import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../app';
import { hashToken } from '../auth/tokens';
import { defaultConfig } from '../config';
import { failure } from '../testing/fixtures';
import { browse, cookieJar, demoSignIn, type CookieJar } from '../testing/session-client';
import { startTestServer, type TestServer } from '../testing/test-server';
import { useTemporaryDatabases } from '../testing/temporary-database';
import { seedIfEmpty } from '../db/seed';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => {
  await server.close();
});

const SESSION = '__Host-pna-session';
const FRAME = '__Host-pna-frame';
const XHR = { 'X-Requested-With': 'XMLHttpRequest' };

/** The Set-Cookie line of a cookie, attributes and all. */
const setCookie = (response: Response, name: string) =>
  response.headers.getSetCookie().find((line) => line.startsWith(`${name}=`));

const api = (jar: CookieJar, path: string, headers: Record<string, string> = XHR) =>
  server.request('GET', path, { token: null, headers: { ...headers, Cookie: jar.header() } });

async function signedIn(userId = 2, query: Record<string, string> = {}) {
  const jar = cookieJar();
  const callback = await demoSignIn(server.url, jar, userId, query);
  expect(callback.status).toBe(303);
  return { jar, callback };
}

async function expectProblemPage(response: Response, sentence: RegExp) {
  expect(response.status).toBe(400);
  expect(response.headers.get('Content-Type')).toMatch(/^text\/html/);
  const page = await response.text();
  expect(page).toMatch(sentence);
  expect(page).toContain('<a href="/">Back to Phone Numbers Admin</a>');
  expect(page).not.toMatch(/\bat .*\.ts:\d+/);
  expect(setCookie(response, SESSION)).toBeUndefined();
}

describe('demo sign-in through /auth', () => {
  it('goes /auth/login → "Continue as" → /auth/callback, and the cookie opens the API with the header', async () => {
    const jar = cookieJar();
    const login = await browse(
      jar,
      `${server.url}/auth/login?returnTo=%2Fphone-numbers%3Fprospect%3D3`,
    );
    expect(login.status).toBe(302);
    const authorize = new URL(login.headers.get('Location') ?? '');
    expect(`${authorize.origin}${authorize.pathname}`).toBe(`${server.url}/oauth/authorize`);
    expect(Object.fromEntries(authorize.searchParams)).toMatchObject({
      client_id: 'phone-numbers-admin',
      redirect_uri: `${server.url}/auth/callback`,
      code_challenge_method: 'S256',
    });

    const callback = await demoSignIn(server.url, jar, 2, {
      returnTo: '/phone-numbers?prospect=3',
    });
    expect(callback.status).toBe(303);
    expect(callback.headers.get('Location')).toBe(`${server.url}/phone-numbers?prospect=3`);

    const listed = await api(jar, '/api/v2/phoneNumbers?provideAuthorizationMeta=true');
    expect(listed.status).toBe(200);
    const root = await api(jar, '/api/v2');
    expect(root.json).toMatchObject({ meta: { user: { id: 2 } } });

    const session = await browse(jar, `${server.url}/auth/session`);
    expect(session.status).toBe(200);
    expect(session.headers.get('Cache-Control')).toBe('no-store');
    expect(await session.json()).toEqual({
      data: { mode: 'demo', user: { id: '2', name: 'Riley Rep' } },
    });
  });

  it('refuses a cookie request without X-Requested-With, and needs no header with a bearer token', async () => {
    const { jar } = await signedIn();
    const [refused] = failure(await api(jar, '/api/v2/phoneNumbers', {}), 403);
    expect(refused).toMatchObject({
      id: 'customHeaderRequired',
      detail: 'Send X-Requested-With: XMLHttpRequest with cookie-authenticated requests.',
    });
    failure(await api(jar, '/api/v2', { 'X-Requested-With': 'fetch' }), 403);
    expect((await server.request('GET', '/api/v2/phoneNumbers')).status).toBe(200);
  });

  it('sets the session cookie __Host-, HttpOnly, Secure, Path=/, SameSite=Lax, for 14 days', async () => {
    const jar = cookieJar();
    const login = await browse(jar, `${server.url}/auth/login`);
    expect(setCookie(login, '__Host-pna-sign-in')).toMatch(
      /^__Host-pna-sign-in=[A-Za-z0-9_-]{43}; Max-Age=600; Path=\/; HttpOnly; Secure; SameSite=Lax$/,
    );
    const { callback } = await signedIn();
    expect(setCookie(callback, SESSION)).toMatch(
      /^__Host-pna-session=[A-Za-z0-9_-]{43}; Max-Age=1209600; Path=\/; HttpOnly; Secure; SameSite=Lax$/,
    );
  });

  it('keeps only the hash of the session id in the database', async () => {
    const { jar } = await signedIn(3);
    const id = jar.get(SESSION) ?? '';
    const rows = await server.database.db.selectFrom('sessions').selectAll().execute();
    expect(rows.map((row) => row.id_hash)).toContain(hashToken(id));
    expect(JSON.stringify(rows)).not.toContain(id);
  });

  it('gives a new session id at sign-in and ends the one the browser had', async () => {
    const { jar } = await signedIn(2);
    const before = jar.get(SESSION) ?? '';
    const planted = cookieJar();
    planted.set(SESSION, before);
    await demoSignIn(server.url, jar, 3);
    const after = jar.get(SESSION) ?? '';
    expect(after).not.toBe(before);
    failure(await api(planted, '/api/v2/phoneNumbers'), 401);
    expect((await api(jar, '/api/v2/phoneNumbers')).status).toBe(200);
  });

  it('answers 401 for a forged or missing cookie', async () => {
    const forged = cookieJar();
    forged.set(SESSION, 'A'.repeat(43));
    expect(failure(await api(forged, '/api/v2/phoneNumbers'), 401)[0]?.detail).toBe(
      'The session has ended or is not valid; sign in again.',
    );
    expect((await browse(forged, `${server.url}/auth/session`)).status).toBe(401);
    failure(await api(cookieJar(), '/api/v2/phoneNumbers'), 401);
    expect((await browse(cookieJar(), `${server.url}/auth/session`)).status).toBe(401);
  });

  it('sends the browser back only to a path of its own', async () => {
    for (const returnTo of [
      '//evil.com',
      'https://evil.com',
      '/\\evil.com',
      'javascript:alert(1)',
      '/auth/logout',
    ]) {
      const { callback } = await signedIn(2, { returnTo });
      expect(callback.headers.get('Location'), returnTo).toBe(`${server.url}/`);
    }
  });
});

describe('a callback that cannot sign in', () => {
  async function started(jar = cookieJar()) {
    const login = await browse(jar, `${server.url}/auth/login`);
    const authorize = new URL(login.headers.get('Location') ?? '');
    const form = new URLSearchParams(authorize.searchParams);
    form.set('user_id', '2');
    const chosen = await fetch(`${server.url}/oauth/authorize`, {
      method: 'POST',
      body: form,
      headers: { Origin: server.url },
      redirect: 'manual',
    });
    return { jar, callback: new URL(chosen.headers.get('Location') ?? '') };
  }

  it('refuses a missing or wrong state', async () => {
    const { jar, callback } = await started();
    const code = callback.searchParams.get('code') ?? '';
    await expectProblemPage(
      await browse(jar, `${server.url}/auth/callback?code=${code}`),
      /has no state/,
    );
    await expectProblemPage(
      await browse(jar, `${server.url}/auth/callback?code=${code}&state=forged`),
      /expired, was already used, or was started in another browser/,
    );
  });

  it('refuses a browser without the sign-in cookie, or with another one', async () => {
    const { callback } = await started();
    await expectProblemPage(await browse(cookieJar(), callback.href), /sign-in cookie is missing/);
    const other = cookieJar();
    await browse(other, `${server.url}/auth/login`);
    await expectProblemPage(await browse(other, callback.href), /another browser/);
  });

  it('refuses the same callback twice', async () => {
    const { jar, callback } = await started();
    expect((await browse(jar, callback.href)).status).toBe(303);
    await expectProblemPage(await browse(jar, callback.href), /already used/);
  });

  it('refuses a replayed code, even under a new sign-in of the same browser', async () => {
    const { jar, callback } = await started();
    expect((await browse(jar, callback.href)).status).toBe(303);
    const second = await started(jar);
    const replay = new URL(second.callback);
    replay.searchParams.set('code', callback.searchParams.get('code') ?? '');
    await expectProblemPage(
      await browse(jar, replay.href),
      /The authorization code was already used/,
    );
  });

  it('says so when the user cancels', async () => {
    const jar = cookieJar();
    const login = await browse(jar, `${server.url}/auth/login`);
    const state = new URL(login.headers.get('Location') ?? '').searchParams.get('state') ?? '';
    await expectProblemPage(
      await browse(jar, `${server.url}/auth/callback?error=access_denied&state=${state}`),
      /Sign-in was cancelled/,
    );
    await expectProblemPage(
      await browse(jar, `${server.url}/auth/callback?error=%3Cscript%3E`),
      /it answered &lt;script&gt;/,
    );
  });
});

describe('sign-out', () => {
  it('ends the session for fetch with 204: the old cookie gets 401', async () => {
    const { jar } = await signedIn();
    const copy = cookieJar();
    copy.set(SESSION, jar.get(SESSION) ?? '');
    const out = await browse(jar, `${server.url}/auth/logout`, { method: 'POST', headers: XHR });
    expect(out.status).toBe(204);
    expect(setCookie(out, SESSION)).toMatch(/^__Host-pna-session=; Max-Age=0; Path=\/;/);
    expect(jar.get(SESSION)).toBeUndefined();
    failure(await api(copy, '/api/v2/phoneNumbers'), 401);
    expect((await browse(copy, `${server.url}/auth/session`)).status).toBe(401);
  });

  it('takes a form post from its own origin, and answers it with 303 to /', async () => {
    const { jar } = await signedIn();
    const out = await browse(jar, `${server.url}/auth/logout`, {
      method: 'POST',
      headers: { Origin: server.url, 'Content-Type': 'application/x-www-form-urlencoded' },
      body: '',
    });
    expect(out.status).toBe(303);
    expect(out.headers.get('Location')).toBe(`${server.url}/`);
  });

  it('refuses a form post from another origin, and the session lives on', async () => {
    const { jar } = await signedIn();
    for (const headers of <Record<string, string>[]>[
      { Origin: 'https://evil.example', 'Content-Type': 'application/x-www-form-urlencoded' },
      { 'Sec-Fetch-Site': 'cross-site', 'Content-Type': 'text/plain' },
      {},
    ]) {
      const out = await browse(jar, `${server.url}/auth/logout`, { method: 'POST', headers });
      expect(out.status).toBe(403);
      expect(await out.text()).toContain('did not come from Phone Numbers Admin');
    }
    expect((await api(jar, '/api/v2/phoneNumbers')).status).toBe(200);
  });
});

describe('a frame signing in through a popup', () => {
  /** The popup's sign-in: the page it ends on, and the code that page posts to its opener. */
  async function popupSignIn() {
    const popup = cookieJar();
    const page = await demoSignIn(server.url, popup, 2, { popup: '1' });
    const html = await page.text();
    const code = /"code":"([A-Za-z0-9_-]{43})"/.exec(html)?.[1] ?? '';
    return { popup, page, html, code };
  }

  const handoff = (jar: CookieJar, body: unknown, headers: Record<string, string> = XHR) =>
    browse(jar, `${server.url}/auth/handoff`, {
      method: 'POST',
      headers: { ...headers, 'Content-Type': 'application/json' },
      body: JSON.stringify(body),
    });

  it('ends on a page that posts a single-use code to the opener, on this origin only, and sets no session', async () => {
    const { popup, page, html, code } = await popupSignIn();
    expect(page.status).toBe(200);
    expect(popup.get(SESSION)).toBeUndefined();
    expect(code).not.toBe('');
    const nonce = /'nonce-([A-Za-z0-9+/=]+)'/.exec(
      page.headers.get('Content-Security-Policy') ?? '',
    )?.[1];
    expect(nonce).toBeDefined();
    expect(html).toContain(`<script nonce="${nonce ?? ''}">`);
    expect(html).toContain('"type":"phone-numbers-admin:signed-in"');
    expect(html).toContain(`, "${server.url}");`);
    expect(page.headers.get('Content-Security-Policy')).toContain("frame-ancestors 'none'");
  });

  it('gives the frame its own partitioned session for the code, once', async () => {
    const { code } = await popupSignIn();
    const frame = cookieJar();
    failure(await api(frame, '/api/v2/phoneNumbers'), 401);
    expect((await handoff(frame, { code }, {})).status).toBe(403);
    const exchanged = await handoff(frame, { code });
    expect(exchanged.status).toBe(200);
    expect(await exchanged.json()).toEqual({
      data: { mode: 'demo', user: { id: '2', name: 'Riley Rep' } },
    });
    expect(setCookie(exchanged, FRAME)).toMatch(
      /^__Host-pna-frame=[A-Za-z0-9_-]{43}; Max-Age=1209600; Path=\/; HttpOnly; Secure; SameSite=None; Partitioned$/,
    );
    expect((await api(frame, '/api/v2/phoneNumbers')).status).toBe(200);
    failure(await api(frame, '/api/v2/phoneNumbers', {}), 403);
    expect((await handoff(cookieJar(), { code })).status).toBe(400);
  });

  it('lets one of ten parallel exchanges of a code win', async () => {
    const { code } = await popupSignIn();
    const answers = await Promise.all(
      Array.from({ length: 10 }, () => handoff(cookieJar(), { code })),
    );
    expect(answers.map((answer) => answer.status).sort()).toEqual([
      200, 400, 400, 400, 400, 400, 400, 400, 400, 400,
    ]);
  });

  it('refuses a body without a code', async () => {
    for (const body of [{}, { code: 5 }, 'code']) {
      expect((await handoff(cookieJar(), body)).status).toBe(400);
    }
  });
});

describe('cookies and CORS', () => {
  it('never lets another origin send the header or credentials', async () => {
    const withCors = await startTestServer({
      config: { corsAllowedOrigins: ['https://crm.example.com'] },
    });
    try {
      const preflight = await fetch(`${withCors.url}/api/v2/phoneNumbers`, {
        method: 'OPTIONS',
        headers: {
          Origin: 'https://crm.example.com',
          'Access-Control-Request-Method': 'GET',
          'Access-Control-Request-Headers': 'x-requested-with',
        },
      });
      expect(preflight.headers.get('Access-Control-Allow-Origin')).toBe('https://crm.example.com');
      expect(preflight.headers.get('Access-Control-Allow-Credentials')).toBeNull();
      expect(preflight.headers.get('Access-Control-Allow-Headers') ?? '').not.toMatch(
        /x-requested-with/i,
      );
    } finally {
      await withCors.close();
    }
  });
});

describe('the demo on plain HTTP at a LAN address', () => {
  const openDatabase = useTemporaryDatabases();

  it('signs in with pna-session, neither __Host- nor Secure', async () => {
    const db = await openDatabase();
    await seedIfEmpty(db);
    const origin = 'http://192.168.1.20:4173';
    const app = createApp({
      db,
      config: defaultConfig({ publicOrigin: origin }),
      log: () => undefined,
    });
    const jar = cookieJar();
    const send = async (url: string, init: RequestInit = {}) => {
      const headers = new Headers(init.headers);
      if (jar.header() !== '') headers.set('Cookie', jar.header());
      const response = await app.request(url, { ...init, headers });
      jar.take(response);
      return response;
    };
    const login = await send(`${origin}/auth/login`);
    expect(setCookie(login, 'pna-sign-in')).toMatch(/; Path=\/; HttpOnly; SameSite=Lax$/);
    const authorize = new URL(login.headers.get('Location') ?? '');
    const form = new URLSearchParams(authorize.searchParams);
    form.set('user_id', '1');
    const chosen = await send(`${origin}/oauth/authorize`, {
      method: 'POST',
      body: form,
      headers: { Origin: origin },
    });
    const callback = await send(chosen.headers.get('Location') ?? '');
    expect(callback.status).toBe(303);
    const cookie = setCookie(callback, 'pna-session') ?? '';
    expect(cookie).toMatch(
      /^pna-session=[A-Za-z0-9_-]{43}; Max-Age=1209600; Path=\/; HttpOnly; SameSite=Lax$/,
    );
    const root = await send(`${origin}/api/v2`, { headers: XHR });
    expect(root.status).toBe(200);
  });
});

describe('a session that has ended', () => {
  it('answers 401 after 8 idle hours', async () => {
    const { jar } = await signedIn();
    expect((await api(jar, '/api/v2/phoneNumbers')).status).toBe(200);
    server.advance(8 * 3_600_000 + 60_000);
    failure(await api(jar, '/api/v2/phoneNumbers'), 401);
    expect((await browse(jar, `${server.url}/auth/session`)).status).toBe(401);
  });
});
