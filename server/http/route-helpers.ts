import type { Context } from 'hono';
import type { AppEnv } from './app-env';
import { parseId } from './document';
import { notFound } from './errors';
import type { CollectionQuery } from './query';
import type { ResourceContext } from './resource-context';

export const API_PATH = '/api/v2';

/** The id in the URL; an id that cannot exist is simply not found. */
export function idParam(c: Context<AppEnv>, what: string): number {
  const raw = c.req.param('id') ?? '';
  const id = parseId(raw);
  if (id === undefined) throw notFound(`There is no ${what} with id ${raw.slice(0, 40)}.`);
  return id;
}

/**
 * A request header, read from Node's request when there is one: Hono's c.req.header() builds a Fetch
 * Headers object from all of them first, which costs more than the rest of authenticating a request.
 */
export function requestHeader(c: Context<AppEnv>, name: string): string | undefined {
  // Undefined when the app is called through app.request(), as tests do.
  const env = c.env as AppEnv['Bindings'] | undefined;
  const incoming = env?.incoming;
  if (!incoming) return c.req.header(name);
  const value = incoming.headers[name.toLowerCase()];
  return Array.isArray(value) ? value.join(', ') : value;
}

const parsedUrls = new WeakMap<Request, URL>();

/** The request URL, parsed once per request however many parts of a handler need it. */
export function requestUrl(c: Context): URL {
  let url = parsedUrls.get(c.req.raw);
  if (!url) parsedUrls.set(c.req.raw, (url = new URL(c.req.url)));
  return url;
}

export function resourceContext(c: Context<AppEnv>, query: CollectionQuery): ResourceContext {
  return {
    apiBase: requestUrl(c).origin + API_PATH,
    principal: c.get('principal'),
    authorizationMeta: query.authorizationMeta,
    fields: query.fields,
  };
}

export function searchParams(c: Context): URLSearchParams {
  return requestUrl(c).searchParams;
}
