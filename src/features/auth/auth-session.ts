import type { CookieSession } from '@/lib/api-client';
import { sendEarly, takeEarly } from '@/lib/early-responses';
import { sessionDocumentSchema, type SessionUser } from './schemas/session-document';
import { signInPopupMessageSchema } from './schemas/sign-in-popup-message';

export type { SessionUser };

export type AuthState =
  | { status: 'starting' }
  | { status: 'signed-out'; problem?: string }
  | { status: 'signed-in'; user: SessionUser };

/**
 * The app's session as the browser sees it: an HttpOnly cookie the server set, which the page cannot
 * read, so every answer comes from the server (docs/decisions/0046).
 */
export interface AuthSession extends CookieSession {
  getState: () => AuthState;
  subscribe: (listener: () => void) => () => void;
  /** Asks the server whether the cookie is a live session; runs once. */
  start: () => Promise<void>;
  /**
   * Leaves for the server's sign-in, which brings the user back to this page; in a frame, opens it in a
   * popup instead, which hands the frame a code for a session of its own.
   */
  signIn: () => void;
  /** Ends the session on the server, then here. */
  signOut: () => Promise<void>;
}

export interface AuthSessionOptions {
  /** Leaves the app for the server's sign-in; a page load by default. */
  navigate?: (url: URL) => void;
  /**
   * Whether the app runs in a frame, where the sign-in pages refuse to be shown: sign-in then happens in
   * a popup. Detected by default.
   */
  framed?: boolean;
  /** Opens the sign-in popup at the URL, or gives null when the browser blocks it. */
  openPopup?: (url: URL) => Window | null;
}

/** The CSRF defence the server asks of every request that relies on the cookie. */
const CSRF_HEADER = { 'X-Requested-With': 'XMLHttpRequest' };
const SESSION_ENDED = 'Your session has ended. Sign in again.';
const NOT_VERIFIED = 'This sign-in could not be verified. Sign in again.';
const POPUP_BLOCKED =
  'Your browser blocked the sign-in window. Allow pop-ups for this page, then sign in again.';
const SIGN_OUT_UNCONFIRMED =
  'Signing out did not reach the server, so your session may still be open there. Sign in and sign out again once you are back online.';

const sessionCheck = (origin: string) =>
  [
    new URL('/auth/session', origin),
    { credentials: 'same-origin', headers: { ...CSRF_HEADER, Accept: 'application/json' } },
  ] as const;

/**
 * Asks the server about the session as the page starts, before the app's code has loaded; the session's
 * `start` takes the answer (see early-responses.ts).
 */
export function sendEarlySessionCheck(origin = window.location.origin): void {
  sendEarly(...sessionCheck(origin));
}

const message = (error: unknown) => (error instanceof Error ? error.message : String(error));

const signedOutState = (problem?: string): AuthState =>
  problem === undefined ? { status: 'signed-out' } : { status: 'signed-out', problem };

export function createAuthSession({
  navigate = (url) => {
    window.location.assign(url);
  },
  framed = window.self !== window.top,
  openPopup = (url) => window.open(url, 'phone-numbers-sign-in', 'popup,width=520,height=680'),
}: AuthSessionOptions = {}): AuthSession {
  const origin = window.location.origin;
  const listeners = new Set<() => void>();
  let state: AuthState = { status: 'starting' };
  let started: Promise<void> | undefined;
  // Bumped on sign-out, so that a session check still in flight cannot sign the user back in.
  let generation = 0;
  // The listener for the popup opened last; a second click on Sign in replaces it.
  let awaitingPopup: ((event: MessageEvent) => void) | undefined;

  function setState(next: AuthState) {
    state = next;
    for (const listener of listeners) listener();
  }

  function signedOut(problem?: string) {
    generation += 1;
    setState(signedOutState(problem));
  }

  const post = (path: string, body?: unknown) =>
    fetch(new URL(path, origin), {
      method: 'POST',
      credentials: 'same-origin',
      headers:
        body === undefined ? CSRF_HEADER : { ...CSRF_HEADER, 'Content-Type': 'application/json' },
      body: body === undefined ? null : JSON.stringify(body),
    });

  /**
   * Asks the server who the cookie is for; `refused` is what to say when it is for nobody. `early`: the
   * answer to the question the page asked as it started will do.
   */
  async function checkSession(refused?: string, { early = false } = {}) {
    const askedIn = generation;
    let next: AuthState;
    try {
      const [url, init] = sessionCheck(origin);
      const response = await ((early ? takeEarly(url) : undefined) ?? fetch(url, init));
      if (response.status === 401) {
        next = signedOutState(refused);
      } else if (!response.ok) {
        throw new Error(`The server answered with status ${response.status}.`);
      } else {
        next = { status: 'signed-in', user: sessionDocumentSchema.parse(await response.json()) };
      }
    } catch (failure) {
      next = signedOutState(`Your session could not be checked: ${message(failure)}`);
    }
    if (askedIn === generation) setState(next);
  }

  async function handOff(code: string) {
    try {
      const response = await post('/auth/handoff', { code });
      if (!response.ok) {
        signedOut(NOT_VERIFIED);
        return;
      }
    } catch (failure) {
      signedOut(`Sign-in failed: ${message(failure)}`);
      return;
    }
    await checkSession(NOT_VERIFIED);
  }

  /** The server's sign-in route; it accepts only a path on this origin to come back to. */
  function loginUrl(returnTo: string, { popup }: { popup: boolean }): URL {
    const url = new URL('/auth/login', origin);
    if (popup) url.searchParams.set('popup', '1');
    url.searchParams.set('returnTo', returnTo);
    return url;
  }

  function signInThroughPopup() {
    // Opened at once, while the click still lets the page open a window.
    const popup = openPopup(loginUrl('/', { popup: true }));
    if (awaitingPopup) window.removeEventListener('message', awaitingPopup);
    awaitingPopup = undefined;
    if (!popup) {
      signedOut(POPUP_BLOCKED);
      return;
    }
    const receive = (event: MessageEvent) => {
      // Only the popup this frame opened, on the app's own origin, can hand it a code.
      if (event.origin !== origin || event.source !== popup) return;
      const received = signInPopupMessageSchema.safeParse(event.data);
      if (!received.success) return;
      window.removeEventListener('message', receive);
      awaitingPopup = undefined;
      void handOff(received.data.code);
    };
    awaitingPopup = receive;
    window.addEventListener('message', receive);
  }

  return {
    getState: () => state,
    subscribe: (listener) => {
      listeners.add(listener);
      return () => {
        listeners.delete(listener);
      };
    },
    start: () => (started ??= checkSession(undefined, { early: true })),
    signIn: () => {
      if (framed) {
        signInThroughPopup();
        return;
      }
      navigate(loginUrl(`${window.location.pathname}${window.location.search}`, { popup: false }));
    },
    signOut: async () => {
      generation += 1;
      let problem: string | undefined;
      try {
        const response = await post('/auth/logout');
        // A 401: the server had already ended it.
        if (!response.ok && response.status !== 401) problem = SIGN_OUT_UNCONFIRMED;
      } catch {
        problem = SIGN_OUT_UNCONFIRMED;
      }
      signedOut(problem);
    },
    expire: () => {
      if (state.status === 'signed-in') signedOut(SESSION_ENDED);
    },
  };
}
