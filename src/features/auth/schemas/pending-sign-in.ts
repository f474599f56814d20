import { z } from 'zod';

/** What the app keeps in sessionStorage across the redirect to the authorization page and back. */
export const pendingSignInSchema = z.object({
  codeVerifier: z.string().min(43),
  state: z.string().min(1),
  /** Where to go back to: a path on this origin, never another site. */
  returnTo: z.string().regex(/^\/(?![/\\])/),
});

export type PendingSignIn = z.output<typeof pendingSignInSchema>;
