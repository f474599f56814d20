import type { Context, Handler } from 'hono';
import type { AppEnv } from '../http/app-env';
import { MAX_BODY_BYTES } from '../http/body-limit';
import {
  errorDocumentResponse,
  JsonApiFailure,
  methodNotAllowed,
  notFound,
  payloadTooLarge,
  unauthorized,
} from '../http/errors';
import { API_PATH } from '../http/route-helpers';
import type { UpstreamTokens } from '../session/types';
import { SessionEnded, TokensUnavailable } from './token-refresher';

export interface OutreachProxyOptions {
  /** Outreach's API root, e.g. https://api.outreach.io/api/v2. */
  apiUrl: string;
  fetch?: typeof globalThis.fetch;
  /** How long Outreach has to answer one request, response body included. */
  timeoutMs?: number;
  /** The signed-in session's tokens; throws SessionEnded (401) or TokensUnavailable (503). */
  tokensFor: (c: Context<AppEnv>) => Promise<UpstreamTokens>;
}

const DEFAULT_TIMEOUT_MS = 30_000;

/** The routes the app calls, under the API root; anything else never reaches Outreach. */
const ROUTES: readonly { path: RegExp; methods: readonly string[] }[] = [
  { path: /^\/?$/, methods: ['GET'] },
  { path: /^\/phoneNumbers$/, methods: ['GET', 'POST'] },
  { path: /^\/phoneNumbers\/\d{1,18}$/, methods: ['GET', 'PATCH', 'DELETE'] },
  { path: /^\/(?:prospects|users)$/, methods: ['GET'] },
  { path: /^\/(?:prospects|users)\/\d{1,18}$/, methods: ['GET'] },
];

/** What the browser's request may tell Outreach; its cookies, origin and the like stay here. */
const REQUEST_HEADERS = ['accept', 'accept-language', 'content-type', 'if-match', 'if-none-match'];

/** What Outreach's answer may tell the browser. Location is rewritten onto this server. */
const RESPONSE_HEADERS = [
  'content-type',
  'etag',
  'retry-after',
  'x-ratelimit-limit',
  'x-ratelimit-remaining',
  'x-ratelimit-reset',
];

const BODY_METHODS = new Set(['POST', 'PATCH']);

function upstreamError(status: number, id: string, title: string, detail: string) {
  return new JsonApiFailure(status, [{ id, title, detail, status: String(status) }]);
}

/**
 * Replaces `from` with `to` in a text stream, also where `from` is cut between two chunks: the end of a
 * chunk that could begin `from` waits for the next one.
 */
function replaceAll(from: string, to: string): TransformStream<string, string> {
  let held = '';
  return new TransformStream({
    transform(chunk, controller) {
      const text = held + chunk;
      let cut = Math.max(0, text.length - from.length + 1);
      const straddling = text.indexOf(from, Math.max(0, cut - from.length + 1));
      if (straddling !== -1 && straddling < cut) cut = straddling + from.length;
      controller.enqueue(text.slice(0, cut).replaceAll(from, to));
      held = text.slice(cut);
    },
    flush(controller) {
      if (held !== '') controller.enqueue(held);
    },
  });
}

/** The request body, streamed, failing once more than the API's body limit has passed through. */
function limitedBody(body: ReadableStream<Uint8Array>, onTooLarge: () => void) {
  let size = 0;
  return body.pipeThrough(
    new TransformStream<Uint8Array, Uint8Array>({
      transform(chunk, controller) {
        size += chunk.byteLength;
        if (size > MAX_BODY_BYTES) {
          onTooLarge();
          controller.error(new Error('The request body is over the limit.'));
          return;
        }
        controller.enqueue(chunk);
      },
    }),
  );
}

/**
 * `/api/v2` in outreach mode (decision 0046, "The proxy"): the routes the app uses are forwarded to
 * Outreach with the session's bearer token and nothing else of the browser's but the headers that say
 * what it sends and accepts; Outreach's status, body and rate-limit headers come back, and the links in
 * them name this server. Mount it on both `/api/v2` and `/api/v2/*`.
 */
export function createOutreachProxy(options: OutreachProxyOptions): Handler<AppEnv> {
  const { apiUrl, fetch = globalThis.fetch, timeoutMs = DEFAULT_TIMEOUT_MS, tokensFor } = options;
  const seconds = timeoutMs / 1000;

  async function tokensOrFailure(c: Context<AppEnv>) {
    try {
      return await tokensFor(c);
    } catch (error) {
      if (error instanceof SessionEnded) return unauthorized(error.message);
      if (error instanceof TokensUnavailable) {
        return new JsonApiFailure(
          503,
          [
            {
              id: 'serviceUnavailable',
              title: 'Service Unavailable',
              detail: error.message,
              status: '503',
            },
          ],
          { 'Retry-After': String(error.retryAfterSeconds) },
        );
      }
      throw error;
    }
  }

  return async (c) => {
    const fail = (failure: JsonApiFailure) => errorDocumentResponse(failure, c.var.responseHeaders);
    const path = c.req.path.slice(API_PATH.length);
    const route = ROUTES.find((candidate) => candidate.path.test(path));
    if (!route) return fail(notFound(`There is no ${c.req.path.slice(0, 100)} endpoint.`));
    if (!route.methods.includes(c.req.method)) return fail(methodNotAllowed(route.methods));
    const hasBody = BODY_METHODS.has(c.req.method) && c.req.raw.body !== null;
    if (hasBody && Number(c.req.header('Content-Length') ?? 0) > MAX_BODY_BYTES) {
      return fail(payloadTooLarge());
    }

    const tokens = await tokensOrFailure(c);
    if (tokens instanceof JsonApiFailure) return fail(tokens);

    const headers = new Headers({ Authorization: `Bearer ${tokens.accessToken}` });
    for (const name of REQUEST_HEADERS) {
      const value = c.req.header(name);
      if (value !== undefined) headers.set(name, value);
    }
    // Set by the body's stream as it goes: read after fetch fails, to tell a cut body from a failure.
    const requestBody = { tooLarge: false };
    const timeout = AbortSignal.timeout(timeoutMs);
    let upstream: Response;
    try {
      upstream = await fetch(`${apiUrl}${path === '/' ? '' : path}${new URL(c.req.url).search}`, {
        method: c.req.method,
        headers,
        body:
          hasBody && c.req.raw.body
            ? limitedBody(c.req.raw.body, () => {
                requestBody.tooLarge = true;
              })
            : undefined,
        duplex: 'half',
        redirect: 'manual',
        signal: AbortSignal.any([timeout, c.req.raw.signal]),
      });
    } catch {
      if (requestBody.tooLarge) return fail(payloadTooLarge());
      if (timeout.aborted) {
        return fail(
          upstreamError(
            504,
            'gatewayTimeout',
            'Gateway Timeout',
            `Outreach did not answer in ${seconds} s.`,
          ),
        );
      }
      return fail(
        upstreamError(
          502,
          'badGateway',
          'Bad Gateway',
          'Outreach could not be reached; try again.',
        ),
      );
    }

    const contentType = upstream.headers.get('Content-Type') ?? '';
    const isJson = /json/i.test(contentType);
    if (!upstream.ok && !isJson) {
      // An error page from a load balancer, say: the app gets the API's one error shape instead.
      await upstream.body?.cancel();
      return fail(
        upstream.status >= 500
          ? upstreamError(502, 'badGateway', 'Bad Gateway', `Outreach answered ${upstream.status}.`)
          : upstreamError(
              upstream.status,
              'upstreamError',
              'Outreach Error',
              `Outreach answered ${upstream.status}.`,
            ),
      );
    }

    const ownApiUrl = `${c.var.publicOrigin}${API_PATH}`;
    const responseHeaders = new Headers({ ...c.var.responseHeaders, 'Cache-Control': 'no-store' });
    for (const name of RESPONSE_HEADERS) {
      const value = upstream.headers.get(name);
      if (value !== null) responseHeaders.set(name, value);
    }
    const location = upstream.headers.get('Location');
    if (location?.startsWith(apiUrl)) {
      responseHeaders.set('Location', ownApiUrl + location.slice(apiUrl.length));
    }
    const body =
      upstream.body && isJson
        ? upstream.body
            .pipeThrough(new TextDecoderStream())
            .pipeThrough(replaceAll(apiUrl, ownApiUrl))
            .pipeThrough(new TextEncoderStream())
        : upstream.body;
    return new Response(body, { status: upstream.status, headers: responseHeaders });
  };
}
