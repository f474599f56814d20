import { describe, expect, it } from 'vitest';
import { JSON_API_MEDIA_TYPE } from '../../contract/json-api';
import { checkAgainstOpenApi } from './openapi-responses';

const phoneNumber = (attributes: Record<string, unknown>) => ({
  data: {
    type: 'phoneNumber',
    id: 1,
    attributes: { number: '+14155550100', phoneType: 'work', ...attributes },
  },
});

describe('checkAgainstOpenApi', () => {
  it('passes an answer the document describes', () => {
    expect(
      checkAgainstOpenApi(
        'GET',
        '/api/v2/phoneNumbers/1',
        200,
        JSON_API_MEDIA_TYPE,
        phoneNumber({}),
      ),
    ).toBeUndefined();
  });

  it('passes a type and a status outside the sets writes take, as Outreach may hold them', () => {
    expect(
      checkAgainstOpenApi(
        'GET',
        '/api/v2/phoneNumbers/1',
        200,
        JSON_API_MEDIA_TYPE,
        phoneNumber({ phoneType: 'fax', status: 'pending' }),
      ),
    ).toBeUndefined();
  });

  it('refuses a body the operation’s schema refuses', () => {
    expect(
      checkAgainstOpenApi(
        'GET',
        '/api/v2/phoneNumbers/1?include=prospect',
        200,
        JSON_API_MEDIA_TYPE,
        phoneNumber({ phoneType: 7 }),
      ),
    ).toMatch(
      /GET \/api\/v2\/phoneNumbers\/1\?include=prospect answered 200 with a body openapi.json refuses: .*phoneType/,
    );
  });

  it('refuses a status the operation does not list', () => {
    expect(checkAgainstOpenApi('DELETE', '/api/v2/phoneNumbers/1', 200, null, undefined)).toBe(
      'DELETE /phoneNumbers/{id} answered 200, which openapi.json does not list',
    );
  });

  it('refuses an error that is not an error document', () => {
    expect(
      checkAgainstOpenApi('GET', '/api/v2/phoneNumbers/9', 404, JSON_API_MEDIA_TYPE, {
        message: 'Not found',
      }),
    ).toMatch(/refuses/);
    expect(
      checkAgainstOpenApi('GET', '/api/v2/nowhere', 404, JSON_API_MEDIA_TYPE, { errors: [{}] }),
    ).toMatch(/refuses/);
  });

  it('refuses another media type where the document names JSON:API', () => {
    expect(
      checkAgainstOpenApi('GET', '/api/v2/users', 200, 'application/json', { data: [], links: {} }),
    ).toMatch(/as application\/json, not application\/vnd.api\+json/);
  });

  it('leaves alone what is not an operation of the API', () => {
    expect(
      checkAgainstOpenApi('GET', '/oauth/authorize', 200, 'text/html', undefined),
    ).toBeUndefined();
    expect(
      checkAgainstOpenApi('GET', '/api/v2/openapi.json', 200, 'application/json', {}),
    ).toBeUndefined();
  });
});
