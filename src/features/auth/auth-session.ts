import type { AccessTokenProvider } from '@/lib/api-client';
import type { OAuthClientConfig } from '@/lib/app-config';
import { requestTokens, type TokenGrant } from './api/request-tokens';
import { revokeToken } from './api/revoke-token';
import { CALLBACK_PATH, redirectUri } from './oauth-config';
import { codeChallengeS256, randomToken } from './pkce';
import { pendingSignInSchema, type PendingSignIn } from './schemas/pending-sign-in';
import { SIGN_IN_POPUP_MESSAGE, signInPopupMessageSchema } from './schemas/sign-in-popup-message';
import { tabStorage, type TabStorage } from './tab-storage';

export type AuthState =
  { status: 'starting' } | { status: 'signed-out'; problem?: string } | { status: 'signed-in' };

export interface AuthSession extends AccessTokenProvider {
  getState: () => AuthState;
  subscribe: (listener: () => void) => () => void;
  /** Finishes a sign-in coming back from the authorization page, or resumes a session; runs once. */
  start: () => Promise<void>;
  /** Leaves for the authorization page; in a frame, opens it in a popup instead. */
  signIn: () => Promise<void>;
  signOut: () => void;
  /** A valid access token, refreshed first if it has expired; undefined when signed out. */
  getAccessToken: () => Promise<string | undefined>;
  /**
   * A new access token for one the API refused (401), from one refresh shared by every caller; the
   * current token, without asking the server, when `rejected` has already been replaced. When the
   * refresh fails the session ends, and this gives undefined.
   */
  refreshAccessToken: (rejected: string) => Promise<string | undefined>;
}

export interface AuthSessionOptions {
  /** Leaves the app for the authorization page; a page load by default. */
  navigate?: (url: URL) => void;
  /**
   * Whether the app runs in a frame, where the authorization page refuses to be shown: sign-in then
   * happens in a popup. Detected by default.
   */
  framed?: boolean;
  /** Opens the empty sign-in popup, or gives null when the browser blocks it. */
  openPopup?: () => Window | null;
}

const PENDING_SIGN_IN_KEY = 'phone-numbers-admin:pending-sign-in';
const REFRESH_TOKEN_KEY = 'phone-numbers-admin:refresh-token';
/** Refresh this long before the access token expires, so that no request carries a dying token. */
const EXPIRY_MARGIN_MS = 30_000;
const SESSION_ENDED = 'Your session has ended. Sign in again.';
/** Marks the state of a sign-in in a popup, so that the callback page knows to hand the code back. */
const POPUP_STATE_PREFIX = 'popup-';
const POPUP_BLOCKED =
  'Your browser blocked the sign-in window. Allow pop-ups for this page, then sign in again.';

function readPendingSignIn(storage: TabStorage): PendingSignIn | undefined {
  const stored = storage.getItem(PENDING_SIGN_IN_KEY);
  storage.removeItem(PENDING_SIGN_IN_KEY);
  if (stored === null) return undefined;
  try {
    const parsed = pendingSignInSchema.safeParse(JSON.parse(stored));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}

const message = (error: unknown) => (error instanceof Error ? error.message : String(error));

/**
 * The OAuth 2 authorization code flow with PKCE (S256) against the configured authorization server.
 * The access token lives in memory only; the refresh token in sessionStorage, so that a reload in the
 * same tab stays signed in while a new tab or a closed browser does not (in memory, where the browser
 * refuses a frame its storage).
 */
export function createAuthSession(
  oauth: OAuthClientConfig,
  {
    navigate = (url) => {
      window.location.assign(url);
    },
    framed = window.self !== window.top,
    openPopup = () => window.open('', 'phone-numbers-sign-in', 'popup,width=520,height=680'),
  }: AuthSessionOptions = {},
): AuthSession {
  const origin = window.location.origin;
  const storage = tabStorage();
  const listeners = new Set<() => void>();
  let state: AuthState = { status: 'starting' };
  let accessToken: { value: string; expiresAt: number } | undefined;
  let started: Promise<void> | undefined;
  let refreshing: Promise<string | undefined> | undefined;
  // Bumped on sign-out so that a token request still in flight cannot sign the user back in.
  let generation = 0;
  // A sign-in in a popup keeps its verifier here, in this frame; the popup never sees it.
  let popupSignIn: { popup: Window; pending: Omit<PendingSignIn, 'returnTo'> } | undefined;

  function setState(next: AuthState) {
    state = next;
    for (const listener of listeners) listener();
  }

  function endSession(problem?: string) {
    generation += 1;
    accessToken = undefined;
    storage.removeItem(REFRESH_TOKEN_KEY);
    setState(problem === undefined ? { status: 'signed-out' } : { status: 'signed-out', problem });
  }

  async function obtainTokens(grant: TokenGrant): Promise<string | undefined> {
    const requestedIn = generation;
    const tokens = await requestTokens(oauth, grant);
    if (requestedIn !== generation) return undefined;
    accessToken = { value: tokens.access_token, expiresAt: Date.now() + tokens.expires_in * 1000 };
    if (tokens.refresh_token) storage.setItem(REFRESH_TOKEN_KEY, tokens.refresh_token);
    setState({ status: 'signed-in' });
    return tokens.access_token;
  }

  function refresh(): Promise<string | undefined> {
    refreshing ??= (async () => {
      const refreshToken = storage.getItem(REFRESH_TOKEN_KEY);
      if (refreshToken === null) {
        // A first visit has nothing to resume; a signed-in session without a refresh token just ends.
        endSession(state.status === 'signed-in' ? SESSION_ENDED : undefined);
        return undefined;
      }
      try {
        return await obtainTokens({ grant_type: 'refresh_token', refresh_token: refreshToken });
      } catch {
        endSession(SESSION_ENDED);
        return undefined;
      }
    })().finally(() => {
      refreshing = undefined;
    });
    return refreshing;
  }

  async function exchangeCode(
    callback: URL,
    pending: Omit<PendingSignIn, 'returnTo'> | undefined,
  ): Promise<void> {
    const error = callback.searchParams.get('error');
    const code = callback.searchParams.get('code');
    if (error !== null) {
      const description = callback.searchParams.get('error_description') ?? error;
      endSession(
        error === 'access_denied' ? 'Sign-in was cancelled.' : `Sign-in failed: ${description}`,
      );
      return;
    }
    if (!pending || code === null || callback.searchParams.get('state') !== pending.state) {
      endSession('This sign-in could not be verified. Sign in again.');
      return;
    }
    try {
      await obtainTokens({
        grant_type: 'authorization_code',
        code,
        redirect_uri: redirectUri(origin),
        code_verifier: pending.codeVerifier,
      });
    } catch (failure) {
      endSession(`Sign-in failed: ${message(failure)}`);
    }
  }

  async function completeSignIn(callback: URL) {
    // A popup's callback goes back to the frame that opened it, which alone can spend the code; the
    // target origin keeps any other page from reading it.
    const opener = window.opener as Window | null;
    if (opener && callback.searchParams.get('state')?.startsWith(POPUP_STATE_PREFIX)) {
      window.history.replaceState(null, '', '/');
      opener.postMessage({ type: SIGN_IN_POPUP_MESSAGE, url: callback.href }, origin);
      window.close();
      return;
    }
    const pending = readPendingSignIn(storage);
    // The code must not stay in the address bar, the history or a bookmark, whatever happens next.
    window.history.replaceState(null, '', pending?.returnTo ?? '/');
    await exchangeCode(callback, pending);
  }

  function receivePopupCallback(event: MessageEvent) {
    if (!popupSignIn || event.origin !== origin || event.source !== popupSignIn.popup) return;
    const received = signInPopupMessageSchema.safeParse(event.data);
    if (!received.success) return;
    const { pending } = popupSignIn;
    popupSignIn = undefined;
    window.removeEventListener('message', receivePopupCallback);
    void exchangeCode(new URL(received.data.url), pending);
  }

  /** The authorization page's URL for a new PKCE verifier and the given state. */
  async function authorizationUrl(codeVerifier: string, state: string): Promise<URL> {
    const authorize = new URL(oauth.authorizeUrl);
    authorize.search = new URLSearchParams({
      response_type: 'code',
      client_id: oauth.clientId,
      redirect_uri: redirectUri(origin),
      scope: oauth.scope,
      state,
      code_challenge: await codeChallengeS256(codeVerifier),
      code_challenge_method: 'S256',
    }).toString();
    return authorize;
  }

  async function signInThroughPopup() {
    // Opened before anything is awaited, while the click still lets the page open a window.
    const popup = openPopup();
    if (!popup) {
      endSession(POPUP_BLOCKED);
      return;
    }
    const pending = { codeVerifier: randomToken(), state: `${POPUP_STATE_PREFIX}${randomToken()}` };
    popupSignIn = { popup, pending };
    window.addEventListener('message', receivePopupCallback);
    popup.location.href = (await authorizationUrl(pending.codeVerifier, pending.state)).href;
  }

  async function getAccessToken(): Promise<string | undefined> {
    if (accessToken && Date.now() < accessToken.expiresAt - EXPIRY_MARGIN_MS) {
      return accessToken.value;
    }
    return state.status === 'signed-in' ? refresh() : undefined;
  }

  async function begin() {
    const url = new URL(window.location.href);
    if (url.pathname === CALLBACK_PATH) await completeSignIn(url);
    else await refresh();
  }

  return {
    getState: () => state,
    subscribe: (listener) => {
      listeners.add(listener);
      return () => {
        listeners.delete(listener);
      };
    },
    start: () => (started ??= begin()),
    signIn: async () => {
      try {
        if (framed) {
          await signInThroughPopup();
          return;
        }
        const pending: PendingSignIn = {
          codeVerifier: randomToken(),
          state: randomToken(),
          returnTo: `${window.location.pathname}${window.location.search}`,
        };
        const authorize = await authorizationUrl(pending.codeVerifier, pending.state);
        storage.setItem(PENDING_SIGN_IN_KEY, JSON.stringify(pending));
        navigate(authorize);
      } catch (failure) {
        endSession(`Sign-in could not start: ${message(failure)}`);
      }
    },
    signOut: () => {
      const refreshToken = storage.getItem(REFRESH_TOKEN_KEY);
      endSession();
      if (refreshToken !== null) void revokeToken(oauth, refreshToken);
    },
    getAccessToken,
    refreshAccessToken: async (rejected) => {
      if (accessToken !== undefined && accessToken.value !== rejected) return getAccessToken();
      return state.status === 'signed-in' ? refresh() : undefined;
    },
  };
}
