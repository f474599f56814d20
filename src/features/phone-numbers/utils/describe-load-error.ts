import * as z from 'zod/mini';
import { ApiError } from '@/lib/api-error';
import { describeRateLimit } from '@/lib/rate-limit';

/** Why the phone numbers did not load, in words for a sales rep. */
export function describeLoadError(error: Error): string {
  if (error instanceof ApiError) {
    if (error.isScopeRefusal) {
      return "Your sign-in doesn't include permission to read phone numbers. Sign out, then sign in again and allow access to phone numbers.";
    }
    // A wait the app did not sit out by itself (query-client.ts): how long, and that it is the rep's turn.
    const rateLimited = describeRateLimit(error);
    if (rateLimited !== undefined) return rateLimited;
    if (error.status === 403) {
      return "You're not allowed to see these phone numbers. Ask an administrator if you need them.";
    }
    return error.message;
  }
  if (error instanceof z.core.$ZodError) {
    return "The server's answer was not in a form this app understands.";
  }
  // fetch rejects with a TypeError when the request never got an answer.
  if (error instanceof TypeError) return "The server couldn't be reached. Check your connection.";
  return error.message;
}

/** The server refused a page cursor, which happens when it is stale or was not one of its own. */
export function isCursorRefusal(error: Error | null): boolean {
  return (
    error instanceof ApiError &&
    error.status === 400 &&
    error.errors.some(
      (problem) =>
        problem.source?.parameter === 'page[after]' || problem.source?.parameter === 'page[before]',
    )
  );
}
