import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OidcConfig } from '../config';
import { USERS } from '../testing/fixtures';
import { browse, cookieJar, type CookieJar } from '../testing/session-client';
import {
  signInAtProvider,
  startTestIdentityProvider,
  type TestIdentityProvider,
} from '../testing/test-identity-provider';
import { startTestServer, type TestServer } from '../testing/test-server';

const SESSION = '__Host-pna-session';
const XHR = { 'X-Requested-With': 'XMLHttpRequest' };
const CLIENT = { clientId: 'phone-numbers-admin', clientSecret: 'the-client-secret' };

const oidcSettings = (issuer: string, settings: Partial<OidcConfig> = {}): OidcConfig => ({
  issuer,
  ...CLIENT,
  scopes: ['openid', 'email', 'profile'],
  roleClaim: undefined,
  adminEmails: [],
  ...settings,
});

const startOidcServer = (issuer: string, settings: Partial<OidcConfig> = {}) =>
  startTestServer({ config: { authMode: 'oidc', oidc: oidcSettings(issuer, settings) } });

/** A browser's whole sign-in as this provider account: the callback's answer, and the browser's jar. */
async function signIn(server: TestServer, accountId: string, jar: CookieJar = cookieJar()) {
  const callbackUrl = await signInAtProvider(server.url, jar, accountId);
  return { callback: await browse(jar, callbackUrl), jar };
}

const apiRoot = (server: TestServer, jar: CookieJar) =>
  server.request('GET', '/api/v2', { token: null, headers: { ...XHR, Cookie: jar.header() } });

const userRow = (server: TestServer, id: number) =>
  server.database.db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirstOrThrow();

/** A page that says why in a sentence, with no stack trace and no session made. */
async function expectPage(response: Response, status: number, sentence: string | RegExp) {
  expect(response.status).toBe(status);
  expect(response.headers.get('Content-Type')).toMatch(/^text\/html/);
  const page = await response.text();
  expect(page).toMatch(sentence);
  expect(page).not.toMatch(/\bat .*\.[jt]s:\d+/);
  expect(response.headers.getSetCookie().some((line) => line.startsWith(`${SESSION}=`))).toBe(
    false,
  );
}

describe('AUTH_MODE=oidc against a real OpenID provider', () => {
  let idp: TestIdentityProvider;
  let server: TestServer;
  beforeAll(async () => {
    idp = await startTestIdentityProvider();
    server = await startOidcServer(idp.issuer, { adminEmails: ['bo.boss@example.com'] });
    idp.registerClient({ ...CLIENT, redirectUris: [`${server.url}/auth/callback`] });
    idp.accounts.set('riley-at-idp', {
      email: 'Riley.Rep@example.com',
      email_verified: true,
      given_name: 'Riley',
      family_name: 'Rep',
    });
    idp.accounts.set('stranger-at-idp', { email: 'stranger@example.com', email_verified: true });
    idp.accounts.set('sam-unverified', { email: 'sam.rep@example.com', email_verified: false });
    idp.accounts.set('boss-at-idp', {
      email: 'bo.boss@example.com',
      email_verified: true,
      given_name: 'Bo',
      family_name: 'Boss',
    });
    idp.accounts.set('val-at-idp', { email: 'val.viewer@example.com', email_verified: true });
    idp.accounts.set('noor-at-idp', {
      email: 'Noor.Newcomer@Example.com',
      email_verified: true,
      given_name: 'Noor',
      family_name: 'N.',
    });
  });
  afterAll(async () => {
    await server.close();
    await idp.close();
  });

  it('signs in with the code flow, PKCE, state and nonce; the session reads /api/v2 as the matched user', async () => {
    const jar = cookieJar();
    const login = await browse(jar, `${server.url}/auth/login?returnTo=%2Fphone-numbers`);
    expect(login.status).toBe(302);
    const authorize = new URL(login.headers.get('Location') ?? '');
    expect(authorize.origin).toBe(idp.issuer);
    expect(Object.fromEntries(authorize.searchParams)).toMatchObject({
      client_id: CLIENT.clientId,
      response_type: 'code',
      redirect_uri: `${server.url}/auth/callback`,
      scope: 'openid email profile',
      code_challenge_method: 'S256',
    });
    for (const name of ['state', 'nonce', 'code_challenge']) {
      expect(authorize.searchParams.get(name)).toMatch(/^[A-Za-z0-9_-]{43}$/);
    }

    const callbackUrl = await signInAtProvider(server.url, jar, 'riley-at-idp', {
      returnTo: '/phone-numbers',
    });
    expect(new URL(callbackUrl).searchParams.get('iss')).toBe(idp.issuer);
    const callback = await browse(jar, callbackUrl);
    expect(callback.status).toBe(303);
    expect(callback.headers.get('Location')).toBe(`${server.url}/phone-numbers`);

    expect((await apiRoot(server, jar)).json).toMatchObject({
      meta: { user: { id: USERS.riley } },
    });
    const session = await browse(jar, `${server.url}/auth/session`);
    expect(await session.json()).toEqual({
      data: { mode: 'oidc', user: { id: String(USERS.riley), name: 'Riley Rep' } },
    });
    const riley = await userRow(server, USERS.riley);
    expect(riley.oidc_subject).toBe('riley-at-idp');
    expect(Date.parse(riley.last_sign_in_at ?? '')).toBeGreaterThan(Date.now() - 60_000);
  });

  it("signs a framed app in through a popup: the frame's own session, as in demo mode", async () => {
    const popup = cookieJar();
    const callbackUrl = await signInAtProvider(server.url, popup, 'riley-at-idp', { popup: '1' });
    const page = await browse(popup, callbackUrl);
    expect(page.status).toBe(200);
    const code = /"code":"([A-Za-z0-9_-]{43})"/.exec(await page.text())?.[1] ?? '';
    const frame = cookieJar();
    const exchanged = await browse(frame, `${server.url}/auth/handoff`, {
      method: 'POST',
      headers: { ...XHR, 'Content-Type': 'application/json' },
      body: JSON.stringify({ code }),
    });
    expect(await exchanged.json()).toEqual({
      data: { mode: 'oidc', user: { id: String(USERS.riley), name: 'Riley Rep' } },
    });
    expect((await apiRoot(server, frame)).json).toMatchObject({
      meta: { user: { id: USERS.riley } },
    });
  });

  it('has no demo sign-in: no "Continue as" page, no development tokens', async () => {
    expect((await fetch(`${server.url}/oauth/authorize`)).status).toBe(404);
    expect((await server.request('GET', '/api/v2', { token: 'dev-admin' })).status).toBe(401);
  });

  it('matches by the provider’s sub once seen, even when the email changed there', async () => {
    await signIn(server, 'riley-at-idp');
    idp.accounts.set('riley-at-idp', { email: 'riley@new.example.com', email_verified: false });
    const { callback, jar } = await signIn(server, 'riley-at-idp');
    expect(callback.status).toBe(303);
    expect((await apiRoot(server, jar)).json).toMatchObject({
      meta: { user: { id: USERS.riley } },
    });
  });

  it('refuses an email that is no user with the no-access page, and no session', async () => {
    const before = await server.database.db.selectFrom('users').select('id').execute();
    const { callback, jar } = await signIn(server, 'stranger-at-idp');
    await expectPage(callback, 403, 'No access — ask an admin to add you');
    await expectPage(
      (await signIn(server, 'stranger-at-idp')).callback,
      403,
      'Ask an admin to add you (stranger@example.com)',
    );
    expect(jar.get(SESSION)).toBeUndefined();
    expect((await browse(jar, `${server.url}/auth/session`)).status).toBe(401);
    expect(await server.database.db.selectFrom('users').select('id').execute()).toEqual(before);
  });

  it('lets in someone an admin added on the Users page, refused before', async () => {
    await expectPage(
      (await signIn(server, 'noor-at-idp')).callback,
      403,
      'ask an admin to add you',
    );

    const admin = await signIn(server, 'boss-at-idp');
    const added = await server.request('POST', '/api/v2/users', {
      token: null,
      headers: { ...XHR, Cookie: admin.jar.header() },
      body: {
        data: {
          type: 'user',
          attributes: { email: 'noor.newcomer@example.com', firstName: 'Noor', role: 'rep' },
        },
      },
    });
    expect(added.status).toBe(201);
    const { id } = (added.json as { data: { id: number } }).data;

    const { callback, jar } = await signIn(server, 'noor-at-idp');
    expect(callback.status).toBe(303);
    expect((await apiRoot(server, jar)).json).toMatchObject({
      meta: { user: { id, attributes: { name: 'Noor', role: 'rep' } } },
    });
    expect((await userRow(server, id)).oidc_subject).toBe('noor-at-idp');
  });

  it('refuses an email the provider has not verified, and does not link it', async () => {
    const { callback } = await signIn(server, 'sam-unverified');
    await expectPage(callback, 403, 'has not verified sam.rep@example.com');
    expect((await userRow(server, USERS.sam)).oidc_subject).toBeNull();
  });

  it('makes an admin of an ADMIN_EMAILS address that is not a user yet, named from the claims', async () => {
    const { callback, jar } = await signIn(server, 'boss-at-idp');
    expect(callback.status).toBe(303);
    const boss = await server.database.db
      .selectFrom('users')
      .selectAll()
      .where('oidc_subject', '=', 'boss-at-idp')
      .executeTakeFirstOrThrow();
    expect(boss).toMatchObject({
      first_name: 'Bo',
      last_name: 'Boss',
      email: 'bo.boss@example.com',
      role: 'admin',
    });
    expect((await apiRoot(server, jar)).json).toMatchObject({ meta: { user: { id: boss.id } } });
  });

  it('refuses a deactivated user at sign-in, and ends the session they had', async () => {
    const { callback, jar } = await signIn(server, 'val-at-idp');
    expect(callback.status).toBe(303);
    expect((await apiRoot(server, jar)).status).toBe(200);

    await server.database.db
      .updateTable('users')
      .set({ deactivated_at: new Date().toISOString() })
      .where('id', '=', USERS.val)
      .execute();
    expect((await apiRoot(server, jar)).status).toBe(401);
    expect((await browse(jar, `${server.url}/auth/session`)).status).toBe(401);

    const again = await signIn(server, 'val-at-idp');
    await expectPage(again.callback, 403, 'Your access was turned off (val.viewer@example.com)');
  });

  it('refuses a callback whose state is not the attempt’s, a replayed one, and one from another browser', async () => {
    const jar = cookieJar();
    const callbackUrl = new URL(await signInAtProvider(server.url, jar, 'riley-at-idp'));
    const forged = new URL(callbackUrl);
    forged.searchParams.set('state', 'x'.repeat(43));
    await expectPage(await browse(jar, forged.href), 400, 'This sign-in has expired');
    await expectPage(
      await browse(cookieJar(), callbackUrl.href),
      400,
      'This browser has no sign-in under way',
    );

    expect((await browse(jar, callbackUrl.href)).status).toBe(303);
    await expectPage(await browse(jar, callbackUrl.href), 400, 'This sign-in has expired');
  });

  it('refuses an ID token whose nonce is not the one sent (checked by openid-client)', async () => {
    const jar = cookieJar();
    const callbackUrl = await signInAtProvider(server.url, jar, 'riley-at-idp');
    await server.database.db
      .updateTable('sign_in_attempts')
      .set({ nonce: 'n'.repeat(43) })
      .execute();
    await expectPage(await browse(jar, callbackUrl), 400, 'did not pass the checks');
  });
});

describe('AUTH_MODE=oidc with roles from a claim', () => {
  let idp: TestIdentityProvider;
  let server: TestServer;
  beforeAll(async () => {
    idp = await startTestIdentityProvider();
    server = await startOidcServer(idp.issuer, {
      roleClaim: { path: ['groups'], admin: ['Phone Admins'], rep: ['sales'], viewer: ['readers'] },
      adminEmails: ['ada.admin@example.com'],
    });
    idp.registerClient({ ...CLIENT, redirectUris: [`${server.url}/auth/callback`] });
  });
  afterAll(async () => {
    await server.close();
    await idp.close();
  });

  it('gives the highest role the groups map to, writes it to the users table, and records the change', async () => {
    idp.accounts.set('sam-at-idp', {
      email: 'sam.rep@example.com',
      email_verified: true,
      groups: ['sales', 'Phone Admins'],
    });
    const { callback } = await signIn(server, 'sam-at-idp');
    expect(callback.status).toBe(303);
    expect((await userRow(server, USERS.sam)).role).toBe('admin');
    const events = await server.database.db
      .selectFrom('audit_events')
      .selectAll()
      .where('resource_type', '=', 'user')
      .where('resource_id', '=', USERS.sam)
      .execute();
    expect(events).toMatchObject([
      {
        action: 'roleChanged',
        actor_user_id: USERS.sam,
        before_json: '{"role":"rep"}',
        after_json: '{"role":"admin"}',
      },
    ]);

    idp.accounts.set('sam-at-idp', {
      email: 'sam.rep@example.com',
      email_verified: true,
      groups: ['readers'],
    });
    expect((await signIn(server, 'sam-at-idp')).callback.status).toBe(303);
    expect((await userRow(server, USERS.sam)).role).toBe('viewer');
  });

  it('refuses someone whose groups give no role, unless ADMIN_EMAILS lists them', async () => {
    idp.accounts.set('riley-at-idp', {
      email: 'riley.rep@example.com',
      email_verified: true,
      groups: ['marketing'],
    });
    const { callback } = await signIn(server, 'riley-at-idp');
    await expectPage(callback, 403, 'Your groups at the identity provider give you no role');
    expect((await userRow(server, USERS.riley)).oidc_subject).toBeNull();

    idp.accounts.set('ada-at-idp', { email: 'ada.admin@example.com', email_verified: true });
    expect((await signIn(server, 'ada-at-idp')).callback.status).toBe(303);
    expect((await userRow(server, USERS.ada)).role).toBe('admin');
  });
});

describe('AUTH_MODE=oidc when the provider is down or misconfigured', () => {
  let idp: TestIdentityProvider;
  let server: TestServer;
  let wrongSecret: TestServer;
  let wrongIssuer: TestServer;
  beforeAll(async () => {
    idp = await startTestIdentityProvider();
    idp.accounts.set('riley-at-idp', { email: 'riley.rep@example.com', email_verified: true });
    server = await startOidcServer(idp.issuer);
    wrongSecret = await startOidcServer(idp.issuer, { clientSecret: 'not-the-secret' });
    wrongIssuer = await startOidcServer(`${idp.issuer}/realms/nowhere`);
    idp.registerClient({
      ...CLIENT,
      redirectUris: [`${server.url}/auth/callback`, `${wrongSecret.url}/auth/callback`],
    });
  });
  afterAll(async () => {
    await Promise.all([server.close(), wrongSecret.close(), wrongIssuer.close()]);
    await idp.close();
  });

  it('starts while the provider is down, names OIDC_ISSUER on a 503 page, and signs in once it is back', async () => {
    idp.setDown(true);
    const jar = cookieJar();
    const login = await browse(jar, `${server.url}/auth/login`);
    await expectPage(
      login,
      503,
      `The identity provider at OIDC_ISSUER (${idp.issuer}) could not be reached`,
    );
    expect(jar.get('__Host-pna-sign-in')).toBeUndefined();

    idp.setDown(false);
    expect((await signIn(server, 'riley-at-idp')).callback.status).toBe(303);
  });

  it('says the provider could not be reached when it goes down during a sign-in', async () => {
    const jar = cookieJar();
    const callbackUrl = await signInAtProvider(server.url, jar, 'riley-at-idp');
    idp.setDown(true);
    try {
      await expectPage(await browse(jar, callbackUrl), 503, 'could not be reached to finish');
    } finally {
      idp.setDown(false);
    }
  });

  it('names OIDC_ISSUER when it is not an OpenID provider’s issuer', async () => {
    await expectPage(
      await browse(cookieJar(), `${wrongIssuer.url}/auth/login`),
      502,
      /OIDC_ISSUER \(http:\/\/127\.0\.0\.1:\d+\/realms\/nowhere\) did not answer as an OpenID provider/,
    );
  });

  it('names OIDC_CLIENT_ID and OIDC_CLIENT_SECRET when the provider refuses the client', async () => {
    const { callback } = await signIn(wrongSecret, 'riley-at-idp');
    await expectPage(callback, 502, 'ask an admin to check OIDC_CLIENT_ID and OIDC_CLIENT_SECRET');
  });
});
