import * as z from 'zod/mini';
import { ApiError } from '@/lib/api-error';
import { describeRateLimit } from '@/lib/rate-limit';

/** Why a phone number was not saved (or deleted), in words for a sales rep. */
export function describeWriteError(error: unknown): string {
  if (error instanceof ApiError) {
    if (error.isScopeRefusal) {
      return "Your sign-in doesn't include permission to change phone numbers. Sign out, then sign in again and allow changes to phone numbers.";
    }
    // A wait the app did not sit out by itself (query-client.ts): how long, and that it is the rep's turn.
    const rateLimited = describeRateLimit(error);
    if (rateLimited !== undefined) return rateLimited;
    // Any other 403 on a write is governance: the user could change this record once, and no longer can.
    if (error.status === 403) {
      return "You no longer have permission to change this prospect's phone numbers.";
    }
    if (error.status === 404) return 'This phone number no longer exists.';
    return error.message;
  }
  if (error instanceof z.core.$ZodError) {
    return "The server's answer was not in a form this app understands. Reload to see whether the change was saved.";
  }
  // fetch rejects with a TypeError when the request never got an answer.
  if (error instanceof TypeError) {
    return "Couldn't reach the server. Check your connection and try again.";
  }
  return "The change couldn't be saved. Try again.";
}
