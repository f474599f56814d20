import * as z from 'zod/mini';
import { describe, expect, it } from 'vitest';
import { ApiError, type ApiErrorObject } from '@/lib/api-error';
import { describeWriteError, placeWriteError } from './describe-write-error';

const apiError = (status: number, ...errors: ApiErrorObject[]) =>
  new ApiError(status, { errors: errors.map((error) => ({ status: String(status), ...error })) });

const onAttribute = (attribute: string, detail: string): ApiErrorObject => ({
  id: 'validationError',
  title: 'Validation Error',
  detail,
  source: { pointer: `/data/attributes/${attribute}` },
});

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

describe('placeWriteError', () => {
  const fieldOf = (attribute: string) =>
    attribute === 'number' || attribute === 'rawNumber'
      ? 'number'
      : attribute === 'extension'
        ? 'extension'
        : undefined;

  it('puts each 422 error on the field its pointer names, the first per field winning', () => {
    const placed = placeWriteError(
      apiError(
        422,
        onAttribute('number', 'That number is already on this prospect.'),
        onAttribute('rawNumber', 'Keep this under 256 characters.'),
        onAttribute('extension', 'An extension is 1 to 10 digits.'),
      ),
      fieldOf,
    );
    expect([...placed.fields]).toEqual([
      ['number', 'That number is already on this prospect.'],
      ['extension', 'An extension is 1 to 10 digits.'],
    ]);
    expect(placed.message).toBeUndefined();
  });

  it('keeps what names no field for the message', () => {
    const placed = placeWriteError(
      apiError(
        422,
        onAttribute('number', 'That number is already on this prospect.'),
        onAttribute('order', "Order can't be negative."),
        {
          detail: 'A phone number belongs to a prospect.',
          source: { pointer: '/data/relationships/prospect' },
        },
      ),
      fieldOf,
    );
    expect([...placed.fields]).toEqual([['number', 'That number is already on this prospect.']]);
    expect(placed.message).toBe("Order can't be negative. A phone number belongs to a prospect.");
  });

  it('undoes JSON pointer escapes in the attribute', () => {
    const placed = placeWriteError(apiError(422, onAttribute('a~1b~0c', 'Odd.')), (attribute) =>
      attribute === 'a/b~c' ? 'number' : undefined,
    );
    expect([...placed.fields]).toEqual([['number', 'Odd.']]);
  });

  it('describes any other failure in the message', () => {
    const placed = placeWriteError(apiError(500, { detail: 'Database is locked.' }), fieldOf);
    expect(placed.fields.size).toBe(0);
    expect(placed.message).toBe('Database is locked.');
    expect(placeWriteError(apiError(422, { detail: 'Bad document.' }), fieldOf).message).toBe(
      'Bad document.',
    );
  });
});
