import { ApiError } from './api-error';

export const JSON_API_MEDIA_TYPE = 'application/vnd.api+json';

export interface ApiClientOptions {
  /** The API root, such as https://api.outreach.io/api/v2; links the API sends must stay under it. */
  baseUrl: string;
  /** The bearer token to send, or undefined to send none (the API then answers 401). */
  getAccessToken: () => Promise<string | undefined>;
}

export interface RequestOptions {
  searchParams?: Record<string, string>;
  signal?: AbortSignal;
}

export interface ApiClient {
  /**
   * GETs a path under the API root ("prospects"; "" for the root itself) or a link the API sent
   * (links.next), and returns the parsed body for the caller to validate. A refusal throws an ApiError.
   */
  get: (pathOrLink: string, options?: RequestOptions) => Promise<unknown>;
}

async function readJson(response: Response): Promise<unknown> {
  const text = await response.text();
  if (text === '') return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

export function createApiClient({ baseUrl, getAccessToken }: ApiClientOptions): ApiClient {
  const root = baseUrl.replace(/\/+$/, '');

  function resolve(pathOrLink: string, searchParams: Record<string, string> = {}): URL {
    const relative = pathOrLink.replace(/^\/+/, '');
    const url = /^https?:\/\//.test(pathOrLink)
      ? new URL(pathOrLink)
      : new URL(relative === '' ? root : `${root}/${relative}`);
    // The bearer token must never travel to a host the API merely named in a link.
    if (url.href !== root && !url.href.startsWith(`${root}/`)) {
      throw new Error(`Refusing to send the access token outside ${root}: ${url.href}`);
    }
    for (const [name, value] of Object.entries(searchParams)) url.searchParams.set(name, value);
    return url;
  }

  return {
    get: async (pathOrLink, options = {}) => {
      const url = resolve(pathOrLink, options.searchParams);
      const token = await getAccessToken();
      const response = await fetch(url, {
        headers: {
          Accept: JSON_API_MEDIA_TYPE,
          'Content-Type': JSON_API_MEDIA_TYPE,
          ...(token === undefined ? {} : { Authorization: `Bearer ${token}` }),
        },
        signal: options.signal ?? null,
      });
      const body = await readJson(response);
      if (!response.ok) throw new ApiError(response.status, body);
      return body;
    },
  };
}
