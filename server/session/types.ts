/**
 * The session layer's seams (decision 0046). A sign-in mode is a `SignInProvider`; the session store
 * keeps sessions (by the hash of their id) and the upstream tokens of modes that have them, encrypted.
 * `demo`, `outreach` and `oidc` (a team's own OpenID Connect provider, issue 14) are the modes.
 */

export type AuthMode = 'demo' | 'outreach' | 'oidc';

/** A top-level app's session (`__Host-pna-session`) or a framed app's (`__Host-pna-frame`). */
export type SessionKind = 'top' | 'frame';

/** An upstream provider's tokens, as the session holds them (decrypted). */
export interface UpstreamTokens {
  accessToken: string;
  refreshToken: string;
  /** When the access token expires, epoch milliseconds. */
  expiresAt: number;
}

/** Who signed in, as the provider says. */
export interface SignedInIdentity {
  /**
   * Who the session acts for: the local user id in demo and oidc modes, Outreach's user id in outreach.
   */
  subject: string;
  /** A name to show, when the provider gives one. */
  displayName?: string | undefined;
  /** Upstream tokens, for modes whose API calls go upstream. */
  tokens?: UpstreamTokens | undefined;
}

export interface SignInProvider {
  readonly mode: AuthMode;
  /**
   * Where the browser goes to sign in (the provider's authorization endpoint, with these values); a
   * provider that must first discover its endpoints may throw `SignInUnavailable`.
   */
  authorizationUrl: (request: {
    state: string;
    redirectUri: string;
    codeVerifier: string;
    /** The OpenID Connect nonce, for providers that send one. */
    nonce: string;
  }) => URL | Promise<URL>;
  /**
   * Redeems the callback's code; throws `SignInFailure` with a message fit for the user's page,
   * `NoAccess` for a person the provider knows but this product does not let in, `SignInUnavailable`
   * when the provider cannot be used.
   */
  redeem: (callback: {
    code: string;
    redirectUri: string;
    codeVerifier: string;
    state: string;
    nonce: string;
    /** The callback's URL as the provider sent the browser to it: every parameter, `iss` too. */
    callbackUrl: URL;
  }) => Promise<SignedInIdentity>;
  /** New tokens for a refresh token; throws `RefreshRefused` when the provider says `invalid_grant`. */
  refresh?: (refreshToken: string) => Promise<UpstreamTokens>;
  /** Ends the upstream grant at sign-out, where the provider allows it; best effort. */
  revoke?: (tokens: UpstreamTokens) => Promise<void>;
}

export class SignInFailure extends Error {}

/** The provider signed the person in, but they may not use this product: no session, a page that says why. */
export class NoAccess extends Error {
  constructor(
    readonly heading: string,
    message: string,
  ) {
    super(message);
  }
}

/**
 * The provider cannot be used: down (503) or refusing this server's settings (502). The message names
 * the setting to check; the page shows it, never a stack trace.
 */
export class SignInUnavailable extends Error {
  constructor(
    readonly status: 502 | 503,
    message: string,
    options?: ErrorOptions,
  ) {
    super(message, options);
  }
}

/** The provider refused the refresh token for good (`invalid_grant`): the session is over. */
export class RefreshRefused extends Error {}

/** One session, as the store gives it back. */
export interface StoredSession {
  /** The hash of the session id (the id itself is only ever in the cookie). */
  idHash: string;
  kind: SessionKind;
  mode: AuthMode;
  subject: string;
  displayName: string | null;
  /** Epoch milliseconds. */
  createdAt: number;
  idleExpiresAt: number;
  absoluteExpiresAt: number;
  tokens: UpstreamTokens | undefined;
}

export interface SessionStore {
  /** A new session with a fresh random id (256 bits); the id is returned once, for the cookie. */
  create: (
    identity: SignedInIdentity,
    options: { mode: AuthMode; kind: SessionKind },
  ) => Promise<{ id: string; session: StoredSession }>;
  /** The live session for a cookie's id (moving its idle expiry on), or undefined. */
  find: (id: string) => Promise<StoredSession | undefined>;
  delete: (idHash: string) => Promise<void>;
  /**
   * Claims the right to refresh this session's tokens until `untilMs`, in one conditional UPDATE, so
   * that one request in one process refreshes; false when another holds an unexpired claim.
   */
  claimRefresh: (idHash: string, untilMs: number) => Promise<boolean>;
  /** Saves refreshed tokens (encrypted) and releases the claim. */
  saveTokens: (idHash: string, tokens: UpstreamTokens) => Promise<void>;
  /** The tokens as stored now (another process may have refreshed them). */
  readTokens: (idHash: string) => Promise<UpstreamTokens | undefined>;
}

/** A sign-in under way: what the callback needs besides the provider's code. */
export interface SignInAttempt {
  codeVerifier: string;
  nonce: string;
  /** A same-origin path, already checked. */
  returnTo: string;
  /** Started by a frame's popup: the callback hands a code to the frame instead of setting a cookie. */
  popup: boolean;
}

/**
 * Sign-ins under way and the popup's hand-offs, kept by the hashes of their state and code. Taking one
 * is a single statement that deletes it and returns it, so that of any number of requests racing with
 * the same state or code exactly one gets it.
 */
export interface SignInStore {
  /** Keeps an attempt under its state for the browser holding the sign-in cookie `browser`. */
  startAttempt: (state: string, browser: string, attempt: SignInAttempt) => Promise<void>;
  /** The live attempt of this state started by this browser, taken; undefined otherwise. */
  takeAttempt: (state: string, browser: string) => Promise<SignInAttempt | undefined>;
  /** A single-use code a frame exchanges for a session of its own; the identity's tokens encrypted. */
  createHandoff: (identity: SignedInIdentity, mode: AuthMode) => Promise<string>;
  /** The live hand-off of this code, taken; undefined otherwise. */
  takeHandoff: (
    code: string,
  ) => Promise<{ identity: SignedInIdentity; mode: AuthMode } | undefined>;
}
