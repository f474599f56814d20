import { describe, expect, it } from 'vitest';
import { ApiError } from './api-error';

describe('ApiError', () => {
  it('takes its message from the first error’s detail and keeps every error object', () => {
    const error = new ApiError(404, {
      errors: [
        {
          id: 'resourceNotFound',
          title: 'Resource not found',
          detail: 'There is no phoneNumber 7.',
          status: '404',
        },
        { id: 'other', title: 'Other' },
      ],
    });

    expect(error).toBeInstanceOf(Error);
    expect(error.name).toBe('ApiError');
    expect(error.status).toBe(404);
    expect(error.message).toBe('There is no phoneNumber 7.');
    expect(error.errors.map((object) => object.id)).toEqual(['resourceNotFound', 'other']);
  });

  it('reads Outreach’s details, a string or a list, when there is no detail', () => {
    const listed = new ApiError(422, {
      errors: [
        { id: 'validationError', title: 'Validation Error', details: ['Too long.', 'Bad.'] },
      ],
    });
    const single = new ApiError(400, {
      errors: [{ id: 'badRequest', title: 'Bad request', details: 'Unknown sort key.' }],
    });
    const titled = new ApiError(409, { errors: [{ id: 'conflict', title: 'Conflict' }] });

    expect(listed.message).toBe('Too long. Bad.');
    expect(single.message).toBe('Unknown sort key.');
    expect(titled.message).toBe('Conflict');
  });

  it('copes with a 401 whose body is not JSON:API', () => {
    const oauth = new ApiError(401, {
      error: 'invalid_token',
      error_description: 'The access token expired.',
    });
    const bare = new ApiError(401, { error: 'invalid_token' });
    const text = new ApiError(401, undefined);

    expect(oauth.errors).toEqual([]);
    expect(oauth.message).toBe('The access token expired.');
    expect(bare.message).toBe('invalid_token');
    expect(text.errors).toEqual([]);
    expect(text.message).toBe('The server answered with status 401.');
  });

  it('tells a missing OAuth scope from a governance refusal', () => {
    const scope = new ApiError(403, {
      errors: [{ id: 'unauthorizedOauthScope', title: 'Unauthorized OAuth Scope' }],
    });
    const governance = new ApiError(403, {
      errors: [{ id: 'unauthorizedRequest', title: 'Unauthorized Request' }],
    });
    const notFound = new ApiError(404, { errors: [{ id: 'unauthorizedRequest' }] });

    expect([scope.isScopeRefusal, scope.isGovernanceRefusal]).toEqual([true, false]);
    expect([governance.isScopeRefusal, governance.isGovernanceRefusal]).toEqual([false, true]);
    expect([notFound.isScopeRefusal, notFound.isGovernanceRefusal]).toEqual([false, false]);
  });

  it('maps a 422’s pointers to what is wrong, the first error for a pointer winning', () => {
    const error = new ApiError(422, {
      errors: [
        {
          id: 'validationError',
          detail: 'Enter a valid phone number.',
          source: { pointer: '/data/attributes/number' },
        },
        {
          id: 'validationError',
          details: ['Use 1 to 10 digits.'],
          source: { pointer: '/data/attributes/extension' },
        },
        {
          id: 'validationError',
          detail: 'This number is already on the prospect.',
          source: { pointer: '/data/attributes/number' },
        },
        { id: 'validationError', detail: 'Something else.' },
      ],
    });

    expect(Object.fromEntries(error.fieldErrors)).toEqual({
      '/data/attributes/number': 'Enter a valid phone number.',
      '/data/attributes/extension': 'Use 1 to 10 digits.',
    });
  });

  it('has no field errors unless the status is 422', () => {
    const error = new ApiError(400, {
      errors: [
        { id: 'badRequest', detail: 'Bad.', source: { pointer: '/data/attributes/number' } },
      ],
    });

    expect(error.fieldErrors.size).toBe(0);
  });
});
