import { JSON_API_MEDIA_TYPE } from '@contract/json-api';
import { ApiError } from './api-error';

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

export interface ApiClientOptions {
  /** The API root, such as https://api.outreach.io/api/v2; links the API sends must stay under it. */
  baseUrl: string;
  tokens: AccessTokenProvider;
}

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

export function createApiClient({ baseUrl, tokens }: ApiClientOptions): ApiClient {
  const root = new URL(baseUrl);
  const rootHref = root.href.replace(/\/+$/, '');
  const rootPath = root.pathname.replace(/\/+$/, '');
  // The refresh for the token most recently refused, shared by every request that met that refusal.
  let lastRefresh: { rejected: string; fresh: Promise<string | undefined> } | undefined;

  function resolve(pathOrLink: string, searchParams: Record<string, string> = {}): URL {
    const relative = pathOrLink.replace(/^\/+/, '');
    const url = /^https?:\/\//i.test(pathOrLink)
      ? new URL(pathOrLink)
      : new URL(relative === '' ? rootHref : `${rootHref}/${relative}`);
    // The bearer token must never travel to a host, or a path, the API merely named in a link.
    const underRoot =
      url.origin === root.origin &&
      (url.pathname === rootPath || url.pathname.startsWith(`${rootPath}/`));
    if (!underRoot) {
      throw new Error(`Refusing to send the access token outside ${rootHref}: ${url.href}`);
    }
    for (const [name, value] of Object.entries(searchParams)) url.searchParams.set(name, value);
    return url;
  }

  function refreshAfter(rejected: string): Promise<string | undefined> {
    if (lastRefresh?.rejected !== rejected) {
      lastRefresh = { rejected, fresh: tokens.refreshAccessToken(rejected) };
    }
    return lastRefresh.fresh;
  }

  async function request(method: HttpMethod, pathOrLink: string, options: WriteOptions = {}) {
    const url = resolve(pathOrLink, options.searchParams);
    const body = options.body === undefined ? null : JSON.stringify(options.body);
    const send = (token: string | undefined) =>
      fetch(url, {
        method,
        headers: {
          Accept: JSON_API_MEDIA_TYPE,
          'Content-Type': JSON_API_MEDIA_TYPE,
          ...(token === undefined ? {} : { Authorization: `Bearer ${token}` }),
          ...(options.ifMatch === undefined ? {} : { 'If-Match': options.ifMatch }),
        },
        body,
        keepalive: options.keepalive ?? false,
        signal: options.signal ?? null,
      });

    const token = await tokens.getAccessToken();
    let response = await send(token);
    if (response.status === 401 && token !== undefined) {
      const fresh = await refreshAfter(token);
      if (fresh !== undefined && fresh !== token) response = await send(fresh);
    }
    const parsed = await readJson(response);
    if (!response.ok) throw new ApiError(response.status, parsed, response.headers);
    return parsed;
  }

  return {
    get: (pathOrLink, options) => request('GET', pathOrLink, options),
    request,
  };
}
