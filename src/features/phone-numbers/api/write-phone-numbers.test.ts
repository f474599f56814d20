import { http, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import { ApiError } from '@/lib/api-error';
import type { PhoneNumberWritableAttributes } from '@contract/phone-number-rules';
import { errorResponse, jsonApiResponse } from '@/testing/json-api-response';
import { server } from '@/testing/msw-server';
import { createTestApiClient } from '@/testing/render-with-providers';
import { PHONE_NUMBERS_URL, phoneNumberResource } from '../testing/phone-number-documents';
import { createPhoneNumber, deletePhoneNumber, updatePhoneNumber } from './write-phone-numbers';

const client = createTestApiClient();

interface Received {
  url: URL;
  body: unknown;
  keepalive: boolean;
}

/** Answers `method` on `path` with `respond`, keeping what each request sent. */
function endpoint(method: 'post' | 'patch' | 'delete', path: string, respond: () => Response) {
  const received: Received[] = [];
  server.use(
    http[method](path, async ({ request }) => {
      const text = await request.text();
      received.push({
        url: new URL(request.url),
        body: text === '' ? undefined : JSON.parse(text),
        keepalive: request.keepalive,
      });
      return respond();
    }),
  );
  return received;
}

describe('createPhoneNumber', () => {
  it('POSTs the draft for the prospect and returns the created number with its permissions', async () => {
    const received = endpoint('post', PHONE_NUMBERS_URL, () =>
      jsonApiResponse(
        { data: phoneNumberResource(31, { extension: '12' }, { prospectId: 4, canDelete: false }) },
        201,
      ),
    );

    const created = await createPhoneNumber(client, 4, {
      number: '+14155550100',
      rawNumber: '(415) 555-0100',
      countryCode: 'US',
      phoneType: 'work',
      extension: '12',
    });

    expect(created).toMatchObject({ id: 31, prospectId: 4, extension: '12', canDelete: false });
    expect(received[0]?.url.searchParams.get('provideAuthorizationMeta')).toBe('true');
    expect(received[0]?.body).toEqual({
      data: {
        type: 'phoneNumber',
        attributes: {
          number: '+14155550100',
          rawNumber: '(415) 555-0100',
          countryCode: 'US',
          phoneType: 'work',
          extension: '12',
        },
        relationships: { prospect: { data: { type: 'prospect', id: 4 } } },
      },
    });
  });
});

describe('updatePhoneNumber', () => {
  it('PATCHes only the attributes it is given', async () => {
    const received = endpoint('patch', `${PHONE_NUMBERS_URL}/7`, () =>
      jsonApiResponse({ data: phoneNumberResource(7, { status: 'verified' }) }),
    );
    // Something wider than the changes, such as a row: its id and read-only attributes stay out.
    const rowLike = {
      id: 7,
      createdAt: '2026-08-02T09:37:00.000Z',
      status: 'verified',
      order: 2,
    } as const;
    const changes: PhoneNumberWritableAttributes = rowLike;

    const updated = await updatePhoneNumber(client, 7, { status: 'verified', extension: null });
    await updatePhoneNumber(client, 7, changes);

    expect(updated).toMatchObject({ id: 7, status: 'verified' });
    expect(received[0]?.url.searchParams.get('provideAuthorizationMeta')).toBe('true');
    expect(received.map(({ body }) => body)).toEqual([
      { data: { type: 'phoneNumber', id: 7, attributes: { status: 'verified', extension: null } } },
      { data: { type: 'phoneNumber', id: 7, attributes: { status: 'verified', order: 2 } } },
    ]);
  });

  it('rejects with the ApiError of a refusal', async () => {
    endpoint('patch', `${PHONE_NUMBERS_URL}/7`, () =>
      errorResponse(422, {
        id: 'validationError',
        detail: 'This isn’t a valid US number',
        source: { pointer: '/data/attributes/number' },
      }),
    );

    const error = await updatePhoneNumber(client, 7, { number: '123' }).catch(
      (failure: unknown) => failure,
    );

    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ status: 422 });
    expect(error instanceof ApiError && error.fieldErrors.get('/data/attributes/number')).toBe(
      'This isn’t a valid US number',
    );
  });
});

describe('deletePhoneNumber', () => {
  it('DELETEs the number, with keepalive when asked', async () => {
    const received = endpoint(
      'delete',
      `${PHONE_NUMBERS_URL}/:id`,
      () => new HttpResponse(null, { status: 204 }),
    );

    await deletePhoneNumber(client, 7);
    await deletePhoneNumber(client, 8, { keepalive: true });

    expect(received.map(({ url, keepalive }) => [url.pathname, keepalive])).toEqual([
      ['/api/v2/phoneNumbers/7', false],
      ['/api/v2/phoneNumbers/8', true],
    ]);
  });
});
