import { z } from 'zod';

/** A JSON:API error object; loose, because Outreach adds members of its own (such as `details`). */
const errorObjectSchema = z.looseObject({
  id: z.string().optional(),
  title: z.string().optional(),
  detail: z.string().optional(),
  details: z.union([z.string(), z.array(z.string())]).optional(),
  status: z.string().optional(),
  source: z.object({ pointer: z.string().optional(), parameter: z.string().optional() }).optional(),
});

export type ApiErrorObject = z.output<typeof errorObjectSchema>;

export const errorDocumentSchema = z.object({ errors: z.array(errorObjectSchema) });

function describe(error: ApiErrorObject): string | undefined {
  const details = Array.isArray(error.details) ? error.details.join(' ') : error.details;
  return error.detail ?? (details || undefined) ?? error.title;
}

/** A response the API refused, with the JSON:API `errors` it sent (none when the body was not JSON:API). */
export class ApiError extends Error {
  override readonly name = 'ApiError';
  readonly status: number;
  readonly errors: readonly ApiErrorObject[];

  constructor(status: number, body: unknown) {
    const parsed = errorDocumentSchema.safeParse(body);
    const errors = parsed.success ? parsed.data.errors : [];
    const first = errors[0];
    super((first && describe(first)) ?? `The server answered with status ${status}.`);
    this.status = status;
    this.errors = errors;
  }
}
