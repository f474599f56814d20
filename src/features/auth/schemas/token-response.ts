import * as z from 'zod/mini';

export const tokenResponseSchema = z.object({
  access_token: z.string().check(z.minLength(1)),
  token_type: z.string().check(z.regex(/^bearer$/i)),
  expires_in: z.number().check(z.positive()),
  refresh_token: z.optional(z.string().check(z.minLength(1))),
  scope: z.optional(z.string()),
});

export type TokenResponse = z.output<typeof tokenResponseSchema>;

/** RFC 6749 §5.2 error body. */
export const tokenErrorSchema = z.object({
  error: z.string(),
  error_description: z.optional(z.string()),
});
