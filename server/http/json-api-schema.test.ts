import { readFileSync } from 'node:fs';
import Ajv2020 from 'ajv/dist/2020';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { phoneNumberDocument } from '../testing/fixtures';
import { startTestServer, type TestServer } from '../testing/test-server';

/**
 * The JSON:API 1.0 response schema (../shared/reference, copied into server/testing), loosened only where
 * Outreach deviates on purpose: ids are JSON integers.
 */
function responseValidator() {
  const schema = JSON.parse(
    readFileSync(new URL('../testing/jsonapi-1.0-response.schema.json', import.meta.url), 'utf8'),
  ) as { definitions: { resourceIdentificationNew: { properties: { id: unknown } } } };
  schema.definitions.resourceIdentificationNew.properties.id = { type: ['string', 'integer'] };
  const ajv = new Ajv2020({ strict: false, validateFormats: false, allErrors: true });
  return ajv.compile(schema);
}

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer({ config: { rateLimitPerHour: 1000 } });
});
afterAll(async () => {
  await server.close();
});

const validate = responseValidator();

const requests: [
  string,
  string,
  { token?: string | null; body?: unknown; rawBody?: string; headers?: Record<string, string> }?,
][] = [
  ['GET', '/api/v2/phoneNumbers'],
  [
    'GET',
    '/api/v2/phoneNumbers?filter[prospect][id]=1&include=prospect&provideAuthorizationMeta=true&count=true',
  ],
  ['GET', '/api/v2/phoneNumbers?fields[phoneNumber]=number&page[size]=3'],
  ['GET', '/api/v2/phoneNumbers?fields[phoneNumber]=&page[size]=3'],
  ['GET', '/api/v2/phoneNumbers?filter[prospect][id]=3'],
  ['GET', '/api/v2/phoneNumbers/1?include=prospect&fields[prospect]=name,owner'],
  ['GET', '/api/v2/prospects?include=owner&provideAuthorizationMeta=true'],
  ['GET', '/api/v2/prospects/1'],
  ['GET', '/api/v2/users'],
  ['GET', '/api/v2/users/1'],
  ['POST', '/api/v2/phoneNumbers', { body: phoneNumberDocument({ number: '+14155550170' }, 1) }],
  [
    'PATCH',
    '/api/v2/phoneNumbers/1',
    { body: phoneNumberDocument({ status: 'invalid' }, undefined, 1) },
  ],
  ['GET', '/api/v2/phoneNumbers?sort=bogus'],
  ['GET', '/api/v2/phoneNumbers/424242'],
  ['GET', '/api/v2/phoneNumbers', { token: null }],
  ['GET', '/api/v2/users', { token: 'dev-readonly' }],
  ['DELETE', '/api/v2/phoneNumbers/1', { token: 'dev-viewer' }],
  ['POST', '/api/v2/phoneNumbers', { body: phoneNumberDocument({ number: 'nope', order: -1 }, 1) }],
  [
    'POST',
    '/api/v2/phoneNumbers',
    { rawBody: '{', headers: { 'Content-Type': 'application/vnd.api+json' } },
  ],
  [
    'POST',
    '/api/v2/phoneNumbers',
    { rawBody: '{}', headers: { 'Content-Type': 'application/json' } },
  ],
  ['PATCH', '/api/v2/phoneNumbers/1', { body: phoneNumberDocument({}, undefined, 2) }],
  [
    'POST',
    '/api/v2/phoneNumbers',
    { rawBody: 'x'.repeat(70_000), headers: { 'Content-Type': 'application/vnd.api+json' } },
  ],
  ['PUT', '/api/v2/phoneNumbers/1', { body: {} }],
  ['GET', '/api/v2/nothing-here'],
];

describe('every response is a valid JSON:API document', () => {
  it.each(requests)('%s %s', async (method, path, options) => {
    const response = await server.request(method, path, options ?? {});
    expect(response.headers.get('Content-Type')).toBe('application/vnd.api+json');
    const valid = validate(response.json);
    expect(validate.errors ?? [], JSON.stringify(response.json)).toEqual([]);
    expect(valid).toBe(true);
  });

  it('sends an empty 204 for a delete', async () => {
    const response = await server.request('DELETE', '/api/v2/phoneNumbers/2');
    expect(response.status).toBe(204);
    expect(response.text).toBe('');
  });
});
