import * as z from 'zod/mini';
import { ApiError } from '@/lib/api-error';

/** Why the prospect did not load, in words for a sales rep. */
export function describeProspectLoadError(error: Error): string {
  if (error instanceof ApiError && error.isScopeRefusal) {
    return "Your sign-in doesn't include permission to read prospects and their owners. Sign out, then sign in again and allow it.";
  }
  if (error instanceof z.core.$ZodError) {
    return "The server's answer was not in a form this app understands.";
  }
  // fetch rejects with a TypeError when the request never got an answer.
  if (error instanceof TypeError) return "The server couldn't be reached. Check your connection.";
  return error.message;
}
