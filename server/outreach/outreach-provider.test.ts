import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RefreshRefused, SignInFailure } from '../session/types';
import { startTestServer, type TestServer } from '../testing/test-server';
import { createOutreachProvider, OUTREACH_SCOPE, OutreachUnavailable } from './outreach-provider';

const REDIRECT_URI = 'http://localhost:4173/auth/callback';
const CLIENT = {
  clientId: 'outreach-app',
  clientSecret: 'outreach-app-secret',
  redirectUris: [REDIRECT_URI],
};

const stubProvider = (fetch: typeof globalThis.fetch, timeoutMs?: number) =>
  createOutreachProvider({
    clientId: 'id',
    clientSecret: 'secret',
    oauthUrl: 'https://outreach.example/oauth',
    apiUrl: 'https://outreach.example/api/v2',
    fetch,
    timeoutMs,
  });

const urlOf = (input: string | URL | Request) =>
  input instanceof Request ? input.url : input.toString();

const json = (body: unknown, status = 200) =>
  Promise.resolve(
    new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } }),
  );

describe('createOutreachProvider against the Outreach simulator', () => {
  let simulator: TestServer;
  beforeAll(async () => {
    simulator = await startTestServer({ config: { outreachSimulator: CLIENT } });
  });
  afterAll(() => simulator.close());

  const provider = () =>
    createOutreachProvider({
      clientId: CLIENT.clientId,
      clientSecret: CLIENT.clientSecret,
      oauthUrl: `${simulator.url}/oauth`,
      apiUrl: `${simulator.url}/api/v2`,
    });

  /** What the browser brings back from the simulator's consent page after "Continue as". */
  async function consent(authorizationUrl: URL, userId: number): Promise<string> {
    const form = new URLSearchParams(authorizationUrl.searchParams);
    form.set('user_id', String(userId));
    const response = await fetch(authorizationUrl.origin + authorizationUrl.pathname, {
      method: 'POST',
      body: form,
      headers: { Origin: authorizationUrl.origin },
      redirect: 'manual',
    });
    return new URL(response.headers.get('Location') ?? '').searchParams.get('code') ?? '';
  }

  it("signs in through Outreach's authorization-code flow and says who signed in", async () => {
    const url = provider().authorizationUrl({
      state: 'state-1',
      redirectUri: REDIRECT_URI,
      codeVerifier: 'not sent',
    });
    expect(url.href.startsWith(`${simulator.url}/oauth/authorize?`)).toBe(true);
    expect(Object.fromEntries(url.searchParams)).toEqual({
      client_id: CLIENT.clientId,
      redirect_uri: REDIRECT_URI,
      response_type: 'code',
      scope: OUTREACH_SCOPE,
      state: 'state-1',
    });

    const code = await consent(url, 2);
    const before = Date.now();
    const identity = await provider().redeem({
      code,
      redirectUri: REDIRECT_URI,
      codeVerifier: 'not sent',
    });

    expect(identity.subject).toBe('2');
    expect(identity.displayName).toBe('Riley Rep');
    expect(identity.tokens?.expiresAt).toBeGreaterThanOrEqual(before + 7200 * 1000);
    expect(identity.tokens?.expiresAt).toBeLessThanOrEqual(Date.now() + 7200 * 1000);

    const refreshed = await provider().refresh?.(identity.tokens?.refreshToken ?? '');
    expect(refreshed?.refreshToken).not.toBe(identity.tokens?.refreshToken);
    await expect(provider().refresh?.(identity.tokens?.refreshToken ?? '')).rejects.toBeInstanceOf(
      RefreshRefused,
    );
  });

  it('turns a used code into a sign-in failure the user can act on', async () => {
    const url = provider().authorizationUrl({
      state: 's',
      redirectUri: REDIRECT_URI,
      codeVerifier: 'v',
    });
    const code = await consent(url, 3);
    await provider().redeem({ code, redirectUri: REDIRECT_URI, codeVerifier: 'v' });

    const replay = provider().redeem({ code, redirectUri: REDIRECT_URI, codeVerifier: 'v' });
    await expect(replay).rejects.toBeInstanceOf(SignInFailure);
    await expect(replay).rejects.toThrow('expired or was already used');
  });
});

describe('createOutreachProvider when Outreach misbehaves', () => {
  it('sends the client credentials form-encoded to the token endpoint', async () => {
    const sent: { url: string; body: unknown }[] = [];
    const provider = stubProvider((input, init) => {
      sent.push({ url: urlOf(input), body: init?.body });
      return json({ access_token: 'a', refresh_token: 'r2', expires_in: 7200 });
    });

    await provider.refresh?.('r1');

    expect(sent[0]?.url).toBe('https://outreach.example/oauth/token');
    const body = sent[0]?.body;
    expect(body instanceof URLSearchParams && Object.fromEntries(body)).toEqual({
      client_id: 'id',
      client_secret: 'secret',
      grant_type: 'refresh_token',
      refresh_token: 'r1',
    });
  });

  it('keeps the refresh token when a refresh answers without a new one', async () => {
    const provider = stubProvider(() => json({ access_token: 'a', expires_in: 60 }));
    await expect(provider.refresh?.('r1')).resolves.toMatchObject({ refreshToken: 'r1' });
  });

  it('calls a refused refresh token RefreshRefused, and anything else a passing failure', async () => {
    await expect(
      stubProvider(() => json({ error: 'invalid_grant' }, 400)).refresh?.('r'),
    ).rejects.toBeInstanceOf(RefreshRefused);
    for (const answer of [
      () => json({ error: 'server_error' }, 500),
      () => json({ error: 'temporarily_unavailable' }, 429),
      () => Promise.resolve(new Response('<h1>Bad gateway</h1>', { status: 502 })),
      () => Promise.reject(new TypeError('fetch failed')),
    ]) {
      await expect(stubProvider(answer).refresh?.('r')).rejects.toBeInstanceOf(OutreachUnavailable);
    }
  });

  it('gives up on a slow Outreach and says so', async () => {
    const slow: typeof fetch = (_input, init) =>
      new Promise((_resolve, reject) => {
        init?.signal?.addEventListener('abort', () => {
          reject(init.signal?.reason as Error);
        });
      });

    const signIn = stubProvider(slow, 50).redeem({
      code: 'c',
      redirectUri: 'r',
      codeVerifier: 'v',
    });
    await expect(signIn).rejects.toBeInstanceOf(SignInFailure);
    await expect(signIn).rejects.toThrow('Outreach did not answer in 0.05 s.');
  });

  it('refuses a sign-in when the API root does not say who signed in', async () => {
    const provider = stubProvider((input) =>
      urlOf(input).endsWith('/token')
        ? json({ access_token: 'a', refresh_token: 'r', expires_in: 7200 })
        : json({ meta: {} }),
    );

    await expect(
      provider.redeem({ code: 'c', redirectUri: 'r', codeVerifier: 'v' }),
    ).rejects.toBeInstanceOf(SignInFailure);
  });

  it('reads a user given as fields beside its id', async () => {
    const provider = stubProvider((input) =>
      urlOf(input).endsWith('/token')
        ? json({ access_token: 'a', refresh_token: 'r', expires_in: 7200 })
        : json({ meta: { user: { id: 42, firstName: 'Grace', lastName: 'Hopper' } } }),
    );

    await expect(
      provider.redeem({ code: 'c', redirectUri: 'r', codeVerifier: 'v' }),
    ).resolves.toMatchObject({ subject: '42', displayName: 'Grace Hopper' });
  });
});
