import * as z from 'zod/mini';

/** A JSON:API error object; loose, because Outreach adds members of its own (such as `details`). */
const errorObjectSchema = z.looseObject({
  id: z.optional(z.string()),
  title: z.optional(z.string()),
  detail: z.optional(z.string()),
  details: z.optional(z.union([z.string(), z.array(z.string())])),
  status: z.optional(z.string()),
  source: z.optional(
    z.object({ pointer: z.optional(z.string()), parameter: z.optional(z.string()) }),
  ),
});

export type ApiErrorObject = z.output<typeof errorObjectSchema>;

export const errorDocumentSchema = z.object({ errors: z.array(errorObjectSchema) });

/** An RFC 6750 / 6749 refusal, as a gateway or an OAuth server answers a bad token: not JSON:API. */
const oauthErrorSchema = z.object({ error: z.string(), error_description: z.optional(z.string()) });

/** The sentence to show for one error object: `detail`, else Outreach's `details`, else `title`. */
function describeApiError(error: ApiErrorObject): string | undefined {
  const details = Array.isArray(error.details) ? error.details.join(' ') : error.details;
  return error.detail ?? (details || undefined) ?? error.title;
}

function messageOf(status: number, body: unknown, errors: readonly ApiErrorObject[]): string {
  const first = errors[0];
  const described = first && describeApiError(first);
  if (described) return described;
  const oauth = oauthErrorSchema.safeParse(body);
  if (oauth.success) return oauth.data.error_description ?? oauth.data.error;
  return `The server answered with status ${status}.`;
}

/** `Retry-After` as delay-seconds or an HTTP date (RFC 9110 §10.2.3), in milliseconds from `now`. */
function parseRetryAfter(value: string | null, now: number): number | undefined {
  if (value === null) return undefined;
  const text = value.trim();
  if (/^\d+$/.test(text)) return Number(text) * 1000;
  const date = Date.parse(text);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

/**
 * A response the API refused, with the JSON:API `errors` it sent (none when the body was not JSON:API,
 * such as a plain-text 401 from a gateway). A lost connection is not an ApiError: fetch's TypeError.
 */
export class ApiError extends Error {
  override readonly name = 'ApiError';
  readonly status: number;
  readonly errors: readonly ApiErrorObject[];
  /**
   * How long the server asked the client to wait before trying again (`Retry-After`, in seconds or as a
   * date), in milliseconds; undefined when it did not say.
   */
  readonly retryAfterMs: number | undefined;
  /** When the answer came, in `Date.now()` time: with retryAfterMs, when a retry may go. */
  readonly receivedAt: number;

  constructor(status: number, body: unknown, headers?: Headers) {
    const parsed = errorDocumentSchema.safeParse(body);
    const errors = parsed.success ? parsed.data.errors : [];
    super(messageOf(status, body, errors));
    this.status = status;
    this.errors = errors;
    this.receivedAt = Date.now();
    this.retryAfterMs = parseRetryAfter(headers?.get('Retry-After') ?? null, this.receivedAt);
  }

  /** The token lacks an OAuth scope the request needs; signing in again with the scope may help. */
  get isScopeRefusal(): boolean {
    return (
      this.status === 403 && this.errors.some((error) => error.id === 'unauthorizedOauthScope')
    );
  }

  /** The user may not do this to this record (governance); no token will change that. */
  get isGovernanceRefusal(): boolean {
    return this.status === 403 && this.errors.some((error) => error.id === 'unauthorizedRequest');
  }

  /**
   * For a 422, what is wrong with each attribute, by JSON pointer (`/data/attributes/number`); the first
   * error for a pointer wins. Empty for any other status.
   */
  get fieldErrors(): ReadonlyMap<string, string> {
    const fields = new Map<string, string>();
    if (this.status !== 422) return fields;
    for (const error of this.errors) {
      const pointer = error.source?.pointer;
      const description = describeApiError(error);
      if (pointer !== undefined && description !== undefined && !fields.has(pointer)) {
        fields.set(pointer, description);
      }
    }
    return fields;
  }
}

/**
 * The write was refused because the resource changed since it was read (412 preconditionFailed, after an
 * If-Match): read it again, and offer to apply the change to what it is now.
 */
export function isPreconditionFailed(error: unknown): error is ApiError {
  return error instanceof ApiError && error.status === 412;
}
