import * as z from 'zod/mini';

/** What the app keeps in sessionStorage across the redirect to the authorization page and back. */
export const pendingSignInSchema = z.object({
  codeVerifier: z.string().check(z.minLength(43)),
  state: z.string().check(z.minLength(1)),
  /** Where to go back to: a path on this origin, never another site. */
  returnTo: z.string().check(z.regex(/^\/(?![/\\])/)),
});

export type PendingSignIn = z.output<typeof pendingSignInSchema>;
