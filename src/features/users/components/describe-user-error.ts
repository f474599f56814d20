import { ApiError } from '@/lib/api-error';

/** What to say of a change the server did not make: its own words, or that it was not reached. */
export function describeUserError(error: unknown): string {
  if (error instanceof ApiError) return error.message;
  return 'The server could not be reached. Check your connection and try again.';
}
