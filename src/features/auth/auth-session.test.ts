import { delay, http, HttpResponse } from 'msw';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { JSON_API_MEDIA_TYPE } from '@contract/json-api';
import { createApiClient } from '@/lib/api-client';
import { server } from '@/testing/msw-server';
import { createAuthSession, type AuthSessionOptions } from './auth-session';

/** Absolute, because fetch under jsdom does not resolve relative URLs. */
const ORIGIN = window.location.origin;
const API = `${ORIGIN}/api/v2`;
const RILEY = { id: 2, name: 'Riley Rep' };
const SESSION_ENDED = 'Your session has ended. Sign in again.';
const NOT_VERIFIED = 'This sign-in could not be verified. Sign in again.';

/**
 * The server's session routes over one cookie it keeps here: GET /auth/session answers for it, POST
 * /auth/handoff opens it for a good code, POST /auth/logout ends it. Records what each route received.
 */
function sessionServer({ signedIn = false, handoffCode = 'handoff-code' } = {}) {
  let open = signedIn;
  const received: { route: string; request: Request; body: unknown }[] = [];
  const record = async (route: string, request: Request) => {
    const text = await request.clone().text();
    received.push({ route, request, body: text === '' ? undefined : JSON.parse(text) });
  };
  server.use(
    http.get(`${ORIGIN}/auth/session`, async ({ request }) => {
      await record('session', request);
      await delay(10);
      return open
        ? HttpResponse.json({ data: { mode: 'demo', user: RILEY } })
        : HttpResponse.json({ errors: [{ id: 'unauthorized' }] }, { status: 401 });
    }),
    http.post(`${ORIGIN}/auth/handoff`, async ({ request }) => {
      await record('handoff', request);
      const body: unknown = await request.json();
      const code = typeof body === 'object' && body !== null && 'code' in body ? body.code : null;
      if (code !== handoffCode)
        return HttpResponse.json({ error: 'invalid_code' }, { status: 400 });
      open = true;
      return new HttpResponse(null, { status: 204 });
    }),
    http.post(`${ORIGIN}/auth/logout`, async ({ request }) => {
      await record('logout', request);
      open = false;
      return new HttpResponse(null, { status: 204 });
    }),
  );
  return { received, routes: () => received.map(({ route }) => route) };
}

async function startedSession(options: AuthSessionOptions = {}) {
  const session = createAuthSession(options);
  await session.start();
  return session;
}

beforeEach(() => {
  window.history.replaceState(null, '', '/');
});

describe('starting', () => {
  it('is signed in, as the user the server names, when the cookie is a live session', async () => {
    const { received } = sessionServer({ signedIn: true });

    const session = await startedSession();

    expect(session.getState()).toEqual({ status: 'signed-in', user: RILEY });
    expect(received[0]?.request.credentials).toBe('same-origin');
  });

  it('is signed out, with nothing to complain about, when the server knows no session', async () => {
    sessionServer();

    const session = await startedSession();

    expect(session.getState()).toEqual({ status: 'signed-out' });
  });

  it('says neither until the server has answered, so that a signed-in reload shows no sign-in prompt', async () => {
    sessionServer({ signedIn: true });
    const session = createAuthSession();
    const listener = vi.fn();
    session.subscribe(listener);

    const started = session.start();

    expect(session.getState()).toEqual({ status: 'starting' });
    await started;
    expect(listener).toHaveBeenCalledTimes(1);
    expect(session.getState()).toMatchObject({ status: 'signed-in' });
  });

  it('asks the server once however often it is started', async () => {
    const { routes } = sessionServer({ signedIn: true });
    const session = createAuthSession();

    await Promise.all([session.start(), session.start()]);
    await session.start();

    expect(routes()).toEqual(['session']);
  });

  it('says why when the server cannot be asked', async () => {
    server.use(http.get(`${ORIGIN}/auth/session`, () => HttpResponse.error()));

    const session = await startedSession();

    const state = session.getState();
    expect(state.status).toBe('signed-out');
    expect(state.status === 'signed-out' ? state.problem : '').toMatch(
      /^Your session could not be checked: /,
    );
  });
});

describe('signing in', () => {
  it("leaves for the server's sign-in with the page to come back to, a path on this origin", async () => {
    sessionServer();
    const page = '/phone-numbers?prospect=3&sort=-updatedAt&filter%5BphoneType%5D=mobile';
    window.history.replaceState(null, '', page);
    const navigate = vi.fn<(url: URL) => void>();
    const session = await startedSession({ navigate, framed: false });

    session.signIn();

    expect(navigate).toHaveBeenCalledTimes(1);
    const [login] = navigate.mock.calls[0] ?? [];
    expect(login?.origin).toBe(ORIGIN);
    expect(login?.pathname).toBe('/auth/login');
    expect(Object.fromEntries(login?.searchParams ?? [])).toEqual({ returnTo: page });
  });
});

describe('signing out', () => {
  it('ends the session on the server with the CSRF header, then here', async () => {
    const { received, routes } = sessionServer({ signedIn: true });
    const session = await startedSession();

    await session.signOut();

    expect(routes()).toEqual(['session', 'logout']);
    const logout = received[1]?.request;
    expect(logout?.method).toBe('POST');
    expect(logout?.headers.get('X-Requested-With')).toBe('XMLHttpRequest');
    expect(session.getState()).toEqual({ status: 'signed-out' });
  });

  it('is signed out here all the same when the server cannot be told, and says so', async () => {
    sessionServer({ signedIn: true });
    const session = await startedSession();
    server.use(http.post(`${ORIGIN}/auth/logout`, () => HttpResponse.error()));

    await session.signOut();

    const state = session.getState();
    expect(state.status).toBe('signed-out');
    expect(state.status === 'signed-out' ? state.problem : '').toContain(
      'your session may still be open there',
    );
  });
});

describe('the API client on the session cookie', () => {
  it('sends the CSRF header and the cookie, and no Authorization header', async () => {
    sessionServer({ signedIn: true });
    const session = await startedSession();
    const requests: Request[] = [];
    server.use(
      http.all(`${API}/phoneNumbers`, ({ request }) => {
        requests.push(request);
        return HttpResponse.json(
          { data: [] },
          { headers: { 'Content-Type': JSON_API_MEDIA_TYPE } },
        );
      }),
    );
    const client = createApiClient({ baseUrl: API, session });

    await client.get('phoneNumbers');
    await client.request('POST', 'phoneNumbers', { body: { data: {} } });

    expect(requests.map((request) => request.method)).toEqual(['GET', 'POST']);
    for (const request of requests) {
      expect(request.headers.get('X-Requested-With')).toBe('XMLHttpRequest');
      expect(request.headers.has('Authorization')).toBe(false);
      expect(request.credentials).toBe('same-origin');
    }
  });

  it('ends the session on a 401, with a word of why, and fails the request with it', async () => {
    sessionServer({ signedIn: true });
    const session = await startedSession();
    server.use(
      http.get(`${API}/users`, () =>
        HttpResponse.json({ errors: [{ id: 'unauthorized' }] }, { status: 401 }),
      ),
    );
    const client = createApiClient({ baseUrl: API, session });

    await expect(client.get('users')).rejects.toMatchObject({ name: 'ApiError', status: 401 });

    expect(session.getState()).toEqual({ status: 'signed-out', problem: SESSION_ENDED });
  });
});

describe('signing in from a frame', () => {
  /** A popup as the frame sees it: a window object that messages can come from. */
  const fakeWindow = () => ({ close: vi.fn() }) as unknown as Window;

  /** What the server's sign-in page in the popup posts to the frame that opened it. */
  function post(source: unknown, data: unknown, origin = ORIGIN) {
    window.dispatchEvent(Object.assign(new Event('message'), { origin, source, data }));
  }

  const signedInMessage = (code: string) => ({ type: 'phone-numbers-admin:signed-in', code });

  async function signInInPopup() {
    const routes = sessionServer();
    const popup = fakeWindow();
    const openPopup = vi.fn<(url: URL) => Window | null>(() => popup);
    const navigate = vi.fn<(url: URL) => void>();
    const session = await startedSession({ framed: true, openPopup, navigate });
    window.history.replaceState(null, '', '/embed/prospects/7/phone-numbers');

    session.signIn();

    expect(navigate).not.toHaveBeenCalled();
    return { session, popup, openPopup, ...routes };
  }

  it("opens the server's sign-in in a popup at once, to come back to nothing but a code", async () => {
    const { openPopup } = await signInInPopup();

    expect(openPopup).toHaveBeenCalledTimes(1);
    const [login] = openPopup.mock.calls[0] ?? [];
    expect(login?.origin).toBe(ORIGIN);
    expect(login?.pathname).toBe('/auth/login');
    expect(Object.fromEntries(login?.searchParams ?? [])).toEqual({ popup: '1', returnTo: '/' });
  });

  it("exchanges the popup's code for the frame's own session, then asks who it is for", async () => {
    const { session, popup, received, routes } = await signInInPopup();

    post(popup, signedInMessage('handoff-code'));

    await vi.waitFor(() => {
      expect(session.getState()).toEqual({ status: 'signed-in', user: RILEY });
    });
    expect(routes()).toEqual(['session', 'handoff', 'session']);
    const handoff = received[1];
    expect(handoff?.body).toEqual({ code: 'handoff-code' });
    expect(handoff?.request.headers.get('X-Requested-With')).toBe('XMLHttpRequest');
  });

  it('ignores what another window, another origin, or a message of another kind posts', async () => {
    const { session, popup, routes } = await signInInPopup();
    const listener = vi.fn();
    session.subscribe(listener);

    post(fakeWindow(), signedInMessage('handoff-code'));
    post(popup, signedInMessage('handoff-code'), 'https://evil.example.net');
    post(popup, { type: 'phone-numbers:height', height: 300 });
    await delay(50);

    expect(routes()).toEqual(['session']);
    expect(listener).not.toHaveBeenCalled();
    expect(session.getState()).toEqual({ status: 'signed-out' });
  });

  it('spends a code once: the popup posting it again sends nothing more', async () => {
    const { session, popup, routes } = await signInInPopup();

    post(popup, signedInMessage('handoff-code'));
    post(popup, signedInMessage('handoff-code'));

    await vi.waitFor(() => {
      expect(session.getState()).toMatchObject({ status: 'signed-in' });
    });
    expect(routes()).toEqual(['session', 'handoff', 'session']);
  });

  it('stays signed out, saying so, when the server refuses the code', async () => {
    const { session, popup } = await signInInPopup();

    post(popup, signedInMessage('replayed-code'));

    await vi.waitFor(() => {
      expect(session.getState()).toEqual({ status: 'signed-out', problem: NOT_VERIFIED });
    });
  });

  it('says so when the browser blocks the popup', async () => {
    sessionServer();
    const session = await startedSession({ framed: true, openPopup: () => null });

    session.signIn();

    expect(session.getState()).toEqual({
      status: 'signed-out',
      problem:
        'Your browser blocked the sign-in window. Allow pop-ups for this page, then sign in again.',
    });
  });
});
