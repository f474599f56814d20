import { HTTPException } from 'hono/http-exception';
import { JSON_API_MEDIA_TYPE } from '../../contract/json-api';
import { isDatabaseUnavailable } from '../db/unavailable';
import { MAX_BODY_BYTES } from './body-limit';

export interface ErrorSource {
  pointer?: string;
  parameter?: string;
}

export interface ErrorObject {
  id: string;
  title: string;
  detail: string;
  status: string;
  source?: ErrorSource;
}

/**
 * A failure the client can act on: becomes a JSON:API error document (`{"errors": [...]}`, not an
 * RFC 9457 problem document) with this status. It is control
 * flow, not a bug, so it skips capturing a stack trace (which costs more than the rest of a 404).
 */
export class JsonApiFailure extends Error {
  readonly status: number;
  readonly errors: readonly ErrorObject[];
  readonly headers: Readonly<Record<string, string>>;

  constructor(
    status: number,
    errors: readonly ErrorObject[],
    headers: Readonly<Record<string, string>> = {},
  ) {
    const stackTraceLimit = Error.stackTraceLimit;
    Error.stackTraceLimit = 0;
    super(errors.map((error) => error.detail).join('; '));
    Error.stackTraceLimit = stackTraceLimit;
    this.name = 'JsonApiFailure';
    this.status = status;
    this.errors = errors;
    this.headers = headers;
  }
}

function errorObject(
  status: number,
  id: string,
  title: string,
  detail: string,
  source?: ErrorSource,
) {
  const error: ErrorObject = { id, title, detail, status: String(status) };
  if (source) error.source = source;
  return error;
}

export const badRequest = (parameter: string, detail: string) =>
  new JsonApiFailure(400, [errorObject(400, 'badRequest', 'Bad Request', detail, { parameter })]);

export const malformedBody = (detail: string) =>
  new JsonApiFailure(400, [errorObject(400, 'badRequest', 'Bad Request', detail, { pointer: '' })]);

export const unauthorized = (detail: string) =>
  new JsonApiFailure(401, [errorObject(401, 'unauthorized', 'Unauthorized', detail)], {
    'WWW-Authenticate': 'Bearer realm="api", error="invalid_token"',
  });

export const missingScope = (scope: string) =>
  new JsonApiFailure(403, [
    errorObject(
      403,
      'unauthorizedOauthScope',
      'Unauthorized OAuth Scope',
      `This request needs the ${scope} scope, which the access token was not granted.`,
    ),
  ]);

export const refused = (detail: string) =>
  new JsonApiFailure(403, [
    errorObject(403, 'unauthorizedRequest', 'Unauthorized Request', detail),
  ]);

/** A cookie-authenticated request without the header that proves it came from the app (CSRF). */
export const customHeaderRequired = () =>
  new JsonApiFailure(403, [
    errorObject(
      403,
      'customHeaderRequired',
      'Custom Header Required',
      'Send X-Requested-With: XMLHttpRequest with cookie-authenticated requests.',
    ),
  ]);

export const notFound = (detail: string) =>
  new JsonApiFailure(404, [errorObject(404, 'resourceNotFound', 'Resource Not Found', detail)]);

export const methodNotAllowed = (allowed: readonly string[]) =>
  new JsonApiFailure(
    405,
    [
      errorObject(
        405,
        'methodNotAllowed',
        'Method Not Allowed',
        `This endpoint accepts ${allowed.join(', ')}.`,
      ),
    ],
    { Allow: allowed.join(', ') },
  );

export const conflict = (detail: string, pointer: string) =>
  new JsonApiFailure(409, [errorObject(409, 'conflict', 'Conflict', detail, { pointer })]);

/** The If-Match the client sent no longer names the resource's state; `etag` is the current tag. */
export const preconditionFailed = (detail: string, etag: string) =>
  new JsonApiFailure(412, [errorObject(412, 'preconditionFailed', 'Precondition Failed', detail)], {
    ETag: etag,
  });

export const payloadTooLarge = () =>
  new JsonApiFailure(413, [
    errorObject(
      413,
      'payloadTooLarge',
      'Payload Too Large',
      `The request body is larger than ${MAX_BODY_BYTES} bytes.`,
    ),
  ]);

export const unsupportedMediaType = () =>
  new JsonApiFailure(415, [
    errorObject(
      415,
      'unsupportedMediaType',
      'Unsupported Media Type',
      `Send the body as ${JSON_API_MEDIA_TYPE}, without media type parameters.`,
    ),
  ]);

export interface FieldError {
  pointer: string;
  detail: string;
}

export const validationFailed = (problems: readonly FieldError[]) =>
  new JsonApiFailure(
    422,
    problems.map(({ pointer, detail }) =>
      errorObject(422, 'validationError', 'Validation Error', detail, { pointer }),
    ),
  );

export const rateLimited = (retryAfterSeconds: number) =>
  new JsonApiFailure(
    429,
    [
      errorObject(
        429,
        'rateLimitExceeded',
        'Rate Limit Exceeded',
        `Too many requests from this user or address; try again in ${retryAfterSeconds} seconds.`,
      ),
    ],
    { 'Retry-After': String(retryAfterSeconds) },
  );

/** Node's parser refused the request before the app saw it: too much header, or not HTTP at all. */
export const unreadableRequest = (code: string | undefined) =>
  code === 'HPE_HEADER_OVERFLOW'
    ? new JsonApiFailure(431, [
        errorObject(
          431,
          'requestHeaderFieldsTooLarge',
          'Request Header Fields Too Large',
          'The request line and headers are larger than the server reads (16 KB); a URL with thousands of filter values is. Send fewer values per request.',
        ),
      ])
    : code === 'ERR_HTTP_REQUEST_TIMEOUT'
      ? new JsonApiFailure(408, [
          errorObject(
            408,
            'requestTimeout',
            'Request Timeout',
            'The request took too long to arrive.',
          ),
        ])
      : new JsonApiFailure(400, [
          errorObject(400, 'badRequest', 'Bad Request', 'The request could not be read as HTTP.'),
        ]);

/** The database could not be reached; the request changed nothing and may be tried again. */
export const databaseUnavailable = () =>
  new JsonApiFailure(
    503,
    [
      errorObject(
        503,
        'serviceUnavailable',
        'Service Unavailable',
        'The database cannot be reached right now; nothing was changed. Try again in a few seconds.',
      ),
    ],
    { 'Retry-After': '5' },
  );

const internalError = () =>
  new JsonApiFailure(500, [
    errorObject(
      500,
      'internalServerError',
      'Internal Server Error',
      'The server failed to handle this request; nothing was changed.',
    ),
  ]);

/** The error document of a failure, with the headers every response carries. */
export function errorDocumentResponse(
  failure: JsonApiFailure,
  headers: Readonly<Record<string, string>> = {},
): Response {
  return new Response(JSON.stringify({ errors: failure.errors }), {
    status: failure.status,
    headers: {
      ...headers,
      ...failure.headers,
      'Content-Type': JSON_API_MEDIA_TYPE,
      'Cache-Control': 'no-store',
    },
  });
}

/**
 * The one error handler: every failure becomes a JSON:API error document. Unexpected errors are logged
 * with their stack on the server and answered with a generic 500 that reveals nothing, or a 503 when the
 * database could not be reached.
 */
export function toJsonApiFailure(
  error: unknown,
  logError: (error: unknown) => void,
): JsonApiFailure {
  if (error instanceof JsonApiFailure) return error;
  if (error instanceof HTTPException) {
    if (error.status === 413) return payloadTooLarge();
    if (error.status === 400)
      return malformedBody(error.message || 'The request could not be read.');
  }
  logError(error);
  return isDatabaseUnavailable(error) ? databaseUnavailable() : internalError();
}
