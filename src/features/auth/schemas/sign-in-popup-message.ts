import * as z from 'zod/mini';

export const SIGNED_IN_MESSAGE = 'phone-numbers-admin:signed-in';

/**
 * What the server's sign-in page in a popup posts back to the frame that opened it: a single-use code
 * that the frame exchanges for a session of its own (POST /auth/handoff).
 */
export const signInPopupMessageSchema = z.object({
  type: z.literal(SIGNED_IN_MESSAGE),
  code: z.string().check(z.minLength(1)),
});
