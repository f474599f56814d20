import { describe, expect, it } from 'vitest';
import { ApiError, type ApiErrorObject } from './api-error';
import { placeWriteError as placeWith } from './place-write-error';

const apiError = (status: number, ...errors: ApiErrorObject[]) =>
  new ApiError(status, { errors: errors.map((error) => ({ status: String(status), ...error })) });

const onAttribute = (attribute: string, detail: string): ApiErrorObject => ({
  id: 'validationError',
  title: 'Validation Error',
  detail,
  source: { pointer: `/data/attributes/${attribute}` },
});

/** The words of a failure no field takes: the server's own, as the forms show them. */
const inWords = (error: unknown) => (error instanceof ApiError ? error.message : 'Not saved.');
const placeWriteError = <Field extends string>(
  error: unknown,
  fieldOf: (attribute: string) => Field | undefined,
) => placeWith(error, fieldOf, inWords);

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
