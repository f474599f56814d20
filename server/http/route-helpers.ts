import type { Context } from 'hono';
import type { AppEnv } from './app-env';
import { parseId } from './request-document';
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

/**
 * The client's address, which rate limits count by: the peer's, or with `trustedProxies` reverse proxies
 * in front, the one the outermost of them saw. Each proxy appends to X-Forwarded-For the address it got
 * the request from, so the chain read from the end is [peer, …X-Forwarded-For reversed], and the entry
 * `trustedProxies` places in is the last one a proxy of ours wrote; what comes before it, the client
 * chose. "unknown" when the app runs outside Node's server.
 */
export function clientAddress(c: Context<AppEnv>, trustedProxies: number): string {
  // Undefined when the app is called through app.request(), as tests do.
  const env = c.env as AppEnv['Bindings'] | undefined;
  const peer = env?.incoming?.socket.remoteAddress ?? 'unknown';
  if (trustedProxies === 0) return peer;
  const forwarded = (requestHeader(c, 'X-Forwarded-For') ?? '')
    .split(',')
    .map((entry) => entry.trim())
    .filter((entry) => entry !== '');
  const chain = [peer, ...forwarded.reverse()];
  return chain[Math.min(trustedProxies, chain.length - 1)] ?? peer;
}

const LOOPBACK = /^(?:127\.|::1$|::ffff:127\.)/;

/**
 * The origin links, Location headers and redirects name: the configured public origin, or else the
 * address the request arrived at (a loopback address as localhost, as the server's start-up line says).
 * Never the Host header, which the client writes (decision 0027).
 */
export function publicOrigin(
  configured: string | undefined,
  incoming: AppEnv['Bindings']['incoming'],
  listeningPort: number,
): string {
  if (configured !== undefined) return configured;
  const socket = incoming?.socket;
  const address = socket?.localAddress;
  const port = socket?.localPort ?? listeningPort;
  const suffix = port === 80 ? '' : `:${port}`;
  if (address === undefined || LOOPBACK.test(address)) return `http://localhost${suffix}`;
  const host = address.startsWith('::ffff:') ? address.slice('::ffff:'.length) : address;
  return host.includes(':') ? `http://[${host}]${suffix}` : `http://${host}${suffix}`;
}

const parsedUrls = new WeakMap<Request, URL>();

/**
 * The request URL as the public sees it (path and query from the request, origin from publicOrigin),
 * parsed once per request however many parts of a handler need it.
 */
export function requestUrl(c: Context<AppEnv>): URL {
  let url = parsedUrls.get(c.req.raw);
  if (!url) {
    const received = new URL(c.req.url);
    url = new URL(c.var.publicOrigin);
    url.pathname = received.pathname;
    url.search = received.search;
    parsedUrls.set(c.req.raw, url);
  }
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

export function searchParams(c: Context<AppEnv>): URLSearchParams {
  return requestUrl(c).searchParams;
}

/** The token of an `Authorization: Bearer …` header, or undefined. */
export function bearerToken(c: Context<AppEnv>): string | undefined {
  const match = /^Bearer[ ]+([\x21-\x7E]{1,512})\s*$/i.exec(
    requestHeader(c, 'Authorization') ?? '',
  );
  return match?.[1];
}
