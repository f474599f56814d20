import { delay, http, HttpResponse } from 'msw';
import { afterEach, beforeEach, describe, expect, it, onTestFinished, vi } from 'vitest';
import { JSON_API_MEDIA_TYPE } from '@contract/json-api';
import { createApiClient } from '@/lib/api-client';
import type { OAuthClientConfig } from '@/lib/app-config';
import { server } from '@/testing/msw-server';
import { createAuthSession } from './auth-session';
import { codeChallengeS256 } from './pkce';

const OAUTH: OAuthClientConfig = {
  authorizeUrl: 'http://auth.test/oauth/authorize',
  tokenUrl: 'http://auth.test/oauth/token',
  revokeUrl: 'http://auth.test/oauth/revoke',
  clientId: 'phone-numbers-admin',
  scope: 'phoneNumbers.all prospects.read users.read',
};
const API = 'http://api.test/api/v2';
const REFRESH_TOKEN_KEY = 'phone-numbers-admin:refresh-token';
const SESSION_ENDED = 'Your session has ended. Sign in again.';

/**
 * A token endpoint that rotates: refresh token `r1` gives access token `a1` and refresh token `r2`, and
 * so on; a refresh token it did not hand out last is refused. Records each grant it receives.
 */
function rotatingTokenEndpoint() {
  const grants: URLSearchParams[] = [];
  let issued = 0;
  server.use(
    http.post(OAUTH.tokenUrl, async ({ request }) => {
      const grant = new URLSearchParams(await request.text());
      grants.push(grant);
      await delay(20);
      const refreshable =
        grant.get('grant_type') === 'authorization_code' ||
        grant.get('refresh_token') === `r${issued + 1}`;
      if (!refreshable) {
        return HttpResponse.json(
          { error: 'invalid_grant', error_description: 'The refresh token is no longer valid.' },
          { status: 400 },
        );
      }
      issued += 1;
      return HttpResponse.json({
        access_token: `a${issued}`,
        token_type: 'Bearer',
        expires_in: 7200,
        refresh_token: `r${issued + 1}`,
      });
    }),
  );
  return grants;
}

async function resumedSession() {
  sessionStorage.setItem(REFRESH_TOKEN_KEY, 'r1');
  const session = createAuthSession(OAUTH);
  await session.start();
  expect(session.getState()).toEqual({ status: 'signed-in' });
  return session;
}

beforeEach(() => {
  sessionStorage.clear();
  window.history.replaceState(null, '', '/');
});

afterEach(() => {
  sessionStorage.clear();
});

describe('AuthSession.refreshAccessToken', () => {
  it('makes one token request for concurrent callers, and none once the token was replaced', async () => {
    const grants = rotatingTokenEndpoint();
    const session = await resumedSession();
    expect(await session.getAccessToken()).toBe('a1');

    const fresh = await Promise.all([
      session.refreshAccessToken('a1'),
      session.refreshAccessToken('a1'),
      session.refreshAccessToken('a1'),
    ]);
    const late = await session.refreshAccessToken('a1');

    expect(fresh).toEqual(['a2', 'a2', 'a2']);
    expect(late).toBe('a2');
    expect(grants.map((grant) => grant.get('refresh_token'))).toEqual(['r1', 'r2']);
    expect(sessionStorage.getItem(REFRESH_TOKEN_KEY)).toBe('r3');
  });

  it('refreshes again when the current token is the one refused', async () => {
    const grants = rotatingTokenEndpoint();
    const session = await resumedSession();

    expect(await session.refreshAccessToken('a1')).toBe('a2');
    expect(await session.refreshAccessToken('a2')).toBe('a3');
    expect(grants).toHaveLength(3);
  });

  it('ends the session with a problem to show when the refresh fails', async () => {
    rotatingTokenEndpoint();
    const session = await resumedSession();
    sessionStorage.setItem(REFRESH_TOKEN_KEY, 'revoked');
    const listener = vi.fn();
    session.subscribe(listener);

    expect(await session.refreshAccessToken('a1')).toBeUndefined();

    expect(session.getState()).toEqual({ status: 'signed-out', problem: SESSION_ENDED });
    expect(listener).toHaveBeenCalled();
    expect(sessionStorage.getItem(REFRESH_TOKEN_KEY)).toBeNull();
    expect(await session.getAccessToken()).toBeUndefined();
  });

  it('gives nothing once signed out', async () => {
    const grants = rotatingTokenEndpoint();
    const session = await resumedSession();
    server.use(http.post(OAUTH.revokeUrl, () => new HttpResponse(null, { status: 200 })));
    session.signOut();

    expect(await session.refreshAccessToken('a1')).toBeUndefined();
    expect(grants).toHaveLength(1);
  });
});

describe('the API client with the session as its token provider', () => {
  it('retries requests that met a 401 with the one refreshed token', async () => {
    const grants = rotatingTokenEndpoint();
    const session = await resumedSession();
    const seen: string[] = [];
    server.use(
      http.get(`${API}/:resource`, ({ request }) => {
        const authorization = request.headers.get('Authorization') ?? 'none';
        seen.push(authorization);
        return authorization === 'Bearer a2'
          ? HttpResponse.json({ data: [] }, { headers: { 'Content-Type': JSON_API_MEDIA_TYPE } })
          : HttpResponse.json({ errors: [{ id: 'unauthorized' }] }, { status: 401 });
      }),
    );
    const client = createApiClient({ baseUrl: API, tokens: session });

    await Promise.all([client.get('prospects'), client.get('users')]);

    expect(grants).toHaveLength(2);
    expect(seen.toSorted()).toEqual(['Bearer a1', 'Bearer a1', 'Bearer a2', 'Bearer a2']);
  });

  it('fails the request with the 401 and ends the session when the refresh is refused', async () => {
    rotatingTokenEndpoint();
    const session = await resumedSession();
    sessionStorage.setItem(REFRESH_TOKEN_KEY, 'revoked');
    server.use(
      http.get(`${API}/users`, () =>
        HttpResponse.json({ errors: [{ id: 'unauthorized' }] }, { status: 401 }),
      ),
    );
    const client = createApiClient({ baseUrl: API, tokens: session });

    await expect(client.get('users')).rejects.toMatchObject({ name: 'ApiError', status: 401 });
    expect(session.getState()).toEqual({ status: 'signed-out', problem: SESSION_ENDED });
  });
});

describe('signing in again', () => {
  const page = '/phone-numbers?prospect=3&sort=-updatedAt&filter%5BphoneType%5D=mobile';

  async function leaveForSignIn() {
    window.history.replaceState(null, '', page);
    const navigate = vi.fn<(url: URL) => void>();
    await createAuthSession(OAUTH, { navigate }).signIn();
    expect(navigate).toHaveBeenCalledTimes(1);
    const [authorize] = navigate.mock.calls[0] ?? [];
    if (!authorize) throw new Error('signIn did not navigate.');
    return authorize;
  }

  it('sends the user to the configured authorization page with PKCE', async () => {
    const authorize = await leaveForSignIn();

    expect(`${authorize.origin}${authorize.pathname}`).toBe(OAUTH.authorizeUrl);
    expect(Object.fromEntries(authorize.searchParams)).toMatchObject({
      response_type: 'code',
      client_id: OAUTH.clientId,
      scope: OAUTH.scope,
      redirect_uri: `${window.location.origin}/auth/callback`,
      code_challenge_method: 'S256',
    });
  });

  it('comes back to the exact page, with no code left in the address bar or the history', async () => {
    const grants = rotatingTokenEndpoint();
    const authorize = await leaveForSignIn();
    const state = authorize.searchParams.get('state') ?? '';
    window.history.replaceState(null, '', `/auth/callback?code=one-time-code&state=${state}`);
    const historyLength = window.history.length;

    const session = createAuthSession(OAUTH);
    const started = session.start();

    // Replaced before the code is even exchanged, so the router never sees the callback URL.
    expect(`${window.location.pathname}${window.location.search}`).toBe(page);
    await started;
    expect(session.getState()).toEqual({ status: 'signed-in' });
    expect(`${window.location.pathname}${window.location.search}`).toBe(page);
    expect(window.history.length).toBe(historyLength);
    const [grant] = grants;
    expect(grant?.get('code')).toBe('one-time-code');
    expect(await codeChallengeS256(grant?.get('code_verifier') ?? '')).toBe(
      authorize.searchParams.get('code_challenge'),
    );
  });

  it('comes back to the page also when the user cancels, saying so', async () => {
    const authorize = await leaveForSignIn();
    const state = authorize.searchParams.get('state') ?? '';
    window.history.replaceState(null, '', `/auth/callback?error=access_denied&state=${state}`);

    const session = createAuthSession(OAUTH);
    await session.start();

    expect(`${window.location.pathname}${window.location.search}`).toBe(page);
    expect(session.getState()).toEqual({ status: 'signed-out', problem: 'Sign-in was cancelled.' });
  });

  it('refuses a callback whose state does not match', async () => {
    await leaveForSignIn();
    window.history.replaceState(null, '', '/auth/callback?code=stolen-code&state=forged');

    const session = createAuthSession(OAUTH);
    await session.start();

    expect(window.location.search).toBe('?prospect=3&sort=-updatedAt&filter%5BphoneType%5D=mobile');
    expect(session.getState()).toEqual({
      status: 'signed-out',
      problem: 'This sign-in could not be verified. Sign in again.',
    });
  });
});

describe('signing in from a frame', () => {
  /** A popup window as the session sees it: where it was sent, and whether it was closed. */
  function fakePopup() {
    const popup = { location: { href: '' }, close: vi.fn() };
    return { popup, window: popup as unknown as Window };
  }

  /** What the popup's callback page posts to the frame that opened it. */
  function postFromPopup(source: unknown, url: string, from = window.location.origin) {
    const event = Object.assign(new Event('message'), {
      origin: from,
      source,
      data: { type: 'phone-numbers:sign-in-callback', url },
    });
    window.dispatchEvent(event);
  }

  async function signInInPopup() {
    const { popup, window: popupWindow } = fakePopup();
    const navigate = vi.fn<(url: URL) => void>();
    const session = createAuthSession(OAUTH, {
      framed: true,
      openPopup: () => popupWindow,
      navigate,
    });
    await session.signIn();
    expect(navigate).not.toHaveBeenCalled();
    const authorize = new URL(popup.location.href);
    return { session, popup, authorize, state: authorize.searchParams.get('state') ?? '' };
  }

  it('opens the authorization page in a popup, and spends the code the popup hands back', async () => {
    const grants = rotatingTokenEndpoint();
    const { session, popup, authorize, state } = await signInInPopup();

    expect(`${authorize.origin}${authorize.pathname}`).toBe(OAUTH.authorizeUrl);
    expect(authorize.searchParams.get('redirect_uri')).toBe(
      `${window.location.origin}/auth/callback`,
    );
    // The verifier stays in the frame's memory: nothing waits in storage for a redirect.
    expect(sessionStorage.length).toBe(0);

    postFromPopup(popup, `${window.location.origin}/auth/callback?code=popup-code&state=${state}`);

    await vi.waitFor(() => {
      expect(session.getState()).toEqual({ status: 'signed-in' });
    });
    expect(grants[0]?.get('code')).toBe('popup-code');
    expect(await codeChallengeS256(grants[0]?.get('code_verifier') ?? '')).toBe(
      authorize.searchParams.get('code_challenge'),
    );
    expect(await session.getAccessToken()).toBe('a1');
  });

  it('ignores what another window or another origin posts', async () => {
    const grants = rotatingTokenEndpoint();
    const { session, popup, state } = await signInInPopup();
    const callback = `${window.location.origin}/auth/callback?code=popup-code&state=${state}`;
    const listener = vi.fn();
    session.subscribe(listener);

    postFromPopup(fakePopup().window, callback);
    postFromPopup(popup, callback, 'https://evil.example.net');
    await new Promise((wait) => setTimeout(wait, 50));

    expect(grants).toHaveLength(0);
    expect(listener).not.toHaveBeenCalled();
  });

  it('refuses a code whose state is not the one the frame sent', async () => {
    const grants = rotatingTokenEndpoint();
    const { session, popup } = await signInInPopup();

    postFromPopup(popup, `${window.location.origin}/auth/callback?code=x&state=popup-forged`);

    await vi.waitFor(() => {
      expect(session.getState()).toEqual({
        status: 'signed-out',
        problem: 'This sign-in could not be verified. Sign in again.',
      });
    });
    expect(grants).toHaveLength(0);
  });

  it('says so when the browser blocks the popup', async () => {
    const session = createAuthSession(OAUTH, { framed: true, openPopup: () => null });

    await session.signIn();

    expect(session.getState()).toEqual({
      status: 'signed-out',
      problem:
        'Your browser blocked the sign-in window. Allow pop-ups for this page, then sign in again.',
    });
  });

  it('in the popup, hands the callback to the frame that opened it, on this origin only, and closes', async () => {
    const opener = { postMessage: vi.fn() };
    vi.stubGlobal('opener', opener);
    onTestFinished(() => {
      vi.unstubAllGlobals();
    });
    const close = vi.spyOn(window, 'close').mockImplementation(() => undefined);
    const grants = rotatingTokenEndpoint();
    window.history.replaceState(null, '', '/auth/callback?code=popup-code&state=popup-abc');

    await createAuthSession(OAUTH).start();

    expect(opener.postMessage).toHaveBeenCalledWith(
      {
        type: 'phone-numbers:sign-in-callback',
        url: `${window.location.origin}/auth/callback?code=popup-code&state=popup-abc`,
      },
      window.location.origin,
    );
    expect(close).toHaveBeenCalled();
    expect(window.location.search).toBe('');
    expect(grants).toHaveLength(0);
  });
});

describe('in a frame the browser refuses storage', () => {
  const granted = Object.getOwnPropertyDescriptor(window, 'sessionStorage')!;
  afterEach(() => {
    Object.defineProperty(window, 'sessionStorage', granted);
  });

  it('signs in all the same, and keeps the session in memory', async () => {
    const grants = rotatingTokenEndpoint();
    Object.defineProperty(window, 'sessionStorage', {
      configurable: true,
      get: () => {
        throw new DOMException('Access is denied for this document.', 'SecurityError');
      },
    });
    const popup = { location: { href: '' }, close: vi.fn() };
    const session = createAuthSession(OAUTH, {
      framed: true,
      openPopup: () => popup as unknown as Window,
    });
    await session.start();
    expect(session.getState()).toEqual({ status: 'signed-out' });

    await session.signIn();
    const state = new URL(popup.location.href).searchParams.get('state') ?? '';
    window.dispatchEvent(
      Object.assign(new Event('message'), {
        origin: window.location.origin,
        source: popup,
        data: {
          type: 'phone-numbers:sign-in-callback',
          url: `${window.location.origin}/auth/callback?code=popup-code&state=${state}`,
        },
      }),
    );
    await vi.waitFor(() => {
      expect(session.getState()).toEqual({ status: 'signed-in' });
    });

    expect(await session.refreshAccessToken('a1')).toBe('a2');
    expect(grants.map((grant) => grant.get('refresh_token'))).toEqual([null, 'r2']);
  });
});
