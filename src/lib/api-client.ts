import { JSON_API_MEDIA_TYPE } from '@contract/json-api';
import { ApiError } from './api-error';
import { sendEarly, takeEarly } from './early-responses';

/** Where the client gets its bearer token, and a new one when the API refuses it. */
export interface AccessTokenProvider {
  /** The token to send, or undefined to send none (the API then answers 401). */
  getAccessToken: () => Promise<string | undefined>;
  /**
   * A token to use instead of `rejected`, which the API answered with 401; the current token when another
   * request has already replaced it; undefined when there is none to be had.
   */
  refreshAccessToken: (rejected: string) => Promise<string | undefined>;
}

/**
 * The app's own session (docs/decisions/0046): an HttpOnly cookie that the browser sends to the app's
 * origin, and nothing to refresh.
 */
export interface CookieSession {
  /** Told of a 401: the server no longer knows the cookie, so the session is over. */
  expire: () => void;
}

export type ApiClientOptions = {
  /** The API root, such as https://api.outreach.io/api/v2; links the API sends must stay under it. */
  baseUrl: string;
} & (
  | {
      /** Bearer tokens, for a host that has them (the custom element's `getAccessToken`). */
      tokens: AccessTokenProvider;
    }
  | {
      /**
       * The session cookie instead: the API root must then be on the page's origin, the only one the
       * cookie goes to.
       */
      session: CookieSession;
    }
);

/**
 * Sent with every request that relies on the cookie: a page on another site cannot add it without a CORS
 * preflight, which the server does not grant, so it cannot make the browser act on the user's session.
 */
const CSRF_HEADER = { 'X-Requested-With': 'XMLHttpRequest' };

export type HttpMethod = 'GET' | 'POST' | 'PATCH' | 'DELETE';

export interface RequestOptions {
  searchParams?: Record<string, string>;
  signal?: AbortSignal;
}

export interface WriteOptions extends RequestOptions {
  /** A JSON:API document, sent as JSON. */
  body?: unknown;
  /** Let the request outlive the page, for a write sent as the tab closes (fetch's `keepalive`). */
  keepalive?: boolean;
  /** An ETag the resource was read at: the API then writes only if it is unchanged, else 412. */
  ifMatch?: string | undefined;
}

export interface ApiClient {
  /**
   * GETs a path under the API root ("prospects"; "" for the root itself) or a link the API sent
   * (links.next), and returns the parsed body for the caller to validate. A refusal throws an ApiError.
   */
  get: (pathOrLink: string, options?: RequestOptions) => Promise<unknown>;
  /** Like `get`, for any method: the parsed body, or undefined when there is none (204). */
  request: (method: HttpMethod, pathOrLink: string, options?: WriteOptions) => Promise<unknown>;
}

/** The body as JSON; undefined when it is empty or not JSON (a gateway's plain-text 401, say). */
async function readJson(response: Response): Promise<unknown> {
  const text = await response.text();
  if (text === '') return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

function resolve(root: URL, pathOrLink: string, searchParams: Record<string, string> = {}): URL {
  const rootHref = root.href.replace(/\/+$/, '');
  const rootPath = root.pathname.replace(/\/+$/, '');
  const relative = pathOrLink.replace(/^\/+/, '');
  const url = /^https?:\/\//i.test(pathOrLink)
    ? new URL(pathOrLink)
    : new URL(relative === '' ? rootHref : `${rootHref}/${relative}`);
  // The bearer token, or the session cookie's request, must never go to a host, or a path, the API
  // merely named in a link.
  const underRoot =
    url.origin === root.origin &&
    (url.pathname === rootPath || url.pathname.startsWith(`${rootPath}/`));
  if (!underRoot) {
    throw new Error(`Refusing to send credentials outside ${rootHref}: ${url.href}`);
  }
  for (const [name, value] of Object.entries(searchParams)) url.searchParams.set(name, value);
  return url;
}

function requestInit(
  method: HttpMethod,
  auth: Record<string, string>,
  options: WriteOptions,
): RequestInit {
  return {
    method,
    headers: {
      Accept: JSON_API_MEDIA_TYPE,
      'Content-Type': JSON_API_MEDIA_TYPE,
      ...auth,
      ...(options.ifMatch === undefined ? {} : { 'If-Match': options.ifMatch }),
    },
    body: options.body === undefined ? null : JSON.stringify(options.body),
    credentials: 'same-origin',
    keepalive: options.keepalive ?? false,
    signal: options.signal ?? null,
  };
}

/**
 * Sends, on the session cookie, a GET the first screen is about to make, for a session client of the
 * same API root to take instead of sending it (see early-responses.ts).
 */
export function sendEarlyGet(
  baseUrl: string,
  pathOrLink: string,
  searchParams?: Record<string, string>,
): void {
  sendEarly(
    resolve(new URL(baseUrl), pathOrLink, searchParams),
    requestInit('GET', CSRF_HEADER, {}),
  );
}

export function createApiClient(settings: ApiClientOptions): ApiClient {
  const root = new URL(settings.baseUrl);
  // The refresh for the token most recently refused, shared by every request that met that refusal.
  let lastRefresh: { rejected: string; fresh: Promise<string | undefined> } | undefined;

  function refreshAfter(tokens: AccessTokenProvider, rejected: string) {
    if (lastRefresh?.rejected !== rejected) {
      lastRefresh = { rejected, fresh: tokens.refreshAccessToken(rejected) };
    }
    return lastRefresh.fresh;
  }

  async function respond(send: (headers: Record<string, string>) => Promise<Response>) {
    if ('session' in settings) {
      const response = await send(CSRF_HEADER);
      if (response.status === 401) settings.session.expire();
      return response;
    }
    const { tokens } = settings;
    const bearer = (token: string | undefined) =>
      send(token === undefined ? {} : { Authorization: `Bearer ${token}` });
    const token = await tokens.getAccessToken();
    const response = await bearer(token);
    if (response.status !== 401 || token === undefined) return response;
    const fresh = await refreshAfter(tokens, token);
    return fresh !== undefined && fresh !== token ? bearer(fresh) : response;
  }

  async function request(method: HttpMethod, pathOrLink: string, options: WriteOptions = {}) {
    const url = resolve(root, pathOrLink, options.searchParams);
    const early = method === 'GET' && 'session' in settings ? takeEarly(url) : undefined;
    const response = await respond(
      (auth) => early ?? fetch(url, requestInit(method, auth, options)),
    );
    const parsed = await readJson(response);
    if (!response.ok) throw new ApiError(response.status, parsed, response.headers);
    return parsed;
  }

  return {
    get: (pathOrLink, options) => request('GET', pathOrLink, options),
    request,
  };
}
