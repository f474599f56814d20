import { afterEach, describe, expect, it } from 'vitest';
import { JSON_API_MEDIA_TYPE } from '../../contract/json-api';
import type { SimulatorClient } from '../config';
import { OUTREACH_LIKE_NUMBERS } from '../db/seed';
import { codeFor, requestToken, verifierFor } from '../testing/oauth-client';
import { startTestServer, type TestServer } from '../testing/test-server';
import { SIMULATOR_MINTS_PER_USER_PER_MINUTE } from './oauth-routes';
import { OUTREACH_REFRESH_TOKEN_TTL_SECONDS } from './tokens';

/** The server as the Outreach simulator: its /oauth behaves as Outreach's does for a confidential app. */

const REDIRECT_URI = 'http://localhost:4173/auth/callback';
const CLIENT: SimulatorClient = {
  clientId: 'outreach-app',
  clientSecret: 'outreach-app-secret',
  redirectUris: [REDIRECT_URI],
};
const RILEY = 2;

const servers: TestServer[] = [];
afterEach(async () => {
  for (const server of servers.splice(0)) await server.close();
});

async function simulator() {
  const server = await startTestServer({
    config: { outreachSimulator: CLIENT },
    seed: { outreachLike: true },
  });
  servers.push(server);
  return server;
}

const authorizeQuery = (extra: Record<string, string> = {}) =>
  new URLSearchParams({
    client_id: CLIENT.clientId,
    redirect_uri: REDIRECT_URI,
    response_type: 'code',
    scope: 'phoneNumbers.all prospects.read users.read',
    state: 'state-1',
    ...extra,
  });

/** "Continue as" on the simulator's consent page: the code it sends the app back with. */
async function simulatorCode(server: TestServer, userId = RILEY): Promise<string> {
  const form = authorizeQuery();
  form.set('user_id', String(userId));
  const response = await fetch(`${server.url}/oauth/authorize`, {
    method: 'POST',
    body: form,
    headers: { Origin: server.url },
    redirect: 'manual',
  });
  expect(response.status).toBe(303);
  const location = new URL(response.headers.get('Location') ?? '');
  expect(location.origin + location.pathname).toBe(REDIRECT_URI);
  expect(location.searchParams.get('state')).toBe('state-1');
  return location.searchParams.get('code') ?? '';
}

function token(server: TestServer, fields: Record<string, string>) {
  return requestToken(server, { client_id: CLIENT.clientId, ...fields });
}

const redeem = (server: TestServer, code: string) =>
  token(server, {
    client_secret: CLIENT.clientSecret,
    grant_type: 'authorization_code',
    code,
    redirect_uri: REDIRECT_URI,
  });

const refresh = (server: TestServer, refreshToken: string) =>
  token(server, {
    client_secret: CLIENT.clientSecret,
    grant_type: 'refresh_token',
    refresh_token: refreshToken,
  });

describe('the Outreach simulator', () => {
  it('shows an Outreach-like consent page for its client, without PKCE', async () => {
    const server = await simulator();
    const response = await fetch(`${server.url}/oauth/authorize?${authorizeQuery().toString()}`);

    expect(response.status).toBe(200);
    const page = await response.text();
    expect(page).toContain('<title>Sign in — Outreach (simulator)</title>');
    expect(page).toContain('Continue as Riley Rep');
    expect(page).not.toContain('code_challenge');
  });

  it('sends its client only to a redirect URI the client registered', async () => {
    const server = await simulator();
    const response = await fetch(
      `${server.url}/oauth/authorize?${authorizeQuery({ redirect_uri: `${server.url}/auth/callback` }).toString()}`,
    );

    expect(response.status).toBe(400);
  });

  it('wants the client secret with the code, and answers as Outreach does', async () => {
    const server = await simulator();
    const code = await simulatorCode(server);
    const grant = { grant_type: 'authorization_code', code, redirect_uri: REDIRECT_URI };

    const withoutSecret = await token(server, grant);
    expect(withoutSecret.status).toBe(401);
    expect(withoutSecret.body.error).toBe('invalid_client');
    const wrongSecret = await token(server, { ...grant, client_secret: 'guess' });
    expect(wrongSecret.status).toBe(401);

    const answer = await redeem(server, code);
    expect(answer.status).toBe(200);
    expect(Object.keys(answer.body).sort()).toEqual([
      'access_token',
      'created_at',
      'expires_in',
      'refresh_token',
      'scope',
      'token_type',
    ]);
    expect(answer.body.expires_in).toBe(7200);
    expect(answer.body.scope).toBe('phoneNumbers.all prospects.read users.read');

    const root = await fetch(`${server.url}/api/v2`, {
      headers: { Authorization: `Bearer ${answer.body.access_token}` },
    });
    expect(await root.json()).toMatchObject({ meta: { user: { id: RILEY } } });
  });

  it("keeps each client's codes its own", async () => {
    const server = await simulator();
    const verifier = verifierFor();
    const appCode = await codeFor(server, RILEY, verifier);

    const stolen = await redeem(server, appCode);
    expect(stolen.status).toBe(400);
    expect(stolen.body.error).toBe('invalid_grant');
  });

  it('rotates refresh tokens, refuses a used one, and lets them expire after 14 days', async () => {
    const server = await simulator();
    const first = await redeem(server, await simulatorCode(server));

    const second = await refresh(server, first.body.refresh_token);
    expect(second.status).toBe(200);
    expect(second.body.refresh_token).not.toBe(first.body.refresh_token);
    const replayed = await refresh(server, first.body.refresh_token);
    expect(replayed.status).toBe(400);
    expect(replayed.body.error).toBe('invalid_grant');

    const third = await redeem(server, await simulatorCode(server, 3));
    server.advance(OUTREACH_REFRESH_TOKEN_TTL_SECONDS * 1000 + 1000);
    const expired = await refresh(server, third.body.refresh_token);
    expect(expired.status).toBe(400);
    expect(expired.body.error).toBe('invalid_grant');
  });

  it(`throttles minting to ${String(SIMULATOR_MINTS_PER_USER_PER_MINUTE)} tokens per user per minute`, async () => {
    const server = await simulator();
    let tokens = await redeem(server, await simulatorCode(server));
    for (let mint = 1; mint < SIMULATOR_MINTS_PER_USER_PER_MINUTE; mint++) {
      tokens = await refresh(server, tokens.body.refresh_token);
      expect(tokens.status).toBe(200);
    }

    const throttled = await fetch(`${server.url}/oauth/token`, {
      method: 'POST',
      body: new URLSearchParams({
        client_id: CLIENT.clientId,
        client_secret: CLIENT.clientSecret,
        grant_type: 'refresh_token',
        refresh_token: tokens.body.refresh_token,
      }),
    });
    expect(throttled.status).toBe(429);
    expect(Number(throttled.headers.get('Retry-After'))).toBeGreaterThan(0);

    // Refused, the refresh token was not spent: it works once the minute is over.
    server.advance(60_000);
    expect((await refresh(server, tokens.body.refresh_token)).status).toBe(200);
  });

  it('seeds values outside our closed sets, and a PATCH that does not touch them keeps them', async () => {
    const server = await simulator();
    const api = (path: string, init: { method?: string; body?: string } = {}) =>
      fetch(`${server.url}/api/v2${path}`, {
        ...init,
        headers: { Authorization: 'Bearer dev-admin', 'Content-Type': JSON_API_MEDIA_TYPE },
      });
    type Numbers = { data: { id: number; attributes: Record<string, unknown> }[] };

    for (const seeded of OUTREACH_LIKE_NUMBERS) {
      const listed = (await (
        await api(`/phoneNumbers?filter%5Bprospect%5D%5Bid%5D=${String(seeded.prospectId)}`)
      ).json()) as Numbers;
      const row = listed.data.find((number) => number.attributes.number === seeded.number);
      expect(row?.attributes).toMatchObject({
        phoneType: seeded.phoneType,
        status: seeded.status,
      });

      const patched = await api(`/phoneNumbers/${String(row?.id)}`, {
        method: 'PATCH',
        body: JSON.stringify({
          data: { type: 'phoneNumber', id: row?.id, attributes: { extension: '12' } },
        }),
      });
      expect(patched.status).toBe(200);
      const { data } = (await patched.json()) as { data: Numbers['data'][number] };
      expect(data.attributes).toMatchObject({
        extension: '12',
        phoneType: seeded.phoneType,
        status: seeded.status,
      });
    }
  });
});
