import * as z from 'zod/mini';

export const SIGN_IN_POPUP_MESSAGE = 'phone-numbers:sign-in-callback';

/** What a sign-in popup posts back to the frame that opened it: the callback URL it landed on. */
export const signInPopupMessageSchema = z.object({
  type: z.literal(SIGN_IN_POPUP_MESSAGE),
  url: z.url(),
});
