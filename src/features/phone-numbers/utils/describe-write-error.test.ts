import * as z from 'zod/mini';
import { describe, expect, it } from 'vitest';
import { ApiError, type ApiErrorObject } from '@/lib/api-error';
import { describeWriteError } from './describe-write-error';

const apiError = (status: number, ...errors: ApiErrorObject[]) =>
  new ApiError(status, { errors: errors.map((error) => ({ status: String(status), ...error })) });

describe('describeWriteError', () => {
  it('says permission was lost on a governance refusal, and on any other 403', () => {
    const governance = apiError(403, { id: 'unauthorizedRequest', detail: 'Forbidden.' });
    expect(governance.isGovernanceRefusal).toBe(true);
    expect(describeWriteError(governance)).toBe(
      "You no longer have permission to change this prospect's phone numbers.",
    );
    expect(describeWriteError(apiError(403, { detail: 'No.' }))).toBe(
      "You no longer have permission to change this prospect's phone numbers.",
    );
  });

  it('says the sign-in lacks the permission on a scope refusal', () => {
    const scope = apiError(403, { id: 'unauthorizedOauthScope', detail: 'Missing scope.' });
    expect(describeWriteError(scope)).toBe(
      "Your sign-in doesn't include permission to change phone numbers. Sign out, then sign in again and allow changes to phone numbers.",
    );
  });

  it('says the number is gone on a 404', () => {
    expect(describeWriteError(apiError(404, { id: 'resourceNotFound', detail: 'Nope.' }))).toBe(
      'This phone number no longer exists.',
    );
  });

  it("gives the server's message otherwise, detail or Outreach's details", () => {
    expect(describeWriteError(apiError(409, { detail: 'The number changed meanwhile.' }))).toBe(
      'The number changed meanwhile.',
    );
    expect(describeWriteError(apiError(429, { details: ['Too many requests.'] }))).toBe(
      'Too many requests.',
    );
    expect(describeWriteError(new ApiError(502, 'Bad Gateway'))).toBe(
      'The server answered with status 502.',
    );
  });

  it('says the server was out of reach when fetch failed', () => {
    expect(describeWriteError(new TypeError('Failed to fetch'))).toBe(
      "Couldn't reach the server. Check your connection and try again.",
    );
  });

  it('says an unreadable answer may have saved, and anything else in a generic sentence', () => {
    expect(describeWriteError(z.string().safeParse(1).error)).toBe(
      "The server's answer was not in a form this app understands. Reload to see whether the change was saved.",
    );
    expect(describeWriteError(new Error('undefined is not a function'))).toBe(
      "The change couldn't be saved. Try again.",
    );
    expect(describeWriteError('boom')).toBe("The change couldn't be saved. Try again.");
  });
});
