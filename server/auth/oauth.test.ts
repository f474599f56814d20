import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { failure, single } from '../testing/fixtures';
import {
  authorizeParams as authorizeParamsOf,
  postContinueAs,
  redirectUriOf,
  requestToken,
  signIn as signInTo,
  verifierFor,
} from '../testing/oauth-client';
import { startTestServer, type TestServer } from '../testing/test-server';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer({ config: { tokenTtlSeconds: 600 } });
});
afterAll(async () => {
  await server.close();
});

const redirectUri = () => redirectUriOf(server);
const authorizeParams = (verifier: string, extra: Record<string, string> = {}) =>
  authorizeParamsOf(server, verifier, extra);
const token = (fields: Record<string, string>) => requestToken(server, fields);
const signIn = (userId: number, extra: Record<string, string> = {}) =>
  signInTo(server, userId, extra);

/** Where "Continue as …" sends the browser back to. */
async function continueAs(userId: number, verifier: string, extra: Record<string, string> = {}) {
  const response = await postContinueAs(server, userId, verifier, extra);
  expect(response.status).toBe(303);
  return new URL(response.headers.get('Location') ?? '');
}

describe('the authorization page', () => {
  it('lists the demo users to continue as, and cannot be framed', async () => {
    const response = await fetch(
      `${server.url}/oauth/authorize?${authorizeParams(verifierFor()).toString()}`,
    );
    expect(response.status).toBe(200);
    const html = await response.text();
    for (const name of ['Ada Admin', 'Riley Rep', 'Sam Rep', 'Val Viewer']) {
      expect(html).toContain(`Continue as ${name}`);
    }
    expect(response.headers.get('X-Frame-Options')).toBe('DENY');
    expect(response.headers.get('Content-Security-Policy')).toContain("frame-ancestors 'none'");
  });

  it('escapes what the request carries into the page', async () => {
    const response = await fetch(
      `${server.url}/oauth/authorize?${authorizeParams(verifierFor(), { state: '"><script>alert(1)</script>' }).toString()}`,
    );
    const html = await response.text();
    expect(html).not.toContain('<script>alert(1)</script>');
    expect(html).toContain('&lt;script&gt;');
  });

  it('refuses to redirect to another origin or for an unknown client, without redirecting', async () => {
    for (const extra of <Record<string, string>[]>[
      { redirect_uri: 'https://evil.example/callback' },
      { client_id: 'someone-else' },
      { redirect_uri: 'javascript:alert(1)' },
    ]) {
      const response = await fetch(
        `${server.url}/oauth/authorize?${authorizeParams(verifierFor(), extra).toString()}`,
        {
          redirect: 'manual',
        },
      );
      expect(response.status).toBe(400);
      expect(response.headers.get('Location')).toBeNull();
    }
  });

  it('sends a request without PKCE or with an unknown scope back with an OAuth error', async () => {
    for (const extra of <Record<string, string>[]>[
      { code_challenge_method: 'plain' },
      { code_challenge: 'short' },
      { scope: 'prospects.delete' },
    ]) {
      const response = await fetch(
        `${server.url}/oauth/authorize?${authorizeParams(verifierFor(), extra).toString()}`,
        {
          redirect: 'manual',
        },
      );
      expect(response.status).toBe(303);
      const location = new URL(response.headers.get('Location') ?? '');
      expect(location.searchParams.get('error')).toBe('invalid_request');
      expect(location.searchParams.get('state')).toBe('state-123');
    }
  });

  it('refuses "Continue as" posted by a page of another site, or with no origin, and issues no code', async () => {
    for (const headers of [
      { Origin: 'https://evil.example' },
      { 'Sec-Fetch-Site': 'cross-site' },
      {} as Record<string, string>,
    ]) {
      const form = authorizeParams(verifierFor());
      form.set('user_id', '1');
      const response = await fetch(`${server.url}/oauth/authorize`, {
        method: 'POST',
        body: form,
        headers,
        redirect: 'manual',
      });
      expect(response.status).toBe(403);
      expect(response.headers.get('Location')).toBeNull();
      expect(await response.text()).toContain('sent from a page of another site');
    }
  });

  it('sends "Cancel" back as access_denied', async () => {
    const form = authorizeParams(verifierFor());
    form.set('deny', '1');
    const response = await fetch(`${server.url}/oauth/authorize`, {
      method: 'POST',
      body: form,
      headers: { Origin: server.url },
      redirect: 'manual',
    });
    expect(new URL(response.headers.get('Location') ?? '').searchParams.get('error')).toBe(
      'access_denied',
    );
  });
});

describe('the token endpoint', () => {
  it('exchanges a code and verifier for tokens that act as the chosen user', async () => {
    const tokens = await signIn(2);
    expect(tokens).toMatchObject({
      token_type: 'Bearer',
      expires_in: 600,
      scope: 'phoneNumbers.all prospects.all users.all auditEvents.read',
    });
    const meta = single(
      await server.request('GET', '/api/v2/phoneNumbers/1?provideAuthorizationMeta=true', {
        token: tokens.access_token,
      }),
    ).meta;
    expect(meta).toMatchObject({ canWrite: true, canDelete: true });
    const samsMeta = single(
      await server.request('GET', '/api/v2/prospects/4?provideAuthorizationMeta=true', {
        token: tokens.access_token,
      }),
    ).meta;
    expect(samsMeta).toMatchObject({ canWrite: false, canDelete: false, canReadHistory: false });
  });

  it('refuses a wrong verifier, a wrong redirect_uri, and a code used twice (revoking what it gave)', async () => {
    const verifier = verifierFor();
    const code = (await continueAs(1, verifier)).searchParams.get('code') ?? '';
    const base = {
      grant_type: 'authorization_code',
      code,
      redirect_uri: redirectUri(),
      client_id: 'phone-numbers-admin',
    };
    expect((await token({ ...base, code_verifier: verifierFor() })).body.error).toBe(
      'invalid_grant',
    );

    const verifier2 = verifierFor();
    const code2 = (await continueAs(1, verifier2)).searchParams.get('code') ?? '';
    const base2 = { ...base, code: code2 };
    expect(
      (await token({ ...base2, redirect_uri: `${server.url}/elsewhere`, code_verifier: verifier2 }))
        .body.error,
    ).toBe('invalid_grant');

    const verifier3 = verifierFor();
    const code3 = (await continueAs(1, verifier3)).searchParams.get('code') ?? '';
    const first = await token({ ...base, code: code3, code_verifier: verifier3 });
    expect(first.status).toBe(200);
    const replay = await token({ ...base, code: code3, code_verifier: verifier3 });
    expect(replay.status).toBe(400);
    expect(replay.body.error).toBe('invalid_grant');
    expect(replay.body.errors).toHaveLength(1);
    failure(
      await server.request('GET', '/api/v2/users/1', { token: first.body.access_token }),
      401,
    );
  });

  it('lets a code expire after a minute', async () => {
    const verifier = verifierFor();
    const code = (await continueAs(1, verifier)).searchParams.get('code') ?? '';
    server.advance(61_000);
    const expired = await token({
      grant_type: 'authorization_code',
      code,
      redirect_uri: redirectUri(),
      client_id: 'phone-numbers-admin',
      code_verifier: verifier,
    });
    expect(expired.body.error).toBe('invalid_grant');
  });

  it('rotates refresh tokens and ends the session when a used one comes back', async () => {
    const first = await signIn(3);
    const rotated = await token({
      grant_type: 'refresh_token',
      refresh_token: first.refresh_token,
      client_id: 'phone-numbers-admin',
    });
    expect(rotated.status).toBe(200);
    expect(rotated.body.refresh_token).not.toBe(first.refresh_token);
    expect(rotated.body.access_token).not.toBe(first.access_token);
    single(await server.request('GET', '/api/v2/users/3', { token: rotated.body.access_token }));

    const replay = await token({
      grant_type: 'refresh_token',
      refresh_token: first.refresh_token,
      client_id: 'phone-numbers-admin',
    });
    expect(replay.body.error).toBe('invalid_grant');
    failure(
      await server.request('GET', '/api/v2/users/3', { token: rotated.body.access_token }),
      401,
    );
    const afterRevocation = await token({
      grant_type: 'refresh_token',
      refresh_token: rotated.body.refresh_token,
      client_id: 'phone-numbers-admin',
    });
    expect(afterRevocation.body.error).toBe('invalid_grant');
  });

  it('expires access tokens after their lifetime, while the refresh token still works', async () => {
    const tokens = await signIn(4);
    single(await server.request('GET', '/api/v2/users/4', { token: tokens.access_token }));
    server.advance(601_000);
    const [error] = failure(
      await server.request('GET', '/api/v2/users/4', { token: tokens.access_token }),
      401,
    );
    expect(error?.id).toBe('unauthorized');
    const refreshed = await token({
      grant_type: 'refresh_token',
      refresh_token: tokens.refresh_token,
      client_id: 'phone-numbers-admin',
    });
    single(await server.request('GET', '/api/v2/users/4', { token: refreshed.body.access_token }));
  });

  it('answers bad token requests in the OAuth error format', async () => {
    expect(
      (await token({ grant_type: 'password', client_id: 'phone-numbers-admin' })).body.error,
    ).toBe('unsupported_grant_type');
    const unknownClient = await token({
      grant_type: 'refresh_token',
      refresh_token: 'x',
      client_id: 'nope',
    });
    expect(unknownClient.status).toBe(401);
    expect(unknownClient.body.error).toBe('invalid_client');
    expect(
      (
        await token({
          grant_type: 'refresh_token',
          refresh_token: 'made-up',
          client_id: 'phone-numbers-admin',
        })
      ).body.error,
    ).toBe('invalid_grant');
    expect(
      (await token({ grant_type: 'authorization_code', client_id: 'phone-numbers-admin' })).body
        .error,
    ).toBe('invalid_request');
  });
});

describe('sign-out and the current user', () => {
  it('tells who a token acts for at the API root', async () => {
    const tokens = await signIn(2);
    const root = await server.request('GET', '/api/v2', { token: tokens.access_token });
    expect(root.status).toBe(200);
    expect(root.json).toMatchObject({
      meta: {
        user: {
          type: 'user',
          id: 2,
          attributes: { name: 'Riley Rep', email: 'riley.rep@example.com' },
        },
        token: { scopes: ['auditEvents.read', 'phoneNumbers.all', 'prospects.all', 'users.all'] },
      },
    });
    failure(await server.request('GET', '/api/v2', { token: null }), 401);
  });

  it('revokes the whole session when either of its tokens is revoked', async () => {
    const tokens = await signIn(1);
    const revoke = (token: string) =>
      fetch(`${server.url}/oauth/revoke`, {
        method: 'POST',
        body: new URLSearchParams({ token, client_id: 'phone-numbers-admin' }),
      });
    expect((await revoke(tokens.refresh_token)).status).toBe(200);
    failure(await server.request('GET', '/api/v2', { token: tokens.access_token }), 401);
    const refreshed = await token({
      grant_type: 'refresh_token',
      refresh_token: tokens.refresh_token,
      client_id: 'phone-numbers-admin',
    });
    expect(refreshed.body.error).toBe('invalid_grant');
    expect((await revoke('never-issued')).status).toBe(200);
  });
});

describe('scopes', () => {
  it('refuses what a token has no scope for with 403 unauthorizedOauthScope, and flags it in meta', async () => {
    const tokens = await signIn(1, { scope: 'phoneNumbers.read prospects.read' });
    const meta = single(
      await server.request('GET', '/api/v2/phoneNumbers/1?provideAuthorizationMeta=true', {
        token: tokens.access_token,
      }),
    ).meta;
    expect(meta).toMatchObject({ canWrite: false, canDelete: false });
    const [write] = failure(
      await server.request('PATCH', '/api/v2/phoneNumbers/1', {
        token: tokens.access_token,
        body: { data: { type: 'phoneNumber', id: 1, attributes: { status: 'verified' } } },
      }),
      403,
    );
    expect(write?.id).toBe('unauthorizedOauthScope');
    expect(write?.detail).toContain('phoneNumbers.write');
    const [users] = failure(
      await server.request('GET', '/api/v2/users', { token: tokens.access_token }),
      403,
    );
    expect(users?.id).toBe('unauthorizedOauthScope');
    const [include] = failure(
      await server.request('GET', '/api/v2/prospects/1?include=owner', {
        token: tokens.access_token,
      }),
      403,
    );
    expect(include?.detail).toContain('users.read');
  });

  it('gives dev-readonly read scopes only', async () => {
    const [error] = failure(
      await server.request('DELETE', '/api/v2/phoneNumbers/1', { token: 'dev-readonly' }),
      403,
    );
    expect(error?.id).toBe('unauthorizedOauthScope');
  });
});

describe('bearer tokens', () => {
  it('answers 401 unauthorized without a token, with an unknown one, or with another scheme', async () => {
    for (const headers of <Record<string, string>[]>[
      {},
      { Authorization: 'Bearer nope' },
      { Authorization: 'Basic ZGV2LWFkbWluOg==' },
      { Authorization: 'Bearer' },
    ]) {
      const response = await server.request('GET', '/api/v2/phoneNumbers', {
        token: null,
        headers,
      });
      const [error] = failure(response, 401);
      expect(error?.id).toBe('unauthorized');
      expect(response.headers.get('WWW-Authenticate')).toContain('Bearer');
    }
  });

  it('never writes a token into the request log', async () => {
    await server.request('GET', '/api/v2/users/1?fields[user]=name', { token: 'dev-admin' });
    const line = server.logs.findLast((entry) => entry.startsWith('GET /api/v2/users/1 '));
    expect(line).toMatch(/^GET \/api\/v2\/users\/1 200 \d+\.\dms$/);
    expect(server.logs.join('\n')).not.toContain('dev-admin');
  });
});

describe('production mode', () => {
  it('turns the development tokens off', async () => {
    const production = await startTestServer({ config: { production: true } });
    try {
      failure(await production.request('GET', '/api/v2/users', { token: 'dev-admin' }), 401);
    } finally {
      await production.close();
    }
  });
});
